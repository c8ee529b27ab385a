package agree

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// lf builds the figures of a label from its counts.
func lf(na, nb, exact, overlap int) *LabelFigures {
	return &LabelFigures{
		A: na, B: nb,
		Exact:   Counts{A: na, B: nb, Matched: exact},
		Overlap: Counts{A: na, B: nb, Matched: overlap},
	}
}

// perfect is the kappa of kinds on which both sides agree everywhere.
var perfect = map[annotate.Kind]float64{annotate.KindEntity: 1, annotate.KindClaim: 1, annotate.KindSource: 1}

// withEntity returns perfect with the entity kappa set to k.
func withEntity(k float64) map[annotate.Kind]float64 {
	m := maps.Clone(perfect)
	m[annotate.KindEntity] = k
	return m
}

func TestCompare(t *testing.T) {
	xNoSHA := doc("bx", textX, []a{{0, 3, "PERSON"}})
	xWithSHA := doc("ax", textX, []a{{0, 3, "PERSON"}})
	xWithSHA.Document.SHA256 = annotate.SHA256Hex(textX)

	tests := []struct {
		name                  string
		a, b                  Side
		matched, onlyA, onlyB int
		labels                map[string]*LabelFigures
		overall               LabelFigures
		kappa                 map[annotate.Kind]float64
		relations             Counts
	}{
		{
			name:    "identical",
			a:       side("A", doc("ax", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}, {17, 26, "LOC"}})),
			b:       side("B", doc("bx", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}, {17, 26, "LOC"}})),
			matched: 1,
			labels:  map[string]*LabelFigures{"PERSON": lf(2, 2, 2, 2), "LOC": lf(1, 1, 1, 1)},
			overall: *lf(3, 3, 3, 3),
			kappa:   perfect,
		},
		{
			// N = 45. A: PERSON 3, O 42. B: LOC 9, O 36.
			// Agreeing (O on both): 45 − 3 − 9 = 33. Σ n_A·n_B = 42·36 = 1512.
			// κ = (45·33 − 1512)/(45² − 1512) = (1485 − 1512)/(2025 − 1512) = −27/513.
			name:    "disjoint",
			a:       side("A", doc("ax", textX, []a{{0, 3, "PERSON"}})),
			b:       side("B", doc("bx", textX, []a{{17, 26, "LOC"}})),
			matched: 1,
			labels:  map[string]*LabelFigures{"PERSON": lf(1, 0, 0, 0), "LOC": lf(0, 1, 0, 0)},
			overall: *lf(1, 1, 0, 0),
			kappa:   withEntity(-27.0 / 513),
		},
		{
			// B drops the last code point of "Kim" and adds the "." after
			// "Pyongyang": exact 0, overlap 2.
			// Code points 2 and 26 disagree: agreeing 43.
			// n_A: PERSON 3, LOC 9, O 33; n_B: PERSON 2, LOC 10, O 33.
			// Σ = 3·2 + 9·10 + 33·33 = 6 + 90 + 1089 = 1185.
			// κ = (45·43 − 1185)/(2025 − 1185) = 750/840.
			name:    "one code point shifts",
			a:       side("A", doc("ax", textX, []a{{0, 3, "PERSON"}, {17, 26, "LOC"}})),
			b:       side("B", doc("bx", textX, []a{{0, 2, "PERSON"}, {17, 27, "LOC"}})),
			matched: 1,
			labels:  map[string]*LabelFigures{"PERSON": lf(1, 1, 0, 1), "LOC": lf(1, 1, 0, 1)},
			overall: *lf(2, 2, 0, 2),
			kappa:   withEntity(750.0 / 840),
		},
		{
			// "Putin" PERSON in A, ORG in B. n_A: PERSON 5, O 40; n_B: ORG 5,
			// O 40. Agreeing 40. κ = (45·40 − 40·40)/(2025 − 1600) = 200/425.
			name:    "label swap",
			a:       side("A", doc("ax", textX, []a{{8, 13, "PERSON"}})),
			b:       side("B", doc("bx", textX, []a{{8, 13, "ORG"}})),
			matched: 1,
			labels:  map[string]*LabelFigures{"PERSON": lf(1, 0, 0, 0), "ORG": lf(0, 1, 0, 0)},
			overall: *lf(1, 1, 0, 0),
			kappa:   withEntity(200.0 / 425),
		},
		{
			// Overlap pairs [0,10)–[8,12) and [1,2)–[0,3): 2, where taking
			// the first candidate would pair [0,10)–[0,3) only.
			// κ: A's PERSON code points {0,1,2,4,5,6,8,9} (8), O 37;
			// B's {0,1,2,8,9,10,11} (7), O 38. Agreeing PERSON {0,1,2,8,9}
			// = 5, O 45 − 10 = 35: 40. Σ = 8·7 + 37·38 = 56 + 1406 = 1462.
			// κ = (45·40 − 1462)/(2025 − 1462) = 338/563.
			name:    "maximum matching",
			a:       side("A", doc("ax", textX, []a{{0, 10, "PERSON"}, {1, 2, "PERSON"}})),
			b:       side("B", doc("bx", textX, []a{{0, 3, "PERSON"}, {8, 12, "PERSON"}})),
			matched: 1,
			labels:  map[string]*LabelFigures{"PERSON": lf(2, 2, 0, 2)},
			overall: *lf(2, 2, 0, 2),
			kappa:   withEntity(338.0 / 563),
		},
		{
			name:    "empty documents",
			a:       side("A", doc("ax", textX, nil)),
			b:       side("B", doc("bx", textX, nil)),
			matched: 1,
			labels:  map[string]*LabelFigures{},
			kappa:   perfect,
		},
		{
			name:   "no documents",
			a:      side("A"),
			b:      side("B"),
			labels: map[string]*LabelFigures{},
			kappa:  perfect,
		},
		{
			// Only X pairs, though A gives its hash and B does not; the
			// LOC of Y and the ORG of Z count nowhere.
			name:    "unpaired documents",
			a:       side("A", xWithSHA, doc("ay", textY, []a{{0, 5, "LOC"}})),
			b:       side("B", xNoSHA, doc("bz", textZ, []a{{0, 7, "ORG"}})),
			matched: 1, onlyA: 1, onlyB: 1,
			labels:  map[string]*LabelFigures{"PERSON": lf(1, 1, 1, 1)},
			overall: *lf(1, 1, 1, 1),
			kappa:   perfect,
		},
		{
			// A holds X twice: one copy pairs, the other is only in A.
			name:    "copies of a text",
			a:       side("A", doc("ax", textX, []a{{0, 3, "PERSON"}}), doc("ax2", textX, []a{{8, 13, "ORG"}})),
			b:       side("B", doc("bx", textX, []a{{0, 3, "PERSON"}})),
			matched: 1, onlyA: 1,
			labels:  map[string]*LabelFigures{"PERSON": lf(1, 1, 1, 1)},
			overall: *lf(1, 1, 1, 1),
			kappa:   perfect,
		},
		{
			// Summed over documents: X agrees on 3 of 3, Y on 0 of 1, so
			// exact F1 = 2·3/(4+4) = 0.75, where the mean of the documents'
			// F1 would be (1 + 0)/2.
			// κ over X and Y: N = 45 + 11 = 56. Y's "Seoul" is LOC in A, ORG
			// in B. n_A: PERSON 8, LOC 9 + 5 = 14, O 34; n_B: PERSON 8, LOC 9,
			// ORG 5, O 34. Agreeing 56 − 5 = 51.
			// Σ = 8·8 + 14·9 + 34·34 = 64 + 126 + 1156 = 1346.
			// κ = (56·51 − 1346)/(56² − 1346) = (2856 − 1346)/(3136 − 1346) = 1510/1790.
			name: "micro average",
			a: side("A",
				doc("ax", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}, {17, 26, "LOC"}}),
				doc("ay", textY, []a{{0, 5, "LOC"}})),
			b: side("B",
				doc("bx", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}, {17, 26, "LOC"}}),
				doc("by", textY, []a{{0, 5, "ORG"}})),
			matched: 2,
			labels:  map[string]*LabelFigures{"PERSON": lf(2, 2, 2, 2), "LOC": lf(2, 1, 1, 1), "ORG": lf(0, 1, 0, 0)},
			overall: *lf(4, 4, 3, 3),
			kappa:   withEntity(1510.0 / 1790),
		},
		{
			// The claim–source relation matches although the ids differ. A's
			// second relation names a missing annotation: it counts, never
			// matches. B's second relation points at another source.
			// Relations: A 2, B 2, matched 1, F1 = 2·1/4 = 0.5.
			// κ source: A SOURCE "TASS" 4, O 41; B SOURCE "TASS" and "Kim"
			// 7, O 38. Agreeing 42. Σ = 4·7 + 41·38 = 28 + 1558 = 1586.
			// κ = (45·42 − 1586)/(2025 − 1586) = (1890 − 1586)/439 = 304/439.
			name: "relations",
			a:    side("A", doc("ax", textX, []a{{28, 42, "CLAIM"}, {44, 48, "SOURCE"}}, r{0, 1}, r{0, 5})),
			b: side("B", doc("bx", textX, []a{{28, 42, "CLAIM"}, {44, 48, "SOURCE"}, {0, 3, "SOURCE"}},
				r{0, 1}, r{0, 2})),
			matched:   1,
			labels:    map[string]*LabelFigures{"CLAIM": lf(1, 1, 1, 1), "SOURCE": lf(1, 2, 1, 1)},
			overall:   *lf(2, 3, 2, 2),
			kappa:     map[annotate.Kind]float64{annotate.KindEntity: 1, annotate.KindClaim: 1, annotate.KindSource: 304.0 / 439},
			relations: Counts{A: 2, B: 2, Matched: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.a, tt.b)
			if got.Matched != tt.matched || got.OnlyA != tt.onlyA || got.OnlyB != tt.onlyB {
				t.Errorf("documents matched %d, only A %d, only B %d; want %d, %d, %d",
					got.Matched, got.OnlyA, got.OnlyB, tt.matched, tt.onlyA, tt.onlyB)
			}
			if !maps.EqualFunc(got.Labels, tt.labels, func(x, y *LabelFigures) bool { return *x == *y }) {
				t.Errorf("labels = %s, want %s", dump(got.Labels), dump(tt.labels))
			}
			if got.Overall != tt.overall {
				t.Errorf("overall = %+v, want %+v", got.Overall, tt.overall)
			}
			if !maps.Equal(got.Kappa, tt.kappa) {
				t.Errorf("kappa = %v, want %v", got.Kappa, tt.kappa)
			}
			if got.Relations != tt.relations {
				t.Errorf("relations = %+v, want %+v", got.Relations, tt.relations)
			}
		})
	}
}

// dump shows label figures in a failure message.
func dump(m map[string]*LabelFigures) string {
	s := "{"
	for _, k := range slices.Sorted(maps.Keys(m)) {
		s += fmt.Sprintf(" %s:%+v", k, *m[k])
	}
	return s + " }"
}

func TestCompareKindFromSchemaB(t *testing.T) {
	// EVENT is only in B's schema, as an entity; FOO is in neither.
	// Entity κ: A EVENT 3, O 42; B O 45. Agreeing 42. Σ = 42·45 = 1890.
	// κ = (45·42 − 1890)/(2025 − 1890) = 0/135 = 0. Without B's schema
	// EVENT would have no kind and κ would be 1.
	schemaB := annotate.DefaultSchema()
	schemaB.Labels = append(schemaB.Labels, annotate.Label{Name: "EVENT", Kind: annotate.KindEntity, Color: "#000000"})
	a := side("A", doc("ax", textX, []a{{0, 3, "EVENT"}, {8, 13, "FOO"}}))
	b := Side{Name: "B", Schema: schemaB, Docs: []*annotate.DocumentData{doc("bx", textX, nil)}}
	got := Compare(a, b)
	if want := withEntity(0); !maps.Equal(got.Kappa, want) {
		t.Errorf("kappa = %v, want %v", got.Kappa, want)
	}
	if got, want := got.Labels["FOO"], lf(1, 0, 0, 0); got == nil || *got != *want {
		t.Errorf("FOO = %v, want %+v", got, *want)
	}
}

func TestComparePerDocument(t *testing.T) {
	got := Compare(
		side("A", doc("ax", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}}), doc("ay", textY, nil), doc("az", textZ, nil)),
		side("B", doc("by", textY, []a{{0, 5, "LOC"}}), doc("bx", textX, []a{{0, 3, "PERSON"}, {8, 12, "PERSON"}})))
	want := []DocFigures{
		{SHA256: annotate.SHA256Hex(textX), Title: "title ax", AID: "ax", BID: "bx",
			Exact: Counts{A: 2, B: 2, Matched: 1}, Overlap: Counts{A: 2, B: 2, Matched: 2}},
		{SHA256: annotate.SHA256Hex(textY), Title: "title ay", AID: "ay", BID: "by",
			Exact: Counts{A: 0, B: 1}, Overlap: Counts{A: 0, B: 1}},
	}
	if !slices.Equal(got.PerDocument, want) {
		t.Errorf("PerDocument = %+v, want %+v", got.PerDocument, want)
	}
}

func TestCompareDocument(t *testing.T) {
	da := doc("ax", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}})
	db := doc("bx", textX, []a{{0, 3, "PERSON"}, {8, 12, "PERSON"}})
	got := CompareDocument(da, db, annotate.DefaultSchema(), annotate.DefaultSchema())
	if want := *lf(2, 2, 1, 2); got.Overall != want {
		t.Errorf("overall = %+v, want %+v", got.Overall, want)
	}
	// Code point 12 ("n" of "Putin") is PERSON in A, O in B: agreeing 44.
	// n_A: PERSON 8, O 37; n_B: PERSON 7, O 38. Σ = 56 + 1406 = 1462.
	// κ = (45·44 − 1462)/(2025 − 1462) = 518/563.
	if want := withEntity(518.0 / 563); !maps.Equal(got.Kappa, want) {
		t.Errorf("kappa = %v, want %v", got.Kappa, want)
	}
	wantDiff := []DiffItem{
		{Class: Agreed, A: &da.Annotations[0], B: &db.Annotations[0]},
		{Class: BoundaryDiff, A: &da.Annotations[1], B: &db.Annotations[1]},
	}
	if !slices.Equal(got.Diff, wantDiff) {
		t.Errorf("diff = %v, want %v", got.Diff, wantDiff)
	}
	empty := CompareDocument(nil, nil, annotate.Schema{}, annotate.Schema{})
	if want := (LabelFigures{}); empty.Overall != want || !maps.Equal(empty.Kappa, perfect) {
		t.Errorf("nil documents: overall %+v, kappa %v; want %+v, %v", empty.Overall, empty.Kappa, want, perfect)
	}
}

// TestCompareParallelEqualsSerial checks that spreading the documents over
// workers gives exactly the figures of one worker.
func TestCompareParallelEqualsSerial(t *testing.T) {
	opts := synth.Options{Docs: 300, WordsPerDoc: 300, AnnotationsPerDoc: 40, Seed: 3}
	var a, b Side
	a.Schema, b.Schema = annotate.DefaultSchema(), annotate.DefaultSchema()
	i := 0
	for d := range synth.Documents(opts) {
		a.Docs = append(a.Docs, d)
		c := *d
		c.Annotations = slices.Clone(d.Annotations)
		for j := range c.Annotations {
			if (i+j)%5 == 0 {
				c.Annotations[j].End++ // a boundary disagreement
			}
		}
		b.Docs = append(b.Docs, &c)
		i++
	}
	parallel := Compare(a, b)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	serial := Compare(a, b)
	gotJSON, _ := parallel.JSON()
	wantJSON, _ := serial.JSON()
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("parallel report\n%s\nserial report\n%s", gotJSON, wantJSON)
	}
	if !slices.Equal(parallel.PerDocument, serial.PerDocument) {
		t.Error("per-document figures differ between parallel and serial")
	}
}
