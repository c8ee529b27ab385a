package annotate

// Checker validates annotations against one schema as ValidateAnnotation
// does, with the attributes of each label found once rather than for
// every annotation: an export checks a million annotations against the
// same schema, and finding a label's attributes cost more than checking
// its values.
type Checker struct {
	schema  Schema
	byLabel map[string][]Attribute
}

// NewChecker returns a Checker for s.
func NewChecker(s Schema) *Checker {
	c := &Checker{schema: s, byLabel: make(map[string][]Attribute, len(s.Labels))}
	for _, l := range s.Labels {
		c.byLabel[l.Name] = s.AttributesFor(l.Name)
	}
	return c
}

// ValidateAnnotation returns what ValidateAnnotation(a, textLen, s)
// returns for the Checker's schema s.
func (c *Checker) ValidateAnnotation(a Annotation, textLen int) error {
	if err := validateSpan(a, textLen, c.schema); err != nil {
		return err
	}
	if len(a.Attributes) == 0 || valuesFitDefs(a.Attributes, c.byLabel[a.Label]) {
		return nil
	}
	return ValidateAttributes(a, c.schema)
}

// valuesFitDefs reports whether every value in m is of one of defs, the
// attributes of one label, and fits it, each name once.
func valuesFitDefs(m Attributes, defs []Attribute) bool {
	if !m.Ordered() {
		return false
	}
	for _, a := range m {
		def, ok := findAttr(defs, a.Name)
		if !ok || def.check(a.Value) != nil {
			return false
		}
	}
	return true
}
