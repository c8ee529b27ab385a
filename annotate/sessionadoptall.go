package annotate

import (
	"fmt"
	"slices"
)

// AdoptAll takes anns and rels into the document as Adopt does, and
// deletes the annotations drop with every relation that names them, all
// as one undoable step called name: what accepting another version of a
// whole document does, where it lacks some of the document's annotations.
// Every id in drop must be an annotation of the document and none of anns,
// and no relation of rels may name one; otherwise nothing changes.
func (s *Session) AdoptAll(name string, anns []Annotation, rels []Relation, drop []string) error {
	dropped := make(map[string]bool, len(drop))
	for _, id := range drop {
		if _, ok := s.anns[id]; !ok {
			return fmt.Errorf("%s: delete %s: %w", name, id, ErrNotFound)
		}
		dropped[id] = true
	}
	for _, a := range anns {
		if dropped[a.ID] {
			return Invalidf("%s: annotation %s both taken and deleted", name, a.ID)
		}
	}
	for _, r := range rels {
		if dropped[r.From] || dropped[r.To] {
			return Invalidf("%s: relation %s names a deleted annotation", name, r.ID)
		}
	}
	e := s.adoptEdit(anns, rels)
	e.DeleteAnnotations = slices.Clone(drop)
	if e.Empty() {
		return nil
	}
	return s.do(name, e)
}
