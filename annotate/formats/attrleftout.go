package formats

import "spanmark/annotate"

// attrTally counts the attribute values an export leaves out, to report
// them once, at its end, through ExportOptions.Warn: one line that the
// command line prints on stderr and the app lists with the export's other
// notes, rather than a line per value.
type attrTally struct {
	format, why string
	n           int
}

// count adds the values of m that keep rejects (nil keep: every value).
func (c *attrTally) count(m annotate.Attributes, keep func(name string, v annotate.AttrValue) bool) {
	for name, v := range m.All() {
		if keep == nil || !keep(name, v) {
			c.n++
		}
	}
}

// countAll adds every value of d: those of its annotations and its own.
func (c *attrTally) countAll(d *annotate.DocumentData) {
	c.count(d.Document.Attributes, nil)
	for _, a := range d.Annotations {
		c.count(a.Attributes, nil)
	}
}

// report tells o.Warn how many values were left out, if any:
// "doccano: 14 attribute values left out (doccano has no attributes)".
func (c *attrTally) report(o ExportOptions) {
	if c.n == 0 {
		return
	}
	what := "attribute values"
	if c.n == 1 {
		what = "attribute value"
	}
	o.warn("%s: %d %s left out (%s)", c.format, c.n, what, c.why)
}

// exportAttrFits reports whether an attribute value fits a format that
// holds enum and bool values but no free text (brat), by the schema's
// definition of the attribute of label.
func exportAttrFits(s annotate.Schema, label string) func(string, annotate.AttrValue) bool {
	return func(name string, v annotate.AttrValue) bool {
		for _, a := range s.AttributesFor(label) {
			if a.Name == name {
				return a.Type != annotate.AttrText
			}
		}
		return v.IsBool()
	}
}
