package formats

import (
	"bytes"
	"encoding/json"
	"testing"

	"spanmark/annotate"
)

// TestAppendDocumentAsJSON checks that the hand-written document line is
// byte for byte what encoding/json (HTML escaping off) writes for the
// wire types, for texts with every kind of character JSON escapes and
// values of every type in any map order.
func TestAppendDocumentAsJSON(t *testing.T) {
	tricky := "a\"b\\c\nd\re\tf\bg\fh\x01i\x1fj\x7fk<l>&m\u2028n\u2029o\xffp\u00e9q\U0001F600r“s”—"
	vals := annotate.AttributesOf(map[string]annotate.AttrValue{"zeta": annotate.StringValue(tricky), "alpha": annotate.BoolValue(true),
		"mid": annotate.BoolValue(false), "b": annotate.StringValue("x"), "a_1": annotate.StringValue("y"),
		"c": annotate.StringValue("z"), "d": annotate.StringValue("w"), "e": annotate.StringValue("v"),
		"f": annotate.StringValue("u")}) // nine: more than the sort's array on the stack
	ann := func(id string, attrs annotate.Attributes) wireAnnotation {
		return wireAnnotation{ID: id, Start: 3, End: 1 << 40, Text: tricky, Label: "CLAIM", Kind: annotate.KindClaim,
			Note: tricky, Annotator: "ann<&>", CreatedAt: "2026-01-02T03:04:05.5Z", Attributes: wireAttrsOf(attrs)}
	}
	tests := []struct {
		name string
		doc  wireDocument
	}{
		{"empty", wireDocument{}},
		{"no values", wireDocument{ID: "d1", Text: tricky, Annotations: []wireAnnotation{ann("a1", nil)},
			Relations: []wireRelation{}}},
		{"values", wireDocument{ID: "d1", Title: tricky, Text: tricky, SHA256: "ab", Status: annotate.StatusDone,
			SourcePath: "/x/\"y\"", CreatedAt: "c", UpdatedAt: "u", Attributes: wireAttrsOf(annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue(tricky)})),
			Annotations: []wireAnnotation{ann("a1", vals), ann("a2", annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(false)})),
				ann("a3", annotate.Attributes{})},
			Relations: []wireRelation{{ID: "r1", Type: "attributed_to", From: "a1", To: tricky}, {ID: "r2"}}}},
		{"no suggestions", wireDocument{ID: "d1", Suggestions: []wireSuggestion{}}},
		{"suggestions", wireDocument{ID: "d1", Suggestions: []wireSuggestion{
			{Start: 1, End: 2, Text: tricky, Label: "PERSON", Source: "model<&>", Score: 1},
			{Score: 0.5}, {Score: 0}, {Score: 1e-7}, {Score: 0.123456789012345678}, {Score: 1e-6}, {Score: 2.5e-10}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newLineEncoder(nil)
			want, err := e.encode(&wireLine{Annotator: "ann\u2028", wireDocument: tc.doc})
			if err != nil {
				t.Fatal(err)
			}
			if got := appendLine(nil, "ann\u2028", &tc.doc); !bytes.Equal(got, want) {
				t.Errorf("appendLine:\n got %s\nwant %s", got, want)
			}
			want, err = e.encode(&tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendDocument(nil, &tc.doc); !bytes.Equal(got, want) {
				t.Errorf("appendDocument:\n got %s\nwant %s", got, want)
			}
			if !json.Valid(want) {
				t.Errorf("not JSON: %s", want)
			}
			for _, wa := range tc.doc.Annotations {
				// The values on their own, against encoding/json's map
				// encoder, since the Marshaler above is appendJSON itself.
				m := make(map[string]any)
				for name, v := range wa.Attributes.vals.All() {
					m[name] = v.Str()
					if v.IsBool() {
						m[name] = v.Bool()
					}
				}
				want, err := e.encode(m)
				if err != nil {
					t.Fatal(err)
				}
				if got := wa.Attributes.appendJSON(nil); !bytes.Equal(got, want) {
					t.Errorf("appendJSON:\n got %s\nwant %s", got, want)
				}
			}
		})
	}
}
