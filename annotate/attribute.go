package annotate

import (
	"slices"
	"strconv"
)

// AttrType is the type of an attribute's values.
type AttrType string

// The attribute types.
const (
	// AttrEnum takes one of a fixed list of values.
	AttrEnum AttrType = "enum"
	// AttrBool is true or false.
	AttrBool AttrType = "bool"
	// AttrText is free text.
	AttrText AttrType = "text"
)

// Valid reports whether t is one of the known attribute types.
func (t AttrType) Valid() bool {
	return t == AttrEnum || t == AttrBool || t == AttrText
}

// EnumValue is one value an enum attribute may take. Key is its hotkey:
// one lower-case letter a-z, or empty for none.
type EnumValue struct {
	Name string `json:"name"`
	Key  string `json:"key,omitempty"`
}

// Attribute defines a typed fact a person records beyond a label. It is
// bound to the annotations of one label (Label set), to those of every
// label of a kind (Kind set), or to the document (neither set). Default,
// when not zero, is the value a new annotation or document is meant to
// start with. Required marks an attribute that should not stay unset.
type Attribute struct {
	Name     string
	Type     AttrType
	Label    string
	Kind     Kind
	Values   []EnumValue // for AttrEnum only
	Default  AttrValue
	Required bool
}

// ForDocument reports whether the attribute describes the document
// rather than annotations.
func (a Attribute) ForDocument() bool { return a.Label == "" && a.Kind == "" }

// Equal reports whether a and o are the same definition.
func (a Attribute) Equal(o Attribute) bool {
	return a.Name == o.Name && a.Type == o.Type && a.Label == o.Label && a.Kind == o.Kind &&
		slices.Equal(a.Values, o.Values) && a.Default == o.Default && a.Required == o.Required
}

// appliesTo reports whether the attribute belongs to the annotations of
// label l.
func (a Attribute) appliesTo(l Label) bool {
	return a.Label == l.Name || a.Label == "" && a.Kind == l.Kind
}

// clone returns a copy of a that shares no slice with it.
func (a Attribute) clone() Attribute {
	a.Values = slices.Clone(a.Values)
	return a
}

// AttrValue is one attribute value: a string for enum and text
// attributes, a bool for bool attributes. The zero AttrValue is "unset".
// A struct rather than an interface (any) keeps values comparable with ==
// and lets the compiler refuse types other than string and bool; JSON
// codecs write a bool value as a JSON bool, the others as strings.
type AttrValue struct {
	str    string
	b      bool
	isBool bool
}

// StringValue returns an enum or text value.
func StringValue(s string) AttrValue { return AttrValue{str: s} }

// BoolValue returns a bool value.
func BoolValue(b bool) AttrValue { return AttrValue{b: b, isBool: true} }

// IsZero reports whether v is unset.
func (v AttrValue) IsZero() bool { return v == AttrValue{} }

// IsBool reports whether v holds a bool.
func (v AttrValue) IsBool() bool { return v.isBool }

// Bool returns v's bool, false for a string value.
func (v AttrValue) Bool() bool { return v.b }

// Str returns v's string, "" for a bool value.
func (v AttrValue) Str() string { return v.str }

// String returns the value as text: "true" or "false" for a bool.
func (v AttrValue) String() string {
	if v.isBool {
		return strconv.FormatBool(v.b)
	}
	return v.str
}

// AttributesFor returns the definitions that apply to annotations of the
// label called label, in schema order.
func (s Schema) AttributesFor(label string) []Attribute {
	l, ok := s.Label(label)
	if !ok {
		return nil
	}
	var out []Attribute
	for _, a := range s.Attributes {
		if !a.ForDocument() && a.appliesTo(l) {
			out = append(out, a)
		}
	}
	return out
}

// DocumentAttributes returns the definitions of document attributes, in
// schema order.
func (s Schema) DocumentAttributes() []Attribute {
	var out []Attribute
	for _, a := range s.Attributes {
		if a.ForDocument() {
			out = append(out, a)
		}
	}
	return out
}

// findAttr returns the definition called name in defs.
func findAttr(defs []Attribute, name string) (Attribute, bool) {
	i := slices.IndexFunc(defs, func(a Attribute) bool { return a.Name == name })
	if i < 0 {
		return Attribute{}, false
	}
	return defs[i], true
}

// keptAttributes returns the values of m that fit the attributes of label,
// in a new slice (nil when none is left), so that m itself, which an undo
// step may hold, is not changed.
func (s Schema) keptAttributes(m Attributes, label string) Attributes {
	if len(m) == 0 {
		return nil
	}
	defs := s.AttributesFor(label)
	var out Attributes
	for _, a := range m {
		if def, ok := findAttr(defs, a.Name); ok && def.check(a.Value) == nil {
			out = append(out, a)
		}
	}
	return out
}

// Defaults returns the default values of the attributes of label, the
// values a new annotation of it starts with; nil when none has one.
func (s Schema) Defaults(label string) Attributes {
	var out Attributes
	for _, a := range s.AttributesFor(label) {
		if !a.Default.IsZero() {
			out = out.With(a.Name, a.Default)
		}
	}
	return out
}
