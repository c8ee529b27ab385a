package annotate

import (
	"bytes"
	"encoding/json"
)

// MarshalJSON writes a bool value as a JSON bool and any other as a JSON
// string, so that Python's json.loads sees True for a check-worthy claim.
func (v AttrValue) MarshalJSON() ([]byte, error) {
	if v.isBool {
		return json.Marshal(v.b)
	}
	return json.Marshal(v.str)
}

// UnmarshalJSON reads a JSON bool or string. Whether the value fits its
// attribute is for validation against the schema; other JSON types are
// refused here, since no attribute could take them.
func (v *AttrValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("true")), bytes.Equal(b, []byte("false")):
		*v = BoolValue(b[0] == 't')
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = StringValue(s)
		return nil
	}
	return Invalidf("attribute value %s is neither a string nor true or false", b)
}

// attributeJSON is an attribute definition as JSON, the one form the
// project file's schema and spanmark files both use: an attribute of one
// label names it in "label", one of every label of a kind names the kind
// in "kind", a document attribute has neither, and "default" is a JSON
// bool for a bool attribute, else a string. Its fields are Attribute's,
// so that the two convert into each other.
type attributeJSON struct {
	Name     string      `json:"name"`
	Type     AttrType    `json:"type"`
	Label    string      `json:"label,omitempty"`
	Kind     Kind        `json:"kind,omitempty"`
	Values   []EnumValue `json:"values,omitempty"`
	Default  AttrValue   `json:"default,omitzero"`
	Required bool        `json:"required,omitempty"`
}

// MarshalJSON writes the definition in its JSON form.
func (a Attribute) MarshalJSON() ([]byte, error) { return json.Marshal(attributeJSON(a)) }

// UnmarshalJSON reads the definition from its JSON form.
func (a *Attribute) UnmarshalJSON(b []byte) error {
	var j attributeJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*a = Attribute(j)
	return nil
}

// MarshalJSON writes m as a JSON object in name order: the bytes
// encoding/json wrote for the map Attributes once was (null for nil).
func (m Attributes) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	b := []byte{'{'}
	for i, a := range m {
		if i > 0 {
			b = append(b, ',')
		}
		name, err := json.Marshal(a.Name)
		if err != nil {
			return nil, err
		}
		val, err := a.Value.MarshalJSON()
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, name...), ':'), val...)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads a JSON object of values, or null for none. A
// value that is neither a string nor a bool, or a name that appears
// twice, is refused: a map kept the last of two, silently.
func (m *Attributes) UnmarshalJSON(b []byte) error {
	var bad error
	vals, dup, err := DecodeAttributesJSON(b, func(name string, raw []byte) {
		if bad == nil {
			bad = Invalidf("attribute %s: %s is neither a string nor true or false", name, raw)
		}
	})
	switch {
	case err != nil:
		return err
	case bad != nil:
		return bad
	case dup != "":
		return Invalidf("attribute %s appears twice", dup)
	}
	*m = vals
	return nil
}

// DecodeAttributesJSON reads b, a JSON object of attribute values or
// null, into sorted values. A value of the wrong JSON type is left out
// and passed to bad, and the first name that appears twice is returned
// as dup, so that a reader can report them at their place in its file;
// err is for b that is no JSON object. bad must not be nil.
func DecodeAttributesJSON(b []byte, bad func(name string, raw []byte)) (vals Attributes, dup string, err error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil || tok == nil {
		return nil, "", err
	}
	if tok != json.Delim('{') {
		return nil, "", Invalidf("attributes: %s is not a JSON object", b)
	}
	var attrs []Attr
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, "", err
		}
		name, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, "", err
		}
		var v AttrValue
		if v.UnmarshalJSON(raw) != nil {
			bad(name, raw)
			continue
		}
		attrs = append(attrs, Attr{name, v})
	}
	vals, dup, _ = SortAttributes(attrs)
	return vals, dup, nil
}
