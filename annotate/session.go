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
	relsByID       []Relation            // rels in order; nil when stale
	relsOf         map[string][]Relation // by annotation id, the relations naming it; nil when stale
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
// schema changed (labels, attributes or values renamed, recoloured, added
// or deleted) and reloads the annotations and the document's values,
// which a rename or a deletion changed.
func (s *Session) SetSchema(schema Schema) error {
	data, err := s.store.Load(s.doc.ID)
	if err != nil {
		return fmt.Errorf("reload document %s: %w", s.doc.ID, err)
	}
	s.schema = schema
	s.doc.Attributes = data.Document.Attributes
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
	// A rename changed labels and values under the history's feet;
	// replaying old steps would bring the old names, or deleted values,
	// back.
	s.undo, s.redo = nil, nil
	return nil
}

// Annotation returns the annotation with the given id.
func (s *Session) Annotation(id string) (Annotation, bool) {
	a, ok := s.anns[id]
	return a, ok
}

// Len returns how many annotations the document has.
func (s *Session) Len() int { return len(s.anns) }

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

// RelationsOf returns the relations that name the annotation at either
// end, ordered by id. The view asks it for the selected annotation after
// every edit, so the relations are indexed by annotation once, not
// scanned each time.
func (s *Session) RelationsOf(annID string) []Relation {
	if s.relsOf == nil {
		s.relsOf = make(map[string][]Relation)
		for _, r := range s.Relations() {
			s.relsOf[r.From] = append(s.relsOf[r.From], r)
			if r.To != r.From {
				s.relsOf[r.To] = append(s.relsOf[r.To], r)
			}
		}
	}
	return slices.Clone(s.relsOf[annID])
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

// SetTitle renames the document. Like the status, the title is not part
// of the undo history.
func (s *Session) SetTitle(title string) error {
	if err := s.store.SetTitle(s.doc.ID, title); err != nil {
		return fmt.Errorf("rename %s: %w", s.doc.ID, err)
	}
	s.doc.Title = title
	return nil
}

// Text returns the code points [start, end) of the document.
func (s *Session) Text(start, end int) string { return s.index.Slice(start, end) }
