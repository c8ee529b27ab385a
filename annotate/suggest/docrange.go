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
	for i := max(0, d.w.firstFrom(a)-inReach); i < len(d.w.toks) && d.w.toks[i].start < b; i++ {
		d.x.matchAt(&d.w, d.ids, i, d.minScore, func(_ *pattern, j int) {
			if span := [2]int{d.w.toks[i].start, d.w.toks[j].end}; span[1] > a {
				k := len(dst)
				dst = append(dst, d.bySpan[span]...)
				slices.SortFunc(dst[k:], annotate.CompareSuggestions) // a few labels
			}
		})
	}
	// The walk finds the spans by start, then end, each with its labels
	// sorted: the whole is sorted unless two keys matched one span.
	if !slices.IsSortedFunc(dst[from:], annotate.CompareSuggestions) {
		slices.SortFunc(dst[from:], annotate.CompareSuggestions)
	}
	// Where matches overlap only the longest is offered, as Suggestions
	// offers them: the view draws what Tab steps through.
	return append(dst[:from], Longest(dst[from:])...)
}
