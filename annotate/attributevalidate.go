package annotate

import (
	"fmt"
	"slices"
	"unicode/utf8"
)

// validateAttributes checks the schema's attribute definitions: each on
// its own (see validateAttribute), and no two with the same name that
// apply to the same label, or to the document. s's labels must already be
// valid.
func (s Schema) validateAttributes() error {
	type target struct {
		label string
		kind  Kind
		name  string
	}
	seen := make(map[target]bool, len(s.Attributes))
	for _, a := range s.Attributes {
		if err := s.validateAttribute(a); err != nil {
			return fmt.Errorf("schema: attribute %w", err)
		}
		t := target{a.Label, a.Kind, a.Name}
		if seen[t] {
			return Invalidf("schema: attribute %q of %s appears twice", a.Name, a.target())
		}
		seen[t] = true
	}
	for _, l := range s.Labels {
		defs := s.AttributesFor(l.Name)
		for i, a := range defs {
			if _, dup := findAttr(defs[:i], a.Name); dup {
				return Invalidf("schema: label %q has two attributes called %q", l.Name, a.Name)
			}
		}
	}
	return nil
}

// target names what an attribute is bound to, for errors.
func (a Attribute) target() string {
	switch {
	case a.Label != "":
		return fmt.Sprintf("label %s", a.Label)
	case a.Kind != "":
		return fmt.Sprintf("kind %s", a.Kind)
	}
	return "the document"
}

// validateAttribute checks one definition: a name like a label's, a known
// type, a target that is a label of s or a valid kind (not both), enum
// values (for enums only, at least one) with names like a label's, unique,
// and keys of one letter a-z, unique within the attribute, and a default
// that is a valid value. Its errors read well after "attribute ".
func (s Schema) validateAttribute(a Attribute) error {
	if err := validateName(a.Name); err != nil {
		return err
	}
	if !a.Type.Valid() {
		return Invalidf("%q: unknown type %q", a.Name, a.Type)
	}
	switch {
	case a.Label != "" && a.Kind != "":
		return Invalidf("%q: bound to both label %s and kind %s", a.Name, a.Label, a.Kind)
	case a.Label != "":
		if _, ok := s.Label(a.Label); !ok {
			return Invalidf("%q: label %q is not in the schema", a.Name, a.Label)
		}
	case a.Kind != "" && !a.Kind.Valid():
		return Invalidf("%q: unknown kind %q", a.Name, a.Kind)
	}
	if err := validateEnumValues(a); err != nil {
		return err
	}
	if !a.Default.IsZero() {
		if err := a.check(a.Default); err != nil {
			return fmt.Errorf("%q: default: %w", a.Name, err)
		}
	}
	return nil
}

// validateEnumValues checks an attribute's list of values.
func validateEnumValues(a Attribute) error {
	if a.Type != AttrEnum {
		if len(a.Values) > 0 {
			return Invalidf("%q: a %s attribute has no list of values", a.Name, a.Type)
		}
		return nil
	}
	if len(a.Values) == 0 {
		return Invalidf("%q: an enum needs at least one value", a.Name)
	}
	names := make(map[string]bool, len(a.Values))
	keys := make(map[string]string, len(a.Values))
	for _, v := range a.Values {
		if err := validateName(v.Name); err != nil {
			return Invalidf("%q: value %v", a.Name, err)
		}
		if names[v.Name] {
			return Invalidf("%q: value %q appears twice", a.Name, v.Name)
		}
		names[v.Name] = true
		if v.Key == "" {
			continue
		}
		if len(v.Key) != 1 || v.Key[0] < 'a' || v.Key[0] > 'z' {
			return Invalidf("%q: value %q: key %q is not one letter a-z", a.Name, v.Name, v.Key)
		}
		if other, ok := keys[v.Key]; ok {
			return Invalidf("%q: value %q: key %q is already the key of value %q",
				a.Name, v.Name, v.Key, other)
		}
		keys[v.Key] = v.Name
	}
	return nil
}

// check reports whether v is a value of attribute a: a bool for a bool
// attribute, one of the values for an enum, valid UTF-8 for text.
func (a Attribute) check(v AttrValue) error {
	switch {
	case v.IsZero():
		return Invalidf("%s: empty value", a.Name)
	case a.Type == AttrBool && !v.IsBool():
		return Invalidf("%s: %q is not true or false", a.Name, v.Str())
	case a.Type != AttrBool && v.IsBool():
		return Invalidf("%s: %t is a bool, but the attribute is of type %s", a.Name, v.Bool(), a.Type)
	case a.Type == AttrEnum && !slices.ContainsFunc(a.Values, func(e EnumValue) bool { return e.Name == v.Str() }):
		return Invalidf("%s: %q is not one of %s", a.Name, v.Str(), enumNames(a.Values))
	case a.Type == AttrText && !utf8.ValidString(v.Str()):
		return Invalidf("%s: value is not valid UTF-8", a.Name)
	}
	return nil
}

// enumNames lists the names of vs for an error.
func enumNames(vs []EnumValue) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Name
	}
	return fmt.Sprint(names)
}

// checkValues checks every value in m against defs, in name order so
// that the error is the same on every run. what names the holder, owner
// what the definitions belong to.
func checkValues(m Attributes, defs []Attribute, what, owner string) error {
	if !m.Ordered() {
		return Invalidf("%s: attribute values not in name order, or a name twice", what)
	}
	for _, a := range m {
		def, ok := findAttr(defs, a.Name)
		if !ok {
			return Invalidf("%s: %s has no attribute %q", what, owner, a.Name)
		}
		if err := def.check(a.Value); err != nil {
			return Invalidf("%s: attribute %v", what, err)
		}
	}
	return nil
}

// ValidateAttributes checks an annotation's attribute values against the
// schema: each is an attribute its label has, with a value of its type.
// The error names the annotation and wraps ErrInvalid.
func ValidateAttributes(a Annotation, s Schema) error {
	if len(a.Attributes) == 0 || s.valuesFit(a.Attributes, a.Label) {
		return nil
	}
	what := fmt.Sprintf("annotation %s (%s)", a.ID, a.Label)
	return checkValues(a.Attributes, s.AttributesFor(a.Label), what, "label "+a.Label)
}

// ValidateDocumentAttributes checks a document's attribute values against
// the schema's document attributes. The error wraps ErrInvalid.
func ValidateDocumentAttributes(d Document, s Schema) error {
	return checkValues(d.Attributes, s.DocumentAttributes(), "document", "the schema")
}

// valuesFit reports whether every value in m fits an attribute of label:
// the check of every annotation an export or a save makes, without the
// allocations of finding which value is wrong, which checkValues then
// does in a fixed order.
func (s Schema) valuesFit(m Attributes, label string) bool {
	l, ok := s.Label(label)
	if !ok {
		return false
	}
	if !m.Ordered() {
		return false
	}
	for _, a := range m {
		fits := false
		for _, def := range s.Attributes {
			if def.Name == a.Name && !def.ForDocument() && def.appliesTo(l) {
				fits = def.check(a.Value) == nil
				break
			}
		}
		if !fits {
			return false
		}
	}
	return true
}
