package app

import (
	"testing"

	"spanmark/annotate"
)

func TestSpansForMarksRequiredUnset(t *testing.T) {
	schema := annotate.DefaultSchema()
	for i, a := range schema.Attributes {
		if a.Name == "verdict" || a.Name == "kb_id" {
			schema.Attributes[i].Required = true
		}
	}
	verdict := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})
	tests := []struct {
		name  string
		label string
		m     annotate.Attributes
		want  bool
	}{
		{"claim without its verdict", "CLAIM", nil, true},
		{"claim with only checkworthy", "CLAIM", annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(true)}), true},
		{"claim with its verdict", "CLAIM", verdict, false},
		{"entity without kb_id, required of every entity", "LOC", nil, true},
		{"source, nothing required", "SOURCE", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate.Annotation{ID: "a", Start: 0, End: 3, Label: tt.label, Attributes: tt.m}
			if got := spansFor([]annotate.Annotation{a}, schema)[0].Unset; got != tt.want {
				t.Errorf("Unset = %v, want %v", got, tt.want)
			}
		})
	}
}
