package annotate

import "fmt"

// Tag adds an annotation of label over [start, end), with the defaults of
// the label's attributes (Schema.Defaults). Tagging a span that
// already has exactly that label and range returns the existing one and
// changes nothing.
func (s *Session) Tag(start, end int, label string) (Annotation, error) {
	if a, ok := s.tagged(start, end, label); ok {
		return a, nil
	}
	a := s.newAnnotation(start, end, label)
	err := s.do("tag "+label, Edit{PutAnnotations: []Annotation{a}})
	return a, err
}

func (s *Session) newAnnotation(start, end int, label string) Annotation {
	now := s.Now().UTC()
	return Annotation{
		ID:         NewID(),
		DocumentID: s.doc.ID,
		Start:      start,
		End:        end,
		Label:      label,
		Annotator:  s.annotator,
		Attributes: s.schema.Defaults(label),
		Created:    now,
		Updated:    now,
	}
}

// TagAll tags every range with label, skipping ranges already tagged with
// it, as one undoable step. It returns how many annotations it added.
func (s *Session) TagAll(ranges [][2]int, label string) (int, error) {
	have := make(map[[2]int]bool)
	for _, a := range s.anns {
		if a.Label == label {
			have[[2]int{a.Start, a.End}] = true
		}
	}
	var e Edit
	for _, r := range ranges {
		if have[r] {
			continue
		}
		have[r] = true
		e.PutAnnotations = append(e.PutAnnotations, s.newAnnotation(r[0], r[1], label))
	}
	if e.Empty() {
		return 0, nil
	}
	return len(e.PutAnnotations), s.do(fmt.Sprintf("tag all %s", label), e)
}

// Relabel changes an annotation's label. Relations whose kinds no longer
// fit the new label are deleted in the same step, as are attribute values
// the new label has no attribute for (a CLAIM's verdict on what becomes a
// SOURCE); undo brings both back.
func (s *Session) Relabel(id, label string) error {
	a, ok := s.anns[id]
	if !ok {
		return fmt.Errorf("relabel %s: %w", id, ErrNotFound)
	}
	if a.Label == label {
		return nil
	}
	var e Edit
	s.relabelInto(&e, a, label)
	return s.do("relabel "+label, e)
}

// relabelInto adds to e the relabelling of a to label: a with its new
// label and the attributes it keeps, and the deletion of the relations
// whose kinds no longer fit.
func (s *Session) relabelInto(e *Edit, a Annotation, label string) {
	a.Label = label
	a.Attributes = s.schema.keptAttributes(a.Attributes, label)
	a.Updated = s.Now().UTC()
	e.PutAnnotations = append(e.PutAnnotations, a)
	kind := s.schema.KindOf(label)
	for _, r := range s.rels {
		if !s.relationFits(r, a.ID, kind) {
			e.DeleteRelations = append(e.DeleteRelations, r.ID)
		}
	}
}

// relationFits reports whether r still fits its type when annotation id
// takes a label of the given kind.
func (s *Session) relationFits(r Relation, id string, kind Kind) bool {
	rt, ok := s.schema.RelationType(r.Type)
	if !ok {
		return true
	}
	if r.From == id && rt.FromKind != kind {
		return false
	}
	if r.To == id && rt.ToKind != kind {
		return false
	}
	return true
}

// SetNote sets an annotation's note.
func (s *Session) SetNote(id, note string) error {
	a, ok := s.anns[id]
	if !ok {
		return fmt.Errorf("note %s: %w", id, ErrNotFound)
	}
	if a.Note == note {
		return nil
	}
	a.Note = note
	a.Updated = s.Now().UTC()
	return s.do("edit note", Edit{PutAnnotations: []Annotation{a}})
}

// Delete removes annotations and every relation that names them.
func (s *Session) Delete(ids ...string) error {
	for _, id := range ids {
		if _, ok := s.anns[id]; !ok {
			return fmt.Errorf("delete %s: %w", id, ErrNotFound)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return s.do("delete", Edit{DeleteAnnotations: ids})
}

// Link adds a relation of type typ from one annotation to another. Linking
// a pair that is already linked by typ returns the existing relation.
func (s *Session) Link(typ, from, to string) (Relation, error) {
	for _, r := range s.rels {
		if r.Type == typ && r.From == from && r.To == to {
			return r, nil
		}
	}
	r := Relation{
		ID:         NewID(),
		DocumentID: s.doc.ID,
		Type:       typ,
		From:       from,
		To:         to,
		Created:    s.Now().UTC(),
	}
	return r, s.do("link", Edit{PutRelations: []Relation{r}})
}

// Unlink deletes a relation.
func (s *Session) Unlink(id string) error {
	if _, ok := s.rels[id]; !ok {
		return fmt.Errorf("unlink %s: %w", id, ErrNotFound)
	}
	return s.do("unlink", Edit{DeleteRelations: []string{id}})
}

// Adopt takes annotations and relations from another annotator's work on
// the same text into the document, as one undoable step: what accepting
// their version in a review does. An annotation whose id the document
// already has replaces it (taking, say, their range and label) and keeps
// its Created time; relations of a replaced annotation that no longer fit
// its label's kind are deleted, as with Relabel. Other annotations are
// added. A relation that repeats one the document has (the same type
// between the same annotations) is left out; the ends of the others must
// be annotations of the document once anns are in. Everything is stamped
// with the session's clock where the caller left a time zero, annotations
// are Updated now, and all of it belongs to the document.
func (s *Session) Adopt(anns []Annotation, rels []Relation) error {
	e := s.adoptEdit(anns, rels)
	if e.Empty() {
		return nil
	}
	name := "accept"
	if len(anns) == 1 {
		name += " " + anns[0].Label
	}
	return s.do(name, e)
}

// adoptEdit returns the edit by which Adopt takes anns and rels.
func (s *Session) adoptEdit(anns []Annotation, rels []Relation) Edit {
	now := s.Now().UTC()
	var e Edit
	dropped := make(map[string]bool)
	for _, a := range anns {
		a.DocumentID, a.Updated = s.doc.ID, now
		if old, ok := s.anns[a.ID]; ok {
			a.Created = old.Created
			kind := s.schema.KindOf(a.Label)
			for _, r := range s.rels {
				if !dropped[r.ID] && !s.relationFits(r, a.ID, kind) {
					dropped[r.ID] = true
					e.DeleteRelations = append(e.DeleteRelations, r.ID)
				}
			}
		} else if a.Created.IsZero() {
			a.Created = now
		}
		e.PutAnnotations = append(e.PutAnnotations, a)
	}
	type link struct{ typ, from, to string }
	have := make(map[link]bool, len(s.rels)+len(rels))
	for _, r := range s.rels {
		have[link{r.Type, r.From, r.To}] = !dropped[r.ID]
	}
	for _, r := range rels {
		l := link{r.Type, r.From, r.To}
		if have[l] {
			continue
		}
		have[l] = true
		r.DocumentID = s.doc.ID
		if r.Created.IsZero() {
			r.Created = now
		}
		e.PutRelations = append(e.PutRelations, r)
	}
	return e
}
