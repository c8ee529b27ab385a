package app

import (
	"fmt"
	"strings"
)

// startLink enters link mode for the selected annotation.
func (ws *workspace) startLink() {
	a, ok := ws.sess.Annotation(ws.active)
	if !ok {
		ws.status.flash("Select a claim first, then press A to link it to its source")
		return
	}
	rt, ok := ws.schema.RelationFrom(ws.schema.KindOf(a.Label))
	if !ok {
		ws.status.flash(fmt.Sprintf("%s annotations cannot be linked; select a claim", a.Label))
		return
	}
	ws.linking = true
	ws.status.setHint(fmt.Sprintf("Click the %s this %s is %s (Esc cancels)", rt.ToKind, a.Label, strings.ReplaceAll(rt.Name, "_", " ")))
}

// linkTo links the selected annotation to the first of ids whose kind the
// relation type accepts.
func (ws *workspace) linkTo(ids []string) {
	from, ok := ws.sess.Annotation(ws.active)
	if !ok {
		ws.linking = false
		return
	}
	rt, _ := ws.schema.RelationFrom(ws.schema.KindOf(from.Label))
	for _, id := range ids {
		to, ok := ws.sess.Annotation(id)
		if !ok || ws.schema.KindOf(to.Label) != rt.ToKind {
			continue
		}
		ws.linking = false
		ws.status.setHint("")
		if _, err := ws.sess.Link(rt.Name, from.ID, to.ID); err != nil {
			ws.showError(err)
			return
		}
		ws.saved()
		return
	}
	ws.status.flash(fmt.Sprintf("That is not a %s; click a %s annotation (Esc cancels)", rt.ToKind, rt.ToKind))
}

// unlink removes the relation id, as one undoable edit.
func (ws *workspace) unlink(id string) {
	if ws.sess == nil {
		return
	}
	if err := ws.sess.Unlink(id); err != nil {
		ws.showError(err)
		return
	}
	ws.saved()
}
