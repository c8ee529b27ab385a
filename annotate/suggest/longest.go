package suggest

import "spanmark/annotate"

// Longest removes, in place, every suggestion that overlaps a longer one
// (in code points) and returns what is left, in the same order. Where an
// annotated "Vladimir Putin" and "Putin" both match, only the whole name
// is offered: the shorter string is part of the longer one's occurrence,
// and accepting both would tag the name twice. Overlapping suggestions of
// the same length (two labels of one string, or "New York" and "York
// Times" in "New York Times") all stay. ss must be sorted by start, as
// annotate.CompareSuggestions sorts.
func Longest(ss []annotate.Suggestion) []annotate.Suggestion {
	drop := make([]bool, len(ss))
	any := false
	for i, a := range ss {
		// Every overlapping pair is met once, from the one that starts
		// first (or comes first among equal starts).
		for j := i + 1; j < len(ss) && ss[j].Start < a.End; j++ {
			la, lb := a.End-a.Start, ss[j].End-ss[j].Start
			switch {
			case la > lb:
				drop[j], any = true, true
			case lb > la:
				drop[i], any = true, true
			}
		}
	}
	if !any {
		return ss
	}
	out := ss[:0]
	for i, s := range ss {
		if !drop[i] {
			out = append(out, s)
		}
	}
	return out
}
