package textview

import "time"

// Laying out a long text takes tens of milliseconds (a megabyte is about
// 20,000 lines), more than a frame. So a layout is made as far as it is
// looked at: the first screen when the text is shown, further when the
// view scrolls, jumps or hit-tests there, and the rest in pieces on the
// Fyne goroutine between frames (View.layoutRest). What is drawn is always
// laid out: only the height is estimated until the end is reached.

// stepBytes is how much text laying out takes on at a time: about a
// screenful, so that a lookup lays out little more than it needs.
const stepBytes = 2 << 10

// pieceTime is how long one piece of the rest may take: short beside a
// frame. Measuring words the text has not used yet is most of the cost
// (fyne.MeasureText shapes each with HarfBuzz, tens of microseconds
// with the GL driver), so a piece is bounded in time, not in bytes.
const pieceTime = 3 * time.Millisecond

// firstTime is how long the first frame of a layout goes on laying out
// after what it shows: enough for a text of some pages whose words are
// measured already, which is then done at once, so that its scroll bar
// does not change a moment later (a resize, a document seen before).
const firstTime = 8 * time.Millisecond

// restDelay is how long after a layout starts the view goes on with the
// rest: long enough for the first frame to be drawn first.
const restDelay = 30 * time.Millisecond

// done reports whether all of the text is laid out.
func (l *layout) done() bool { return l.rest == nil }

// extend lays out about n more bytes of the text.
func (l *layout) extend(n int) {
	b := l.rest
	if b == nil {
		return
	}
	if b.breakUntil(l.text, b.i+n) {
		l.lines, l.runs, l.rest = b.lines, b.runs, nil
		return
	}
	l.sync()
}

// sync takes the breaker's complete lines: all but the one it is filling.
func (l *layout) sync() {
	b := l.rest
	open := len(b.lines) - 1
	l.lines, l.runs = b.lines[:open], b.runs[:b.lines[open].run]
}

// extendFor lays out for about d, or until the end.
func (l *layout) extendFor(d time.Duration) {
	for start := time.Now(); !l.done() && time.Since(start) < d; {
		l.extend(stepBytes)
	}
}

// toLine lays out until line li is complete or the text ends.
func (l *layout) toLine(li int) {
	for !l.done() && len(l.lines) <= li {
		l.extend(stepBytes)
	}
}

// toOffset lays out until the line that holds offset is complete.
func (l *layout) toOffset(offset int) {
	for !l.done() && l.laidTo() <= offset {
		l.extend(stepBytes)
	}
}

// toEnd lays out the rest of the text.
func (l *layout) toEnd() {
	for !l.done() {
		l.extend(len(l.text))
	}
}

// laidTo returns the offset where the text not laid out yet starts.
func (l *layout) laidTo() int {
	if l.done() {
		return len(l.runes)
	}
	return int(l.rest.lines[len(l.rest.lines)-1].start)
}

// height is the height of the laid out text. Until the end is laid out it
// is an estimate: the lines so far, and as many more for the code points
// left as the text so far needed per code point, at least one.
func (l *layout) height() float32 {
	n := float32(len(l.lines))
	if !l.done() {
		laid, left := l.laidTo(), len(l.runes)-l.laidTo()
		more := float32(1)
		if laid > 0 {
			more = max(1, n*float32(left)/float32(laid))
		}
		n += more
	}
	return n * l.lineHeight
}

// layoutRest lays out the rest of l a piece at a time on the Fyne
// goroutine, each piece a separate call, so that frames and input are
// served in between. It stops when l is no longer the view's layout (the
// text or the width changed: a new layoutRest has started for the new
// one), and redraws when done, for the scroll bar's exact height.
func (v *View) layoutRest(l *layout, delay time.Duration) {
	v.after(delay, func() {
		if v.lay != l || l.done() {
			return
		}
		l.extendFor(pieceTime)
		if l.done() {
			v.Refresh()
			return
		}
		v.layoutRest(l, 0)
	})
}
