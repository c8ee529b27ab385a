package annotate

import (
	"cmp"
	"math"
	"strings"
)

// SourceStrings is the source of the suggestions the project's own
// annotations make: every annotated string suggested where else it occurs
// (see package annotate/suggest).
const SourceStrings = "strings"

// Suggestion proposes that the code points [Start, End) of a document be
// annotated with Label. Source names what proposed it (SourceStrings or
// the name a model's predictions were imported under) and Score, in
// [0, 1], how sure it was. A suggestion is not an annotation: a store
// keeps suggestions apart, exports never write them as annotations and
// agreement never counts them.
type Suggestion struct {
	DocumentID string
	Start      int
	End        int
	Label      string
	Source     string
	Score      float64
}

// Rejection records that a person turned a suggestion down, so that it
// does not come back. Text is the suggested surface string, kept so that
// the string source can drop the string for that label (see
// suggest.Index.Reject); the position (document, Start, End) with the
// label suppresses a suggestion of that span and label from every source.
type Rejection struct {
	DocumentID string
	Start      int
	End        int
	Label      string
	Text       string
}

// SpanLabel is a suggestion's or rejection's place and label: what a
// rejection suppresses and what a store keys suggestions by (with the
// source).
type SpanLabel struct {
	Start, End int
	Label      string
}

// Key returns the suggestion's span and label.
func (s Suggestion) Key() SpanLabel { return SpanLabel{s.Start, s.End, s.Label} }

// Key returns the rejected span and label.
func (r Rejection) Key() SpanLabel { return SpanLabel{r.Start, r.End, r.Label} }

// Key returns the annotation's span and label: the suggestion it
// repeats, if any, has the same.
func (a Annotation) Key() SpanLabel { return SpanLabel{a.Start, a.End, a.Label} }

// CompareSuggestions orders suggestions by start, end, label, then
// source: the order Tab steps through them in.
func CompareSuggestions(a, b Suggestion) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End),
		strings.Compare(a.Label, b.Label), strings.Compare(a.Source, b.Source))
}

// CheckSuggestion reports why s cannot be a suggestion on a text of
// runes code points, or nil: the span must lie in the text and not be
// empty, the label and source must be named, and the score must be a
// number in [0, 1].
func CheckSuggestion(s Suggestion, runes int) error {
	switch {
	case s.Start < 0 || s.End > runes || s.Start >= s.End:
		return Invalidf("suggestion [%d,%d) is not a span of a %d-character text", s.Start, s.End, runes)
	case s.Label == "":
		return Invalidf("suggestion [%d,%d) has no label", s.Start, s.End)
	case s.Source == "" || strings.ContainsRune(s.Source, 0):
		return Invalidf("suggestion [%d,%d) has no usable source name %q", s.Start, s.End, s.Source)
	case math.IsNaN(s.Score) || s.Score < 0 || s.Score > 1:
		return Invalidf("suggestion [%d,%d) has score %v, outside [0,1]", s.Start, s.End, s.Score)
	}
	return nil
}
