package annotate

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Migration carries a project's annotations and document values from one
// schema to the next as a SchemaChange says. It is prepared once per
// change, so that carrying one annotation costs a map look-up for its
// label and one per value it holds; an annotation of a label whose
// attributes did not change costs the label look-up only. It never
// changes the values it is given: an undo step may hold them.
type Migration struct {
	labels  map[string]labelPlan // by old label name
	doc     labelPlan            // the document's attributes
	to      Schema
	drop    bool
	mayLose bool
}

// labelPlan says what becomes of the annotations of one old label.
type labelPlan struct {
	label string              // the new name
	attrs map[string]attrPlan // by old attribute name
	same  bool                // nothing about the values changes
}

// attrPlan says what becomes of the values of one old attribute.
type attrPlan struct {
	name    string            // the new name
	def     Attribute         // the new definition, if found
	found   bool              // the new schema has it
	deleted bool              // the change deletes it
	values  map[string]string // old enum value → new, "" for deleted
}

// NewMigration prepares the migration of values under from to values
// under to. A rename of something from lacks, or into something to lacks,
// is ErrInvalid, as are two attributes of one label renamed to one name.
func NewMigration(from, to Schema, c SchemaChange) (*Migration, error) {
	if err := checkRenames(from, to, c); err != nil {
		return nil, err
	}
	m := &Migration{labels: make(map[string]labelPlan, len(from.Labels)), to: to, drop: c.DropValues}
	for _, l := range from.Labels {
		newName := l.Name
		if n, ok := c.Labels[l.Name]; ok {
			newName = n
		}
		if _, ok := to.Label(newName); !ok {
			continue // a removed label: the store refuses to orphan its annotations
		}
		p, err := m.plan(from.AttributesFor(l.Name), to.AttributesFor(newName), c, "label "+l.Name)
		if err != nil {
			return nil, err
		}
		p.label, p.same = newName, p.same && newName == l.Name
		m.labels[l.Name] = p
	}
	var err error
	m.doc, err = m.plan(from.DocumentAttributes(), to.DocumentAttributes(), c, "the document")
	return m, err
}

// plan works out what becomes of the values of the attributes olds, whose
// new definitions are among news. owner names their holder for errors.
func (m *Migration) plan(olds, news []Attribute, c SchemaChange, owner string) (labelPlan, error) {
	p := labelPlan{attrs: make(map[string]attrPlan, len(olds)), same: true}
	took := make(map[string]string, len(olds)) // new name → old name
	for _, old := range olds {
		ap := attrPlan{name: old.Name}
		if n, ok := c.Attributes[old.Ref()]; ok {
			ap.name, ap.deleted = n, n == ""
		}
		if ap.deleted {
			m.mayLose, p.same = true, false
			p.attrs[old.Name] = ap
			continue
		}
		if prev, ok := took[ap.name]; ok {
			return p, Invalidf("%s: attributes %q and %q would both be called %q", owner, prev, old.Name, ap.name)
		}
		took[ap.name] = old.Name
		ap.def, ap.found = findAttr(news, ap.name)
		if !ap.found && ap.name != old.Name {
			return p, Invalidf("rename attribute %s to %q: no such attribute in the schema", old.Ref(), ap.name)
		}
		lossless := ap.found && ap.def.Type == old.Type
		for _, v := range old.Values {
			to := v.Name
			if n, ok := c.Values[ValueRef{old.Ref(), v.Name}]; ok && n != v.Name {
				to = n
				if ap.values == nil {
					ap.values = make(map[string]string, 1)
				}
				ap.values[v.Name] = n
				if n == "" {
					lossless = false
					continue
				}
				if ap.found && ap.def.check(StringValue(n)) != nil {
					return p, Invalidf("rename value %q of %s to %q: no such value in the schema", v.Name, old.Ref(), n)
				}
			}
			lossless = lossless && ap.def.check(StringValue(to)) == nil
		}
		m.mayLose = m.mayLose || !lossless
		p.same = p.same && lossless && ap.name == old.Name && ap.values == nil
		p.attrs[old.Name] = ap
	}
	return p, nil
}

// MayLose reports whether the change may remove values at all: whether
// some attribute or enum value disappears or changes type. When it does
// not, no annotation needs to be read to know that none is lost.
func (m *Migration) MayLose() bool { return m.mayLose }

// Annotation carries a to the new schema in place: its label renamed, its
// values renamed, and those that no longer fit removed, in a new slice. It
// reports whether a changed and how many values it lost. A lost value is
// ErrInvalid, naming the annotation, unless the change drops values.
func (m *Migration) Annotation(a *Annotation) (changed bool, lost int, err error) {
	p, ok := m.labels[a.Label]
	if !ok {
		return false, 0, nil // not a label of the old schema: validation says what is wrong
	}
	changed = p.label != a.Label
	a.Label = p.label
	if p.same || len(a.Attributes) == 0 {
		return changed, 0, nil
	}
	vals, moved, lostNames, misfits := p.carry(a.Attributes)
	if len(misfits) > 0 && !m.drop {
		return false, 0, Invalidf("annotation %s (%s): %s", a.ID, a.Label, noPlace(a.Attributes, misfits))
	}
	a.Attributes = vals
	return changed || moved, len(lostNames), nil
}

// Document carries a document's values to the new schema in place, as
// Annotation does an annotation's.
func (m *Migration) Document(d *DocumentInfo) (changed bool, lost int, err error) {
	if m.doc.same || len(d.Attributes) == 0 {
		return false, 0, nil
	}
	vals, moved, lostNames, misfits := m.doc.carry(d.Attributes)
	if len(misfits) > 0 && !m.drop {
		return false, 0, Invalidf("document %s: %s", d.ID, noPlace(d.Attributes, misfits))
	}
	d.Attributes = vals
	return moved, len(lostNames), nil
}

// carry returns vals under the new schema, whether that differs from
// vals, the names of the values it removes, and among them those the
// change did not delete but that no longer fit. A value of an attribute
// the old schema lacks is kept as it is, for validation to refuse. vals
// itself is returned when nothing changes.
func (p labelPlan) carry(vals Attributes) (out Attributes, changed bool, lost, misfits []string) {
	if !p.touches(vals) {
		return vals, false, nil, nil
	}
	kept := make([]Attr, 0, len(vals))
	for _, a := range vals {
		ap, ok := p.attrs[a.Name]
		if !ok {
			kept = append(kept, a)
			continue
		}
		v := a.Value
		to, renamed := ap.values[v.Str()]
		if renamed && !v.IsBool() {
			v = StringValue(to)
		}
		switch {
		case ap.deleted || renamed && to == "":
			lost = append(lost, a.Name)
		case !ap.found || ap.def.check(v) != nil:
			lost, misfits = append(lost, a.Name), append(misfits, a.Name)
		default:
			kept = append(kept, Attr{ap.name, v})
		}
	}
	// A rename can put a value where one the old schema lacked is: the
	// new schema has no place for both.
	out, dup, ok := SortAttributes(kept)
	if !ok {
		return nil, true, append(lost, dup), append(misfits, dup)
	}
	return out, true, lost, misfits
}

// touches reports whether carry changes vals, without allocating: most
// annotations of a label whose attributes changed hold none of the
// values that did.
func (p labelPlan) touches(vals Attributes) bool {
	for name, v := range vals.All() {
		ap, ok := p.attrs[name]
		if !ok {
			continue
		}
		if _, renamed := ap.values[v.Str()]; renamed && !v.IsBool() {
			return true
		}
		if ap.name != name || !ap.found || ap.deleted || ap.def.check(v) != nil {
			return true
		}
	}
	return false
}

// noPlace says which values of vals the new schema has no place for.
func noPlace(vals Attributes, lost []string) string {
	slices.Sort(lost)
	var parts []string
	for _, name := range lost {
		parts = append(parts, fmt.Sprintf("%s %q", name, vals.Get(name).String()))
	}
	return "the new schema has no place for " + strings.Join(parts, ", ")
}

// checkRenames checks that every rename in c starts from something in
// from and ends in something to has.
func checkRenames(from, to Schema, c SchemaChange) error {
	for _, old := range slices.Sorted(maps.Keys(c.Labels)) {
		if _, ok := to.Label(c.Labels[old]); !ok {
			return Invalidf("rename label %q to %q: no such label in the schema", old, c.Labels[old])
		}
	}
	for ref, name := range c.Attributes {
		if from.attrIndex(ref) < 0 {
			return Invalidf("rename attribute %s to %q: no such attribute", ref, name)
		}
	}
	for ref, name := range c.Values {
		i := from.attrIndex(ref.Attr)
		if i < 0 || from.Attributes[i].Type != AttrEnum || valueIndex(from.Attributes[i].Values, ref.Value) < 0 {
			return Invalidf("rename value %q of %s to %q: no such value", ref.Value, ref.Attr, name)
		}
	}
	return nil
}
