package formats

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"

	"spanmark/annotate"
)

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

// wireAttrs is the "attributes" member of an annotation or a document:
// the values to write, or those read with, apart, any of the wrong JSON
// type. Writing holds the annotation's own map rather than a copy, and
// MarshalJSON appends the bytes itself, since encoding/json's map and
// Marshaler paths cost more than the rest of an annotation's line.
type wireAttrs struct {
	vals annotate.Attributes
	bad  map[string][]byte
	// names, when not nil, are the names the values may have, sorted,
	// each once (attrNames), which appendJSON looks up in vals.
	names []string
}

func wireAttrsOf(m annotate.Attributes) wireAttrs { return wireAttrs{vals: m} }

// IsZero reports whether there is nothing to write, for omitzero.
func (w wireAttrs) IsZero() bool { return len(w.vals) == 0 && len(w.bad) == 0 }

// MarshalJSON writes the values as appendJSON does.
func (w wireAttrs) MarshalJSON() ([]byte, error) {
	return w.appendJSON(make([]byte, 0, 16*len(w.vals)+2)), nil
}

func (w *wireAttrs) UnmarshalJSON(b []byte) error {
	var m map[string]wireValue
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*w = wireAttrs{}
	for name, v := range m {
		if v.bad != nil {
			if w.bad == nil {
				w.bad = make(map[string][]byte)
			}
			w.bad[name] = v.bad
			continue
		}
		if w.vals == nil {
			w.vals = make(annotate.Attributes, len(m))
		}
		w.vals[name] = v.v
	}
	return nil
}

// attributes returns the values, nil when there are none. what names the
// holder in the error about a value of the wrong JSON type.
func (w wireAttrs) attributes(what string) (annotate.Attributes, error) {
	if len(w.bad) > 0 {
		name := slices.Min(slices.Collect(maps.Keys(w.bad))) // the same one every run
		return nil, annotate.Invalidf("%s: attribute %s: %s is neither a string nor true or false",
			what, name, w.bad[name])
	}
	return w.vals, nil
}
