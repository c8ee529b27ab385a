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
