package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

func shortcut(k fyne.KeyName, m fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

const ctrl = fyne.KeyModifierShortcutDefault

func (ws *workspace) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Shortcut = sc
		return it
	}
	recent := fyne.NewMenuItem("Recent projects", nil)
	recent.ChildMenu = fyne.NewMenu("")
	ws.recentMenu = recent
	ws.refreshRecent()

	ws.undoItem = item("Undo", &fyne.ShortcutUndo{}, ws.undo)
	ws.redoItem = item("Redo", shortcut(fyne.KeyZ, ctrl|fyne.KeyModifierShift), ws.redo)
	ws.closeReviewItem = item("Close review", nil, ws.closeReview)
	ws.closeReviewItem.Disabled = ws.review == nil
	ws.allLinksItem = item("Show all links", nil, ws.toggleAllLinks)
	ws.allLinksItem.Checked = ws.prefs.allLinks()
	ws.labelsItem = item("Show label names", nil, ws.toggleLabels)
	ws.labelsItem.Checked = ws.prefs.labels()
	ws.suggestItem = item("Show suggestions", nil, ws.toggleSuggestions)
	ws.suggestItem.Checked = ws.prefs.suggestions()
	compact := item("Compact project", nil, ws.compactProject)
	compact.Disabled = ws.cfg.Compact == nil
	file := fyne.NewMenu("File",
		item("New project…", shortcut(fyne.KeyN, ctrl), ws.newProjectDialog),
		item("Open project…", shortcut(fyne.KeyO, ctrl), ws.openProjectDialog),
		recent,
		fyne.NewMenuItemSeparator(),
		item("Import documents…", shortcut(fyne.KeyI, ctrl), ws.importDialog),
		item("Import folder…", nil, ws.importFolderDialog),
		item("Export…", shortcut(fyne.KeyE, ctrl), ws.exportDialog),
		compact,
		fyne.NewMenuItemSeparator(),
		item("Review teammate's file…", nil, ws.reviewDialog),
		item("Review teammates' files…", nil, ws.reviewManyDialog),
		ws.closeReviewItem,
		fyne.NewMenuItemSeparator(),
		item("Quit", shortcut(fyne.KeyQ, ctrl), ws.quit),
	)
	// Fyne adds its own Quit to the first menu unless one is marked.
	file.Items[len(file.Items)-1].IsQuit = true
	edit := fyne.NewMenu("Edit",
		ws.undoItem,
		ws.redoItem,
		item("Delete annotation", nil, ws.deleteActive),
		fyne.NewMenuItemSeparator(),
		item("Find…", shortcut(fyne.KeyF, ctrl), ws.find.show),
		item("Search project…", shortcut(fyne.KeyF, ctrl|fyne.KeyModifierShift), ws.showProjectSearch),
		item("Edit labels…", shortcut(fyne.KeyL, ctrl), ws.editLabelsDialog),
	)
	view := fyne.NewMenu("View",
		item("Zoom in", shortcut(fyne.KeyEqual, ctrl), func() { ws.zoom(zoomStep) }),
		item("Zoom out", shortcut(fyne.KeyMinus, ctrl), func() { ws.zoom(1 / zoomStep) }),
		item("Reset zoom", shortcut(fyne.Key0, ctrl), func() { ws.zoom(0) }),
		fyne.NewMenuItemSeparator(),
		item("Light theme", nil, func() { ws.setTheme("light") }),
		item("Dark theme", nil, func() { ws.setTheme("dark") }),
		item("System theme", nil, func() { ws.setTheme("") }),
		fyne.NewMenuItemSeparator(),
		ws.allLinksItem,
		ws.labelsItem,
		ws.suggestItem,
		item("Problems", shortcut(fyne.KeyP, ctrl|fyne.KeyModifierShift), ws.showProblems),
		fyne.NewMenuItemSeparator(),
		item("Next document", shortcut(fyne.KeyPageDown, ctrl), func() { ws.stepDocument(1) }),
		item("Previous document", shortcut(fyne.KeyPageUp, ctrl), func() { ws.stepDocument(-1) }),
	)
	ws.undoDeleteItem = item("Undo delete", nil, func() { ws.showError(ws.undoDelete()) })
	ws.undoDeleteItem.Disabled = len(ws.deleted) == 0
	document := fyne.NewMenu("Document",
		item("Rename document…", shortcut(fyne.KeyF2, 0), ws.renameDocumentDialog),
		item("Delete document…", nil, ws.deleteDocumentDialog),
		ws.undoDeleteItem,
	)
	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", nil, ws.showShortcuts),
		item("About Spanmark", nil, ws.showAbout),
	)
	return fyne.NewMainMenu(file, edit, view, document, help)
}

// updateUndoMenu names the step Undo and Redo would take.
func (ws *workspace) updateUndoMenu() {
	if ws.undoItem == nil || ws.sess == nil {
		return
	}
	name, ok := ws.sess.CanUndo()
	ws.undoItem.Label, ws.undoItem.Disabled = "Undo "+name, !ok
	name, ok = ws.sess.CanRedo()
	ws.redoItem.Label, ws.redoItem.Disabled = "Redo "+name, !ok
	ws.refreshMenu()
}

func (ws *workspace) refreshRecent() {
	var items []*fyne.MenuItem
	for _, p := range ws.prefs.recent() {
		path := p
		items = append(items, fyne.NewMenuItem(path, func() { ws.switchProject(path) }))
	}
	if len(items) == 0 {
		it := fyne.NewMenuItem("(none)", nil)
		it.Disabled = true
		items = append(items, it)
	}
	ws.recentMenu.ChildMenu.Items = items
}

// switchProject opens path in place of the open project.
func (ws *workspace) switchProject(path string) {
	if err := ws.openProject(path); err != nil {
		ws.showError(fmt.Errorf("open %s: %w", path, err))
		return
	}
	ws.refreshRecent()
	if m := ws.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

func (ws *workspace) quit() {
	ws.rememberPlace()
	ws.prefs.setWindowSize(ws.win.Canvas().Size())
	ws.app.Quit()
}

func (ws *workspace) zoom(factor float32) {
	z := float32(1)
	if factor != 0 {
		z = min(max(ws.prefs.zoom()*factor, zoomMin), zoomMax)
	}
	ws.prefs.setZoom(z)
	ws.view.SetTextScale(z)
}

func (ws *workspace) setTheme(name string) {
	ws.prefs.setTheme(name)
	ws.app.Settings().SetTheme(themeFor(name))
}

// projectFilter is the file dialogs' filter for project files.
var projectFilter = []string{".spanmark", ".db"}

func (ws *workspace) openProjectDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			ws.showError(err)
			return
		}
		r.Close()
		ws.switchProject(r.URI().Path())
	}, ws.win)
	d.SetFilter(storage.NewExtensionFileFilter(projectFilter))
	d.Show()
}

func (ws *workspace) newProjectDialog() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			ws.showError(err)
			return
		}
		path := w.URI().Path()
		w.Close()
		if filepath.Ext(path) == "" {
			path += ".spanmark"
		}
		ws.switchProject(path)
	}, ws.win)
	d.SetFileName("project.spanmark")
	d.Show()
}

// shortcutSection is a part of Help → Keyboard shortcuts: a heading and
// its keys, each with what it does.
type shortcutSection struct {
	title string
	keys  [][2]string
}

// shortcuts lists the keys of the article view and the menus.
var shortcuts = []shortcutSection{
	{"In the article view", [][2]string{
		{"drag", "select, snapping to whole words (hold Alt for exact characters)"},
		{"double-click", "select a word"},
		{"Shift+←/→", "extend the selection by a word"},
		{"label key (p, o, l…)", "tag the selection, or relabel the selected annotation"},
		{"click an annotation", "select it (click again where several overlap to cycle)"},
		{"Delete / Backspace", "delete the selected annotation"},
		{"n", "edit the selected annotation's note"},
		{"a, then click", "link the selected claim to its source"},
		{"Esc", "clear the selection / cancel linking"},
		{"[ and ]", "previous / next document"},
	}},
	{"While reviewing a teammate's file (File → Review teammate's file…)", [][2]string{
		{"n / p", "next / previous disagreement"},
		{"t", "accept theirs (of several files: their majority's)"},
		{"k", "keep mine"},
		{"x", "delete mine"},
		{"click a span", "make its disagreement the current one"},
		{"other keys", "as when annotating; these five win over label keys"},
	}},
	{"Suggestions (dashed outlines; View → Show suggestions)", [][2]string{
		{"Tab / Shift+Tab", "select the next / previous suggestion"},
		{"click a suggestion", "select it (click again for the annotations around it)"},
		{"Enter", "accept the selected suggestion (one undoable edit)"},
		{"Shift+Enter", "accept every suggestion of its label in the document"},
		{"x on a suggestion", "reject it: it does not come back"},
	}},
	{"Menus", [][2]string{
		{"Ctrl+Z / Ctrl+Shift+Z", "undo / redo"},
		{"Ctrl+F", "find, and tag all matches"},
		{"Ctrl+Shift+F", "search every document, and tag all results"},
		{"Ctrl+Shift+P", "problems: what lint finds, with fixes"},
		{"Ctrl+L", "edit labels"},
		{"Ctrl+= / Ctrl+- / Ctrl+0", "zoom in / out / reset"},
		{"Ctrl+PgDn / Ctrl+PgUp", "next / previous document"},
		{"F2", "rename the document (Document menu: delete, undo delete)"},
		{"Ctrl+O / Ctrl+N", "open / new project"},
		{"Ctrl+I / Ctrl+E", "import / export"},
		{"Ctrl+Q", "quit"},
	}},
}

// shortcutHelp is shortcuts as text for a monospace label: each key
// padded to the longest, counted in code points (which is what a
// monospace font lines up), so the second column is straight.
func shortcutHelp() string {
	width := 0
	for _, s := range shortcuts {
		for _, k := range s.keys {
			width = max(width, utf8.RuneCountInString(k[0]))
		}
	}
	var b strings.Builder
	for i, s := range shortcuts {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(s.title + "\n")
		for _, k := range s.keys {
			pad := strings.Repeat(" ", width-utf8.RuneCountInString(k[0]))
			fmt.Fprintf(&b, "  %s%s  %s\n", k[0], pad, k[1])
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (ws *workspace) showShortcuts() {
	t := widget.NewLabel(shortcutHelp())
	t.TextStyle.Monospace = true
	ws.showKeyed(dialog.NewCustom("Keyboard shortcuts", "Close", t, ws.win), nil)
}

func (ws *workspace) showAbout() {
	meta := ws.app.Metadata()
	ws.showInfo("About Spanmark",
		fmt.Sprintf("Spanmark %s\nAnnotate articles by hand: entities, claims and their sources.\nEvery edit is saved to the project file at once.", meta.Version))
}
