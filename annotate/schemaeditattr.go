package annotate

import (
	"fmt"
	"slices"
)

// The methods in this file edit attribute definitions for the "Edit
// labels" dialog, as schemaedit.go's edit labels: each returns a new,
// validated schema and leaves s untouched. Carrying the project's values
// along is SchemaChange's business; SchemaDraft records it.

// WithAttribute returns s with a added, or in place of the definition
// with a's reference, keeping its position.
func (s Schema) WithAttribute(a Attribute) (Schema, error) {
	out := s.clone()
	if i := out.attrIndex(a.Ref()); i >= 0 {
		out.Attributes[i] = a.clone()
	} else {
		out.Attributes = append(out.Attributes, a.clone())
	}
	if err := out.Validate(); err != nil {
		return s, fmt.Errorf("set attribute %s: %w", a.Ref(), err)
	}
	return out, nil
}

// RenameAttribute returns s with the attribute ref names called name. A
// missing attribute is ErrNotFound; a name another attribute of the same
// labels has is ErrInvalid.
func (s Schema) RenameAttribute(ref AttrRef, name string) (Schema, error) {
	return s.editAttr(ref, fmt.Sprintf("rename attribute %s to %q", ref, name), func(a *Attribute) error {
		a.Name = name
		return nil
	})
}

// RemoveAttribute returns s without the attribute ref names. A missing
// attribute is ErrNotFound.
func (s Schema) RemoveAttribute(ref AttrRef) (Schema, error) {
	i := s.attrIndex(ref)
	if i < 0 {
		return s, fmt.Errorf("remove attribute %s: %w", ref, ErrNotFound)
	}
	out := s.clone()
	out.Attributes = slices.Delete(out.Attributes, i, i+1)
	return out, nil
}

// WithValue returns s with v added to the enum attribute ref names, or,
// when it has a value called v.Name, with v's key in its place.
func (s Schema) WithValue(ref AttrRef, v EnumValue) (Schema, error) {
	return s.editAttr(ref, fmt.Sprintf("set value %q of %s", v.Name, ref), func(a *Attribute) error {
		if i := valueIndex(a.Values, v.Name); i >= 0 {
			a.Values[i] = v
		} else {
			a.Values = append(a.Values, v)
		}
		return nil
	})
}

// RenameValue returns s with the enum value old of the attribute ref
// names called new; a default of old becomes new.
func (s Schema) RenameValue(ref AttrRef, old, new string) (Schema, error) {
	return s.editAttr(ref, fmt.Sprintf("rename value %q of %s to %q", old, ref, new), func(a *Attribute) error {
		i := valueIndex(a.Values, old)
		if i < 0 {
			return ErrNotFound
		}
		a.Values[i].Name = new
		if a.Default == StringValue(old) {
			a.Default = StringValue(new)
		}
		return nil
	})
}

// RemoveValue returns s without the enum value name of the attribute ref
// names; a default of name is cleared. An enum keeps at least one value.
func (s Schema) RemoveValue(ref AttrRef, name string) (Schema, error) {
	return s.editAttr(ref, fmt.Sprintf("remove value %q of %s", name, ref), func(a *Attribute) error {
		i := valueIndex(a.Values, name)
		if i < 0 {
			return ErrNotFound
		}
		a.Values = slices.Delete(a.Values, i, i+1)
		if a.Default == StringValue(name) {
			a.Default = AttrValue{}
		}
		return nil
	})
}

// editAttr returns s with fn applied to the attribute ref names, after
// validating the result; what names the edit in errors.
func (s Schema) editAttr(ref AttrRef, what string, fn func(*Attribute) error) (Schema, error) {
	i := s.attrIndex(ref)
	if i < 0 {
		return s, fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	out := s.clone()
	if err := fn(&out.Attributes[i]); err != nil {
		return s, fmt.Errorf("%s: %w", what, err)
	}
	if err := out.Validate(); err != nil {
		return s, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// attrIndex returns the position of the attribute ref names, or -1.
func (s Schema) attrIndex(ref AttrRef) int {
	return slices.IndexFunc(s.Attributes, func(a Attribute) bool { return a.Ref() == ref })
}

// valueIndex returns the position of the value called name, or -1.
func valueIndex(vs []EnumValue, name string) int {
	return slices.IndexFunc(vs, func(v EnumValue) bool { return v.Name == name })
}
