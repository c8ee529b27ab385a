package agree

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCategorize(t *testing.T) {
	tests := []struct {
		name  string
		spans []a
		n     int
		want  []segment
	}{
		{"nothing", nil, 5, []segment{{0, 5, noLabel}}},
		{"empty text", []a{{0, 3, "PERSON"}}, 0, []segment{}},
		{"gaps", []a{{2, 4, "PERSON"}}, 6, []segment{{0, 2, noLabel}, {2, 4, "PERSON"}, {4, 6, noLabel}}},
		// Same start: the smaller end wins where both cover.
		{"tie on start", []a{{0, 5, "PERSON"}, {0, 3, "ORG"}}, 6,
			[]segment{{0, 3, "ORG"}, {3, 5, "PERSON"}, {5, 6, noLabel}}},
		// Same start and end: the label that sorts first wins.
		{"tie on range", []a{{0, 3, "ORG"}, {0, 3, "LOC"}}, 3, []segment{{0, 3, "LOC"}}},
		// The smaller start wins over a nested span.
		{"nested", []a{{0, 10, "PERSON"}, {2, 4, "ORG"}}, 12,
			[]segment{{0, 10, "PERSON"}, {10, 12, noLabel}}},
		{"overlapping", []a{{2, 6, "ORG"}, {4, 9, "PERSON"}}, 10,
			[]segment{{0, 2, noLabel}, {2, 6, "ORG"}, {6, 9, "PERSON"}, {9, 10, noLabel}}},
		{"adjacent same label", []a{{0, 2, "PERSON"}, {2, 4, "PERSON"}}, 4, []segment{{0, 4, "PERSON"}}},
		{"clipped", []a{{-2, 3, "PERSON"}, {8, 20, "ORG"}}, 10,
			[]segment{{0, 3, "PERSON"}, {3, 8, noLabel}, {8, 10, "ORG"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := spansFrom(tt.spans)
			slices.SortFunc(spans, byPosition)
			var c categorizer
			got := c.categorize(spans, tt.n, nil)
			if !slices.Equal(got, tt.want) {
				t.Errorf("categorize = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestKappaTally(t *testing.T) {
	tests := []struct {
		name string
		text string
		a, b []a
		want float64
	}{
		// "abcde fghij": the space at 5 does not count, N = 10.
		//   A: abc PERSON, fgh ORG      → P P P O O | ORG ORG ORG O O
		//   B: abcd PERSON, hij ORG     → P P P P O | O O ORG ORG ORG
		// Agreeing: a b c e h = 5.
		// n_A: P 3, O 4, ORG 3; n_B: P 4, O 3, ORG 3.
		// Σ n_A·n_B = 3·4 + 4·3 + 3·3 = 33.
		// κ = (N·5 − 33)/(N² − 33) = (50 − 33)/(100 − 33) = 17/67.
		{"hand example", "abcde fghij",
			[]a{{0, 3, "PERSON"}, {6, 9, "ORG"}}, []a{{0, 4, "PERSON"}, {8, 11, "ORG"}}, 17.0 / 67},
		// Spaces only: N = 0.
		{"no code points", " \n\t", []a{{0, 2, "PERSON"}}, nil, 1},
		// Everything O on both sides: pₑ = 1.
		{"nothing annotated", "abc", nil, nil, 1},
		// Everything PERSON on both sides: pₑ = 1.
		{"one category", "abc", []a{{0, 3, "PERSON"}}, []a{{0, 3, "PERSON"}}, 1},
		// "ab": A P P, B O O. pₒ = 0, pₑ = 0, κ = 0.
		{"opposite", "ab", []a{{0, 2, "PERSON"}}, nil, 0},
		// "abcd": A P P O O, B O O P P. Agree 0, Σ = 2·2 + 2·2 = 8.
		// κ = (0 − 8)/(16 − 8) = −1.
		{"crossed", "abcd", []a{{0, 2, "PERSON"}}, []a{{2, 4, "PERSON"}}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nonSpace := nonSpacePrefix(tt.text, nil)
			n := len(nonSpace) - 1
			sa, sb := spansFrom(tt.a), spansFrom(tt.b)
			slices.SortFunc(sa, byPosition)
			slices.SortFunc(sb, byPosition)
			tally := newKappaTally()
			var c categorizer
			tally.count(c.categorize(sa, n, nil), c.categorize(sb, n, nil), nonSpace)
			if got := tally.kappa(); got != tt.want {
				t.Errorf("kappa = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNonSpacePrefix(t *testing.T) {
	// Multi-byte code points count once; the tab and the no-break space
	// (U+00A0, white space to unicode.IsSpace) do not count.
	got := nonSpacePrefix("é\tß\u00a0x", nil)
	want := []int{0, 1, 1, 2, 2, 3}
	if !slices.Equal(got, want) {
		t.Errorf("nonSpacePrefix = %v, want %v", got, want)
	}
}

// TestCategorizeRandom checks the sweep against the definition applied to
// each code point: the smallest (start, end, label) among the spans that
// cover it. One categorizer serves every trial, reusing its buffers.
func TestCategorizeRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	labels := []string{"LOC", "ORG", "PERSON"}
	var c categorizer
	var segs []segment
	for trial := range 2000 {
		n := rng.IntN(30)
		spans := make([]span, rng.IntN(12))
		for i := range spans {
			start := rng.IntN(n+4) - 2
			spans[i] = span{start: start, end: start + 1 + rng.IntN(10), label: labels[rng.IntN(len(labels))], i: i}
		}
		slices.SortFunc(spans, byPosition)
		segs = c.categorize(spans, n, segs)
		var got []string
		for _, s := range segs {
			for range s.end - s.start {
				got = append(got, s.label)
			}
		}
		want := make([]string, n)
		for p := range n {
			var best *span
			for i, s := range spans {
				if s.start <= p && p < s.end && (best == nil || byPosition(s, *best) < 0) {
					best = &spans[i]
				}
			}
			if best != nil {
				want[p] = best.label
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: spans %v, n %d: categories %q, want %q", trial, spans, n, got, want)
		}
	}
}
