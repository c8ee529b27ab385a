package app

import (
	"testing"

	"spanmark/annotate"
)

func TestLabelWithValues(t *testing.T) {
	schema := annotate.DefaultSchema()
	str, yes, no := annotate.StringValue, annotate.BoolValue(true), annotate.BoolValue(false)
	tests := []struct {
		name  string
		label string
		m     annotate.Attributes
		want  string
	}{
		{"none", "CLAIM", nil, "CLAIM"},
		{"schema order, bool true by name", "CLAIM", annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": yes, "verdict": str("false")}),
			"CLAIM · false · checkworthy"},
		{"bool false shows nothing", "CLAIM", annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": no, "verdict": str("mostly_true")}),
			"CLAIM · mostly_true"},
		{"text quoted", "PERSON", annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": str("Q312498")}), "PERSON · “Q312498”"},
		{"long text shortened", "ORG", annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": str("a knowledge base id far longer than a row")}),
			"ORG · “a knowledge base id far…”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate.Annotation{Label: tt.label, Attributes: tt.m}
			if got := labelWithValues(a, schema); got != tt.want {
				t.Errorf("labelWithValues = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTooltipAndRowShowValues sets a claim's values and reads them in
// the tooltip over it and in its row of the annotations list.
func TestTooltipAndRowShowValues(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	start := offsetOf(t, ws, "Kursk region", 0)
	a, err := ws.sess.Tag(start, start+12, "CLAIM")
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]annotate.AttrValue{"verdict": annotate.StringValue("false"), "checkworthy": annotate.BoolValue(true)} {
		if err := ws.sess.SetAttribute(a.ID, name, v); err != nil {
			t.Fatal(err)
		}
	}
	ws.saved()
	const want = "CLAIM · false · checkworthy"
	if got := ws.tooltip(start + 1); got != want+"  “Kursk region”" {
		t.Errorf("tooltip %q, want it to start with %q", got, want)
	}
	a, _ = ws.sess.Annotation(a.ID)
	if got := rowText(ws.sess, a, false); got != want+"  Kursk region" {
		t.Errorf("panel row %q, want it to start with %q", got, want)
	}
}
