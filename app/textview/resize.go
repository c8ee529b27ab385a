package textview

import "spanmark/annotate"

// canResize reports whether Shift+←/→ resize the active span rather than
// extend the selection: a span is active and the app listens.
func (v *View) canResize() bool {
	return v.OnResize != nil && len(v.activeSpan) > 0
}

// resizeActive asks OnResize to move the active span's end (its start if
// head) a step forward or back: a word, or a character if exact. A step
// that would empty the span or leave the text asks nothing.
func (v *View) resizeActive(head, forward, exact bool) {
	s := v.activeSpan[0]
	start, end, ok := resizeStep(v.words(), v.runes, s.Start, s.End, head, forward, exact)
	if !ok {
		return
	}
	if head {
		v.keepInView(start)
	} else {
		v.keepInView(end)
	}
	v.OnResize(s.ID, start, end)
}

// resizeStep returns [start, end) with one edge moved a step: the end, or
// the start if head, forward or back by a word (to the next word's end or
// the previous word's end for the end, to the previous word's start or
// the next word's start for the start, as the mouse snaps to the
// tokenizer's words) or, if exact, by a character. It reports false when
// the edge cannot move: the range would be empty or leave the text.
func resizeStep(tokens []annotate.Token, runes []rune, start, end int, head, forward, exact bool) (int, int, bool) {
	edge := end
	if head {
		edge = start
	}
	var to int
	switch {
	case exact && forward:
		to = boundaryAfter(runes, edge)
	case exact:
		to = boundaryAtOrBefore(runes, max(edge-1, 0))
	case head && forward:
		to = nextWordStart(tokens, edge, end)
	case head:
		to = prevWordStart(tokens, edge)
	case forward:
		to = nextWordEnd(tokens, edge)
	default:
		to = prevWordEnd(tokens, edge, start)
	}
	if head {
		return to, end, to != edge && to < end
	}
	return start, to, to != edge && to > start
}
