package app

// Preference keys of the place a project was left at, each followed by
// the project's path: a person works on several projects.
const (
	prefPlaceDoc = "place_document:"
	prefPlaceTop = "place_top:"
)

// place returns the document project was left at and the offset of the
// first character in view; "" when none was kept.
func (p prefs) place(project string) (doc string, top int) {
	return p.p.String(prefPlaceDoc + project), p.p.Int(prefPlaceTop + project)
}

func (p prefs) setPlace(project, doc string, top int) {
	p.p.SetString(prefPlaceDoc+project, doc)
	p.p.SetInt(prefPlaceTop+project, top)
}

// rememberPlace keeps the open document and how far it is scrolled, for
// the next time the project opens.
func (ws *workspace) rememberPlace() {
	if ws.store == nil || ws.sess == nil {
		return
	}
	ws.prefs.setPlace(ws.store.Path(), ws.sess.Document().ID, ws.view.TopOffset())
}

// openPlace opens the document the project was left at, scrolled as it
// was, or else the first document; it reports false when the project has
// none.
func (ws *workspace) openPlace() (bool, error) {
	id, top := ws.prefs.place(ws.store.Path())
	if !ws.docs.has(id) {
		first, ok := ws.docs.first()
		if !ok {
			return false, nil
		}
		id, top = first, 0
	}
	if err := ws.openDocument(id); err != nil {
		return true, err
	}
	ws.view.ScrollToTop(top)
	return true, nil
}
