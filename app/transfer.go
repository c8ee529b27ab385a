package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/formats"
)

// errCancelled stops an export the person cancelled.
var errCancelled = errors.New("cancelled")

// progress is a dialog with a bar and a Cancel button for long work done
// on another goroutine. Its methods other than cancelled must run on
// Fyne's goroutine (inside fyne.Do when called from the worker).
type progress struct {
	d      dialog.Dialog
	bar    *widget.ProgressBar
	detail *widget.Label
	stop   atomic.Bool
}

func newProgress(win fyne.Window, title string, total int) *progress {
	p := &progress{bar: widget.NewProgressBar(), detail: widget.NewLabel("")}
	p.bar.Max = float64(max(total, 1))
	p.detail.Truncation = fyne.TextTruncateEllipsis
	cancel := widget.NewButton("Cancel", func() { p.stop.Store(true) })
	content := container.NewVBox(p.bar, p.detail, container.NewCenter(cancel))
	p.d = dialog.NewCustomWithoutButtons(title, content, win)
	p.d.Resize(fyne.NewSize(420, 160))
	p.d.Show()
	return p
}

// cancelled reports whether Cancel was pressed; safe from any goroutine.
func (p *progress) cancelled() bool { return p.stop.Load() }

func (p *progress) set(done int, detail string) {
	p.bar.SetValue(float64(done))
	p.detail.SetText(detail)
}

func (p *progress) hide() { p.d.Hide() }

// importDialog asks for a file, or with Import folder… a folder, to import.
func (ws *workspace) importDialog() {
	if ws.store == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			ws.showError(err)
			return
		}
		path := r.URI().Path()
		r.Close()
		ws.importPaths([]string{path})
	}, ws.win)
	d.Show()
}

// importFolderDialog asks for a folder whose files are all imported.
func (ws *workspace) importFolderDialog() {
	if ws.store == nil {
		return
	}
	dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			ws.showError(err)
			return
		}
		ws.importPaths([]string{l.Path()})
	}, ws.win)
}

// importPaths imports files on a worker goroutine, each file all or
// nothing, with a progress dialog. Cancel stops before the next file.
func (ws *workspace) importPaths(paths []string) {
	files, _, err := formats.Files(paths)
	if err != nil {
		ws.showError(err)
		return
	}
	st := ws.store
	p := newProgress(ws.win, "Importing", len(files))
	go func() {
		var sum importSummary
		for i, f := range files {
			if p.cancelled() {
				sum.cancelled = true
				break
			}
			res, err := formats.ImportFile(st, f)
			sum.add(f, res, err)
			fyne.Do(func() { p.set(i+1, filepath.Base(f)) })
		}
		fyne.Do(func() {
			p.hide()
			ws.afterImport(sum)
		})
	}()
}

// importSummary gathers what an import of several files did.
type importSummary struct {
	added, skipped int
	failed         []string
	cancelled      bool
}

func (s *importSummary) add(file string, res annotate.ImportResult, err error) {
	if err != nil {
		s.failed = append(s.failed, err.Error())
		return
	}
	s.added += len(res.Added)
	s.skipped += len(res.Skipped)
}

func (s importSummary) String() string {
	msg := fmt.Sprintf("%d documents added, %d already in the project.", s.added, s.skipped)
	if s.cancelled {
		msg += "\nCancelled: the files after the last one shown were not imported."
	}
	if len(s.failed) > 0 {
		msg += fmt.Sprintf("\n%d files not imported (nothing from them was written):\n%s",
			len(s.failed), strings.Join(s.failed, "\n"))
	}
	return msg
}

func (ws *workspace) afterImport(sum importSummary) {
	if err := ws.reloadSchema(); err != nil {
		ws.showError(err)
	}
	if err := ws.reloadDocuments(); err != nil {
		ws.showError(err)
	}
	if ws.sess == nil {
		if first, ok := ws.docs.first(); ok {
			if err := ws.openDocument(first); err != nil {
				ws.showError(err)
			}
		}
	}
	dialog.ShowInformation("Import", sum.String(), ws.win)
}

// exportFormats are the formats File → Export offers, spanmark's first.
func exportFormats() []string {
	names := []string{"spanmark JSON", "spanmark JSONL"}
	var others []string
	for name := range formats.Exporters {
		others = append(others, name)
	}
	slices.Sort(others)
	return append(names, others...)
}

// exportExt is the file extension an export format writes.
func exportExt(format string) string {
	switch format {
	case "spanmark JSON", "labelstudio", "w3c":
		return ".json"
	case "brat":
		return ".zip"
	case "conll":
		return ".conll"
	}
	return ".jsonl"
}

// exportDialog asks for a format, then a file, and exports the project.
func (ws *workspace) exportDialog() {
	if ws.store == nil {
		return
	}
	choice := widget.NewSelect(exportFormats(), nil)
	choice.SetSelected("spanmark JSON")
	dialog.ShowCustomConfirm("Export project", "Choose file…", "Cancel", choice, func(ok bool) {
		if !ok {
			return
		}
		format := choice.Selected
		save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				ws.showError(err)
				return
			}
			path := w.URI().Path()
			w.Close()
			ws.exportTo(path, format)
		}, ws.win)
		save.SetFileName(strings.TrimSuffix(filepath.Base(ws.store.Path()), filepath.Ext(ws.store.Path())) + exportExt(format))
		save.Show()
	}, ws.win)
}

// exportTo writes the project to path on a worker goroutine. It writes a
// temporary file beside path and renames it when complete, so path is
// never half written, even when cancelled.
func (ws *workspace) exportTo(path, format string) {
	st := ws.store
	infos, err := st.Documents()
	if err != nil {
		ws.showError(err)
		return
	}
	p := newProgress(ws.win, "Exporting", len(infos))
	go func() {
		var warnings []string
		done := 0
		each := func(fn func(*annotate.DocumentData) error) error {
			return st.Each(func(d *annotate.DocumentData) error {
				if p.cancelled() {
					return errCancelled
				}
				done++
				n, title := done, d.Document.Title
				fyne.Do(func() { p.set(n, title) })
				return fn(d)
			})
		}
		err := formats.WriteFileAtomic(path, func(f *os.File) error {
			return formats.Export(f, format, st, each, func(msg string) { warnings = append(warnings, msg) })
		})
		fyne.Do(func() {
			p.hide()
			switch {
			case errors.Is(err, errCancelled):
				dialog.ShowInformation("Export", "Export cancelled; nothing was written.", ws.win)
			case err != nil:
				ws.showError(fmt.Errorf("export %s: %w", path, err))
			default:
				msg := fmt.Sprintf("Exported %d documents to %s.", done, path)
				if len(warnings) > 0 {
					msg += fmt.Sprintf("\n%d notes:\n%s", len(warnings), strings.Join(first(warnings, 10), "\n"))
				}
				dialog.ShowInformation("Export", msg, ws.win)
			}
		})
	}()
}

// first returns at most n items of s.
func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… and %d more", len(s)-n))
	}
	return s
}
