package textview

import (
	"image/color"
	"slices"
)

// Link is an arrow drawn from one span to another, named by their ids,
// in its colour: a claim's link to its source, say.
type Link struct {
	From, To string
	Color    color.Color
}

// linkSpans is a link with its ends looked up.
type linkSpans struct {
	from, to [2]int
	color    color.Color
}

// SetLinks draws the given links, replacing those drawn before; nil
// draws none. A link whose ends are not both spans of the view is not
// drawn, and it is found again when the spans change.
func (v *View) SetLinks(links []Link) {
	v.links = slices.Clone(links)
	v.resolve()
	v.Refresh()
}

// resolveLinks finds the spans the links name.
func (v *View) resolveLinks() {
	v.linkSpans = v.linkSpans[:0]
	for _, k := range v.links {
		i, ok := v.spans.find(k.From)
		j, ok2 := v.spans.find(k.To)
		if !ok || !ok2 {
			continue
		}
		a, b := v.spans.recs[i], v.spans.recs[j]
		v.linkSpans = append(v.linkSpans, linkSpans{
			from:  [2]int{a.start, a.end},
			to:    [2]int{b.start, b.end},
			color: k.Color,
		})
	}
}

// SetLabels turns on or off the tags that name each span's label at its
// start. The tags take a band above every line, so the lines move apart.
func (v *View) SetLabels(on bool) {
	if on == v.labels {
		return
	}
	v.labels = on
	v.Refresh()
}
