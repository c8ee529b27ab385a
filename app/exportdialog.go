package app

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate/formats"
)

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
	opts := newExportChoices()
	choice := widget.NewSelect(exportFormats(), func(title string) {
		file.SetText(strings.TrimSuffix(file.Text, filepath.Ext(file.Text)) + exportExt(title))
		f, _ := formatTitled(title)
		opts.show(f)
	})
	first := exportFormats()[0]
	file.SetText(filepath.Join(filepath.Dir(project), base+exportExt(first)))
	choice.SetSelected(first)
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
		widget.NewFormItem("Options", opts.box),
	)
	d := dialog.NewCustomConfirm("Export project", "Export", "Cancel", form, func(ok bool) {
		if f, named := formatTitled(choice.Selected); ok && named {
			ws.exportChecked(file.Text, f.Name, opts.options())
		}
	}, ws.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	ws.showKeyed(d, d.Confirm)
}

// exportChecked exports to path in format, a name of formats.All, with
// o's options, asking first when that replaces a file, and refusing what
// an export never replaces (formats.WriteFile).
func (ws *workspace) exportChecked(path, format string, o formats.ExportOptions) {
	path = ws.besideProject(path)
	err := formats.CheckOutput(path, false)
	switch {
	case errors.Is(err, fs.ErrExist):
		ws.showConfirm("Replace file?", filepath.Base(path)+" exists in "+filepath.Dir(path)+". Replace it?", func(ok bool) {
			if ok {
				o.Replace = true
				ws.exportTo(path, format, o)
			}
		})
	case err != nil:
		ws.showError(fmt.Errorf("export: %w", err))
	default:
		ws.exportTo(path, format, o)
	}
}

// besideProject returns path made absolute: a relative name typed in
// the export or import dialog is relative to the project's folder, where
// the export dialog starts, not to wherever Spanmark was started.
func (ws *workspace) besideProject(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(filepath.Dir(ws.store.Path()), path)
}

// exportTo writes the project to path on a worker goroutine, through
// formats.ExportPath with o's options as the command line does: path is
// never half written, even when cancelled, and replaced only when
// o.Replace is set.
func (ws *workspace) exportTo(path, format string, o formats.ExportOptions) {
	st := ws.store
	infos, err := st.Documents()
	if err != nil {
		ws.showError(err)
		return
	}
	total := 0
	for _, in := range infos {
		if o.Status == "" || in.Status == o.Status {
			total++
		}
	}
	p := newProgress(ws.win, "Exporting", total)
	var warnings, written []string
	done := 0
	ws.run.Go(func() error {
		o.Warn = func(msg string) { warnings = append(warnings, msg) }
		o.Progress = func(n int, title string) error {
			if p.cancelled() {
				return errCancelled
			}
			done = n
			ws.run.Do(func() { p.set(n, title) })
			return nil
		}
		var err error
		written, err = formats.ExportPath(path, format, st, o)
		return err
	}, func(err error) {
		p.hide()
		switch {
		case errors.Is(err, errCancelled):
			ws.showInfo("Export", "Export cancelled; nothing was written.")
		case err != nil:
			ws.showError(fmt.Errorf("export: %w", err))
		default:
			msg := fmt.Sprintf("Exported %s to %s.", plural(done, "document"), strings.Join(written, " and "))
			if len(warnings) > 0 {
				msg += fmt.Sprintf("\n%d notes:\n%s", len(warnings), strings.Join(first(warnings, 10), "\n"))
			}
			ws.showInfo("Export", msg)
		}
	})
}
