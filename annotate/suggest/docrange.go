package suggest

import (
	"slices"

	"spanmark/annotate"
)

// inReach is how many tokens before a range In starts looking for
// occurrences that reach into it: a suggestion longer than that which
// starts before the range and ends in it is not found.
const inReach = 16

// In appends to dst the document's suggestions that overlap the code
// points [a, b), in annotate.CompareSuggestions order and the longest
// kept where they overlap (Longest), and returns the
// extended slice. It looks only at the occurrences around the range, so
// its cost follows the range's length, not how many suggestions the
// document has: it is what a view asks for the lines it shows.
func (d *Doc) In(dst []annotate.Suggestion, a, b int) []annotate.Suggestion {
	from := len(dst)
	d.x.walkIn(&d.w, d.ids, a, b, d.minScore, func(_ int, _ *pattern, span [2]int) {
		k := len(dst)
		dst = append(dst, d.bySpan[span]...)
		slices.SortFunc(dst[k:], annotate.CompareSuggestions) // a few labels
	})
	return finishIn(dst, from)
}

// walkIn is the walk of In over the tokens w (ids their ids) around
// [a, b): it calls fn with every match of a pattern reaching minScore
// that ends after a, with the index of its first token, by start and
// then end. Doc.In looks the matches' suggestions up, Index.Range
// computes them.
func (x *Index) walkIn(w *words, ids []int32, a, b int, minScore float64, fn func(i int, p *pattern, span [2]int)) {
	for i := max(0, w.firstFrom(a)-inReach); i < len(w.toks) && w.toks[i].start < b; i++ {
		x.matchAt(w, ids, i, minScore, func(p *pattern, j int) {
			if span := [2]int{w.toks[i].start, w.toks[j].end}; span[1] > a {
				fn(i, p, span)
			}
		})
	}
}

// finishIn orders dst[from:], the suggestions walkIn found, and keeps the
// longest where they overlap.
func finishIn(dst []annotate.Suggestion, from int) []annotate.Suggestion {
	// The walk finds the spans by start, then end, each with its labels
	// sorted: the whole is sorted unless two keys matched one span.
	if !slices.IsSortedFunc(dst[from:], annotate.CompareSuggestions) {
		slices.SortFunc(dst[from:], annotate.CompareSuggestions)
	}
	// Where matches overlap only the longest is offered, as Suggestions
	// offers them: the view draws what Tab steps through.
	return append(dst[:from], Longest(dst[from:])...)
}
