package annotate

import "fmt"

// Resize moves an annotation's boundaries to [start, end), as one
// undoable step. The annotation keeps its id, label, note and relations:
// what adjusting a span by a word or a character asks for, where deleting
// and tagging it again would lose its links. A range that is empty,
// reversed or outside the text is refused with an error wrapping
// ErrInvalid, and nothing changes; resizing to the range it has is a
// no-op.
func (s *Session) Resize(id string, start, end int) error {
	a, ok := s.anns[id]
	if !ok {
		return fmt.Errorf("resize %s: %w", id, ErrNotFound)
	}
	if a.Start == start && a.End == end {
		return nil
	}
	a.Start, a.End = start, end
	if err := ValidateAnnotation(a, s.index.Len(), s.schema); err != nil {
		return fmt.Errorf("resize: %w", err)
	}
	a.Updated = s.Now().UTC()
	return s.do("resize "+a.Label, Edit{PutAnnotations: []Annotation{a}})
}
