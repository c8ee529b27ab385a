package annotate

import (
	"fmt"
	"maps"
)

// SchemaDraft is a schema whose attributes are being edited in steps, as
// in the "Edit labels" dialog. It remembers what each attribute and enum
// value was called in the schema it started from, so that Finish can say
// how the project's values follow (a SchemaChange). Every step is
// validated; a refused step changes nothing.
type SchemaDraft struct {
	base Schema
	cur  Schema
	// attrs maps the current reference of each attribute the base has to
	// its reference in the base.
	attrs map[AttrRef]AttrRef
	// values maps (base attribute, current value) of each enum value the
	// base has to its name in the base.
	values map[ValueRef]string
}

// NewSchemaDraft starts a draft from s.
func NewSchemaDraft(s Schema) *SchemaDraft {
	d := &SchemaDraft{base: s.clone(), cur: s.clone(),
		attrs: make(map[AttrRef]AttrRef), values: make(map[ValueRef]string)}
	for _, a := range s.Attributes {
		d.attrs[a.Ref()] = a.Ref()
		for _, v := range a.Values {
			d.values[ValueRef{a.Ref(), v.Name}] = v.Name
		}
	}
	return d
}

// Schema returns the draft as it stands.
func (d *SchemaDraft) Schema() Schema { return d.cur.clone() }

// Base returns the reference in the starting schema of the attribute ref
// names now; false for an attribute added since.
func (d *SchemaDraft) Base(ref AttrRef) (AttrRef, bool) {
	b, ok := d.attrs[ref]
	return b, ok
}

// BaseValue returns the name in the starting schema of the value called
// value of the attribute ref names now; false for a value added since.
func (d *SchemaDraft) BaseValue(ref AttrRef, value string) (AttrRef, string, bool) {
	b, ok := d.attrs[ref]
	if !ok {
		return AttrRef{}, "", false
	}
	v, ok := d.values[ValueRef{b, value}]
	return b, v, ok
}

// AddAttribute adds a new attribute, which has no values in the project.
func (d *SchemaDraft) AddAttribute(a Attribute) error {
	if d.cur.attrIndex(a.Ref()) >= 0 {
		return Invalidf("add attribute %s: it exists", a.Ref())
	}
	return d.step(d.cur.WithAttribute(a))
}

// SetRequired marks the attribute ref names as required, or not.
func (d *SchemaDraft) SetRequired(ref AttrRef, required bool) error {
	return d.step(d.cur.editAttr(ref, "set required of "+ref.String(), func(a *Attribute) error {
		a.Required = required
		return nil
	}))
}

// SetDefault sets the default of the attribute ref names; the zero value
// clears it.
func (d *SchemaDraft) SetDefault(ref AttrRef, v AttrValue) error {
	return d.step(d.cur.editAttr(ref, "set default of "+ref.String(), func(a *Attribute) error {
		a.Default = v
		return nil
	}))
}

// RenameAttribute renames the attribute ref names.
func (d *SchemaDraft) RenameAttribute(ref AttrRef, name string) error {
	if err := d.step(d.cur.RenameAttribute(ref, name)); err != nil {
		return err
	}
	if b, ok := d.attrs[ref]; ok {
		delete(d.attrs, ref)
		ref.Name = name
		d.attrs[ref] = b
	}
	return nil
}

// RemoveAttribute removes the attribute ref names.
func (d *SchemaDraft) RemoveAttribute(ref AttrRef) error {
	if err := d.step(d.cur.RemoveAttribute(ref)); err != nil {
		return err
	}
	if b, ok := d.attrs[ref]; ok {
		delete(d.attrs, ref)
		maps.DeleteFunc(d.values, func(k ValueRef, _ string) bool { return k.Attr == b })
	}
	return nil
}

// SetValue adds v to the enum attribute ref names, or sets the key of its
// value called v.Name.
func (d *SchemaDraft) SetValue(ref AttrRef, v EnumValue) error {
	return d.step(d.cur.WithValue(ref, v))
}

// RenameValue renames the enum value old of the attribute ref names.
func (d *SchemaDraft) RenameValue(ref AttrRef, old, new string) error {
	if err := d.step(d.cur.RenameValue(ref, old, new)); err != nil {
		return err
	}
	if b, ok := d.attrs[ref]; ok {
		if v, ok := d.values[ValueRef{b, old}]; ok {
			delete(d.values, ValueRef{b, old})
			d.values[ValueRef{b, new}] = v
		}
	}
	return nil
}

// RemoveValue removes the enum value name of the attribute ref names.
func (d *SchemaDraft) RemoveValue(ref AttrRef, name string) error {
	if err := d.step(d.cur.RemoveValue(ref, name)); err != nil {
		return err
	}
	if b, ok := d.attrs[ref]; ok {
		delete(d.values, ValueRef{b, name})
	}
	return nil
}

// step takes s as the draft unless err says it was refused.
func (d *SchemaDraft) step(s Schema, err error) error {
	if err == nil {
		d.cur = s
	}
	return err
}

// Finish returns the schema with labels in place of the draft's and its
// attributes, and the change that carries the project's values to it.
// labelRenames maps base label names to new ones: an attribute of a
// renamed label follows it, one of a label labels lacks goes with it.
// The change deletes the values of what the draft removed, which the
// person confirmed on removing it, and refuses to lose any other.
func (d *SchemaDraft) Finish(labels []Label, labelRenames map[string]string) (Schema, SchemaChange, error) {
	out := Schema{Labels: labels, Relations: d.cur.Relations}
	for _, a := range d.cur.Attributes {
		if n, ok := labelRenames[a.Label]; ok && a.Label != "" {
			a.Label = n
		}
		if a.Label != "" && out.labelIndex(a.Label) < 0 {
			continue
		}
		out.Attributes = append(out.Attributes, a.clone())
	}
	if err := out.Validate(); err != nil {
		return d.base, SchemaChange{}, fmt.Errorf("labels: %w", err)
	}
	return out, d.change(labelRenames), nil
}

// change is the SchemaChange the draft's steps make, with labelRenames.
func (d *SchemaDraft) change(labelRenames map[string]string) SchemaChange {
	c := SchemaChange{Labels: labelRenames, Attributes: make(map[AttrRef]string), Values: make(map[ValueRef]string)}
	kept := make(map[AttrRef]string, len(d.attrs)) // base → current name
	for cur, b := range d.attrs {
		kept[b] = cur.Name
	}
	keptValues := make(map[ValueRef]string, len(d.values)) // base → current name
	for k, b := range d.values {
		keptValues[ValueRef{k.Attr, b}] = k.Value
	}
	for _, a := range d.base.Attributes {
		name, ok := kept[a.Ref()]
		if !ok || name != a.Name {
			c.Attributes[a.Ref()] = name // "" when removed
		}
		if !ok {
			continue
		}
		for _, v := range a.Values {
			ref := ValueRef{a.Ref(), v.Name}
			if n, ok := keptValues[ref]; !ok || n != v.Name {
				c.Values[ref] = n
			}
		}
	}
	return c
}
