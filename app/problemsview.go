package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/lint"
)

// Scopes of the Problems window.
const (
	scopeDocument = "This document"
	scopeProject  = "Project"
)

// problemsView is the Problems window (View → Problems): the findings of
// the open document or of the whole project, one a row; a click jumps to
// the place, and Fix applies the fix of the selected finding's rule. The
// rules are lint.Rules: a rule added there shows here unchanged.
type problemsView struct {
	p       *problems
	win     fyne.Window
	visible bool
	scope   *widget.RadioGroup
	count   *widget.Label
	list    *widget.List
	fix     *widget.Button
	rows    []lint.Finding
	sel     int // the selected row, -1 for none
	// restoring is set while update selects the row it had again.
	restoring bool
}

// showProblems opens the Problems window, or brings it forward, and
// checks the project.
func (ws *workspace) showProblems() {
	p := ws.problems
	if p.view == nil {
		p.view = newProblemsView(p)
	}
	p.view.visible = true
	p.view.win.Show()
	p.view.win.RequestFocus()
	p.check(true)
	p.view.update()
}

func newProblemsView(p *problems) *problemsView {
	v := &problemsView{p: p, win: p.ws.app.NewWindow("Problems"), sel: -1}
	v.scope = widget.NewRadioGroup([]string{scopeDocument, scopeProject}, nil)
	v.scope.Horizontal = true
	v.scope.Selected = scopeDocument
	v.count = widget.NewLabel("")
	v.list = widget.NewList(func() int { return len(v.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(findingRow(v.rows[i])) })
	v.list.OnSelected = v.selected
	v.list.OnUnselected = func(widget.ListItemID) { v.sel = -1; v.fix.Disable() }
	v.fix = widget.NewButton("Fix", v.applyFix)
	v.fix.Disable()
	recheck := widget.NewButton("Check project again", func() { p.check(true) })
	top := container.NewBorder(nil, nil, v.scope, recheck, v.count)
	v.scope.OnChanged = func(string) { v.update() }
	v.win.SetContent(container.NewBorder(top, container.NewHBox(v.fix), nil, nil, v.list))
	v.win.Resize(fyne.NewSize(760, 420))
	v.win.SetCloseIntercept(v.hide)
	v.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			v.hide()
		}
	})
	return v
}

// hide closes the window; nothing is checked while it is closed.
func (v *problemsView) hide() {
	v.visible = false
	v.win.Hide()
}

// findingRow is a finding as its row shows it: rule, text, document and
// message.
func findingRow(f lint.Finding) string {
	text := ""
	if f.Annotation != "" {
		text = fmt.Sprintf("“%s”  ", ellipsis(f.Text, 40))
	}
	return fmt.Sprintf("%s  %s%s — %s", f.Rule, text, f.DocumentTitle, f.Message)
}

// update shows the findings of the chosen scope.
func (v *problemsView) update() {
	if v == nil {
		return
	}
	var was *lint.Finding
	if v.sel >= 0 && v.sel < len(v.rows) {
		was = &v.rows[v.sel]
	}
	v.rows = v.p.rows(v.scope.Selected == scopeProject)
	v.reselect(was)
	state := ""
	if v.p.busy {
		state = " · checking…"
	}
	v.count.SetText(fmt.Sprintf("%d problems%s", len(v.rows), state))
	v.list.Refresh()
}

// reselect selects the row of the finding was again, after the rows
// were checked afresh (the jump to a finding in another document opens
// it, which checks it), without jumping again; nothing when it is gone.
func (v *problemsView) reselect(was *lint.Finding) {
	v.sel = -1
	i := -1
	if was != nil {
		i = slices.IndexFunc(v.rows, func(f lint.Finding) bool {
			return f.Rule == was.Rule && f.DocumentID == was.DocumentID && f.Annotation == was.Annotation && f.Start == was.Start && f.End == was.End
		})
	}
	if i < 0 {
		v.list.UnselectAll()
		v.fix.SetText("Fix")
		v.fix.Disable()
		return
	}
	v.restoring = true
	v.list.Select(i)
	v.restoring = false
	v.offerFix(i)
}

// rows returns the findings of the open document, or of the project in
// document order.
func (p *problems) rows(project bool) []lint.Finding {
	if !project {
		if p.ws.sess == nil {
			return nil
		}
		return p.found[p.ws.sess.Document().ID]
	}
	var out []lint.Finding
	for _, id := range p.order {
		out = append(out, p.found[id]...)
	}
	return out
}

// selected jumps to the finding of row i and offers its fix.
func (v *problemsView) selected(i widget.ListItemID) {
	if i < 0 || i >= len(v.rows) {
		return
	}
	if !v.restoring {
		f := v.rows[i]
		v.p.ws.jumpTo(f.DocumentID, f.Annotation, f.Start, f.End)
	}
	v.offerFix(i)
}

// offerFix makes row i the selected one and enables Fix when its
// finding has a fix.
func (v *problemsView) offerFix(i int) {
	v.sel = i
	f := v.rows[i]
	if r, ok := lint.RuleByID(f.Rule); ok && f.Fix != nil {
		v.fix.SetText("Fix: " + r.Fix)
		v.fix.Enable()
	} else {
		v.fix.SetText("Fix")
		v.fix.Disable()
	}
}

// jumpTo opens document docID if it is not open, scrolls to [start, end)
// and selects annotation annID there (or the range, for none).
func (ws *workspace) jumpTo(docID, annID string, start, end int) {
	if ws.sess == nil || ws.sess.Document().ID != docID {
		if err := ws.openDocument(docID); err != nil {
			ws.showError(err)
			return
		}
	}
	ws.view.ScrollTo(start)
	if _, ok := ws.sess.Annotation(annID); ok {
		ws.setActive(annID)
		return
	}
	ws.setActive("")
	ws.view.SetSelection(start, end)
	ws.onSelect(start, end)
}

// applyFix applies the selected finding's fix as one undoable step of
// its document's session.
func (v *problemsView) applyFix() {
	if v.sel < 0 || v.sel >= len(v.rows) || v.rows[v.sel].Fix == nil {
		return
	}
	ws := v.p.ws
	f := v.rows[v.sel]
	ws.jumpTo(f.DocumentID, f.Annotation, f.Start, f.End)
	if err := fixFinding(ws.sess, f); err != nil {
		ws.showError(err)
		return
	}
	ws.dropMissingActive()
	ws.saved()
	v.fix.Disable()
}

// fixFinding makes f's fix in s, the session of f's document: a trim is a
// resize, a new annotation a tag, a deletion a delete, each one step of
// the undo history. A finding older than the annotation it is about (the
// list had not caught up with an edit) changes nothing.
func fixFinding(s *annotate.Session, f lint.Finding) error {
	if a, ok := s.Annotation(f.Annotation); f.Annotation != "" && (!ok || a.Start != f.Start || a.End != f.End) {
		return fmt.Errorf("fix %s: the annotation changed since it was checked; nothing was changed", f.Rule)
	}
	switch fx := f.Fix; {
	case fx.Delete != "":
		return s.Delete(fx.Delete)
	case fx.Put != nil:
		if _, ok := s.Annotation(fx.Put.ID); ok {
			return s.Resize(fx.Put.ID, fx.Put.Start, fx.Put.End)
		}
		_, err := s.Tag(fx.Put.Start, fx.Put.End, fx.Put.Label)
		return err
	}
	return nil
}
