package textview

import (
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// tipGap is the room between a tooltip and the spans it keeps clear of:
// the active outline sits outside a span's box.
const tipGap = activeGap + activeWidth + 2

// tipBand returns the top and bottom, in the view, of the lines in view
// that the spans under the pointer cover; ok is false when there are none.
func (r *renderer) tipBand(f *frame) (top, bottom float32, ok bool) {
	c := r.v.hover.char
	if c < 0 {
		return 0, 0, false
	}
	top, bottom = float32(math.Inf(1)), float32(math.Inf(-1))
	r.idx = r.v.spans.overlapping(r.idx[:0], c, c+1)
	for _, i := range r.idx {
		s := r.v.spans.recs[i]
		for _, bx := range r.rangeBoxes(f, s.start, s.end) {
			y := r.lineTop(f, bx.li)
			top, bottom = min(top, y), max(bottom, y+r.v.metrics.textHeight)
		}
	}
	return top, bottom, top <= bottom
}

// tipPlace returns where a tooltip of size box goes in a view of size
// view, with the pointer at p: below the band [top, bottom) of the spans
// it explains, or above it if there is no room below, so that it covers
// none of them; with no room either side, on the side with more. It is
// always inside the view, by the pointer's x as far as that allows.
func tipPlace(box, view fyne.Size, p fyne.Position, top, bottom float32) fyne.Position {
	below, above := bottom+tipGap, top-tipGap-box.Height
	y := below
	switch {
	case below+box.Height <= view.Height:
	case above >= 0:
		y = above
	case view.Height-bottom < top:
		y = 0
	}
	x := p.X + tooltipOffset
	return fyne.NewPos(max(0, min(x, view.Width-box.Width)), max(0, min(y, view.Height-box.Height)))
}

// wrapTip breaks the tooltip's lines at spaces, or inside a word longer
// than a line, so that none is wider than maxW by width; and keeps the
// first maxLines of them, the last ending in "…" when some are left out.
func wrapTip(lines []string, maxW float32, maxLines int, width func(string) float32) []string {
	var out []string
	for _, line := range lines {
		cur := ""
		for _, w := range strings.Split(line, " ") {
			next := w
			if cur != "" {
				next = cur + " " + w
			}
			if width(next) <= maxW {
				cur = next
				continue
			}
			if cur != "" {
				out = append(out, cur)
			}
			for cur = w; width(cur) > maxW && utf8.RuneCountInString(cur) > 1; {
				cut := fitRunes(cur, maxW, width)
				out = append(out, cur[:cut])
				cur = cur[cut:]
			}
		}
		out = append(out, cur)
	}
	if maxLines >= 1 && len(out) > maxLines {
		out = append(out[:maxLines-1], "…")
	}
	return out
}

// fitRunes returns the length in bytes of the longest prefix of s, of at
// least one rune, that is no wider than maxW.
func fitRunes(s string, maxW float32, width func(string) float32) int {
	_, n := utf8.DecodeRuneInString(s)
	for i := range s {
		if i <= n {
			continue
		}
		if width(s[:i]) > maxW {
			break
		}
		n = i
	}
	return n
}
