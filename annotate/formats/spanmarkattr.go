package formats

import (
	"bytes"
	"maps"
	"slices"

	"spanmark/annotate"
)

// wireAttribute is an attribute definition in a spanmark schema. An
// attribute of one label names it in "label", one of every label of a
// kind names the kind in "kind", and a document attribute has neither.
// "default" is a JSON bool for a bool attribute, else a string.
type wireAttribute struct {
	Name     string             `json:"name"`
	Type     annotate.AttrType  `json:"type"`
	Label    string             `json:"label,omitempty"`
	Kind     annotate.Kind      `json:"kind,omitempty"`
	Values   []wireEnumValue    `json:"values,omitempty"`
	Default  annotate.AttrValue `json:"default,omitzero"`
	Required bool               `json:"required,omitempty"`
}

// wireEnumValue is one value of an enum attribute.
type wireEnumValue struct {
	Name string `json:"name"`
	Key  string `json:"key,omitempty"`
}

func wireAttributesOf(as []annotate.Attribute) []wireAttribute {
	var out []wireAttribute
	for _, a := range as {
		wa := wireAttribute{Name: a.Name, Type: a.Type, Label: a.Label, Kind: a.Kind,
			Default: a.Default, Required: a.Required}
		for _, v := range a.Values {
			wa.Values = append(wa.Values, wireEnumValue(v))
		}
		out = append(out, wa)
	}
	return out
}

func attributesOfWire(was []wireAttribute) []annotate.Attribute {
	var out []annotate.Attribute
	for _, wa := range was {
		a := annotate.Attribute{Name: wa.Name, Type: wa.Type, Label: wa.Label, Kind: wa.Kind,
			Default: wa.Default, Required: wa.Required}
		for _, v := range wa.Values {
			a.Values = append(a.Values, annotate.EnumValue(v))
		}
		out = append(out, a)
	}
	return out
}

// wireValue is an attribute value as read from a file. A JSON value that
// is neither a string nor a bool is kept in bad rather than failing the
// decoder, which would stop reading the file at that point: the reader
// reports it with the other problems of its document, at its place.
type wireValue struct {
	v   annotate.AttrValue
	bad []byte
}

func (w wireValue) MarshalJSON() ([]byte, error) { return w.v.MarshalJSON() }

func (w *wireValue) UnmarshalJSON(b []byte) error {
	if err := w.v.UnmarshalJSON(b); err != nil {
		w.bad = bytes.Clone(b)
	}
	return nil
}

// wireAttrs is the "attributes" member of an annotation or a document.
type wireAttrs map[string]wireValue

func wireAttrsOf(m annotate.Attributes) wireAttrs {
	if len(m) == 0 {
		return nil
	}
	w := make(wireAttrs, len(m))
	for k, v := range m {
		w[k] = wireValue{v: v}
	}
	return w
}

// attributes returns the values, nil when there are none. what names the
// holder in the error about a value of the wrong JSON type.
func (w wireAttrs) attributes(what string) (annotate.Attributes, error) {
	if len(w) == 0 {
		return nil, nil
	}
	m := make(annotate.Attributes, len(w))
	for _, name := range slices.Sorted(maps.Keys(w)) {
		if bad := w[name].bad; bad != nil {
			return nil, annotate.Invalidf("%s: attribute %s: %s is neither a string nor true or false",
				what, name, bad)
		}
		m[name] = w[name].v
	}
	return m, nil
}
