package annotate

// SetDocumentAttribute sets the document attribute called name to v, or
// clears it when v is zero, as one undoable step: the store writes the
// document's new values in the same transaction as any edit, and undo
// puts the old values back. The value must fit the schema's document
// attribute of that name (ErrInvalid, naming the document); setting the
// value it already has changes nothing.
func (s *Session) SetDocumentAttribute(name string, v AttrValue) error {
	def, ok := findAttr(s.schema.DocumentAttributes(), name)
	if !ok {
		return Invalidf("document %s: the schema has no document attribute %q", s.doc.ID, name)
	}
	if !v.IsZero() {
		if err := def.check(v); err != nil {
			return Invalidf("document %s: attribute %v", s.doc.ID, err)
		}
	}
	if s.doc.Attributes.Get(name) == v {
		return nil
	}
	m, step := withValue(s.doc.Attributes, name, v)
	return s.do(step, Edit{DocumentAttributes: m, SetDocumentAttributes: true})
}
