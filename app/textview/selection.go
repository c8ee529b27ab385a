package textview

import (
	"sort"

	"spanmark/annotate"
)

// dragSelection returns the selection for a drag from offset from to
// offset to as (anchor, caret): whole tokens unless exact, the anchor on
// the side the drag started from.
func dragSelection(tokens []annotate.Token, from, to int, exact bool) (anchor, caret int) {
	lo, hi := min(from, to), max(from, to)
	if !exact {
		lo, hi = annotate.SnapToTokens(tokens, lo, hi)
	}
	if to < from {
		return hi, lo
	}
	return lo, hi
}

// nextWordEnd returns the end of the first token that ends after offset,
// or n if there is none.
func nextWordEnd(tokens []annotate.Token, offset, n int) int {
	i := sort.Search(len(tokens), func(i int) bool { return tokens[i].End > offset })
	if i == len(tokens) {
		return n
	}
	return tokens[i].End
}

// prevWordStart returns the start of the last token that starts before
// offset, or 0 if there is none.
func prevWordStart(tokens []annotate.Token, offset int) int {
	i := sort.Search(len(tokens), func(i int) bool { return tokens[i].Start >= offset }) - 1
	if i < 0 {
		return 0
	}
	return tokens[i].Start
}

// snapOut moves offset out of the token it is inside of: to the token's
// end when moving forward, to its start when moving back.
func snapOut(tokens []annotate.Token, offset int, forward bool) int {
	t, ok := annotate.WordAt(tokens, offset)
	if !ok || t.Start == offset {
		return offset
	}
	if forward {
		return t.End
	}
	return t.Start
}

// userSelect sets the selection to anchor..caret, redraws and tells OnSelect.
func (v *View) userSelect(anchor, caret int) {
	v.anchor, v.caret = anchor, caret
	v.Refresh()
	if v.OnSelect != nil {
		v.OnSelect(v.Selection())
	}
}

// extendByWord moves the caret one word right (forward) or left, keeping
// the anchor.
func (v *View) extendByWord(forward bool) {
	v.snapAnchor(forward)
	caret := prevWordStart(v.words(), v.caret)
	if forward {
		caret = nextWordEnd(v.words(), v.caret, len(v.runes))
	}
	v.userSelect(v.anchor, caret)
	v.ScrollTo(caret)
}

// extendByLine moves the caret one line down (forward) or up, to the
// boundary nearest its x position there, then out of the word it lands
// in; past the first or last line it goes to the start or end of the
// text.
func (v *View) extendByLine(forward bool) {
	l := v.layout()
	if l == nil {
		return
	}
	v.snapAnchor(forward)
	li := l.lineOf(v.caret)
	x := l.x(li, v.caret)
	li--
	if forward {
		li += 2
	}
	l.toLine(li)
	var caret int
	switch {
	case li < 0:
		caret = 0
	case li >= len(l.lines):
		caret = len(v.runes)
	default:
		caret = snapOut(v.words(), l.offsetAt(x, (float32(li)+0.5)*l.lineHeight), forward)
	}
	v.userSelect(v.anchor, caret)
	v.ScrollTo(caret)
}

// snapAnchor starts a keyboard selection from a caret inside a word at
// the word's edge, so that, as with dragging, whole words are selected:
// its start when the selection will grow forward, its end when backward.
func (v *View) snapAnchor(forward bool) {
	if v.anchor == v.caret {
		v.anchor = snapOut(v.words(), v.anchor, !forward)
	}
}

// clearSelection collapses the selection to its caret.
func (v *View) clearSelection() {
	v.userSelect(v.caret, v.caret)
}

// words returns the text's tokens, made when first needed: a long text's
// take milliseconds, and showing the text does not need them.
func (v *View) words() []annotate.Token {
	if v.tokens == nil {
		v.tokens = annotate.Tokenize(v.text)
	}
	return v.tokens
}
