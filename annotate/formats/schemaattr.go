package formats

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"

	"spanmark/annotate"
)

// What inferSchema learns of attributes: a JSONL file without a schema
// defines, for each attribute name a label's annotations or the
// documents give a value of and the default schema lacks, a bool
// attribute for a bool value and a text attribute for a string, by the
// rule the tools' imports follow (inferAttribute). Values of other JSON
// types define nothing: reading the documents reports them.

// schemaAttrs is what inferSchema decodes of an "attributes" object: the
// JSON type of each value.
type schemaAttrs map[string]schemaValue

// schemaValue is the JSON type of an attribute value.
type schemaValue uint8

// The JSON types of attribute values.
const (
	schemaOther schemaValue = iota
	schemaString
	schemaBool
)

// UnmarshalJSON reads an object's value types; a value that is not an
// object is no attributes, and no error, so that the rest of the line is
// still learned from.
func (m *schemaAttrs) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if json.Unmarshal(b, &raw) != nil || raw == nil {
		*m = nil
		return nil
	}
	*m = make(schemaAttrs, len(raw))
	for name, v := range raw {
		v = bytes.TrimSpace(v)
		switch {
		case len(v) > 0 && v[0] == '"':
			(*m)[name] = schemaString
		case string(v) == "true" || string(v) == "false":
			(*m)[name] = schemaBool
		default:
			(*m)[name] = schemaOther
		}
	}
	return nil
}

// attributes reads an "attributes" object into *m as UnmarshalJSON
// does, leaving to encoding/json keys with escapes or other than ASCII.
func (p *probe) attributes(m *schemaAttrs) bool {
	p.ws()
	if p.i >= len(p.b) || p.b[p.i] != '{' {
		*m = nil
		return p.value(3)
	}
	*m = schemaAttrs{}
	return p.object(3, func(key []byte) bool {
		if bytes.IndexByte(key, '\\') >= 0 || !isASCII(key) {
			p.unsure = true
			return false
		}
		p.ws()
		kind := schemaOther
		switch {
		case p.i < len(p.b) && p.b[p.i] == '"':
			kind = schemaString
		case bytes.HasPrefix(p.b[p.i:], []byte("true")) || bytes.HasPrefix(p.b[p.i:], []byte("false")):
			kind = schemaBool
		}
		(*m)[string(key)] = kind
		return p.value(4)
	})
}

// learnAttributes adds to s the attributes of label (the document's for
// "") that m gives values of and s lacks.
func learnAttributes(s *annotate.Schema, label string, m schemaAttrs) {
	if len(m) == 0 {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(m)) {
		kind := m[name]
		if kind == schemaOther || name == "" || labelName(name) != name || definesAttribute(*s, label, name) {
			continue
		}
		s.Attributes = append(s.Attributes, inferAttribute(label, name, kind == schemaBool))
	}
}

// definesAttribute reports whether s has an attribute called name for
// label, or for the document when label is "", without the copies
// Schema.AttributesFor makes, since it is asked once per value.
func definesAttribute(s annotate.Schema, label, name string) bool {
	var kind annotate.Kind
	if label != "" {
		l, ok := s.Label(label)
		if !ok {
			return true // no label, no attribute to define: reading reports it
		}
		kind = l.Kind
	}
	for _, a := range s.Attributes {
		if a.Name != name {
			continue
		}
		if label == "" && a.ForDocument() || label != "" && (a.Label == label || a.Label == "" && a.Kind == kind) {
			return true
		}
	}
	return false
}
