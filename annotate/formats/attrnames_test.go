package formats

import (
	"testing"

	"spanmark/annotate"
)

// TestAppendByNames wants the values written by looking up a label's
// attribute names to be what the walk of the map writes, and a value of
// a name the label lacks to be written all the same, by the walk.
func TestAppendByNames(t *testing.T) {
	names := newAttrNames(annotate.DefaultSchema())
	str := annotate.StringValue
	tests := []struct {
		name  string
		label string
		vals  annotate.Attributes
		want  string
	}{
		{"claim", "CLAIM", annotate.Attributes{"verdict": str("false"), "checkworthy": annotate.BoolValue(true)},
			`{"checkworthy":true,"verdict":"false"}`},
		{"entity", "PERSON", annotate.Attributes{"kb_id": str(`Q"1`)}, `{"kb_id":"Q\"1"}`},
		{"a name the label lacks", "SOURCE", annotate.Attributes{"source_type": str("media"), "extra": str("x")},
			`{"extra":"x","source_type":"media"}`},
		{"a label the schema lacks", "NOPE", annotate.Attributes{"a": str("x")}, `{"a":"x"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := names.of(tt.vals, tt.label)
			if got := string(w.appendJSON([]byte("x"))); got != "x"+tt.want {
				t.Errorf("appendJSON = %s, want x%s", got, tt.want)
			}
			if got := string(wireAttrsOf(tt.vals).appendJSON(nil)); got != tt.want {
				t.Errorf("without names: %s, want %s", got, tt.want)
			}
		})
	}
	if out, ok := names.of(annotate.Attributes{"verdict": str("true")}, "CLAIM").appendByNames(nil); !ok || string(out) != `{"verdict":"true"}` {
		t.Errorf("appendByNames = %s, %v; want the lookup to answer", out, ok)
	}
}
