package annotate

import "fmt"

// Accept turns suggestions of the session's document into annotations as
// one undoable step, committed with SuggestionStore.Accept so that the
// store drops the accepted suggestions in the same transaction. It
// follows the rules of tagging by hand: a suggestion over exactly the
// range of an annotation with another label relabels it (as a label key
// does over a selected annotation), one whose span and label an
// annotation already has adds nothing, and any other becomes a new
// annotation with its label's defaults. It returns the annotations put,
// new or relabelled. Undo takes them back out, as for any edit; the
// store's suggestions it deleted stay deleted.
func (s *Session) Accept(ss []Suggestion) ([]Annotation, error) {
	var e Edit
	done := make(map[SpanLabel]bool)
	relabelled := make(map[string]bool)
	var keys []SpanLabel
	for _, sg := range ss {
		k := sg.Key()
		keys = append(keys, k)
		if done[k] {
			continue
		}
		done[k] = true
		if _, ok := s.tagged(sg.Start, sg.End, sg.Label); ok {
			continue
		}
		if a, ok := s.exactlyOver(sg.Start, sg.End, relabelled); ok {
			relabelled[a.ID] = true
			s.relabelInto(&e, a, sg.Label)
			continue
		}
		e.PutAnnotations = append(e.PutAnnotations, s.newAnnotation(sg.Start, sg.End, sg.Label))
	}
	commit := func(e Edit) error { return s.store.Accept(s.doc.ID, e, keys) }
	if e.Empty() {
		// Nothing to annotate: the store still forgets the suggestions.
		if err := commit(e); err != nil {
			return nil, fmt.Errorf("accept suggestions: %w", err)
		}
		return nil, nil
	}
	name := fmt.Sprintf("accept %d suggestions", len(done))
	if len(done) == 1 {
		name = "accept " + ss[0].Label
	}
	if err := s.doVia(name, e, commit); err != nil {
		return nil, err
	}
	return e.PutAnnotations, nil
}

// exactlyOver returns an annotation over exactly [start, end) that skip
// does not name, the first in order.
func (s *Session) exactlyOver(start, end int, skip map[string]bool) (Annotation, bool) {
	for _, a := range s.Over(start, end) {
		if !skip[a.ID] {
			return a, true
		}
	}
	return Annotation{}, false
}
