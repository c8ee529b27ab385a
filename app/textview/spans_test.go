package textview

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSpanIndexOverlapping(t *testing.T) {
	spans := []Span{
		{ID: "claim", Start: 0, End: 50, Style: Underline},
		{ID: "kim", Start: 20, End: 31},
		{ID: "late", Start: 60, End: 70},
		{ID: "empty", Start: 40, End: 40},
		{ID: "nested", Start: 22, End: 25},
		{ID: "same-start-longer", Start: 20, End: 45},
	}
	x := newSpanIndex(spans)
	ids := func(idx []int) []string {
		var out []string
		for _, i := range idx {
			out = append(out, x.span(i).ID)
		}
		return out
	}
	tests := []struct {
		name string
		a, b int
		want []string
	}{
		{"before all", -10, 0, nil},
		{"one point", 23, 24, []string{"claim", "same-start-longer", "kim", "nested"}},
		{"end is exclusive", 31, 32, []string{"claim", "same-start-longer"}},
		{"start is inclusive", 60, 61, []string{"late"}},
		{"gap", 50, 60, nil},
		{"empty spans are dropped", 40, 41, []string{"claim", "same-start-longer"}},
		{"everything", 0, 100, []string{"claim", "same-start-longer", "kim", "nested", "late"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(x.overlapping(nil, tt.a, tt.b)); !slices.Equal(got, tt.want) {
				t.Errorf("overlapping(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
	if got, want := x.idsAt(30), []string{"claim", "same-start-longer", "kim"}; !slices.Equal(got, want) {
		t.Errorf("idsAt(30) = %v, want %v", got, want)
	}
	if got := x.idsAt(55); got != nil {
		t.Errorf("idsAt(55) = %v, want nil", got)
	}
}

func TestSpanIndexMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		var spans []Span
		for range r.IntN(200) {
			s := r.IntN(1000)
			spans = append(spans, Span{Start: s, End: s + r.IntN(r.IntN(300)+1)})
		}
		x := newSpanIndex(spans)
		for range 100 {
			a := r.IntN(1100) - 50
			b := a + r.IntN(100)
			var want []int
			for i, s := range all(x) {
				if s.Start < b && s.End > a {
					want = append(want, i)
				}
			}
			if got := x.overlapping(nil, a, b); !slices.Equal(got, want) {
				t.Fatalf("round %d: overlapping(%d, %d) = %v, a scan finds %v", round, a, b, got, want)
			}
		}
	}
}

func TestUnderlineLevels(t *testing.T) {
	spans := []Span{
		{ID: "outer", Start: 0, End: 100, Style: Underline},
		{ID: "inner", Start: 10, End: 20, Style: Underline},
		{ID: "entity", Start: 12, End: 15, Style: Fill},
		{ID: "inner2", Start: 20, End: 30, Style: Underline},
		{ID: "deeper", Start: 25, End: 28, Style: Underline},
		{ID: "after", Start: 100, End: 120, Style: Underline},
	}
	x := newSpanIndex(spans)
	want := map[string]int{"outer": 0, "inner": 1, "entity": 0, "inner2": 1, "deeper": 2, "after": 0}
	for i, s := range all(x) {
		if got := x.level[i]; got != want[s.ID] {
			t.Errorf("level of %s = %d, want %d", s.ID, got, want[s.ID])
		}
	}
}

// TestUpdateSpansEqualsRebuild checks that changing a few spans in place
// gives the same index as building it from scratch.
func TestUpdateSpansEqualsRebuild(t *testing.T) {
	base := []Span{
		{ID: "a", Start: 0, End: 10, Style: Underline},
		{ID: "b", Start: 2, End: 4},
		{ID: "c", Start: 2, End: 8, Style: Underline},
		{ID: "d", Start: 20, End: 25, Style: Outline},
	}
	for _, c := range []struct {
		name   string
		put    []Span
		remove []string
	}{
		{"add", []Span{{ID: "e", Start: 3, End: 9, Style: Underline}}, nil},
		{"remove", nil, []string{"c"}},
		{"move", []Span{{ID: "b", Start: 21, End: 22}}, nil},
		{"add and remove", []Span{{ID: "f", Start: 0, End: 30}}, []string{"a", "d"}},
		{"empty put dropped", []Span{{ID: "g", Start: 5, End: 5}}, []string{"b"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := newSpanIndex(base)
			x.update(c.put, c.remove)
			var want []Span
			for _, s := range base {
				if !slices.Contains(c.remove, s.ID) && !slices.ContainsFunc(c.put, func(p Span) bool { return p.ID == s.ID }) {
					want = append(want, s)
				}
			}
			want = append(want, c.put...)
			w := newSpanIndex(want)
			if !slices.Equal(all(x), all(w)) || !slices.Equal(x.blockEnd, w.blockEnd) || !slices.Equal(x.level, w.level) || !slices.Equal(fillsOf(x), fillsOf(w)) {
				t.Errorf("update gave %+v %v %v\nrebuild gives %+v %v %v", all(x), x.blockEnd, x.level, all(w), w.blockEnd, w.level)
			}
			for a := 0; a < 30; a++ {
				if got, want := x.idsAt(a), w.idsAt(a); !slices.Equal(got, want) {
					t.Errorf("idsAt(%d) = %v, want %v", a, got, want)
				}
			}
		})
	}
}

// TestUpdateSpansRandom edits an index of many blocks at random, with the
// ids looked up both through the map and, when two spans share an id, by
// a scan, and checks every query against a scan of a rebuilt index.
func TestUpdateSpansRandom(t *testing.T) {
	for _, shared := range []bool{false, true} {
		rng := rand.New(rand.NewPCG(5, 6))
		span := func(id string) Span {
			start := rng.IntN(5000)
			return Span{ID: id, Start: start, End: start + 1 + rng.IntN(60), Style: SpanStyle(rng.IntN(3))}
		}
		var spans []Span
		for i := range 1000 {
			spans = append(spans, span(fmt.Sprint("s", i)))
		}
		if shared {
			spans = append(spans, Span{ID: "s7", Start: 10, End: 20}) // two spans named s7
		}
		x := newSpanIndex(spans)
		for step := range 300 {
			id := fmt.Sprint("s", rng.IntN(1200))
			var put []Span
			var remove []string
			if rng.IntN(2) == 0 {
				put = []Span{span(id)}
			} else {
				remove = []string{id}
			}
			x.update(put, remove)
			spans = slices.DeleteFunc(spans, func(s Span) bool { return s.ID == id })
			spans = append(spans, put...)
			w := newSpanIndex(spans)
			if !slices.Equal(all(x), all(w)) || !slices.Equal(x.blockEnd, w.blockEnd) || !slices.Equal(x.level, w.level) || !slices.Equal(fillsOf(x), fillsOf(w)) {
				t.Fatalf("shared ids %v, step %d: the index differs from a rebuilt one", shared, step)
			}
			a := rng.IntN(5000)
			b := a + rng.IntN(300)
			var want []int
			for i, s := range all(w) {
				if s.Start < b && s.End > a {
					want = append(want, i)
				}
			}
			if got := x.overlapping(nil, a, b); !slices.Equal(got, want) {
				t.Fatalf("shared ids %v, step %d: overlapping(%d, %d) = %v, want %v", shared, step, a, b, got, want)
			}
			if i, ok := x.find(id); ok != slices.ContainsFunc(spans, func(s Span) bool { return s.ID == id }) || ok && x.span(i).ID != id {
				t.Fatalf("shared ids %v, step %d: find(%q) = %d, %v", shared, step, id, i, ok)
			}
		}
	}
}

// all returns the index's spans in its order.
func all(x *spanIndex) []Span {
	out := make([]Span, x.len())
	for i := range out {
		out[i] = x.span(i)
	}
	return out
}

// fillsOf returns the fill colour of each span, in the index's order.
func fillsOf(x *spanIndex) []color.Color {
	out := make([]color.Color, x.len())
	for i, r := range x.recs {
		out[i] = x.fills[r.slot]
	}
	return out
}
