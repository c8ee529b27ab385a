package app

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate/formats"
)

// errCancelled stops an export the person cancelled.
var errCancelled = errors.New("cancelled")

// progress is a dialog with a bar and a Cancel button for long work done
// on another goroutine. Its methods other than cancelled must run on
// Fyne's goroutine (inside the runner's Do when called from the work).
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

// autoFormat is the import choice that goes by the file's extension:
// .txt and .md as plain text, .json and .jsonl in spanmark format.
const autoFormat = "Text or spanmark JSON (by extension)"

// importDialog asks for a format, then for a file (a folder for brat), and
// imports it.
func (ws *workspace) importDialog() {
	if ws.store == nil {
		return
	}
	choices := []string{autoFormat}
	for name := range formats.Importers {
		choices = append(choices, name)
	}
	slices.Sort(choices[1:])
	choice := widget.NewSelect(choices, nil)
	choice.SetSelected(autoFormat)
	trust := widget.NewCheck("Trust offsets (do not check spans against their quoted text)", nil)
	form := container.NewVBox(choice, trust,
		widget.NewLabel("brat: choose the folder of .txt and .ann files, or its .zip."))
	dialog.ShowCustomConfirm("Import documents", "Choose…", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		format, trusted := choice.Selected, trust.Checked
		if format == "brat" {
			ws.chooseBrat(trusted)
			return
		}
		ws.chooseFile(func(path string) {
			if format == autoFormat {
				ws.importPaths([]string{path})
			} else {
				ws.importFormat(format, path, trusted)
			}
		})
	}, ws.win)
}

// chooseFile asks for a file to read and passes its path on.
func (ws *workspace) chooseFile(then func(path string)) {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			ws.showError(err)
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, ws.win)
}

// chooseBrat asks for a brat folder; its Cancel offers a .zip instead.
func (ws *workspace) chooseBrat(trusted bool) {
	dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
		switch {
		case err != nil:
			ws.showError(err)
		case l == nil:
			ws.chooseFile(func(path string) { ws.importFormat("brat", path, trusted) })
		default:
			ws.importFormat("brat", l.Path(), trusted)
		}
	}, ws.win)
}

// importFormat imports one file of another tool's format on a worker
// goroutine, all or nothing, and says what was repaired or left out.
func (ws *workspace) importFormat(format, path string, trusted bool) {
	ws.importFiles([]string{path}, formats.FilesOptions{Format: format, Import: formats.ImportOptions{TrustOffsets: trusted}})
}

// formatReport says what an import from another tool's format repaired,
// left out or added.
func formatReport(rep formats.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d annotations, %d relations.", rep.Annotations, rep.Relations)
	if rep.Repaired > 0 {
		fmt.Fprintf(&b, "\n%d spans had offsets that did not fit their text and were re-anchored.", rep.Repaired)
	}
	if len(rep.NewLabels) > 0 {
		names := make([]string, len(rep.NewLabels))
		for i, l := range rep.NewLabels {
			names[i] = l.Name
		}
		fmt.Fprintf(&b, "\nNew labels added to the project: %s.", strings.Join(names, ", "))
	}
	for _, r := range rep.NewRelations {
		fmt.Fprintf(&b, "\nNew relation type added to the project: %s (%s → %s).", r.Name, r.FromKind, r.ToKind)
	}
	if len(rep.Unconfirmed) > 0 {
		fmt.Fprintf(&b, "\n%d spans left out (their text was not found):\n%s", len(rep.Unconfirmed), strings.Join(first(rep.Unconfirmed, 10), "\n"))
	}
	if len(rep.Notes) > 0 {
		fmt.Fprintf(&b, "\nNotes:\n%s", strings.Join(first(rep.Notes, 10), "\n"))
	}
	return b.String()
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

// importPaths imports the files of paths (folders are searched) that
// are read by their extension.
func (ws *workspace) importPaths(paths []string) {
	files, _, err := formats.Files(paths)
	if err != nil {
		ws.showError(err)
		return
	}
	ws.importFiles(files, formats.FilesOptions{})
}

// importFiles imports files on a worker goroutine through
// formats.ImportFiles, as the command line does: each file all or
// nothing, going on past files that fail, with a progress dialog whose
// Cancel stops before the next file.
func (ws *workspace) importFiles(files []string, o formats.FilesOptions) {
	st := ws.store
	title := "Importing"
	if len(files) == 1 {
		title += " " + filepath.Base(files[0])
	}
	p := newProgress(ws.win, title, len(files))
	var sum importSummary
	ws.run.Go(func() error {
		o.Each = func(n int, f formats.FileImport) bool {
			sum.add(f)
			ws.run.Do(func() { p.set(n, filepath.Base(f.Path)) })
			if p.cancelled() && n < len(files) {
				sum.cancelled = true
				return false
			}
			return true
		}
		// Each file's error is in the summary.
		formats.ImportFiles(st, files, o)
		return nil
	}, func(error) {
		p.hide()
		if ws.store == st {
			ws.afterImport(sum)
		}
	})
}

// importSummary gathers what an import of several files did.
type importSummary struct {
	added, skipped, empty int
	renamed               int
	failed                []string
	cancelled             bool
	reports               []string // what imports from another tool's format found
}

func (s *importSummary) add(f formats.FileImport) {
	switch {
	case f.Err != nil:
		s.failed = append(s.failed, f.Err.Error())
	case f.Empty:
		s.empty++
	default:
		s.added += len(f.Result.Added)
		s.skipped += len(f.Result.Skipped)
		s.renamed += len(f.Result.Renamed)
		if f.Report.Annotations > 0 || f.Report.Relations > 0 || len(f.Report.NewLabels) > 0 {
			s.reports = append(s.reports, formatReport(f.Report))
		}
	}
}

func (s importSummary) String() string {
	msg := fmt.Sprintf("%d documents added, %d already in the project.", s.added, s.skipped)
	if s.renamed > 0 {
		msg += fmt.Sprintf("\n%d documents had an id another text has here and were added under a new one.", s.renamed)
	}
	if s.empty > 0 {
		msg += fmt.Sprintf("\n%d empty files passed over.", s.empty)
	}
	for _, r := range s.reports {
		msg += "\n" + r
	}
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

// exportDialog asks for a format and a file, and exports the project.
// The file is named in an entry, with a folder picker beside it, rather
// than in Fyne's save dialog: that dialog opens the chosen file for
// writing, emptying it, before the export has checked anything, and the
// file may be the open project itself.
func (ws *workspace) exportDialog() {
	if ws.store == nil {
		return
	}
	project := ws.store.Path()
	if abs, err := filepath.Abs(project); err == nil {
		project = abs
	}
	base := strings.TrimSuffix(filepath.Base(project), filepath.Ext(project))
	file := widget.NewEntry()
	choice := widget.NewSelect(exportFormats(), func(format string) {
		file.SetText(strings.TrimSuffix(file.Text, filepath.Ext(file.Text)) + exportExt(format))
	})
	file.SetText(filepath.Join(filepath.Dir(project), base+".json"))
	choice.SetSelected("spanmark JSON")
	browse := widget.NewButton("Folder…", func() {
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				ws.showError(err)
				return
			}
			file.SetText(filepath.Join(dir.Path(), filepath.Base(file.Text)))
		}, ws.win)
	})
	form := widget.NewForm(
		widget.NewFormItem("Format", choice),
		widget.NewFormItem("File", container.NewBorder(nil, nil, nil, browse, file)),
	)
	d := dialog.NewCustomConfirm("Export project", "Export", "Cancel", form, func(ok bool) {
		if ok {
			ws.exportChecked(file.Text, choice.Selected)
		}
	}, ws.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

// exportChecked exports to path, asking first when that replaces a file,
// and refusing what an export never replaces (formats.WriteFile).
func (ws *workspace) exportChecked(path, format string) {
	if !filepath.IsAbs(path) {
		// A relative name is relative to the project's folder, where the
		// dialog starts, not to wherever Spanmark was started.
		path = filepath.Join(filepath.Dir(ws.store.Path()), path)
	}
	err := formats.CheckOutput(path, false)
	switch {
	case errors.Is(err, fs.ErrExist):
		dialog.ShowConfirm("Replace file?", filepath.Base(path)+" exists in "+filepath.Dir(path)+". Replace it?", func(ok bool) {
			if ok {
				ws.exportTo(path, format, true)
			}
		}, ws.win)
	case err != nil:
		ws.showError(fmt.Errorf("export: %w", err))
	default:
		ws.exportTo(path, format, false)
	}
}

// exportTo writes the project to path on a worker goroutine, through
// formats.ExportPath as the command line does: path is never half
// written, even when cancelled, and replaced only when replace is set.
func (ws *workspace) exportTo(path, format string, replace bool) {
	st := ws.store
	infos, err := st.Documents()
	if err != nil {
		ws.showError(err)
		return
	}
	p := newProgress(ws.win, "Exporting", len(infos))
	var warnings, written []string
	done := 0
	ws.run.Go(func() error {
		o := formats.ExportOptions{
			Replace: replace,
			Warn:    func(msg string) { warnings = append(warnings, msg) },
			Progress: func(n int, title string) error {
				if p.cancelled() {
					return errCancelled
				}
				done = n
				ws.run.Do(func() { p.set(n, title) })
				return nil
			},
		}
		var err error
		written, err = formats.ExportPath(path, exportFormat(format), st, o)
		return err
	}, func(err error) {
		p.hide()
		switch {
		case errors.Is(err, errCancelled):
			dialog.ShowInformation("Export", "Export cancelled; nothing was written.", ws.win)
		case err != nil:
			ws.showError(fmt.Errorf("export: %w", err))
		default:
			msg := fmt.Sprintf("Exported %d documents to %s.", done, strings.Join(written, " and "))
			if len(warnings) > 0 {
				msg += fmt.Sprintf("\n%d notes:\n%s", len(warnings), strings.Join(first(warnings, 10), "\n"))
			}
			dialog.ShowInformation("Export", msg, ws.win)
		}
	})
}

// exportFormat returns the formats package's name of a format the export
// dialog lists.
func exportFormat(name string) string {
	switch name {
	case "spanmark JSON":
		return "json"
	case "spanmark JSONL":
		return "jsonl"
	}
	return name
}

// first returns at most n items of s.
func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… and %d more", len(s)-n))
	}
	return s
}

// compactProject closes the project, compacts its file on a worker
// goroutine and opens it again on the same document.
func (ws *workspace) compactProject() {
	if ws.store == nil || ws.cfg.Compact == nil {
		return
	}
	path := ws.store.Path()
	var doc string
	if ws.sess != nil {
		doc = ws.sess.Document().ID
	}
	if err := ws.close(); err != nil {
		ws.showError(err)
		return
	}
	p := newProgress(ws.win, "Compacting "+filepath.Base(path), 1)
	var before, after int64
	ws.run.Go(func() (err error) {
		before, after, err = ws.cfg.Compact(path)
		return err
	}, func(err error) {
		p.hide()
		if oerr := ws.openProject(path); oerr != nil {
			ws.showError(fmt.Errorf("reopen %s: %w", path, oerr))
			return
		}
		if doc != "" {
			if oerr := ws.openDocument(doc); oerr != nil {
				ws.showError(oerr)
			}
		}
		if err != nil {
			ws.showError(fmt.Errorf("compact %s: %w (the project is unchanged)", path, err))
			return
		}
		dialog.ShowInformation("Compact", fmt.Sprintf("%s: %s before, %s after.", filepath.Base(path), size(before), size(after)), ws.win)
	})
}

// size writes a file size for people.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
