package agree

import (
	"strings"
	"testing"

	"spanmark/annotate"
)

// claims builds a document whose k-th annotation is a CLAIM over code
// point 2k with the verdict values[k], unset for "".
func claims(id string, values ...string) *annotate.DocumentData {
	spans := make([]a, len(values))
	for k := range values {
		spans[k] = a{2 * k, 2*k + 1, "CLAIM"}
	}
	d := doc(id, strings.Repeat("x ", len(values)), spans)
	for k, v := range values {
		if v != "" {
			d.Annotations[k].Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue(v)})
		}
	}
	return d
}

// TestAttributeFigures checks the figures of CLAIM.verdict against hand
// computations, with κ = (N·a − Σ n_A·n_B)/(N² − Σ n_A·n_B) for N pairs
// of which a agree; "-" is unset.
func TestAttributeFigures(t *testing.T) {
	tests := []struct {
		name      string
		a, b      *annotate.DocumentData
		pairs     int
		agreement float64
		kappa     float64
	}{
		// f f t t / f f t t: a 4; n_A = n_B = f 2, t 2; Σ = 4 + 4 = 8;
		// κ = (16 − 8)/(16 − 8) = 1.
		{"all equal", claims("a", "false", "false", "true", "true"), claims("b", "false", "false", "true", "true"), 4, 1, 1},
		// f f f t / f f t t: a 3; n_A f 3, t 1; n_B f 2, t 2;
		// Σ = 3·2 + 1·2 = 8; κ = (4·3 − 8)/(16 − 8) = 4/8.
		{"three of four", claims("a", "false", "false", "false", "true"), claims("b", "false", "false", "true", "true"), 4, 0.75, 0.5},
		// f - t / f f -: a 1; n_A f 1, - 1, t 1; n_B f 2, - 1;
		// Σ = 1·2 + 1·1 = 3; κ = (3·1 − 3)/(9 − 3) = 0.
		{"unset is a category", claims("a", "false", "", "true"), claims("b", "false", "false", ""), 3, 1.0 / 3, 0},
		// - - f / - - t: a 2 (both unset agree); n_A - 2, f 1; n_B - 2,
		// t 1; Σ = 2·2 = 4; κ = (3·2 − 4)/(9 − 4) = 2/5.
		{"both unset agree", claims("a", "", "", "false"), claims("b", "", "", "true"), 3, 2.0 / 3, 0.4},
		// f f f / f f f: Σ = 3·3 = 9 = N², so pₑ = 1: κ is 1, as for
		// spans.
		{"expected agreement 1", claims("a", "false", "false", "false"), claims("b", "false", "false", "false"), 3, 1, 1},
		// - / -: one pair, both unset: pₑ = 1, κ 1.
		{"all unset", claims("a", ""), claims("b", ""), 1, 1, 1},
		// f t / t f: a 0; Σ = 1·1 + 1·1 = 2; κ = (0 − 2)/(4 − 2) = −1.
		{"opposite", claims("a", "false", "true"), claims("b", "true", "false"), 2, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(side("a", tt.a), side("b", tt.b))
			want := AttrFigures{Pairs: tt.pairs, Agreed: int(tt.agreement*float64(tt.pairs) + 0.5), Kappa: tt.kappa}
			got, ok := r.Attributes["CLAIM.verdict"]
			if !ok || got != want || got.Agreement() != tt.agreement {
				t.Errorf("CLAIM.verdict = %+v (agreement %v), want %+v (agreement %v)", got, got.Agreement(), want, tt.agreement)
			}
		})
	}
}

// TestAttributePairs: only exact matches are compared; an attribute bound
// to a kind is counted per label; document attributes over paired
// documents only.
func TestAttributePairs(t *testing.T) {
	ad := doc("ad", "Kim of Acme. Ok.", []a{{0, 3, "PERSON"}, {7, 11, "ORG"}, {0, 11, "CLAIM"}, {13, 15, "CLAIM"}})
	bd := doc("bd", "Kim of Acme. Ok.", []a{{0, 3, "PERSON"}, {7, 11, "ORG"}, {0, 12, "CLAIM"}, {13, 15, "CLAIM"}})
	set := func(d *annotate.DocumentData, k int, name, v string) {
		d.Annotations[k].Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{name: annotate.StringValue(v)})
	}
	set(ad, 0, "kb_id", "Q1")
	set(bd, 0, "kb_id", "Q1")
	set(ad, 1, "kb_id", "Q2")
	set(bd, 1, "kb_id", "Q3")
	// The claims over [0,11) and [0,12) are no exact match: their
	// verdicts, which differ, do not count.
	set(ad, 2, "verdict", "true")
	set(bd, 2, "verdict", "false")
	set(ad, 3, "verdict", "mixed")
	set(bd, 3, "verdict", "mixed")
	ad.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("business")})
	bd.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("business")})
	onlyA := doc("az", textZ, nil)
	onlyA.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("sport")})

	r := Compare(side("a", ad, onlyA), side("b", bd))
	want := map[string]AttrFigures{
		"PERSON.kb_id":      {Pairs: 1, Agreed: 1, Kappa: 1},
		"ORG.kb_id":         {Pairs: 1, Agreed: 0, Kappa: 0},
		"CLAIM.verdict":     {Pairs: 1, Agreed: 1, Kappa: 1},
		"CLAIM.checkworthy": {Pairs: 1, Agreed: 1, Kappa: 1},
		"document.topic":    {Pairs: 1, Agreed: 1, Kappa: 1},
	}
	if len(r.Attributes) != len(want) {
		t.Errorf("Attributes = %+v, want %+v", r.Attributes, want)
	}
	for key, w := range want {
		if got := r.Attributes[key]; got != w {
			t.Errorf("%s = %+v, want %+v", key, got, w)
		}
	}
}

// TestAttributeTallyMerge: counts from several Tallies add up to those of
// one.
func TestAttributeTallyMerge(t *testing.T) {
	as := []*annotate.DocumentData{claims("a1", "false", "true"), claims("a2", "false", "", "mixed", "mixed")}
	bs := []*annotate.DocumentData{claims("b1", "false", "false"), claims("b2", "true", "", "mixed", "mixed", "")}
	// Different texts would not pair: give b the texts of a.
	for i := range bs {
		bs[i].Document.Text = as[i].Document.Text
		bs[i].Annotations = bs[i].Annotations[:len(as[i].Annotations)]
	}
	sa, sb := annotate.DefaultSchema(), annotate.DefaultSchema()
	one := NewTally(sa, sb)
	parts := []*Tally{NewTally(sa, sb), NewTally(sa, sb)}
	for i := range as {
		one.Add(i, as[i], bs[i])
		parts[i].Add(i, as[i], bs[i])
	}
	parts[0].Merge(parts[1])
	got, want := parts[0].Report("a", "b", 0, 0).Attributes, one.Report("a", "b", 0, 0).Attributes
	// 6 pairs, agreeing: f, -, mixed, mixed = 4.
	if w := (AttrFigures{Pairs: 6, Agreed: 4}); want["CLAIM.verdict"].Pairs != w.Pairs || want["CLAIM.verdict"].Agreed != w.Agreed {
		t.Fatalf("one tally: CLAIM.verdict = %+v, want pairs and agreed of %+v", want["CLAIM.verdict"], w)
	}
	if len(got) != len(want) {
		t.Fatalf("merged = %+v, want %+v", got, want)
	}
	for key, w := range want {
		if got[key] != w {
			t.Errorf("merged %s = %+v, want %+v", key, got[key], w)
		}
	}
}
