package annotate

import (
	"fmt"
	"slices"
)

// The methods in this file back the "Edit labels" dialog. Each returns a
// new, validated schema and leaves s and its slices untouched, so that a
// dialog can show a rejected edit's error and keep the schema it had.
// Whether annotations still use a label is for the store to check
// (ErrLabelInUse); a schema does not know its annotations.

// WithLabel returns s with l added, or with l in place of the label of the
// same name, keeping that label's position.
func (s Schema) WithLabel(l Label) (Schema, error) {
	out := s.clone()
	if i := out.labelIndex(l.Name); i >= 0 {
		out.Labels[i] = l
	} else {
		out.Labels = append(out.Labels, l)
	}
	if err := out.Validate(); err != nil {
		return s, fmt.Errorf("set label %q: %w", l.Name, err)
	}
	return out, nil
}

// RenameLabel returns s with the label called old renamed to new. A
// missing old label is ErrNotFound; a new name that another label has is
// ErrInvalid. Renaming a label to its own name changes nothing.
func (s Schema) RenameLabel(old, new string) (Schema, error) {
	i := s.labelIndex(old)
	if i < 0 {
		return s, fmt.Errorf("rename label %q: %w", old, ErrNotFound)
	}
	if old == new {
		return s.clone(), nil
	}
	if s.labelIndex(new) >= 0 {
		return s, Invalidf("rename label %q to %q: a label called %q exists", old, new, new)
	}
	out := s.clone()
	out.Labels[i].Name = new
	for j := range out.Attributes {
		if out.Attributes[j].Label == old {
			out.Attributes[j].Label = new
		}
	}
	if err := out.Validate(); err != nil {
		return s, fmt.Errorf("rename label %q to %q: %w", old, new, err)
	}
	return out, nil
}

// RemoveLabel returns s without the label called name. A missing label is
// ErrNotFound.
func (s Schema) RemoveLabel(name string) (Schema, error) {
	i := s.labelIndex(name)
	if i < 0 {
		return s, fmt.Errorf("remove label %q: %w", name, ErrNotFound)
	}
	out := s.clone()
	out.Labels = slices.Delete(out.Labels, i, i+1)
	// The label's own attributes go with it; its values go with its
	// annotations, which the store refuses to orphan.
	out.Attributes = slices.DeleteFunc(out.Attributes, func(a Attribute) bool { return a.Label == name })
	if err := out.Validate(); err != nil {
		return s, fmt.Errorf("remove label %q: %w", name, err)
	}
	return out, nil
}

// KindOf returns the kind of the label called label, or "" if the schema
// has no such label.
func (s Schema) KindOf(label string) Kind {
	l, _ := s.Label(label)
	return l.Kind
}

// labelIndex returns the position of the label called name, or -1.
func (s Schema) labelIndex(name string) int {
	return slices.IndexFunc(s.Labels, func(l Label) bool { return l.Name == name })
}

// clone returns a copy of s that shares no slice with it.
func (s Schema) clone() Schema {
	out := Schema{Labels: slices.Clone(s.Labels), Relations: slices.Clone(s.Relations)}
	for _, a := range s.Attributes {
		out.Attributes = append(out.Attributes, a.clone())
	}
	return out
}

// Clone returns a copy of s that shares no slice with it.
func (s Schema) Clone() Schema { return s.clone() }
