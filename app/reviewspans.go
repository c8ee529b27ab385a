package app

import (
	"fmt"
	"image/color"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/app/textview"
)

// diffLook is how review mode shows one class of difference: its short
// name in the legend, its name in descriptions, and its colour.
type diffLook struct {
	short, name string
	color       color.NRGBA
}

// diffLooks holds the look of every agree.Class, by class. The colours
// are mid-tones, like the default labels', so that a translucent fill
// under black or white text and a solid underline both read in the light
// and the dark theme; they differ in hue, and red and green differ in
// lightness too.
var diffLooks = [...]diffLook{
	agree.Agreed:       {"agreed", "agreed", color.NRGBA{R: 0x2c, G: 0xa0, B: 0x2c, A: 0xff}},
	agree.BoundaryDiff: {"boundary", "boundaries differ", color.NRGBA{R: 0xe6, G: 0x9f, B: 0x00, A: 0xff}},
	agree.LabelDiff:    {"label", "labels differ", color.NRGBA{R: 0x94, G: 0x67, B: 0xbd, A: 0xff}},
	agree.OnlyA:        {"only mine", "only mine", color.NRGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}},
	agree.OnlyB:        {"only theirs", "only theirs", color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}},
	agree.AttrDiff:     {"values", "values differ", color.NRGBA{R: 0x8c, G: 0x56, B: 0x4b, A: 0xff}},
	// Only theirs, faint: a span some teammates have but not most.
	agree.Minority: {"minority", "minority", color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0x66}},
}

// theirsPrefix starts the ids of their spans in the article view. Their
// ids could equal mine: a teammate who began from an export of my project
// has the same ones.
const theirsPrefix = "theirs:"

// diffSpans is what the article view draws while reviewing: every
// annotation of mine filled, and every one of theirs underlined, in the
// colour of its class, so that both show where they overlap.
func diffSpans(items []agree.DiffItem) []textview.Span {
	spans := make([]textview.Span, 0, 2*len(items))
	for _, it := range items {
		c := diffLooks[it.Class].color
		if it.A != nil {
			spans = append(spans, textview.Span{ID: it.A.ID, Start: it.A.Start, End: it.A.End, Color: c, Style: textview.Fill})
		}
		if it.B != nil {
			spans = append(spans, textview.Span{ID: theirsPrefix + it.B.ID, Start: it.B.Start, End: it.B.End, Color: c, Style: textview.Underline})
		}
	}
	return spans
}

// isDisagreement reports whether a review steps to it.
func isDisagreement(it agree.DiffItem) bool { return it.Class != agree.Agreed }

// extent is the range an item covers, as agree.DiffItem.Extent gives it,
// in the form the review keeps its place in.
func extent(it agree.DiffItem) [2]int {
	start, end := it.Extent()
	return [2]int{start, end}
}

// describe says what an item is, for the review bar and tooltips, with
// the annotated text that text returns for a range.
func describe(it agree.DiffItem, text func(start, end int) string) string {
	name := diffLooks[it.Class].name
	quote := func(a *annotate.Annotation) string {
		return fmt.Sprintf("%s “%s”", a.Label, ellipsis(text(a.Start, a.End), 40))
	}
	switch {
	case it.B == nil:
		return fmt.Sprintf("%s: %s", name, quote(it.A))
	case it.A == nil:
		return fmt.Sprintf("%s: %s", name, quote(it.B))
	}
	values := valueDiffs(it.A.Attributes, it.B.Attributes)
	switch it.Class {
	case agree.AttrDiff:
		// The values first: the bar cuts what does not fit.
		return fmt.Sprintf("%s: %s · %s", name, strings.Join(values, " · "), quote(it.A))
	case agree.Agreed:
		return fmt.Sprintf("%s: %s", name, quote(it.A))
	}
	return strings.Join(append([]string{fmt.Sprintf("%s: mine %s · theirs %s", name, quote(it.A), quote(it.B))}, values...), " · ")
}
