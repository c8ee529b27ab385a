package annotate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCompareAnnotations(t *testing.T) {
	tests := []struct {
		name string
		a, b Annotation
		want int
	}{
		{"earlier start first", Annotation{ID: "z", Start: 1, End: 9}, Annotation{ID: "a", Start: 2, End: 3}, -1},
		{"later start last", Annotation{ID: "a", Start: 5, End: 6}, Annotation{ID: "z", Start: 4, End: 20}, 1},
		{"same start, shorter first", Annotation{ID: "z", Start: 3, End: 4}, Annotation{ID: "a", Start: 3, End: 8}, -1},
		{"same start, longer last", Annotation{ID: "a", Start: 3, End: 8}, Annotation{ID: "z", Start: 3, End: 4}, 1},
		{"same range, by id", Annotation{ID: "a", Start: 3, End: 4, Label: "Z"}, Annotation{ID: "b", Start: 3, End: 4, Label: "A"}, -1},
		{"same range, id after", Annotation{ID: "b", Start: 3, End: 4}, Annotation{ID: "a", Start: 3, End: 4}, 1},
		{"label does not count", Annotation{ID: "a", Start: 3, End: 4, Label: "X"}, Annotation{ID: "a", Start: 3, End: 4, Label: "Y"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CompareAnnotations(tt.a, tt.b); got != tt.want {
				t.Errorf("CompareAnnotations(%+v, %+v) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := CompareAnnotations(tt.b, tt.a); got != -tt.want {
				t.Errorf("CompareAnnotations(%+v, %+v) = %d, want %d", tt.b, tt.a, got, -tt.want)
			}
		})
	}
}

// TestCompareAnnotationsSorts checks that sorting by CompareAnnotations
// gives one order whatever order the annotations come in.
func TestCompareAnnotationsSorts(t *testing.T) {
	want := []Annotation{
		{ID: "b", Start: 0, End: 2},
		{ID: "a", Start: 0, End: 5},
		{ID: "c", Start: 0, End: 5},
		{ID: "a2", Start: 1, End: 2},
		{ID: "0", Start: 7, End: 8},
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, CompareAnnotations)
	if !slices.EqualFunc(got, want, Annotation.Equal) {
		t.Errorf("sorted: got %v, want %v", got, want)
	}
}

// TestSortAnnotations wants SortAnnotations to give what a sort by
// CompareAnnotations gives, every field of every annotation kept, from
// any order.
func TestSortAnnotations(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 17, 1000} {
		as := make([]Annotation, n)
		for i := range as {
			start := rng.IntN(50)
			as[i] = Annotation{ID: fmt.Sprint("a", rng.IntN(20)), Start: start, End: start + rng.IntN(5), Label: fmt.Sprint("L", i), Note: fmt.Sprint(i)}
		}
		want := slices.Clone(as)
		slices.SortStableFunc(want, CompareAnnotations)
		got := slices.Clone(as)
		SortAnnotations(got)
		if !slices.IsSortedFunc(got, CompareAnnotations) {
			t.Fatalf("%d annotations: not in order", n)
		}
		// Equal keys (same range and id) may come in either order; the
		// multiset of annotations must be the same.
		key := func(a Annotation) string { return fmt.Sprint(a.Start, a.End, a.ID, a.Label, a.Note) }
		gk, wk := make([]string, n), make([]string, n)
		for i := range got {
			gk[i], wk[i] = key(got[i]), key(want[i])
		}
		slices.Sort(gk)
		slices.Sort(wk)
		if !slices.Equal(gk, wk) {
			t.Fatalf("%d annotations: sorting lost or changed some", n)
		}
	}
}

func BenchmarkSortAnnotations(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	as := make([]Annotation, 20000)
	for i := range as {
		start := rng.IntN(1 << 20)
		as[i] = Annotation{ID: fmt.Sprintf("%016x", rng.Uint64()), DocumentID: "d", Start: start, End: start + 10, Label: "PERSON", Annotator: "bench"}
	}
	for _, bb := range []struct {
		name string
		sort func([]Annotation)
	}{
		{"keys", SortAnnotations},
		{"in-place", func(as []Annotation) { slices.SortFunc(as, CompareAnnotations) }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			work := make([]Annotation, len(as))
			for b.Loop() {
				copy(work, as)
				bb.sort(work)
			}
		})
	}
}
