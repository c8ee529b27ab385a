package annotate

import "fmt"

// step is one undoable action: the edit that did it and the edit that
// reverts it.
type step struct {
	name string
	do   Edit
	undo Edit
}

// CanUndo reports whether there is a step to undo, and its name.
func (s *Session) CanUndo() (string, bool) {
	if len(s.undo) == 0 {
		return "", false
	}
	return s.undo[len(s.undo)-1].name, true
}

// CanRedo reports whether there is a step to redo, and its name.
func (s *Session) CanRedo() (string, bool) {
	if len(s.redo) == 0 {
		return "", false
	}
	return s.redo[len(s.redo)-1].name, true
}

// Undo reverts the last step. It reports false when there was none.
func (s *Session) Undo() (bool, error) {
	if len(s.undo) == 0 {
		return false, nil
	}
	st := s.undo[len(s.undo)-1]
	if err := s.apply(st.undo); err != nil {
		return false, fmt.Errorf("undo %s: %w", st.name, err)
	}
	s.undo = s.undo[:len(s.undo)-1]
	s.redo = append(s.redo, st)
	return true, nil
}

// Redo applies the last undone step again. It reports false when there
// was none.
func (s *Session) Redo() (bool, error) {
	if len(s.redo) == 0 {
		return false, nil
	}
	st := s.redo[len(s.redo)-1]
	if err := s.apply(st.do); err != nil {
		return false, fmt.Errorf("redo %s: %w", st.name, err)
	}
	s.redo = s.redo[:len(s.redo)-1]
	s.undo = append(s.undo, st)
	return true, nil
}

// do applies e as a new step of the history.
func (s *Session) do(name string, e Edit) error {
	return s.doVia(name, e, s.commit)
}

// doVia is do with commit writing e to the store.
func (s *Session) doVia(name string, e Edit, commit func(Edit) error) error {
	inverse := s.inverse(e)
	if err := s.applyVia(e, commit); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	s.undo = append(s.undo, step{name: name, do: e, undo: inverse})
	s.redo = nil
	return nil
}

// apply writes e to the store and, once it is committed, to memory. The
// first edit of a document still to do marks it in progress, in the same
// transaction.
func (s *Session) apply(e Edit) error { return s.applyVia(e, s.commit) }

// commit writes e to the store as one transaction.
func (s *Session) commit(e Edit) error { return s.store.Apply(s.doc.ID, e) }

// applyVia is apply with commit writing e to the store.
func (s *Session) applyVia(e Edit, commit func(Edit) error) error {
	if s.doc.Status == StatusTodo && !e.Empty() {
		e.Status = StatusInProgress
	}
	if err := commit(e); err != nil {
		return err
	}
	if e.Status != "" {
		s.doc.Status = e.Status
	}
	if e.SetDocumentAttributes {
		s.doc.Attributes = e.DocumentAttributes.Clone()
	}
	s.lastPut = append(s.lastPut[:0], e.PutAnnotations...)
	s.lastDeleted = append(s.lastDeleted[:0], e.DeleteAnnotations...)
	for _, id := range e.DeleteRelations {
		delete(s.rels, id)
	}
	for _, id := range e.DeleteAnnotations {
		s.unsort(s.anns[id])
		delete(s.anns, id)
		for rid, r := range s.rels {
			if r.From == id || r.To == id {
				delete(s.rels, rid)
			}
		}
	}
	for _, a := range e.PutAnnotations {
		if old, ok := s.anns[a.ID]; ok {
			s.unsort(old)
		}
		s.anns[a.ID] = a
		s.insertSorted(a)
	}
	for _, r := range e.PutRelations {
		s.rels[r.ID] = r
	}
	if len(e.PutRelations) > 0 || len(e.DeleteRelations) > 0 || len(e.DeleteAnnotations) > 0 {
		s.relsByID, s.relsOf = nil, nil
	}
	return nil
}

// inverse returns the edit that undoes e, given the session's current
// state. Relations that deleting an annotation removes are put back too.
func (s *Session) inverse(e Edit) Edit {
	var inv Edit
	if e.SetDocumentAttributes {
		inv.DocumentAttributes, inv.SetDocumentAttributes = s.doc.Attributes.Clone(), true
	}
	gone := make(map[string]bool)
	for _, id := range e.DeleteRelations {
		if r, ok := s.rels[id]; ok && !gone[id] {
			gone[id] = true
			inv.PutRelations = append(inv.PutRelations, r)
		}
	}
	for _, id := range e.DeleteAnnotations {
		if a, ok := s.anns[id]; ok {
			inv.PutAnnotations = append(inv.PutAnnotations, a)
		}
		for _, r := range s.Relations() {
			if (r.From == id || r.To == id) && !gone[r.ID] {
				gone[r.ID] = true
				inv.PutRelations = append(inv.PutRelations, r)
			}
		}
	}
	for _, a := range e.PutAnnotations {
		if old, ok := s.anns[a.ID]; ok {
			inv.PutAnnotations = append(inv.PutAnnotations, old)
		} else {
			inv.DeleteAnnotations = append(inv.DeleteAnnotations, a.ID)
		}
	}
	for _, r := range e.PutRelations {
		if old, ok := s.rels[r.ID]; ok {
			inv.PutRelations = append(inv.PutRelations, old)
		} else {
			inv.DeleteRelations = append(inv.DeleteRelations, r.ID)
		}
	}
	return inv
}
