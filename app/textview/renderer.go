package textview

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// markColor is the outline of a find match: black on the light theme,
// white on the dark, neutrals that no label's hue or MISC's mid grey is
// mistaken for. Marks have no fill, so a tagged match shows its label's.
func markColor(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantDark {
		return color.White
	}
	return color.Black
}

const (
	outlineWidth  = 1.5 // stroke of an Outline span
	markWidth     = 1.5 // stroke of a find match
	activeWidth   = 2   // stroke of the active span's outline
	activeGap     = 3   // the active outline sits this far out, around any span outline
	tooltipOffset = 16  // from the pointer to the tooltip's corner
	caretWidth    = 1.5 // of the caret's line
)

// renderer draws the lines in view, and what lies on them, with canvas
// objects from pools: a frame reuses the objects of the last one, so
// scrolling makes no garbage, and the number of objects follows the size
// of the window, not of the text.
type renderer struct {
	v       *View
	rects   pool[*canvas.Rectangle]
	texts   pool[*canvas.Text]
	lines   pool[*canvas.Line]
	objects []fyne.CanvasObject
	f       frame // the frame being drawn
	idx     []int // scratch for span queries
	boxes   []box // scratch for range geometry
	segs    []seg // scratch for link geometry
	dirty   bool  // the view changed since objects were drawn

	sugg      []Span     // the suggestions in view
	suggAsked suggQuery  // what sugg answers
	dash      *dashLayer // their outlines

	tagSize   float32            // the text size tagWidths were measured at
	tagWidths map[string]float32 // the widths of label tags' text
}

func newRenderer(v *View) *renderer {
	r := &renderer{v: v, dirty: true, dash: newDashLayer()}
	r.rects.make = func() *canvas.Rectangle { return &canvas.Rectangle{} }
	r.texts.make = func() *canvas.Text { return &canvas.Text{} }
	r.lines.make = func() *canvas.Line { return &canvas.Line{} }
	return r
}

// pool hands out objects, reusing those of the previous frame.
type pool[T any] struct {
	items []T
	used  int
	make  func() T
}

func (p *pool[T]) next() T {
	if p.used == len(p.items) {
		p.items = append(p.items, p.make())
	}
	p.used++
	return p.items[p.used-1]
}

func (r *renderer) Destroy() {
	r.v.hover.timer.stop()
	r.v.autoscroll.stop()
}

func (r *renderer) Layout(fyne.Size) {
	r.dirty = true
}

func (r *renderer) MinSize() fyne.Size {
	m := &r.v.metrics
	r.v.syncMetrics()
	return fyne.NewSize(2*m.pad+4*m.textSize, 2*m.pad+3*m.lineHeight)
}

// Objects returns the objects of the frame, drawn anew if the view
// changed since: an edit sets the selection, the spans and the active
// span one after another, and the frame is drawn once, when Fyne paints
// it (or hit-tests it), not after each.
func (r *renderer) Objects() []fyne.CanvasObject {
	if r.dirty {
		r.dirty = false
		r.update()
	}
	return r.objects
}

func (r *renderer) Refresh() {
	r.dirty = true
	canvas.Refresh(r.v)
}

// frame is what drawing one frame needs to know.
type frame struct {
	l           *layout
	first, last int     // the lines in view
	a, b        int     // the text they hold, with the newline after them
	ox, oy      float32 // where the layout's origin is in the view
	th          fyne.Theme
	variant     fyne.ThemeVariant
}

func (f *frame) color(name fyne.ThemeColorName) color.Color {
	return f.th.Color(name, f.variant)
}

// update rebuilds the objects for the current state, back to front:
// fills, marks, the selection, the text, the caret, label tags,
// underlines, outlines, suggestions' dashed outlines, the dots of unset
// spans, the active outlines, links, the scroll bar and the tooltip.
func (r *renderer) update() {
	v := r.v
	r.objects = r.objects[:0]
	r.rects.used, r.texts.used, r.lines.used = 0, 0, 0
	l := v.layout()
	if l == nil {
		return
	}
	f := r.frame(l)
	r.drawSpans(f, Fill)
	r.drawMarks(f)
	r.drawRange(f, v.anchor, v.caret, f.color(theme.ColorNameSelection))
	r.drawText(f)
	r.drawCaret(f)
	r.drawTags(f)
	r.drawSpans(f, Underline)
	r.drawSpans(f, Outline)
	r.drawSuggestions(f)
	r.drawUnset(f)
	r.drawRelated(f)
	r.drawActive(f)
	r.drawActiveSuggestion(f)
	r.drawLinks(f)
	r.drawScrollBar(f)
	r.drawTooltip(f)
}

// frame sets up r.f for drawing l in the view's current state.
func (r *renderer) frame(l *layout) *frame {
	v := r.v
	m := &v.metrics
	f := &r.f
	*f = frame{
		l:       l,
		ox:      m.pad,
		oy:      m.pad - v.scrollY,
		th:      v.Theme(),
		variant: fyne.CurrentApp().Settings().ThemeVariant(),
	}
	f.first = l.lineAt(-f.oy)
	f.last = l.lineAt(v.Size().Height - f.oy)
	f.a = int(l.lines[f.first].start)
	f.b = min(int(l.lines[f.last].end)+1, len(l.runes))
	return f
}

// lineTop returns the y of the top of line li's text in the view.
func (r *renderer) lineTop(f *frame, li int) float32 {
	return f.oy + float32(li)*f.l.lineHeight + r.v.metrics.textTop
}

// rangeBoxes computes the boxes of [a, b) on the lines in view into
// r.boxes.
func (r *renderer) rangeBoxes(f *frame, a, b int) []box {
	r.boxes = f.l.boxes(r.boxes[:0], min(a, b), max(a, b), f.first, f.last)
	return r.boxes
}

func (r *renderer) rect(fill, stroke color.Color, strokeWidth float32, pos fyne.Position, size fyne.Size) {
	rc := r.rects.next()
	rc.FillColor, rc.StrokeColor, rc.StrokeWidth = fill, stroke, strokeWidth
	rc.CornerRadius = 0
	rc.Move(pos)
	rc.Resize(size)
	r.objects = append(r.objects, rc)
}

// drawRange fills the text of [a, b) in c.
func (r *renderer) drawRange(f *frame, a, b int, c color.Color) {
	m := &r.v.metrics
	for _, bx := range r.rangeBoxes(f, a, b) {
		r.rect(c, nil, 0, fyne.NewPos(f.ox+bx.x0, r.lineTop(f, bx.li)), fyne.NewSize(bx.x1-bx.x0, m.textHeight))
	}
}

// outlineRange draws a box of stroke width w in c around the text of
// [a, b) on every line, out from the text by inset.
func (r *renderer) outlineRange(f *frame, a, b int, c color.Color, w, inset float32) {
	m := &r.v.metrics
	for _, bx := range r.rangeBoxes(f, a, b) {
		pos := fyne.NewPos(f.ox+bx.x0-inset, r.lineTop(f, bx.li)-inset)
		r.rect(color.Transparent, c, w, pos, fyne.NewSize(bx.x1-bx.x0+2*inset, m.textHeight+2*inset))
	}
}

// drawSpans draws the spans in view that have the given style.
func (r *renderer) drawSpans(f *frame, style SpanStyle) {
	x := r.v.spans
	m := &r.v.metrics
	r.idx = x.overlapping(r.idx[:0], f.a, f.b)
	for _, i := range r.idx {
		s := x.recs[i]
		if s.style != style {
			continue
		}
		switch style {
		case Fill:
			r.drawRange(f, s.start, s.end, x.fills[s.slot])
		case Underline:
			dy := m.baseline + m.underline + float32(x.level[i])*(m.underline+1)
			for _, bx := range r.rangeBoxes(f, s.start, s.end) {
				pos := fyne.NewPos(f.ox+bx.x0, r.lineTop(f, bx.li)+dy)
				r.rect(x.colors[s.slot], nil, 0, pos, fyne.NewSize(bx.x1-bx.x0, m.underline))
			}
		case Outline:
			r.outlineRange(f, s.start, s.end, x.colors[s.slot], outlineWidth, 0)
		}
	}
}

func (r *renderer) drawMarks(f *frame) {
	x := r.v.marks
	c := markColor(f.variant)
	r.idx = x.overlapping(r.idx[:0], f.a, f.b)
	for _, i := range r.idx {
		s := x.recs[i]
		r.outlineRange(f, s.start, s.end, c, markWidth, 0)
	}
}

// drawRelated outlines, each in its own colour, the spans linked to the
// one under the pointer.
func (r *renderer) drawRelated(f *frame) {
	for _, s := range r.v.relatedSpans {
		if s.End > f.a && s.Start < f.b {
			r.outlineRange(f, s.Start, s.End, s.Color, activeWidth, activeGap)
		}
	}
}

func (r *renderer) drawActive(f *frame) {
	for _, s := range r.v.activeSpan {
		r.outlineRange(f, s.Start, s.End, f.color(theme.ColorNamePrimary), activeWidth, activeGap)
	}
}

// drawCaret draws the caret, a steady thin line, while the view has the
// focus and nothing is selected. It does not blink: a blinking caret
// would keep redrawing the window, and a screen that never settles.
func (r *renderer) drawCaret(f *frame) {
	v := r.v
	if !v.focused || v.anchor != v.caret || v.caret < f.a || v.caret > f.b {
		return // not laying out the text up to a caret out of view
	}
	li := f.l.lineOf(v.caret)
	if li < f.first || li > f.last {
		return
	}
	x := min(f.l.x(li, v.caret), f.l.width)
	pos := fyne.NewPos(f.ox+x-caretWidth/2, r.lineTop(f, li))
	r.rect(f.color(theme.ColorNameForeground), nil, 0, pos, fyne.NewSize(caretWidth, v.metrics.textHeight))
}

// drawText draws the lines in view, one text object for each stretch of
// a line between tabs.
func (r *renderer) drawText(f *frame) {
	m := &r.v.metrics
	fg := f.color(theme.ColorNameForeground)
	for li := f.first; li <= f.last; li++ {
		ln := f.l.lines[li]
		s := f.l.text[ln.bstart:ln.bend]
		cp := int(ln.start)
		for s != "" {
			piece := s
			if i := strings.IndexByte(s, '\t'); i >= 0 {
				piece, s = s[:i], s[i+1:]
			} else {
				s = ""
			}
			n := utf8.RuneCountInString(piece)
			if strings.TrimLeft(piece, " ") != "" {
				x0 := f.l.x(li, cp)
				t := r.texts.next()
				t.Text, t.Color, t.TextSize = piece, fg, m.textSize
				t.Move(fyne.NewPos(f.ox+x0, r.lineTop(f, li)))
				t.Resize(fyne.NewSize(f.l.x(li, cp+n)-x0, m.textHeight))
				r.objects = append(r.objects, t)
			}
			cp += n + 1 // the piece and its tab
		}
	}
}

func (r *renderer) drawScrollBar(f *frame) {
	v := r.v
	size := v.Size()
	contentH := f.l.height() + 2*v.metrics.pad
	if contentH <= size.Height {
		return
	}
	w := f.th.Size(theme.SizeNameScrollBarSmall)
	if v.hover.bar || v.press.bar {
		w = f.th.Size(theme.SizeNameScrollBar)
	}
	y, h := thumb(size.Height, contentH, v.scrollY)
	rc := r.rects.next()
	rc.FillColor, rc.StrokeColor, rc.StrokeWidth = f.color(theme.ColorNameScrollBar), nil, 0
	rc.CornerRadius = f.th.Size(theme.SizeNameScrollBarRadius)
	rc.Move(fyne.NewPos(size.Width-w-2, y))
	rc.Resize(fyne.NewSize(w, h))
	r.objects = append(r.objects, rc)
}

// drawTooltip draws the tooltip, if one is showing, clear of the spans
// it explains (see tipPlace), wrapped and cut to fit inside the view.
func (r *renderer) drawTooltip(f *frame) {
	v := r.v
	tip := v.hover.tip
	if tip == "" {
		return
	}
	size := f.th.Size(theme.SizeNameText)
	pad := f.th.Size(theme.SizeNamePadding)
	measure := func(s string) fyne.Size { return fyne.MeasureText(s, size, fyne.TextStyle{}) }
	lh := measure("Mg").Height
	lines := wrapTip(strings.Split(tip, "\n"), v.Size().Width-2*pad, int((v.Size().Height-2*pad)/lh),
		func(s string) float32 { return measure(s).Width })
	var w float32
	for _, s := range lines {
		w = max(w, measure(s).Width)
	}
	box := fyne.NewSize(w+2*pad, lh*float32(len(lines))+2*pad)
	top, bottom, ok := r.tipBand(f)
	if !ok {
		top, bottom = v.hover.tipAt.Y, v.hover.tipAt.Y
	}
	pos := tipPlace(box, v.Size(), v.hover.tipAt, top, bottom)
	r.rect(f.color(theme.ColorNameOverlayBackground), f.color(theme.ColorNameInputBorder), 1, pos, box)
	fg := f.color(theme.ColorNameForeground)
	for i, s := range lines {
		t := r.texts.next()
		t.Text, t.Color, t.TextSize = s, fg, size
		t.Move(pos.AddXY(pad, pad+float32(i)*lh))
		t.Resize(fyne.NewSize(w, lh))
		r.objects = append(r.objects, t)
	}
}
