package formats

import (
	"bytes"
	"maps"
	"slices"

	"spanmark/annotate"
)

// wireAttrs is the "attributes" member of an annotation or a document:
// the values to write, or those read with, apart, any of the wrong JSON
// type and the first name that appears twice. A value of the wrong type
// or a name twice is kept rather than failing the decoder, which would
// stop reading the file at that point: the reader reports it with the
// other problems of its document, at its place. Writing holds the
// annotation's own values rather than a copy, and MarshalJSON appends the
// bytes itself, since encoding/json's Marshaler path costs more than the
// rest of an annotation's line.
type wireAttrs struct {
	vals annotate.Attributes
	bad  map[string][]byte
	dup  string
}

func wireAttrsOf(m annotate.Attributes) wireAttrs { return wireAttrs{vals: m} }

// IsZero reports whether there is nothing to write, for omitzero.
func (w wireAttrs) IsZero() bool { return len(w.vals) == 0 && len(w.bad) == 0 && w.dup == "" }

// MarshalJSON writes the values as appendJSON does.
func (w wireAttrs) MarshalJSON() ([]byte, error) {
	return w.appendJSON(make([]byte, 0, 16*len(w.vals)+2)), nil
}

func (w *wireAttrs) UnmarshalJSON(b []byte) error {
	*w = wireAttrs{}
	vals, dup, err := annotate.DecodeAttributesJSON(b, func(name string, raw []byte) {
		if w.bad == nil {
			w.bad = make(map[string][]byte)
		}
		w.bad[name] = bytes.Clone(raw)
	})
	w.vals, w.dup = vals, dup
	return err
}

// attributes returns the values, nil when there are none. what names the
// holder in the error about a value of the wrong JSON type or a name that
// appears twice, which encoding/json's map kept the last of, silently.
func (w wireAttrs) attributes(what string) (annotate.Attributes, error) {
	if len(w.bad) > 0 {
		name := slices.Min(slices.Collect(maps.Keys(w.bad))) // the same one every run
		return nil, annotate.Invalidf("%s: attribute %s: %s is neither a string nor true or false",
			what, name, w.bad[name])
	}
	if w.dup != "" {
		return nil, annotate.Invalidf("%s: attribute %s appears twice", what, w.dup)
	}
	return w.vals, nil
}
