package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"spanmark/annotate"
	"spanmark/app/textview"
)

// workspace is the main window's state: the open project, the open
// document's editing session, and the widgets that show them.
type workspace struct {
	app   fyne.App
	win   fyne.Window
	cfg   Config
	prefs prefs
	run   runner // slow work and waits, off Fyne's goroutine

	dialogs []*keyedDialog // shown, topmost last: Esc and Enter answer it

	store  annotate.Store
	schema annotate.Schema
	sess   *annotate.Session

	view    *textview.View
	docs    *docList
	labels  *labelBar
	panel   *annPanel
	attrs   *attrPanel // above the panel: the attributes of the document and the selected annotation
	status  *statusBar
	find    *findBar
	active  string   // id of the selected annotation, "" for none
	linking bool     // 'a' was pressed on a claim: the next source tapped is linked
	tapped  tapCycle // the last click on spans, which a click on the same character goes on from
	lists   *coalescer

	review *review // the teammate's file under review; nil while annotating

	// sessions are the documents' sessions that have an undo history,
	// and the one left last, kept across switches while the project is
	// open (see sessions.go).
	sessions map[string]*annotate.Session
	lastLeft *annotate.Session // the session left last, kept in sessions
	// deleted are the documents deleted since the project opened, as the
	// file held them, the last deleted last: Undo delete brings them back.
	deleted []*annotate.DocumentData
	search  *textSearch
	// problems are the lint findings View → Problems shows.
	problems *problems
	// sugg are the suggestions: the project's index and the open
	// document's (see suggest.go).
	sugg *suggestions
	// projectSearch is the search over every document (Ctrl+Shift+F).
	projectSearch *projectSearch
	empty         fyne.CanvasObject // the article area of a project without documents

	top   *fyne.Container  // above the article: label bar, find bar, review bar
	right *container.Split // the article and, beside it, the panels

	recentMenu *fyne.MenuItem
	undoItem   *fyne.MenuItem
	redoItem   *fyne.MenuItem

	allLinksItem *fyne.MenuItem // View → Show all links
	labelsItem   *fyne.MenuItem // View → Show label names
	suggestItem  *fyne.MenuItem // View → Show suggestions

	closeReviewItem *fyne.MenuItem
	undoDeleteItem  *fyne.MenuItem
}

// listDelay is how long after the last edit of a burst the panel and the
// document list catch up: short enough to look immediate, long enough to
// cover the gap between two hotkeys.
const listDelay = 100 * time.Millisecond

func newWorkspace(a fyne.App, w fyne.Window, cfg Config, run runner) *workspace {
	ws := &workspace{app: a, win: w, cfg: cfg, prefs: prefs{a.Preferences()}, run: run}
	a.Settings().SetTheme(themeFor(ws.prefs.theme()))
	ws.view = textview.New()
	ws.view.SetClock(run.After)
	ws.view.SetTextScale(ws.prefs.zoom())
	ws.view.SetLabels(ws.prefs.labels())
	ws.view.OnSelect = ws.onSelect
	ws.view.OnSpanTap = ws.onSpanTap
	ws.view.OnSuggestionTap = ws.onSuggestionTap
	ws.sugg = &suggestions{ws: ws}
	ws.view.OnRune = ws.onRune
	ws.view.OnKey = ws.onKey
	ws.view.OnAltRune = ws.onAltRune
	ws.view.OnResize = ws.onResize
	ws.view.OnCaretKey = ws.onCaretKey
	ws.view.OnHover = ws.onHover
	ws.view.Tooltip = ws.tooltip
	ws.docs = newDocList(ws.openDocument)
	ws.search = &textSearch{ws: ws}
	ws.docs.onQuery = ws.search.query
	var centre *fyne.Container
	ws.labels = newLabelBar(ws.tagWith, func() {
		// Not now: the layout that asks is still placing centre's parts.
		ws.run.After(0, func() { centre.Refresh() })
	})
	ws.panel = newAnnPanel(ws.onPanelSelect, ws.unlink)
	ws.attrs = newAttrPanel(ws.setAttr, ws.setDocAttr)
	ws.panel.setTop(ws.attrs.object())
	ws.status = newStatusBar(ws.setStatus, run.After)
	ws.labels.onHover = ws.status.flash
	ws.find = newFindBar(ws)
	ws.lists = newCoalescer(listDelay, run.After, ws.refreshLists)
	ws.problems = newProblems(ws)

	ws.top = container.NewVBox(ws.labels.object(), ws.find.object())
	ws.empty = ws.newEmptyState()
	centre = container.NewBorder(ws.top, nil, nil, nil, container.NewStack(ws.view, ws.empty))
	ws.right = container.NewHSplit(centre, ws.panel.object())
	ws.right.Offset = 0.75
	split := container.NewHSplit(ws.docs.object(), ws.right)
	split.Offset = 0.2
	w.SetContent(container.NewBorder(nil, ws.status.object(), nil, nil, split))
	w.SetMainMenu(ws.mainMenu())
	w.Resize(ws.prefs.windowSize())
	w.SetCloseIntercept(func() {
		ws.rememberPlace()
		ws.prefs.setWindowSize(w.Canvas().Size())
		w.Close()
	})
	return ws
}

// openProject closes the open project, if any, and opens path.
func (ws *workspace) openProject(path string) error {
	st, err := ws.cfg.Open(path, false)
	if err != nil {
		return err
	}
	if err := ws.close(); err != nil {
		st.Close()
		return err
	}
	ws.closeReview()
	ws.store = st
	ws.prefs.addRecent(path)
	ws.win.SetTitle(fmt.Sprintf("Spanmark — %s", filepath.Base(path)))
	if err := ws.reloadSchema(); err != nil {
		return err
	}
	if err := ws.reloadDocuments(); err != nil {
		return err
	}
	ws.status.setProject(st)
	ws.docs.filter.SetText("")
	ws.problems.check(true)
	if ok, err := ws.openPlace(); ok || err != nil {
		return err
	}
	ws.showDocument()
	return nil
}

// close closes the open project.
func (ws *workspace) close() error {
	if ws.store == nil {
		return nil
	}
	ws.attrs.flush()
	ws.rememberPlace()
	err := ws.store.Close()
	ws.store, ws.sess = nil, nil
	ws.sessions, ws.lastLeft, ws.deleted = nil, nil, nil
	ws.problems.projectClosed()
	ws.sugg.closed()
	ws.updateDeleteMenu()
	return err
}

func (ws *workspace) reloadSchema() error {
	s, err := ws.store.Schema()
	if err != nil {
		return err
	}
	ws.schema = s
	ws.labels.setSchema(s)
	if ws.sess != nil {
		ws.keepOnlyOpenSession()
		if err := ws.sess.SetSchema(s); err != nil {
			return err
		}
		ws.refreshAnnotations()
		// Labels renamed or deleted: the index counts old names.
		ws.sugg.build()
	}
	return nil
}

func (ws *workspace) reloadDocuments() error {
	infos, err := ws.store.Documents()
	if err != nil {
		return err
	}
	ws.docs.set(infos)
	// Documents came or went: their strings too.
	ws.sugg.build()
	return nil
}

// openDocument makes id the document being annotated, with the undo
// history it had when it was left. Opening a document does not change its
// status: its first edit marks it in progress.
func (ws *workspace) openDocument(id string) error {
	ws.attrs.flush()
	sess, err := ws.session(id)
	if err != nil {
		return err
	}
	ws.leaveSession(sess)
	ws.sess = sess
	ws.active, ws.linking = "", false
	ws.docs.selectID(id)
	ws.showDocument()
	ws.rememberPlace()
	return nil
}

// showDocument puts the session's document into every widget.
func (ws *workspace) showDocument() {
	ws.showEmptyState()
	if ws.sess == nil {
		ws.view.SetText("")
		ws.view.SetSpans(nil)
		ws.panel.set(nil, ws.schema)
		ws.attrs.show(nil, ws.schema, "")
		ws.status.setDocument(nil)
		return
	}
	ws.view.SetText(ws.sess.Document().Text)
	ws.find.reset()
	ws.problems.documentShown()
	ws.refreshAnnotations()
	ws.sugg.documentShown()
	ws.lists.flush()
	ws.status.setDocument(ws.sess)
	// The keys act on the text at once: the caret shows at its start.
	ws.win.Canvas().Focus(ws.view)
}

// refreshAnnotations redraws what shows the session's annotations: the
// article view and the status line at once, the panel and the document
// list once a burst of edits pauses (see coalescer).
func (ws *workspace) refreshAnnotations() {
	if ws.sess == nil {
		return
	}
	if ws.review != nil {
		ws.review.refresh()
	} else {
		ws.view.SetSpans(spansFor(ws.sess.Annotations(), ws.schema))
		ws.view.SetActive(ws.active)
	}
	ws.showLinks()
	ws.showAttrs()
	ws.status.setCounts(ws.sess)
	ws.updateUndoMenu()
	ws.lists.schedule()
}

// refreshChange redraws after an edit of the session: the article view
// takes only what the edit changed.
func (ws *workspace) refreshChange() {
	ws.problems.changed(ws.sess.LastChange())
	if ws.review != nil && ws.review.diffing() {
		// An edit changes the classes of the annotations around it.
		ws.refreshAnnotations()
		return
	}
	put, deleted := ws.sess.LastChange()
	ws.view.UpdateSpans(spansFor(put, ws.schema), deleted)
	ws.sugg.changed()
	ws.view.SetActive(ws.active)
	ws.showLinks()
	ws.showAttrs()
	ws.updateUndoMenu()
	ws.lists.schedule()
}

// refreshLists updates the annotation panel and the counts in the status
// line and the document list.
func (ws *workspace) refreshLists() {
	if ws.sess == nil {
		return
	}
	ws.panel.set(ws.sess, ws.schema)
	ws.status.setCounts(ws.sess)
	ws.docs.setCounts(ws.sess.Document().ID, ws.sess.Len(), len(ws.sess.Relations()))
	ws.sugg.recount()
}

// showError reports err in a dialog. A read-only project gets a gentler
// message, since the cause is the way the file was opened.
func (ws *workspace) showError(err error) {
	if err == nil {
		return
	}
	if errors.Is(err, annotate.ErrReadOnly) {
		err = fmt.Errorf("this project is open read-only; nothing was changed")
	}
	ws.showKeyed(dialog.NewError(err, ws.win), nil)
}
