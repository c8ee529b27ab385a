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
// edit a few. It keeps the last one left, next being opened, even
// without one: going back to it (Ctrl+PgUp after Ctrl+PgDn) then does
// not read and sort a long document's annotations again.
func (ws *workspace) leaveSession(next *annotate.Session) {
	if ws.sess == nil {
		return
	}
	prev := ws.lastLeft
	ws.lastLeft = ws.sess
	if prev == nil || prev == next || prev == ws.sess || hasHistory(prev) {
		return
	}
	// Only this session: its document may have been deleted and put back
	// under the same id since.
	if id := prev.Document().ID; ws.sessions[id] == prev {
		delete(ws.sessions, id)
	}
}

// hasHistory reports whether s has edits to undo or redo.
func hasHistory(s *annotate.Session) bool {
	_, undo := s.CanUndo()
	_, redo := s.CanRedo()
	return undo || redo
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
