package app

import "spanmark/annotate"

// session returns the session of document id: the one kept from an
// earlier visit, with its undo history, or else a new one.
func (ws *workspace) session(id string) (*annotate.Session, error) {
	if s, ok := ws.sessions[id]; ok {
		return s, nil
	}
	s, err := annotate.OpenSession(ws.store, id)
	if err != nil {
		return nil, err
	}
	if ws.sessions == nil {
		ws.sessions = make(map[string]*annotate.Session)
	}
	ws.sessions[id] = s
	return s, nil
}

// leaveSession forgets the open document's session unless it has a
// history to keep: a person may pass through hundreds of documents and
// edit a few.
func (ws *workspace) leaveSession() {
	if ws.sess == nil {
		return
	}
	_, undo := ws.sess.CanUndo()
	_, redo := ws.sess.CanRedo()
	if !undo && !redo {
		delete(ws.sessions, ws.sess.Document().ID)
	}
}

// forgetSession drops the session of document id.
func (ws *workspace) forgetSession(id string) { delete(ws.sessions, id) }

// keepOnlyOpenSession drops every session but the open one's: after the
// schema changed, a kept session's annotations may carry old label names.
func (ws *workspace) keepOnlyOpenSession() {
	for id, s := range ws.sessions {
		if s != ws.sess {
			delete(ws.sessions, id)
		}
	}
}
