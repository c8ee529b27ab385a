package app

import (
	"errors"
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

// importDialog asks for a format and for what to import: paths, one a
// line, typed or added with the File… and Folder… buttons. Fyne's
// pickers choose one file or one folder, never either and never
// several, so they add a line to the list rather than stand for it; a
// brat .zip is added with File…, a brat folder with Folder….
func (ws *workspace) importDialog() {
	if ws.store == nil {
		return
	}
	paths := widget.NewMultiLineEntry()
	paths.SetPlaceHolder("One file or folder a line")
	paths.SetMinRowsVisible(3)
	paths.Wrapping = fyne.TextWrapOff
	choice := widget.NewSelect(importChoices(), nil)
	file := widget.NewButton("File…", func() {
		f, named := formatTitled(choice.Selected)
		ws.chooseFile(importFilter(f, named), func(path string) { addLine(paths, path) })
	})
	folder := widget.NewButton("Folder…", func() { ws.chooseFolder(func(path string) { addLine(paths, path) }) })
	choice.OnChanged = func(title string) {
		// A folder is searched for files read by extension, or is one
		// brat collection; other formats come one file at a time.
		if f, named := formatTitled(title); named && !f.Folder {
			folder.Disable()
		} else {
			folder.Enable()
		}
	}
	choice.SetSelected(autoFormat)
	trust := widget.NewCheck("Trust offsets (do not check spans against their quoted text)", nil)
	form := widget.NewForm(
		widget.NewFormItem("Format", choice),
		widget.NewFormItem("Files", container.NewBorder(nil, container.NewHBox(file, folder), nil, nil, paths)),
		widget.NewFormItem("", trust),
		widget.NewFormItem("", widget.NewLabel(importNotes())),
	)
	d := dialog.NewCustomConfirm("Import documents", "Import", "Cancel", form, func(ok bool) {
		if ok {
			ws.importChosen(choice.Selected, trust.Checked, paths.Text)
		}
	}, ws.win)
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	ws.showKeyed(d, d.Confirm)
}

// addLine adds path to the list of paths in e, a line of its own.
func addLine(e *widget.Entry, path string) {
	text := strings.TrimRight(e.Text, "\n")
	if text != "" {
		text += "\n"
	}
	e.SetText(text + path)
}

// importChosen imports the paths in text, one a line, in the format
// titled title (an entry of importChoices): by extension, folders
// searched, or each path one file (or brat folder) of a named format.
// A relative path is relative to the project's folder.
func (ws *workspace) importChosen(title string, trusted bool, text string) {
	var paths []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paths = append(paths, ws.besideProject(line))
		}
	}
	if len(paths) == 0 {
		ws.showError(errors.New("import: no file or folder given"))
		return
	}
	if f, named := formatTitled(title); named {
		ws.importFormat(f.Name, paths, trusted)
		return
	}
	ws.importPaths(paths)
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
	ws.startInProjectFolder(d)
	d.Show()
}

// chooseFolder asks for a folder and passes its path on.
func (ws *workspace) chooseFolder(then func(path string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			ws.showError(err)
			return
		}
		then(l.Path())
	}, ws.win)
	ws.startInProjectFolder(d)
	d.Show()
}

// startInProjectFolder opens d in the project's folder, where what is
// imported is usually kept, rather than in the home folder.
func (ws *workspace) startInProjectFolder(d *dialog.FileDialog) {
	if ws.store == nil {
		return
	}
	project, err := filepath.Abs(ws.store.Path())
	if err != nil {
		return
	}
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(project))); err == nil {
		d.SetLocation(dir)
	}
}

// importFormat imports files (or brat folders) of another tool's format
// on a worker goroutine, each all or nothing, and says what was
// repaired or left out.
func (ws *workspace) importFormat(format string, paths []string, trusted bool) {
	ws.importFiles(paths, formats.FilesOptions{Format: format, Import: formats.ImportOptions{TrustOffsets: trusted}})
}

// formatReport says what an import from another tool's format repaired,
// left out or added.
func formatReport(rep formats.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s.", plural(rep.Annotations, "annotation"), plural(rep.Relations, "relation"))
	if rep.Repaired > 0 {
		fmt.Fprintf(&b, "\n%s had offsets that did not fit their text and were re-anchored.", plural(rep.Repaired, "span"))
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
		fmt.Fprintf(&b, "\n%s left out (their text was not found):\n%s", plural(len(rep.Unconfirmed), "span"), strings.Join(first(rep.Unconfirmed, 10), "\n"))
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
	ws.chooseFolder(func(path string) { ws.importPaths([]string{path}) })
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
	msg := fmt.Sprintf("%s added, %d already in the project.", plural(s.added, "document"), s.skipped)
	if s.renamed > 0 {
		msg += fmt.Sprintf("\n%s had an id another text has here and were added under a new one.", plural(s.renamed, "document"))
	}
	if s.empty > 0 {
		msg += fmt.Sprintf("\n%s passed over.", plural(s.empty, "empty file"))
	}
	for _, r := range s.reports {
		msg += "\n" + r
	}
	if s.cancelled {
		msg += "\nCancelled: the files after the last one shown were not imported."
	}
	if len(s.failed) > 0 {
		msg += fmt.Sprintf("\n%s not imported (nothing from them was written):\n%s",
			plural(len(s.failed), "file"), strings.Join(s.failed, "\n"))
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
	ws.showInfo("Import", sum.String())
}
