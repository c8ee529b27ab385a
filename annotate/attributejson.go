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
