package lint

import "spanmark/annotate"

// emptyDone reports a document marked done that has no annotations.
func emptyDone(c *docContext) {
	if c.d.Document.Status == annotate.StatusDone && len(c.d.Annotations) == 0 {
		c.addDocument(EmptyDone, "document is marked done but has no annotations")
	}
}

// attributesUnset reports every required attribute left unset, on the
// document and on each annotation whose label has it.
func (l *Linter) attributesUnset(c *docContext) {
	for _, def := range l.schema.DocumentAttributes() {
		if def.Required && c.d.Document.Attributes.Get(def.Name).IsZero() {
			c.addDocument(AttributeUnset, "document attribute %s is unset", def.Name)
		}
	}
	for _, a := range c.anns {
		for _, def := range l.attrs[a.Label] {
			if a.Attributes.Get(def.Name).IsZero() {
				c.add(AttributeUnset, a, nil, "%s attribute %s is unset", a.Label, def.Name)
			}
		}
	}
}
