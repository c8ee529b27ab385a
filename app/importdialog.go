package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate/formats"
)

// importDialog asks for a format, then for a file (a folder for brat), and
// imports it.
func (ws *workspace) importDialog() {
	if ws.store == nil {
		return
	}
	choice := widget.NewSelect(importChoices(), nil)
	choice.SetSelected(autoFormat)
	trust := widget.NewCheck("Trust offsets (do not check spans against their quoted text)", nil)
	form := container.NewVBox(choice, trust, widget.NewLabel(importNotes()))
	dialog.ShowCustomConfirm("Import documents", "Choose…", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		f, named := formatTitled(choice.Selected)
		trusted := trust.Checked
		switch {
		case !named:
			ws.chooseFile(importFilter(f, named), func(path string) { ws.importPaths([]string{path}) })
		case f.Folder:
			ws.chooseFolder(f, trusted)
		default:
			ws.chooseFile(importFilter(f, named), func(path string) { ws.importFormat(f.Name, path, trusted) })
		}
	}, ws.win)
}

// chooseFile asks for a file to read, showing only those filter matches
// unless it is nil, and passes its path on.
func (ws *workspace) chooseFile(filter storage.FileFilter, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			ws.showError(err)
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, ws.win)
	if filter != nil {
		d.SetFilter(filter)
	}
	d.Show()
}

// chooseFolder asks for a folder of format f (brat's); its Cancel offers
// a file of f's extensions (a .zip) instead.
func (ws *workspace) chooseFolder(f formats.Format, trusted bool) {
	dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
		switch {
		case err != nil:
			ws.showError(err)
		case l == nil:
			ws.chooseFile(importFilter(f, true), func(path string) { ws.importFormat(f.Name, path, trusted) })
		default:
			ws.importFormat(f.Name, l.Path(), trusted)
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
