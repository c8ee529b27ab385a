package suggest

import "spanmark/annotate"

// Longest removes, in place, every suggestion that overlaps a longer one
// (in code points) and returns what is left, in the same order. Where an
// annotated "Vladimir Putin" and "Putin" both match, only the whole name
// is offered: the shorter string is part of the longer one's occurrence,
// and accepting both would tag the name twice. Overlapping suggestions of
// the same length (two labels of one string, or "West Bank" and "Bank
// Asia" in "West Bank Asia") all stay. ss must be sorted by start, as
// annotate.CompareSuggestions sorts.
func Longest(ss []annotate.Suggestion) []annotate.Suggestion {
	return longestBy(ss, func(s annotate.Suggestion) [2]int { return [2]int{s.Start, s.End} })
}

// longestBy is Longest for anything with a span, sorted by start.
func longestBy[T any](xs []T, span func(T) [2]int) []T {
	var drop []bool
	for i, a := range xs {
		sa := span(a)
		// Every overlapping pair is met once, from the one that starts
		// first (or comes first among equal starts).
		for j := i + 1; j < len(xs); j++ {
			sb := span(xs[j])
			if sb[0] >= sa[1] {
				break
			}
			la, lb := sa[1]-sa[0], sb[1]-sb[0]
			if la == lb {
				continue
			}
			if drop == nil {
				drop = make([]bool, len(xs))
			}
			if la > lb {
				drop[j] = true
			} else {
				drop[i] = true
			}
		}
	}
	if drop == nil {
		return xs
	}
	out := xs[:0]
	for i, x := range xs {
		if !drop[i] {
			out = append(out, x)
		}
	}
	return out
}
