package textview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

const (
	linkWidth = 1.5 // stroke of a link
	linkHead  = 4   // length of an arrow head's wings
	linkLanes = 3   // links between lines share this many lanes in the margin
	tagPad    = 2   // inside a label tag, left and right of its text
)

// drawLinks draws the links with an end on the lines in view.
func (r *renderer) drawLinks(f *frame) {
	v := r.v
	m := &v.metrics
	s := linkStyle{
		textTop:    m.textTop,
		textHeight: m.textHeight,
		head:       linkHead,
		top:        -f.oy + 1,
		bottom:     v.Size().Height - f.oy - 1,
	}
	for i, k := range v.linkSpans {
		s.lane = -2 - 2*float32(i%linkLanes)
		r.segs = f.l.linkPath(r.segs[:0], k.from, k.to, f.first, f.last, s)
		for _, sg := range r.segs {
			ln := r.lines.next()
			ln.StrokeColor, ln.StrokeWidth = k.color, linkWidth
			ln.Position1 = fyne.NewPos(f.ox+sg.x0, f.oy+sg.y0)
			ln.Position2 = fyne.NewPos(f.ox+sg.x1, f.oy+sg.y1)
			r.objects = append(r.objects, ln)
		}
	}
}

// drawTags draws, in the band above the text, a tag with the label of
// each span that starts on the lines in view. Tags that would overlap
// (ORG and LOC on one word) go side by side.
func (r *renderer) drawTags(f *frame) {
	v := r.v
	m := &v.metrics
	if m.tagSize == 0 {
		return
	}
	if r.tagSize != m.tagSize {
		r.tagSize, r.tagWidths = m.tagSize, make(map[string]float32)
	}
	x := v.spans
	fg := f.color(theme.ColorNameForeground)
	line, free := -1, float32(0) // the line of the last tag, and where it ended
	r.idx = x.overlapping(r.idx[:0], f.a, f.b)
	for _, i := range r.idx {
		s := x.recs[i]
		label := x.labels[s.slot]
		if s.start < f.a || label == "" {
			continue
		}
		li := f.l.lineOf(s.start)
		at := min(f.l.x(li, s.start), f.l.width)
		if li == line {
			at = max(at, free)
		}
		w := r.tagWidth(label) + 2*tagPad
		line, free = li, at+w+1
		pos := fyne.NewPos(f.ox+at, r.lineTop(f, li)-m.tagHeight)
		r.rect(x.fills[s.slot], nil, 0, pos, fyne.NewSize(w, m.tagHeight))
		r.tagText(label, fg, pos.AddXY(tagPad, 0), fyne.NewSize(w-2*tagPad, m.tagHeight))
	}
}

func (r *renderer) tagWidth(label string) float32 {
	w, ok := r.tagWidths[label]
	if !ok {
		w = fyne.MeasureText(label, r.tagSize, fyne.TextStyle{}).Width
		r.tagWidths[label] = w
	}
	return w
}

func (r *renderer) tagText(s string, c color.Color, pos fyne.Position, size fyne.Size) {
	t := r.texts.next()
	t.Text, t.Color, t.TextSize = s, c, r.tagSize
	t.Move(pos)
	t.Resize(size)
	r.objects = append(r.objects, t)
}
