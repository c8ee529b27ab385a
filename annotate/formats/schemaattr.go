package formats

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"spanmark/annotate"
)

// What inferSchema learns of attributes: a JSONL file without a schema
// defines, for each attribute name a label's annotations or the
// documents give a value of and the default schema lacks, a bool
// attribute for a bool value and a text attribute for a string, by the
// rule the tools' imports follow (inferAttribute). Values of other JSON
// types define nothing: reading the documents reports them.

// schemaAttrs is what inferSchema decodes of an "attributes" object: the
// JSON type of each value, by name, in name order. A slice rather than a
// map, since it is made for every annotation of the file and read once.
type schemaAttrs []schemaAttr

// schemaAttr is the JSON type of one attribute value.
type schemaAttr struct {
	name string
	kind schemaValue
}

// schemaValue is the JSON type of an attribute value.
type schemaValue uint8

// The JSON types of attribute values.
const (
	schemaOther schemaValue = iota
	schemaString
	schemaBool
)

// kindOf returns the JSON type of the value v.
func kindOf(v []byte) schemaValue {
	switch {
	case len(v) > 0 && v[0] == '"':
		return schemaString
	case bytes.HasPrefix(v, []byte("true")) || bytes.HasPrefix(v, []byte("false")):
		return schemaBool
	}
	return schemaOther
}

// sorted orders m by name and keeps, of a name given twice, the last
// value, as encoding/json does with an object's keys.
func (m schemaAttrs) sorted() schemaAttrs {
	slices.SortStableFunc(m, func(a, b schemaAttr) int { return strings.Compare(a.name, b.name) })
	out := m[:0]
	for i, a := range m {
		if i+1 < len(m) && m[i+1].name == a.name {
			continue
		}
		out = append(out, a)
	}
	return out
}

// UnmarshalJSON reads an object's value types; a value that is not an
// object is no attributes, and no error, so that the rest of the line is
// still learned from.
func (m *schemaAttrs) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if json.Unmarshal(b, &raw) != nil || raw == nil {
		*m = nil
		return nil
	}
	*m = make(schemaAttrs, 0, len(raw))
	for name, v := range raw {
		*m = append(*m, schemaAttr{name, kindOf(bytes.TrimSpace(v))})
	}
	*m = m.sorted()
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
	ok := p.object(3, func(key []byte) bool {
		if bytes.IndexByte(key, '\\') >= 0 || !isASCII(key) {
			p.unsure = true
			return false
		}
		p.ws()
		*m = append(*m, schemaAttr{string(key), kindOf(p.b[p.i:])})
		return p.value(4)
	})
	*m = m.sorted()
	return ok
}

// learnAttributes adds to s the attributes of label (the document's for
// "") that m gives values of and s lacks.
func learnAttributes(s *annotate.Schema, label string, m schemaAttrs) {
	for _, a := range m {
		if a.kind == schemaOther || a.name == "" || definesAttribute(*s, label, a.name) || labelName(a.name) != a.name {
			continue
		}
		s.Attributes = append(s.Attributes, inferAttribute(label, a.name, a.kind == schemaBool))
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
