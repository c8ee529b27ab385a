package agree

import (
	"encoding/json"
	"strings"
	"testing"

	"spanmark/annotate"
)

// manyReport is a report of three sides written out by hand.
var manyReport = ManyReport{
	Names: []string{"ana", "ben", "chen"},
	Pairs: []PairFigures{
		{A: 0, B: 1, Exact: Counts{A: 4, B: 4, Matched: 2}, Overlap: Counts{A: 4, B: 4, Matched: 3}},
		{A: 0, B: 2, Exact: Counts{A: 4, B: 4, Matched: 4}, Overlap: Counts{A: 4, B: 4, Matched: 4}},
		{A: 1, B: 2, Exact: Counts{A: 4, B: 4, Matched: 1}, Overlap: Counts{A: 4, B: 4, Matched: 2}},
	},
	AlphaFigures: AlphaFigures{Documents: 3, Single: 1, Alpha: map[annotate.Kind]float64{
		annotate.KindEntity: 0.5, annotate.KindClaim: 1, annotate.KindSource: -0.25,
	}},
}

func TestManyReportTable(t *testing.T) {
	var b strings.Builder
	if err := manyReport.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	want := `documents  3 rated by two or more, 1 by one only (left out)

exact F1  ana     ben     chen
ana       -       0.5000  1.0000
ben       0.5000  -       0.2500
chen      1.0000  0.2500  -

overlap F1  ana     ben     chen
ana         -       0.7500  1.0000
ben         0.7500  -       0.5000
chen        1.0000  0.5000  -

kind    alpha
entity  0.5000
claim   1.0000
source  -0.2500
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestManyReportJSON(t *testing.T) {
	b, err := manyReport.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"annotators": []any{"ana", "ben", "chen"},
		"documents":  map[string]any{"rated": 3.0, "single": 1.0},
		"pairwise": map[string]any{
			"ana|ben":  map[string]any{"exact_f1": 0.5, "overlap_f1": 0.75},
			"ana|chen": map[string]any{"exact_f1": 1.0, "overlap_f1": 1.0},
			"ben|chen": map[string]any{"exact_f1": 0.25, "overlap_f1": 0.5},
		},
		"alpha": map[string]any{"entity": 0.5, "claim": 1.0, "source": -0.25},
	}
	if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
		t.Errorf("got %s\nwant %s", g, w)
	}
}

// mustJSON returns v as JSON, keys sorted, for comparing.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
