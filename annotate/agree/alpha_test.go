package agree

import (
	"math"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
)

// krippendorff2011 is the nominal example with missing values of
// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), p. 3:
// four observers, twelve units, "." where an observer gave no value.
var krippendorff2011 = []string{
	"1 2 3 3 2 1 4 1 2 . . .",
	"1 2 3 3 2 2 4 1 2 5 . 3",
	". 3 3 3 2 3 4 2 2 5 1 .",
	"1 2 3 3 2 4 4 1 2 5 1 .",
}

// units turns a table of observers (rows) by units (columns) into the
// values of each unit.
func units(table []string) [][]string {
	var out [][]string
	for _, row := range table {
		for u, v := range strings.Fields(row) {
			if u == len(out) {
				out = append(out, nil)
			}
			if v != "." {
				out[u] = append(out[u], v)
			}
		}
	}
	return out
}

func TestCoincidencesWorkedExample(t *testing.T) {
	var c Coincidences
	for _, u := range units(krippendorff2011) {
		c.AddUnit(u...)
	}
	// The paper: α = 0.743; exactly 1 − 39·(32/3)/(40² − 404) = 113/152.
	if got, want := c.Alpha(), 113.0/152; math.Abs(got-want) > 1e-12 {
		t.Errorf("α = %v, want %v (0.743 in the paper)", got, want)
	}
	// Unit 12 has one value and is left out: 11 pairable units.
	if got := c.Units(); got != 11 {
		t.Errorf("pairable units = %d, want 11", got)
	}
	// The paper's coincidence matrix: the row sums n_c and a few cells.
	o := c.Matrix()
	rows := map[string]float64{}
	for k, v := range o {
		rows[k[0]] += v
	}
	for cat, want := range map[string]float64{"1": 9, "2": 13, "3": 10, "4": 5, "5": 3} {
		if math.Abs(rows[cat]-want) > 1e-12 {
			t.Errorf("n_%s = %v, want %v", cat, rows[cat], want)
		}
	}
	cells := []struct {
		c, k string
		want float64
	}{{"1", "1", 7}, {"1", "2", 4.0 / 3}, {"2", "2", 10}, {"3", "4", 1.0 / 3}, {"5", "5", 3}, {"1", "5", 0}}
	for _, cell := range cells {
		if got := o[[2]string{cell.c, cell.k}]; math.Abs(got-cell.want) > 1e-12 {
			t.Errorf("o(%s,%s) = %v, want %v", cell.c, cell.k, got, cell.want)
		}
	}
}

func TestCoincidencesAlpha(t *testing.T) {
	tests := []struct {
		name  string
		units [][]string
		want  float64
	}{
		{"nothing counted", nil, 1},
		{"one category", [][]string{{"x", "x"}, {"x", "x", "x"}}, 1},
		{"identical raters", [][]string{{"a", "a", "a"}, {"b", "b", "b"}, {"a", "a", "a"}}, 1},
		{"single values left out", [][]string{{"a", "a"}, {"b"}, {"b", "b"}}, 1},
		// Two units, each rater always says the opposite of the other:
		// n_a = n_b = 2, n = 4, Σo(c≠k) = 4; α = 1 − 3·4/(2·2·2) = −1/2.
		{"systematic disagreement", [][]string{{"a", "b"}, {"b", "a"}}, -0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Coincidences
			for _, u := range tt.units {
				c.AddUnit(u...)
			}
			if got := c.Alpha(); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("α = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCoincidencesMerge(t *testing.T) {
	all := units(krippendorff2011)
	var whole, first, second Coincidences
	for i, u := range all {
		whole.AddUnit(u...)
		if i%2 == 0 {
			first.AddUnit(u...)
		} else {
			second.AddUnit(u...)
		}
	}
	var merged Coincidences
	merged.Merge(&second)
	merged.Merge(&first)
	if got, want := merged.Alpha(), whole.Alpha(); got != want {
		t.Errorf("merged α = %v, want %v", got, want)
	}
}

// textHand is "abcde fghij": the space at 5 does not count, 10 code
// points do.
const textHand = "abcde fghij"

func TestAlpha(t *testing.T) {
	tests := []struct {
		name   string
		sides  [][]*annotate.DocumentData
		want   map[annotate.Kind]float64
		docs   int
		single int
	}{
		{
			name: "identical raters",
			sides: [][]*annotate.DocumentData{
				{doc("a", textX, []a{{0, 3, "PERSON"}, {28, 42, "CLAIM"}, {44, 48, "SOURCE"}})},
				{doc("b", textX, []a{{0, 3, "PERSON"}, {28, 42, "CLAIM"}, {44, 48, "SOURCE"}})},
				{doc("c", textX, []a{{0, 3, "PERSON"}, {28, 42, "CLAIM"}, {44, 48, "SOURCE"}})},
			},
			want: map[annotate.Kind]float64{annotate.KindEntity: 1, annotate.KindClaim: 1, annotate.KindSource: 1},
			docs: 1,
		},
		{
			// Three raters of textHand:
			//   1: abc PERSON → P P P O O | O O O O O
			//   2: abcd PERSON → P P P P O | O O O O O
			//   3: nothing     → all O
			// Units a b c: {P,P,O}; d: {P,O,O}; e f g h i j: {O,O,O}.
			// n_P = 3·2 + 1 = 7, n_O = 3·1 + 2 + 6·3 = 23, n = 30.
			// Each of the four units with a P and an O has 4 ordered
			// unequal pairs, each worth 1/(3−1): Σo(c≠k) = 4·4/2 = 8.
			// α = 1 − (n−1)·8/(2·n_P·n_O) = 1 − 29·8/322 = 45/161.
			// Nobody marked a claim or a source: one category, α = 1.
			name: "hand example, three raters",
			sides: [][]*annotate.DocumentData{
				{doc("a", textHand, []a{{0, 3, "PERSON"}})},
				{doc("b", textHand, []a{{0, 4, "PERSON"}})},
				{doc("c", textHand, nil)},
			},
			want: map[annotate.Kind]float64{annotate.KindEntity: 45.0 / 161, annotate.KindClaim: 1, annotate.KindSource: 1},
			docs: 1,
		},
		{
			// textHand has raters 1 and 2 only; textY only rater 3, which
			// is left out and counted as single.
			//   units a b c: {P,P}; d: {P,O}; e f g h i j: {O,O}.
			// n_P = 7, n_O = 13, n = 20; Σo(c≠k) = 2/(2−1) = 2.
			// α = 1 − 19·2/(2·7·13) = 1 − 38/182 = 72/91.
			name: "missing raters",
			sides: [][]*annotate.DocumentData{
				{doc("a", textHand, []a{{0, 3, "PERSON"}})},
				{doc("b", textHand, []a{{0, 4, "PERSON"}})},
				{doc("c", textY, []a{{0, 5, "LOC"}})},
			},
			want:   map[annotate.Kind]float64{annotate.KindEntity: 72.0 / 91, annotate.KindClaim: 1, annotate.KindSource: 1},
			docs:   1,
			single: 1,
		},
		{
			// Everyone marks the whole text PERSON: every value is P,
			// D_e = 0 and α = 1 though nothing is left as O.
			name: "one category",
			sides: [][]*annotate.DocumentData{
				{doc("a", "abc", []a{{0, 3, "PERSON"}})},
				{doc("b", "abc", []a{{0, 3, "PERSON"}})},
				{doc("c", "abc", []a{{0, 3, "PERSON"}})},
			},
			want: map[annotate.Kind]float64{annotate.KindEntity: 1, annotate.KindClaim: 1, annotate.KindSource: 1},
			docs: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sides []Side
			for i, docs := range tt.sides {
				sides = append(sides, side(string(rune('A'+i)), docs...))
			}
			got := Alpha(sides)
			if got.Documents != tt.docs || got.Single != tt.single {
				t.Errorf("documents %d, single %d; want %d, %d", got.Documents, got.Single, tt.docs, tt.single)
			}
			for k, want := range tt.want {
				if math.Abs(got.Alpha[k]-want) > 1e-12 {
					t.Errorf("α[%s] = %v, want %v", k, got.Alpha[k], want)
				}
			}
		})
	}
}

// TestAlphaTwoRatersMatchesCoincidences checks the document sweep against
// units written out one code point at a time.
func TestAlphaTwoRatersMatchesCoincidences(t *testing.T) {
	x := doc("a", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}, {17, 26, "LOC"}})
	y := doc("b", textX, []a{{0, 3, "ORG"}, {8, 16, "PERSON"}, {17, 26, "LOC"}})
	label := func(d *annotate.DocumentData, i int) string {
		for _, an := range d.Annotations {
			if an.Start <= i && i < an.End {
				return an.Label
			}
		}
		return noLabel
	}
	var want Coincidences
	for i, r := range []rune(textX) {
		if r != ' ' {
			want.AddUnit(label(x, i), label(y, i))
		}
	}
	tally := NewAlphaTally(annotate.DefaultSchema())
	tally.Add(x, y)
	if got := tally.Figures().Alpha[annotate.KindEntity]; got != want.Alpha() {
		t.Errorf("α = %v, want %v", got, want.Alpha())
	}
}

func TestGroupDocuments(t *testing.T) {
	got := GroupDocuments([][]string{
		{"x", "y", "x"},
		{"y", "x"},
		{"z", "x", "x"},
	})
	want := [][]int{
		{0, 1, 1},   // the first x of each
		{1, 0, -1},  // y
		{2, -1, 2},  // the second x: side 1 has one only
		{-1, -1, 0}, // z
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("GroupDocuments = %v, want %v", got, want)
	}
}
