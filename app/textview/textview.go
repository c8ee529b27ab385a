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
	// the view has taken Shift+arrows (which extend the selection or
	// resize the active span) and seen Esc (which clears it and is passed
	// on). It returns whether it handled the key; if not, arrows, Home and
	// End move the caret and Page Up/Down scroll.
	OnKey func(ev *fyne.KeyEvent) bool
	// OnAltRune is called with the lower-case letter of Alt+a…z while
	// the view has the focus, and returns whether it used it; if not, the
	// shortcut goes on to the window.
	OnAltRune func(r rune) bool
	// OnResize is called while a span is active when the keyboard asks to
	// move its end (Shift+←/→ by a word, Ctrl+Shift+←/→ by a character)
	// or its start (the same with Alt), with the span's id and the range
	// asked for. The view changes nothing itself: the app resizes its
	// annotation and sets the spans. Without OnResize those keys extend
	// the selection.
	OnResize func(id string, start, end int)
	// OnCaretKey, if set, is called instead of OnSelect when a key (an
	// arrow, Home or End, without Shift) has moved the caret and cleared
	// the selection, with the caret's offset: an app may treat moving
	// through the text otherwise than a click on it.
	OnCaretKey func(offset int)
	// OnHover is called when the set of spans under the pointer changes,
	// with their ids (ordered as for OnSpanTap) and the offset of the
	// character under the pointer; ids is nil and offset -1 when the
	// pointer leaves the spans or the view.
	OnHover func(ids []string, offset int)
	// OnSuggestionTap is called on a click on a suggestion that is the
	// innermost thing under the pointer (see SetSuggestions), with it,
	// instead of OnSpanTap.
	OnSuggestionTap func(s Span)
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
	links        []Link
	linkSpans    []linkSpans // the links' ends, looked up as active's are
	labels       bool        // tags with the spans' labels are drawn

	// suggIn finds the suggestions (see SetSuggestions); suggVersion
	// counts the times they changed; activeSugg is the selected one.
	suggIn      func(dst []Span, a, b int) []Span
	suggVersion int
	activeSugg  Span

	anchor, caret int // the selection is between them; anchor == caret: none

	metrics metrics
	meas    *measurer
	lay     *layout
	prev    shownText // the text shown before this one, kept (textcache.go)
	resting *layout   // the layout layoutRest is going on with
	// firstTime is how long a new layout goes on after the first screen
	// before the rest is left to layoutRest (tests set 0).
	firstTime time.Duration
	scrollY   float32
	pending   int  // offset to scroll to once laid out; -1 none
	pendTop   bool // pending goes to the top of the view (ScrollToTop), not into view

	press      press
	dragging   bool
	buttonDown bool // MouseDown saw the primary button go down, MouseUp not yet up
	dragged    bool // a drag started by MouseDown ended, and no press came since
	dragPos    fyne.Position
	autoscroll timer
	shift      bool // a Shift key is down
	focused    bool // the view has the keyboard focus: the caret shows
	altWatch   timer

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
// the spans, the marks, the suggestions, the active span and the links,
// which belong to the old text.
func (v *View) SetText(text string) {
	v.takeText(text)
	v.spans = newSpanIndex(nil)
	v.marks = newSpanIndex(nil)
	v.suggIn, v.activeSugg = nil, Span{}
	v.suggVersion++
	v.active, v.related, v.links = "", nil, nil
	v.resolve()
	v.anchor, v.caret = 0, 0
	v.scrollY, v.pending = 0, -1
	v.endDrag()
	v.hover.reset()
	v.Refresh()
}

// Text returns the text shown.
func (v *View) Text() string {
	return v.text
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

// SetTextScale sets the zoom: text is drawn at the theme's text size
// times f. Values of f that are not positive mean 1.
func (v *View) SetTextScale(f float32) {
	if f <= 0 {
		f = 1
	}
	v.scale = f
	v.Refresh()
}

func afterFunc(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}
