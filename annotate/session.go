package annotate

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Session is one open document being annotated: its text, annotations and
// relations in memory, kept equal to what the store holds, and the history
// that undo and redo walk.
//
// Every method that changes something makes exactly one Store.Apply call,
// so each user action is one transaction, durable before the method
// returns. When Apply fails the session is left as it was.
type Session struct {
	store  Store
	schema Schema
	doc    Document
	index  *Index
	anns   map[string]Annotation
	rels   map[string]Relation
	sorted []Annotation // anns in order as of the last merge; nil when not made
	// Edits since sorted was made, merged into it when Annotations is
	// next called: moving tens of thousands of annotations at every
	// keystroke cost more than the commit.
	added, removed []Annotation
	relsByID       []Relation // rels in order; nil when stale
	undo           []step
	redo           []step
	annotator      string

	// What the last successful apply changed, for views that update
	// incrementally: annotations put, and ids of annotations deleted.
	lastPut     []Annotation
	lastDeleted []string

	// Now stamps new and changed annotations; tests replace it.
	Now func() time.Time
}

// step is one undoable action: the edit that did it and the edit that
// reverts it.
type step struct {
	name string
	do   Edit
	undo Edit
}

// OpenSession loads a document from the store for editing.
func OpenSession(st Store, docID string) (*Session, error) {
	data, err := st.Load(docID)
	if err != nil {
		return nil, fmt.Errorf("open document %s: %w", docID, err)
	}
	schema, err := st.Schema()
	if err != nil {
		return nil, fmt.Errorf("open document %s: %w", docID, err)
	}
	meta, err := st.Meta()
	if err != nil {
		return nil, fmt.Errorf("open document %s: %w", docID, err)
	}
	s := &Session{
		store:     st,
		schema:    schema,
		doc:       data.Document,
		index:     NewIndex(data.Document.Text),
		anns:      make(map[string]Annotation, len(data.Annotations)),
		rels:      make(map[string]Relation, len(data.Relations)),
		annotator: meta.Annotator,
		Now:       time.Now,
	}
	for _, a := range data.Annotations {
		s.anns[a.ID] = a
	}
	// The store gives the annotations in order: keep it rather than sort
	// them again on the first call of Annotations.
	if len(s.anns) == len(data.Annotations) {
		SortAnnotations(data.Annotations)
		s.sorted = data.Annotations
	}
	for _, r := range data.Relations {
		s.rels[r.ID] = r
	}
	return s, nil
}

// Document returns the document being edited.
func (s *Session) Document() Document { return s.doc }

// Index returns the offset index of the document's text.
func (s *Session) Index() *Index { return s.index }

// Schema returns the schema the session validates against.
func (s *Session) Schema() Schema { return s.schema }

// SetSchema replaces the session's copy of the schema after the project's
// schema changed (labels renamed, recoloured or added) and reloads the
// annotations, whose labels a rename changed.
func (s *Session) SetSchema(schema Schema) error {
	data, err := s.store.Load(s.doc.ID)
	if err != nil {
		return fmt.Errorf("reload document %s: %w", s.doc.ID, err)
	}
	s.schema = schema
	s.sorted, s.added, s.removed = nil, nil, nil
	clear(s.anns)
	for _, a := range data.Annotations {
		s.anns[a.ID] = a
	}
	// The store gives the annotations in order: keep it rather than sort
	// them again on the first call of Annotations.
	if len(s.anns) == len(data.Annotations) {
		SortAnnotations(data.Annotations)
		s.sorted = data.Annotations
	}
	// A rename changed labels under the history's feet; replaying old
	// steps would bring the old names back.
	s.undo, s.redo = nil, nil
	return nil
}

// Annotation returns the annotation with the given id.
func (s *Session) Annotation(id string) (Annotation, bool) {
	a, ok := s.anns[id]
	return a, ok
}

// Annotations returns the annotations in [CompareAnnotations] order. The
// slice is the session's own: callers must not change it, nor keep it
// across an edit. After edits it costs one merge of them into the last
// order, not a sort.
func (s *Session) Annotations() []Annotation {
	switch {
	case s.sorted == nil:
		s.sorted = make([]Annotation, 0, len(s.anns))
		for _, a := range s.anns {
			s.sorted = append(s.sorted, a)
		}
		SortAnnotations(s.sorted)
		s.added, s.removed = s.added[:0], s.removed[:0]
	case len(s.added) > 0 || len(s.removed) > 0:
		s.sorted = mergeSorted(s.sorted, s.removed, s.added)
		s.added, s.removed = s.added[:0], s.removed[:0]
	}
	return s.sorted
}

// Len returns how many annotations the document has.
func (s *Session) Len() int { return len(s.anns) }

// mergeSorted returns sorted without the annotations of removed and with
// those of added, in order, as a new slice.
func mergeSorted(sorted, removed, added []Annotation) []Annotation {
	SortAnnotations(removed)
	SortAnnotations(added)
	out := make([]Annotation, 0, len(sorted)-len(removed)+len(added))
	i, j := 0, 0
	for _, a := range sorted {
		for i < len(removed) && CompareAnnotations(removed[i], a) < 0 {
			i++
		}
		if i < len(removed) && CompareAnnotations(removed[i], a) == 0 {
			i++
			continue
		}
		for j < len(added) && CompareAnnotations(added[j], a) < 0 {
			out = append(out, added[j])
			j++
		}
		out = append(out, a)
	}
	return append(out, added[j:]...)
}

// Relations returns the relations ordered by id. Like Annotations, the
// slice is the session's own until the next edit.
func (s *Session) Relations() []Relation {
	if s.relsByID == nil {
		s.relsByID = make([]Relation, 0, len(s.rels))
		for _, r := range s.rels {
			s.relsByID = append(s.relsByID, r)
		}
		slices.SortFunc(s.relsByID, func(a, b Relation) int { return strings.Compare(a.ID, b.ID) })
	}
	return s.relsByID
}

// RelationsOf returns the relations that name the annotation at either end.
func (s *Session) RelationsOf(annID string) []Relation {
	var out []Relation
	for _, r := range s.rels {
		if r.From == annID || r.To == annID {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Relation) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// LastChange returns what the last edit, undo or redo changed: the
// annotations it put (new or changed) and the ids of those it deleted.
// The slices are the session's own until the next edit.
func (s *Session) LastChange() (put []Annotation, deleted []string) {
	return s.lastPut, s.lastDeleted
}

// SetStatus sets the document's status. It is not part of the undo
// history: it says how far the work has got, not what the work is.
func (s *Session) SetStatus(st Status) error {
	if err := s.store.SetStatus(s.doc.ID, st); err != nil {
		return fmt.Errorf("set status of %s: %w", s.doc.ID, err)
	}
	s.doc.Status = st
	return nil
}

// Text returns the code points [start, end) of the document.
func (s *Session) Text(start, end int) string { return s.index.Slice(start, end) }

// insertSorted notes that a is to go into the sorted slice, if there is
// one.
func (s *Session) insertSorted(a Annotation) {
	if s.sorted != nil {
		s.added = append(s.added, a)
	}
}

// unsort notes that a is to leave the sorted slice, if there is one: a
// version added since the last merge just goes, one merged is removed at
// the next.
func (s *Session) unsort(a Annotation) {
	if s.sorted == nil {
		return
	}
	if i := slices.IndexFunc(s.added, func(b Annotation) bool { return b.ID == a.ID }); i >= 0 {
		s.added = slices.Delete(s.added, i, i+1)
		return
	}
	s.removed = append(s.removed, a)
}

// tagged returns the annotation of label over exactly [start, end), if
// there is one, without merging the edits since the last order: the
// sorted slice by binary search, skipping what was removed since, then
// what was added.
func (s *Session) tagged(start, end int, label string) (Annotation, bool) {
	if s.sorted == nil {
		s.Annotations()
	}
	match := func(a Annotation) bool { return a.Start == start && a.End == end && a.Label == label }
	i, _ := slices.BinarySearchFunc(s.sorted, start, func(a Annotation, start int) int { return a.Start - start })
	for ; i < len(s.sorted) && s.sorted[i].Start == start; i++ {
		a := s.sorted[i]
		if match(a) && !slices.ContainsFunc(s.removed, func(b Annotation) bool { return b.ID == a.ID }) {
			return a, true
		}
	}
	if i := slices.IndexFunc(s.added, match); i >= 0 {
		return s.added[i], true
	}
	return Annotation{}, false
}

// Tag adds an annotation of label over [start, end). Tagging a span that
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
// fit the new label are deleted in the same step.
func (s *Session) Relabel(id, label string) error {
	a, ok := s.anns[id]
	if !ok {
		return fmt.Errorf("relabel %s: %w", id, ErrNotFound)
	}
	if a.Label == label {
		return nil
	}
	a.Label = label
	a.Updated = s.Now().UTC()
	e := Edit{PutAnnotations: []Annotation{a}}
	kind := s.schema.KindOf(label)
	for _, r := range s.rels {
		if !s.relationFits(r, id, kind) {
			e.DeleteRelations = append(e.DeleteRelations, r.ID)
		}
	}
	return s.do("relabel "+label, e)
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
	if e.Empty() {
		return nil
	}
	name := "accept"
	if len(anns) == 1 {
		name += " " + anns[0].Label
	}
	return s.do(name, e)
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
	inverse := s.inverse(e)
	if err := s.apply(e); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	s.undo = append(s.undo, step{name: name, do: e, undo: inverse})
	s.redo = nil
	return nil
}

// apply writes e to the store and, once it is committed, to memory.
func (s *Session) apply(e Edit) error {
	if err := s.store.Apply(s.doc.ID, e); err != nil {
		return err
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
		s.relsByID = nil
	}
	return nil
}

// inverse returns the edit that undoes e, given the session's current
// state. Relations that deleting an annotation removes are put back too.
func (s *Session) inverse(e Edit) Edit {
	var inv Edit
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
