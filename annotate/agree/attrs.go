package agree

import "spanmark/annotate"

// unset is the category of an attribute that a side left without a
// value, "<unset>" in the package doc. No set value is the empty string:
// annotate.StringValue("") is the zero, unset, value.
const unset = ""

// AttrFigures are the agreement figures of one attribute: over how many
// pairs (exactly matching annotations, or paired documents) it was
// compared, on how many the two sides' values were equal, and Cohen's
// kappa over those pairs.
type AttrFigures struct {
	Pairs, Agreed int
	Kappa         float64
}

// Agreement returns Agreed/Pairs, or 1 when there are no pairs.
func (f AttrFigures) Agreement() float64 {
	if f.Pairs == 0 {
		return 1
	}
	return float64(f.Agreed) / float64(f.Pairs)
}

// attrSlot is one attribute to count for a label or the document: its
// name in the values and its tally.
type attrSlot struct {
	name  string
	tally *kappaTally
}

// attrCounter counts the values of every attribute over the pairs it is
// shown, keeping counts per value and never the pairs, so that agreement
// over a large project takes memory in proportion to the distinct values.
type attrCounter struct {
	schemaA, schemaB annotate.Schema
	byLabel          map[string][]attrSlot // cache of slots
	doc              []attrSlot
	tallies          map[string]*kappaTally // by "LABEL.name" or "document.name"
}

// newAttrCounter returns a counter for the attributes of sa and sb.
func newAttrCounter(sa, sb annotate.Schema) *attrCounter {
	c := &attrCounter{
		schemaA: sa,
		schemaB: sb,
		byLabel: map[string][]attrSlot{},
		tallies: map[string]*kappaTally{},
	}
	c.doc = c.slotsOf("document", sa.DocumentAttributes(), sb.DocumentAttributes())
	return c
}

// slots returns the attributes that label has in either schema.
func (c *attrCounter) slots(label string) []attrSlot {
	s, ok := c.byLabel[label]
	if !ok {
		s = c.slotsOf(label, c.schemaA.AttributesFor(label), c.schemaB.AttributesFor(label))
		c.byLabel[label] = s
	}
	return s
}

// slotsOf returns a slot for each name in defsA and then defsB, each
// once, keyed by owner and name.
func (c *attrCounter) slotsOf(owner string, defsA, defsB []annotate.Attribute) []attrSlot {
	var out []attrSlot
	seen := map[string]bool{}
	for _, def := range append(defsA, defsB...) {
		if !seen[def.Name] {
			seen[def.Name] = true
			out = append(out, attrSlot{name: def.Name, tally: c.tally(owner + "." + def.Name)})
		}
	}
	return out
}

// tally returns the tally of key, adding it when new.
func (c *attrCounter) tally(key string) *kappaTally {
	t, ok := c.tallies[key]
	if !ok {
		t = newKappaTally()
		c.tallies[key] = t
	}
	return t
}

// count counts one pair's values of the attributes in slots.
func count(slots []attrSlot, a, b annotate.Attributes) {
	if len(a) == 0 && len(b) == 0 {
		for _, s := range slots {
			s.tally.bothUnset++
		}
		return
	}
	for _, s := range slots {
		s.tally.pair(category(a.Get(s.name)), category(b.Get(s.name)))
	}
}

// category returns the kappa category of a value.
func category(v annotate.AttrValue) string {
	if v.IsZero() {
		return unset
	}
	return v.String()
}

// merge adds what d has counted to c.
func (c *attrCounter) merge(d *attrCounter) {
	for key, t := range d.tallies {
		c.tally(key).merge(t)
	}
}

// figures returns the figures of every attribute compared over at least
// one pair.
func (c *attrCounter) figures() map[string]AttrFigures {
	out := make(map[string]AttrFigures, len(c.tallies))
	for key, t := range c.tallies {
		t.settle()
		if t.n > 0 {
			out[key] = AttrFigures{Pairs: int(t.n), Agreed: int(t.agree), Kappa: t.kappa()}
		}
	}
	return out
}
