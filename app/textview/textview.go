// Package textview is Spanmark's article view: a read-only Fyne widget
// that shows a text word-wrapped, draws coloured annotation spans over it
// and lets a person select text with the mouse and the keyboard.
//
// Offsets in its API are Unicode code points, half-open [start, end), as
// in package annotate. The view knows nothing of annotations or labels:
// the app gives it text and spans and listens to its callbacks.
//
// The view lays the text out once per width (layout.go), keeps hit testing
// and range geometry pure (hittest.go), finds the spans in view through an
// interval index (spans.go) and draws only the lines in view with pooled
// canvas objects (renderer.go). It scrolls itself and draws its own scroll
// bar, so it must not be put inside a container.Scroll. Like every Fyne
// widget it must be used from the Fyne goroutine (fyne.Do elsewhere).
package textview

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

var (
	_ fyne.Widget         = (*View)(nil)
	_ fyne.Focusable      = (*View)(nil)
	_ fyne.Tappable       = (*View)(nil)
	_ fyne.DoubleTappable = (*View)(nil)
	_ fyne.Draggable      = (*View)(nil)
	_ fyne.Scrollable     = (*View)(nil)
	_ fyne.Shortcutable   = (*View)(nil)
	_ desktop.Mouseable   = (*View)(nil)
	_ desktop.Hoverable   = (*View)(nil)
	_ desktop.Cursorable  = (*View)(nil)
	_ desktop.Keyable     = (*View)(nil)
)

// View shows a text with coloured spans and a selection. Create it with
// New.
type View struct {
	widget.BaseWidget

	// OnSelect is called when a gesture of the user has changed the
	// selection: the end of a drag, a double click, a click on plain text
	// (start == end: the selection was cleared and the caret is there),
	// Shift+arrows, Esc, Select All. SetSelection does not call it.
	OnSelect func(start, end int)
	// OnSpanTap is called on a click on spans, with the ids of all spans
	// that cover the clicked character, ordered by start ascending, then
	// end descending, and the character's offset. The selection is left
	// as it is.
	OnSpanTap func(ids []string, offset int)
	// OnRune is called with the runes typed while the view has the focus.
	OnRune func(r rune)
	// OnKey is called with keys typed while the view has the focus, after
	// the view has taken Shift+arrows (which extend the selection) and
	// seen Esc (which clears it and is passed on). It returns whether it
	// handled the key; if not, the view scrolls on arrows, Page Up/Down,
	// Home and End.
	OnKey func(ev *fyne.KeyEvent) bool
	// OnHover is called when the set of spans under the pointer changes,
	// with their ids (ordered as for OnSpanTap) and the offset of the
	// character under the pointer; ids is nil and offset -1 when the
	// pointer leaves the spans or the view.
	OnHover func(ids []string, offset int)
	// Tooltip returns the text shown near the pointer after it has rested
	// on the character at offset for a moment; "" shows none.
	Tooltip func(offset int) string

	text    string
	runes   []rune
	tokens  []annotate.Token
	spans   *spanIndex
	marks   *spanIndex
	active  string
	related []string // ids of spans linked to the one under the pointer
	// The spans active and related name, looked up when either or the
	// spans change, so that drawing a frame needs no look-up.
	activeSpan   []Span
	relatedSpans []Span
	scale        float32

	anchor, caret int // the selection is between them; anchor == caret: none

	metrics metrics
	meas    *measurer
	lay     *layout
	resting *layout // the layout layoutRest is going on with
	// firstTime is how long a new layout goes on after the first screen
	// before the rest is left to layoutRest (tests set 0).
	firstTime time.Duration
	scrollY   float32
	pending   int // offset to scroll to once laid out; -1 none

	press      press
	dragging   bool
	buttonDown bool // MouseDown saw the primary button go down, MouseUp not yet up
	dragged    bool // a drag started by MouseDown ended, and no press came since
	dragPos    fyne.Position
	autoscroll timer
	shift      bool // a Shift key is down

	hover hover

	// after runs f on the Fyne goroutine after d and returns a function
	// that cancels it (see SetClock).
	after func(d time.Duration, f func()) (cancel func())
}

// New returns an empty view.
func New() *View {
	v := &View{scale: 1, pending: -1, after: afterFunc, firstTime: firstTime}
	v.spans = newSpanIndex(nil)
	v.marks = newSpanIndex(nil)
	v.hover.char = -1
	v.ExtendBaseWidget(v)
	return v
}

// SetClock replaces how the view runs work later (the tooltip's delay,
// autoscrolling during a drag, laying out the rest of a long text): after
// must run f on the Fyne goroutine once d has passed and return a
// function that cancels it. By default it is a timer and fyne.Do. Fyne's
// test driver runs fyne.Do's function at once on the calling goroutine,
// so tests give the view a clock they advance themselves.
func (v *View) SetClock(after func(d time.Duration, f func()) (cancel func())) {
	v.after = after
}

// CreateRenderer is a private method to Fyne which links this widget to
// its renderer.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return newRenderer(v)
}

// SetText shows text from its start, with no selection. It also clears
// the spans, the marks and the active span, which belong to the old text.
func (v *View) SetText(text string) {
	v.text = text
	v.runes = []rune(text)
	v.tokens = nil
	v.spans = newSpanIndex(nil)
	v.marks = newSpanIndex(nil)
	v.active, v.related = "", nil
	v.resolve()
	v.anchor, v.caret = 0, 0
	v.scrollY, v.pending = 0, -1
	v.lay = nil
	v.endDrag()
	v.hover.reset()
	v.Refresh()
}

// Text returns the text shown.
func (v *View) Text() string {
	return v.text
}

// SetSpans replaces all spans. Empty spans are not drawn; spans are
// clipped to the text.
func (v *View) SetSpans(spans []Span) {
	v.spans = newSpanIndex(spans)
	v.resolve()
	v.Refresh()
}

// UpdateSpans changes some spans and keeps the rest: spans whose ids are
// in remove, or are the ids of spans in put, go; the spans in put come in.
// It costs a binary search and a copy per span, not a sort of them all,
// so an edit in a document with tens of thousands of spans stays cheap.
func (v *View) UpdateSpans(put []Span, remove []string) {
	v.spans.update(put, remove)
	v.resolve()
	v.Refresh()
}

// resolve finds the spans that active and related name.
func (v *View) resolve() {
	v.activeSpan = v.activeSpan[:0]
	if i, ok := v.spans.find(v.active); ok {
		v.activeSpan = append(v.activeSpan, v.spans.span(i))
	}
	v.relatedSpans = v.relatedSpans[:0]
	for _, id := range v.related {
		if i, ok := v.spans.find(id); ok {
			v.relatedSpans = append(v.relatedSpans, v.spans.span(i))
		}
	}
}

// SetSelection selects [start, end), clamped to the text; start == end
// clears the selection and puts the caret there. It does not call
// OnSelect.
func (v *View) SetSelection(start, end int) {
	n := len(v.runes)
	start, end = max(0, min(start, n)), max(0, min(end, n))
	v.anchor, v.caret = min(start, end), max(start, end)
	v.Refresh()
}

// Selection returns the selected range; start == end when nothing is
// selected (then it is the caret).
func (v *View) Selection() (start, end int) {
	return min(v.anchor, v.caret), max(v.anchor, v.caret)
}

// SetActive outlines the span with the given id, the one the app has
// selected; "" outlines none.
func (v *View) SetActive(id string) {
	v.active = id
	v.resolve()
	v.Refresh()
}

// SetRelated outlines the spans with the given ids in their own colours,
// to show what the annotation under the pointer is linked to; nil clears.
func (v *View) SetRelated(ids []string) {
	if slices.Equal(ids, v.related) {
		return
	}
	v.related = slices.Clone(ids)
	v.resolve()
	v.Refresh()
}

// SetMarks highlights the ranges [r[0], r[1]), for example the matches of
// a search.
func (v *View) SetMarks(ranges [][2]int) {
	marks := make([]Span, len(ranges))
	for i, r := range ranges {
		marks[i] = Span{Start: r[0], End: r[1]}
	}
	v.marks = newSpanIndex(marks)
	v.Refresh()
}

// ScrollTo scrolls so that offset is in view: it does nothing if the line
// of offset is already in view, else it brings that line to about a third
// of the height. Before the view has a size it waits for one.
func (v *View) ScrollTo(offset int) {
	v.pending = offset
	if v.layout() != nil {
		v.Refresh()
	}
}

// reveal scrolls l's line of offset into view, as ScrollTo describes.
func (v *View) reveal(l *layout, offset int) {
	y := float32(l.lineOf(offset)) * l.lineHeight
	top := y + v.metrics.pad - v.scrollY
	if top >= 0 && top+l.lineHeight <= v.Size().Height {
		return
	}
	v.scrollTo(y - v.Size().Height/3)
}

// SetTextScale sets the zoom: text is drawn at the theme's text size
// times f. Values of f that are not positive mean 1.
func (v *View) SetTextScale(f float32) {
	if f <= 0 {
		f = 1
	}
	v.scale = f
	v.Refresh()
}

// OffsetAt returns the boundary between characters nearest to pos (in
// the view's coordinates): 0 above the text, the text's length below it,
// a line's start left of it and its end right of it.
func (v *View) OffsetAt(pos fyne.Position) int {
	l := v.layout()
	if l == nil {
		return 0
	}
	p := v.toText(pos)
	return l.offsetAt(p.X, p.Y)
}

// PositionOf returns the middle of the character at offset, in the view's
// coordinates, and whether that character is in view.
func (v *View) PositionOf(offset int) (fyne.Position, bool) {
	l := v.layout()
	if l == nil || offset < 0 || offset >= len(v.runes) {
		return fyne.Position{}, false
	}
	li := l.lineOf(offset)
	x0, x1 := l.x(li, offset), l.x(li, offset+1)
	p := fyne.NewPos(v.metrics.pad+(x0+x1)/2, v.metrics.pad+(float32(li)+0.5)*l.lineHeight-v.scrollY)
	return p, p.Y >= 0 && p.Y <= v.Size().Height
}

// charAt returns the character at pos (in the view's coordinates), or
// false if there is none.
func (v *View) charAt(pos fyne.Position) (int, bool) {
	l := v.layout()
	if l == nil {
		return 0, false
	}
	p := v.toText(pos)
	return l.charAt(p.X, p.Y)
}

// toText converts a position in the view to the layout's coordinates.
func (v *View) toText(pos fyne.Position) fyne.Position {
	return fyne.NewPos(pos.X-v.metrics.pad, pos.Y-v.metrics.pad+v.scrollY)
}

// layout returns the layout for the view's current width, making it if
// the width, the text or the metrics changed; nil while the view has no
// room for text.
func (v *View) layout() *layout {
	v.syncMetrics()
	width := v.Size().Width - 2*v.metrics.pad
	if width <= 0 {
		return nil
	}
	if old := v.lay; old == nil || old.width != width || old.m != v.meas {
		v.lay = startLayout(v.text, v.runes, width, v.metrics.lineHeight, v.meas)
		if old != nil && v.scrollY > 0 {
			// Keep the line at the top in view across a resize or a zoom.
			top := old.lines[old.lineAt(v.scrollY-v.metrics.pad)].start
			v.scrollY = v.metrics.pad + float32(v.lay.lineOf(int(top)))*v.lay.lineHeight
		}
		v.scrollTo(v.scrollY)
	}
	if v.pending >= 0 {
		v.reveal(v.lay, v.pending)
		v.pending = -1
	}
	if !v.lay.done() && v.resting != v.lay {
		v.resting = v.lay
		if v.barMayChange() {
			v.lay.extendFor(v.firstTime)
		}
		if !v.lay.done() {
			v.layoutRest(v.lay, restDelay)
		}
	}
	return v.lay
}

// barMayChange reports whether the scroll bar's thumb could be drawn
// otherwise once the text is all laid out: whether the estimated height
// is short enough that the thumb is longer than its least length. A text
// of many pages has the shortest thumb whatever its exact height.
func (v *View) barMayChange() bool {
	h := v.Size().Height
	return v.lay.height() < 2*h*h/minThumb
}

// maxScroll returns how far the view can scroll down.
func (v *View) maxScroll() float32 {
	if v.lay == nil {
		return 0
	}
	return max(0, v.lay.height()+2*v.metrics.pad-v.Size().Height)
}

// scrollTo sets the scroll offset, clamped to the text, and lays the text
// out as far as the view then shows.
func (v *View) scrollTo(y float32) {
	if v.lay != nil {
		v.lay.toLine(int((y + v.Size().Height) / v.lay.lineHeight))
	}
	v.scrollY = max(0, min(y, v.maxScroll()))
}

func afterFunc(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}
