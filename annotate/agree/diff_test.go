package agree

import (
	"math/rand/v2"
	"slices"
	"testing"

	"spanmark/annotate"
)

// item is a DiffItem by positions in the arguments of Diff, -1 for none.
type item struct {
	Class Class
	I, J  int
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name string
		a, b []a
		want []item
	}{
		{
			name: "every class",
			a: []a{
				{50, 55, "PERSON"}, // 0: only in A
				{0, 3, "PERSON"},   // 1: agreed
				{8, 13, "PERSON"},  // 2: boundary
				{17, 26, "LOC"},    // 3: label, same range
				{30, 35, "MISC"},   // 4: label, overlapping
			},
			b: []a{
				{32, 40, "DATE"},   // 0
				{17, 26, "ORG"},    // 1
				{8, 12, "PERSON"},  // 2
				{0, 3, "PERSON"},   // 3
				{60, 62, "PERSON"}, // 4: only in B
			},
			want: []item{{Agreed, 1, 3}, {BoundaryDiff, 2, 2}, {LabelDiff, 3, 1}, {LabelDiff, 4, 0},
				{OnlyA, 0, -1}, {OnlyB, -1, 4}},
		},
		{
			// Agreed is fixed first: A [4,6) overlapped only B [0,5), which
			// agrees with A [0,5), so A [4,6) and B [2,3) stay unpaired,
			// though the overlap matching pairs [0,5)–[2,3) and [4,6)–[0,5).
			name: "exact first",
			a:    []a{{0, 5, "PERSON"}, {4, 6, "PERSON"}},
			b:    []a{{0, 5, "PERSON"}, {2, 3, "PERSON"}},
			want: []item{{Agreed, 0, 0}, {OnlyB, -1, 1}, {OnlyA, 1, -1}},
		},
		{
			// Within one range, labels pair in order of name: LOC–MISC,
			// ORG–PERSON.
			name: "one range, several labels",
			a:    []a{{0, 5, "ORG"}, {0, 5, "LOC"}},
			b:    []a{{0, 5, "PERSON"}, {0, 5, "MISC"}},
			want: []item{{LabelDiff, 0, 0}, {LabelDiff, 1, 1}},
		},
		{
			// The boundary step uses a maximum matching: taking the first
			// candidate would pair A [0,10) with B [0,3) and leave two
			// unpaired.
			name: "boundary maximum",
			a:    []a{{0, 10, "PERSON"}, {1, 2, "PERSON"}},
			b:    []a{{0, 3, "PERSON"}, {8, 12, "PERSON"}},
			want: []item{{BoundaryDiff, 1, 0}, {BoundaryDiff, 0, 1}},
		},
		{
			// A different label on the same range beats one on an
			// overlapping range, though the latter starts first.
			name: "same range before overlap",
			a:    []a{{2, 5, "LOC"}},
			b:    []a{{0, 3, "ORG"}, {2, 5, "MISC"}},
			want: []item{{OnlyB, -1, 0}, {LabelDiff, 0, 1}},
		},
		{
			// Same label beats a different label with the same range.
			name: "boundary before label",
			a:    []a{{0, 5, "PERSON"}},
			b:    []a{{0, 5, "ORG"}, {1, 5, "PERSON"}},
			want: []item{{BoundaryDiff, 0, 1}, {OnlyB, -1, 0}},
		},
		{
			name: "duplicates",
			a:    []a{{0, 3, "PERSON"}, {0, 3, "PERSON"}},
			b:    []a{{0, 3, "PERSON"}},
			want: []item{{Agreed, 0, 0}, {OnlyA, 1, -1}},
		},
		{name: "empty", want: []item{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			da, db := doc("a", textX, tt.a), doc("b", textX, tt.b)
			got := Diff(da.Annotations, db.Annotations)
			if len(got) != len(tt.want) {
				t.Fatalf("Diff = %v, want %v", showDiff(got, da.Annotations, db.Annotations), tt.want)
			}
			for k, w := range tt.want {
				g := got[k]
				if g.Class != w.Class || g.A != at(da.Annotations, w.I) || g.B != at(db.Annotations, w.J) {
					t.Fatalf("Diff = %v, want %v", showDiff(got, da.Annotations, db.Annotations), tt.want)
				}
			}
		})
	}
}

// at returns &anns[i], or nil for -1.
func at(anns []annotate.Annotation, i int) *annotate.Annotation {
	if i < 0 {
		return nil
	}
	return &anns[i]
}

// showDiff shows a diff by positions in a and b.
func showDiff(d []DiffItem, a, b []annotate.Annotation) []item {
	index := func(anns []annotate.Annotation, p *annotate.Annotation) int {
		for i := range anns {
			if &anns[i] == p {
				return i
			}
		}
		return -1
	}
	out := make([]item, len(d))
	for k, x := range d {
		out[k] = item{x.Class, index(a, x.A), index(b, x.B)}
	}
	return out
}

// TestDiffAttributes: an exact match is AttrDiff when any attribute
// value differs, a value on one side only included, and Agreed when all
// are equal; only exact matches are so told apart.
func TestDiffAttributes(t *testing.T) {
	v := func(kv ...string) annotate.Attributes {
		var m annotate.Attributes
		for i := 0; i < len(kv); i += 2 {
			m = m.With(kv[i], annotate.StringValue(kv[i+1]))
		}
		return m
	}
	tests := []struct {
		name   string
		aAttrs annotate.Attributes
		bAttrs annotate.Attributes
		want   Class
	}{
		{"none", nil, nil, Agreed},
		{"nil and empty", nil, v(), Agreed},
		{"equal", v("verdict", "false", "topic", "x"), v("topic", "x", "verdict", "false"), Agreed},
		{"differ", v("verdict", "false"), v("verdict", "mostly_false"), AttrDiff},
		{"one side only", nil, v("verdict", "false"), AttrDiff},
		{"another attribute", v("verdict", "false"), v("verdict", "false", "checkworthy", "x"), AttrDiff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mine := []annotate.Annotation{{ID: "m", Start: 0, End: 3, Label: "CLAIM", Attributes: tt.aAttrs},
				{ID: "m2", Start: 5, End: 9, Label: "CLAIM", Attributes: tt.aAttrs}}
			theirs := []annotate.Annotation{{ID: "t", Start: 0, End: 3, Label: "CLAIM", Attributes: tt.bAttrs},
				{ID: "t2", Start: 5, End: 8, Label: "CLAIM", Attributes: tt.bAttrs}}
			got := itemKeys(Diff(mine, theirs))
			want := []string{tt.want.String() + " m t", "BoundaryDiff m2 t2"}
			if !slices.Equal(got, want) {
				t.Errorf("Diff = %v, want %v", got, want)
			}
		})
	}
}

func TestClassString(t *testing.T) {
	tests := []struct {
		c    Class
		want string
	}{
		{Agreed, "Agreed"}, {BoundaryDiff, "BoundaryDiff"}, {LabelDiff, "LabelDiff"},
		{OnlyA, "OnlyA"}, {OnlyB, "OnlyB"}, {AttrDiff, "AttrDiff"}, {Class(17), "Class(17)"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("Class(%d).String() = %q, want %q", int(tt.c), got, tt.want)
		}
	}
}

// TestDiffRandom checks what Diff promises on random annotations: every
// annotation is in exactly one item, each class fits its pair, as many
// pairs agree as there are exact matches, no unpaired annotations of A and
// B overlap, and the items are in order.
func TestDiffRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	labels := []string{"LOC", "ORG", "PERSON"}
	random := func() []annotate.Annotation {
		anns := make([]annotate.Annotation, rng.IntN(10))
		for i := range anns {
			start := rng.IntN(30)
			anns[i] = annotate.Annotation{Start: start, End: start + 1 + rng.IntN(6), Label: labels[rng.IntN(len(labels))]}
		}
		return anns
	}
	for trial := range 2000 {
		a, b := random(), random()
		d := Diff(a, b)
		seenA, seenB := map[*annotate.Annotation]int{}, map[*annotate.Annotation]int{}
		agreed := 0
		var onlyA, onlyB []*annotate.Annotation
		for k, x := range d {
			seenA[x.A]++
			seenB[x.B]++
			if !classFits(x) {
				t.Fatalf("trial %d: item %d is %v: %+v and %+v", trial, k, x.Class, x.A, x.B)
			}
			switch x.Class {
			case Agreed:
				agreed++
			case OnlyA:
				onlyA = append(onlyA, x.A)
			case OnlyB:
				onlyB = append(onlyB, x.B)
			}
			if k > 0 && start(d[k-1]) > start(x) {
				t.Fatalf("trial %d: item %d starts at %d, before item %d", trial, k, start(x), k-1)
			}
		}
		for i := range a {
			if seenA[&a[i]] != 1 {
				t.Fatalf("trial %d: a[%d] is in %d items", trial, i, seenA[&a[i]])
			}
		}
		for j := range b {
			if seenB[&b[j]] != 1 {
				t.Fatalf("trial %d: b[%d] is in %d items", trial, j, seenB[&b[j]])
			}
		}
		sa, sb := spansOf(a), spansOf(b)
		if want := exactPairs(sa, sb, nil); agreed != want {
			t.Fatalf("trial %d: %d agreed, want %d exact matches", trial, agreed, want)
		}
		for _, x := range onlyA {
			for _, y := range onlyB {
				if x.Start < y.End && y.Start < x.End {
					t.Fatalf("trial %d: unpaired %+v and %+v overlap", trial, *x, *y)
				}
			}
		}
	}
}

// spansOf returns the spans of anns sorted byLabel.
func spansOf(anns []annotate.Annotation) []span {
	s := appendSpans(nil, anns)
	slices.SortFunc(s, byLabel)
	return s
}

// classFits reports whether the annotations of x fit its class.
func classFits(x DiffItem) bool {
	switch x.Class {
	case OnlyA:
		return x.A != nil && x.B == nil
	case OnlyB:
		return x.A == nil && x.B != nil
	}
	if x.A == nil || x.B == nil {
		return false
	}
	sameRange := x.A.Start == x.B.Start && x.A.End == x.B.End
	overlap := x.A.Start < x.B.End && x.B.Start < x.A.End
	switch x.Class {
	case Agreed:
		return sameRange && x.A.Label == x.B.Label
	case BoundaryDiff:
		return !sameRange && overlap && x.A.Label == x.B.Label
	case LabelDiff:
		return overlap && x.A.Label != x.B.Label
	}
	return false
}

// start returns the smallest start of x's annotations.
func start(x DiffItem) int {
	switch {
	case x.A == nil:
		return x.B.Start
	case x.B == nil:
		return x.A.Start
	}
	return min(x.A.Start, x.B.Start)
}
