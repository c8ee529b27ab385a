package app

import (
	"unicode"

	"spanmark/annotate"
)

// setAttr sets an attribute of annotation id, from its widget in the
// panel, as one undoable edit. An annotation no longer in the session (a
// text field committed as another document opened) is left alone.
func (ws *workspace) setAttr(id, name string, v annotate.AttrValue) {
	if ws.sess == nil {
		return
	}
	if _, ok := ws.sess.Annotation(id); !ok {
		return
	}
	ws.commitAttr(ws.sess.SetAttribute(id, name, v))
}

// setDocAttr sets an attribute of document id, the open one, as one
// undoable edit. A value given for a document no longer open is not
// given to the one open now (attrPanel.flush saves it in time).
func (ws *workspace) setDocAttr(id, name string, v annotate.AttrValue) {
	if ws.sess == nil || ws.sess.Document().ID != id {
		return
	}
	ws.commitAttr(ws.sess.SetDocumentAttribute(name, v))
}

// commitAttr reports what setting a value did, and gives the keys back
// to the article view, where the hotkeys work.
func (ws *workspace) commitAttr(err error) {
	if err != nil {
		ws.showError(err)
		ws.showAttrs() // the widget goes back to the stored value
		return
	}
	ws.saved()
	ws.win.Canvas().Focus(ws.view)
}

// showAttrs shows the attributes of the document and of the selected
// annotation in the panel.
func (ws *workspace) showAttrs() { ws.attrs.show(ws.sess, ws.schema, ws.active) }

// onAltRune sets, for Alt with a letter, a value of the selected
// annotation: of its label's first enum attribute, in schema order, that
// has a value with that key. It reports whether the letter was such a
// key. Setting the value the annotation has already changes nothing.
func (ws *workspace) onAltRune(r rune) bool {
	if ws.sess == nil || ws.active == "" {
		return false
	}
	a, ok := ws.sess.Annotation(ws.active)
	if !ok {
		return false
	}
	def, value, ok := enumValueForKey(ws.schema.AttributesFor(a.Label), unicode.ToLower(r))
	if !ok {
		return false
	}
	v := annotate.StringValue(value)
	if a.Attributes.Get(def) == v {
		return true
	}
	if err := ws.sess.SetAttribute(a.ID, def, v); err != nil {
		ws.showError(err)
		return true
	}
	ws.saved()
	return true
}

// enumValueForKey returns the first enum attribute of defs with a value
// whose key is r, and that value.
func enumValueForKey(defs []annotate.Attribute, r rune) (attr, value string, ok bool) {
	key := string(r)
	for _, d := range defs {
		if d.Type != annotate.AttrEnum {
			continue
		}
		for _, v := range d.Values {
			if v.Key == key {
				return d.Name, v.Name, true
			}
		}
	}
	return "", "", false
}
