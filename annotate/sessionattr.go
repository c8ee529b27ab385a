package annotate

import "fmt"

// withValue returns a copy of m with name set to v, or removed when v is
// zero (nil when nothing is left), and the name of that undo step. The
// values are copied, never changed in place: the undo history holds the
// annotation or document as it was, values and all.
func withValue(m Attributes, name string, v AttrValue) (Attributes, string) {
	if v.IsZero() {
		return m.Without(name), "clear " + name
	}
	return m.With(name, v), fmt.Sprintf("set %s %s", name, v)
}

// SetAttribute sets the attribute called name of an annotation to v, or
// clears it when v is zero, as one undoable step. The value must fit the
// definition the annotation's label has (ErrInvalid, naming the
// annotation); setting the value it already has changes nothing.
func (s *Session) SetAttribute(id, name string, v AttrValue) error {
	a, ok := s.anns[id]
	if !ok {
		return fmt.Errorf("set attribute %s of %s: %w", name, id, ErrNotFound)
	}
	def, ok := findAttr(s.schema.AttributesFor(a.Label), name)
	if !ok {
		return Invalidf("annotation %s (%s): label %s has no attribute %q", id, a.Label, a.Label, name)
	}
	if !v.IsZero() {
		if err := def.check(v); err != nil {
			return Invalidf("annotation %s (%s): attribute %v", id, a.Label, err)
		}
	}
	if a.Attributes.Get(name) == v {
		return nil
	}
	m, step := withValue(a.Attributes, name, v)
	a.Attributes = m
	a.Updated = s.Now().UTC()
	return s.do(step, Edit{PutAnnotations: []Annotation{a}})
}
