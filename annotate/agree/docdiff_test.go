package agree

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"spanmark/annotate"
)

// TestDocDiffUpdate edits random annotations at random and checks after
// every edit that the diff kept up to date equals a diff made afresh.
func TestDocDiffUpdate(t *testing.T) {
	labels := []string{"A", "B", "C"}
	values := []annotate.Attributes{nil, annotate.AttributesOf(map[string]annotate.AttrValue{"v": annotate.StringValue("1")}), annotate.AttributesOf(map[string]annotate.AttrValue{"v": annotate.StringValue("2")})}
	for seed := range uint64(100) {
		rng := rand.New(rand.NewPCG(seed, 1))
		n := 0
		random := func(side string) annotate.Annotation {
			n++
			start := rng.IntN(300)
			return annotate.Annotation{ID: fmt.Sprintf("%s%03d", side, n), Start: start, End: start + 1 + rng.IntN(12),
				Label: labels[rng.IntN(len(labels))], Attributes: values[rng.IntN(len(values))]}
		}
		var mine, theirs []annotate.Annotation
		for range 60 {
			mine = append(mine, random("m"))
			theirs = append(theirs, random("t"))
		}
		slices.SortFunc(mine, annotate.CompareAnnotations)
		d := NewDocDiff(slices.Clone(mine), theirs)
		for step := range 40 {
			switch i := rng.IntN(len(mine)); rng.IntN(5) {
			case 0:
				mine = append(mine, random("m"))
			case 1:
				mine = slices.Delete(mine, i, i+1)
			case 2:
				mine[i].Start += rng.IntN(5)
				mine[i].End = max(mine[i].End+rng.IntN(5), mine[i].Start+1)
			case 3:
				mine[i].Label = labels[rng.IntN(len(labels))]
			default:
				mine[i].Attributes = values[rng.IntN(len(values))]
			}
			slices.SortFunc(mine, annotate.CompareAnnotations)
			d.Update(slices.Clone(mine))
			if got, want := itemKeys(d.Items()), itemKeys(Diff(mine, d.Theirs())); !slices.Equal(got, want) {
				t.Fatalf("seed %d, step %d: kept up to date\n%v\nafresh\n%v", seed, step, got, want)
			}
			if got, want := d.Counts(), exactCounts(mine, theirs); got != want {
				t.Fatalf("seed %d, step %d: Counts() = %+v, want %+v", seed, step, got, want)
			}
		}
	}
}

// TestDocDiffUpdateReturns checks what Update says it took out and put in.
func TestDocDiffUpdateReturns(t *testing.T) {
	mine := []annotate.Annotation{
		{ID: "m1", Start: 0, End: 3, Label: "PERSON"},
		{ID: "m2", Start: 20, End: 25, Label: "LOC"},
	}
	theirs := []annotate.Annotation{
		{ID: "t2", Start: 20, End: 25, Label: "ORG"},
		{ID: "t1", Start: 0, End: 3, Label: "PERSON"},
	}
	d := NewDocDiff(mine, theirs)
	if got, want := itemKeys(d.Items()), []string{"Agreed m1 t1", "LabelDiff m2 t2"}; !slices.Equal(got, want) {
		t.Fatalf("NewDocDiff: items %v, want %v", got, want)
	}
	if got, want := d.Theirs(), []annotate.Annotation{theirs[1], theirs[0]}; !slices.EqualFunc(got, want, annotate.Annotation.Equal) {
		t.Errorf("Theirs() = %v, want %v, sorted", got, want)
	}

	out, in := d.Update(slices.Clone(mine))
	if out != nil || in != nil {
		t.Errorf("Update with nothing changed = %v, %v, want nil, nil", itemKeys(out), itemKeys(in))
	}

	relabelled := slices.Clone(mine)
	relabelled[1].Label = "ORG"
	out, in = d.Update(relabelled)
	if got, want := itemKeys(out), []string{"LabelDiff m2 t2"}; !slices.Equal(got, want) {
		t.Errorf("Update: out %v, want %v", got, want)
	}
	if got, want := itemKeys(in), []string{"Agreed m2 t2"}; !slices.Equal(got, want) {
		t.Errorf("Update: in %v, want %v", got, want)
	}
	if got, want := d.Counts(), (Counts{A: 2, B: 2, Matched: 2}); got != want {
		t.Errorf("Counts() = %+v, want %+v", got, want)
	}

	// A value set on mine alone: still an exact match, but no longer
	// agreed.
	valued := slices.Clone(relabelled)
	valued[0].Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": annotate.StringValue("Q1")})
	out, in = d.Update(valued)
	if got, want := itemKeys(out), []string{"Agreed m1 t1"}; !slices.Equal(got, want) {
		t.Errorf("Update of a value: out %v, want %v", got, want)
	}
	if got, want := itemKeys(in), []string{"AttrDiff m1 t1"}; !slices.Equal(got, want) {
		t.Errorf("Update of a value: in %v, want %v", got, want)
	}
	if got, want := d.Counts(), (Counts{A: 2, B: 2, Matched: 2}); got != want {
		t.Errorf("Counts() after a value = %+v, want %+v", got, want)
	}
}

func TestDiffItemExtent(t *testing.T) {
	x := &annotate.Annotation{Start: 4, End: 9}
	y := &annotate.Annotation{Start: 6, End: 12}
	z := &annotate.Annotation{Start: 5, End: 7}
	tests := []struct {
		name       string
		it         DiffItem
		start, end int
	}{
		{"only A", DiffItem{Class: OnlyA, A: x}, 4, 9},
		{"only B", DiffItem{Class: OnlyB, B: y}, 6, 12},
		{"overlapping pair", DiffItem{Class: BoundaryDiff, A: x, B: y}, 4, 12},
		{"pair the other way", DiffItem{Class: BoundaryDiff, A: y, B: x}, 4, 12},
		{"B inside A", DiffItem{Class: LabelDiff, A: x, B: z}, 4, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if start, end := tt.it.Extent(); start != tt.start || end != tt.end {
				t.Errorf("Extent() = %d, %d, want %d, %d", start, end, tt.start, tt.end)
			}
		})
	}
}

// itemKeys names the items of a diff by class and annotation ids.
func itemKeys(items []DiffItem) []string {
	keys := make([]string, len(items))
	for i, it := range items {
		var a, b string
		if it.A != nil {
			a = it.A.ID
		}
		if it.B != nil {
			b = it.B.ID
		}
		keys[i] = fmt.Sprintf("%v %s %s", it.Class, a, b)
	}
	return keys
}

// exactCounts counts a and b and their exact matches as the overlap
// figures do, independently of Diff.
func exactCounts(a, b []annotate.Annotation) Counts {
	sa, sb := spansOf(a), spansOf(b)
	return Counts{A: len(a), B: len(b), Matched: exactPairs(sa, sb, nil)}
}
