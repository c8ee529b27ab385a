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

// wordStep returns where Shift+→ (forward) or Shift+← moves the caret
// of the selection anchor..caret. While the caret is after the anchor,
// → grows the selection to the next word end and ← shrinks it to the
// previous word end; while it is before, ← grows it to the previous word
// start and → shrinks it to the next word start. A shrinking caret stops
// at the anchor, leaving the selection empty, rather than jump past it;
// the next step grows the selection the other way.
func wordStep(tokens []annotate.Token, anchor, caret int, forward bool) int {
	switch {
	case forward && caret < anchor:
		return nextWordStart(tokens, caret, anchor)
	case forward:
		return nextWordEnd(tokens, caret)
	case caret > anchor:
		return prevWordEnd(tokens, caret, anchor)
	}
	return prevWordStart(tokens, caret)
}

// wordSelection returns the selection anchor..caret made of whole tokens
// and without white space at either end, the anchor still on its side:
// what a keyboard extension leaves. A selection of white space only
// collapses to the caret.
func wordSelection(tokens []annotate.Token, anchor, caret int) (int, int) {
	lo, hi := min(anchor, caret), max(anchor, caret)
	first := sort.Search(len(tokens), func(i int) bool { return tokens[i].End > lo })
	if first == len(tokens) || tokens[first].Start >= hi {
		return caret, caret
	}
	lo, hi = annotate.SnapToTokens(tokens, lo, hi)
	if caret < anchor {
		return hi, lo
	}
	return lo, hi
}

// nextWordEnd returns the end of the first token that ends after offset,
// or offset if there is none.
func nextWordEnd(tokens []annotate.Token, offset int) int {
	i := sort.Search(len(tokens), func(i int) bool { return tokens[i].End > offset })
	if i == len(tokens) {
		return offset
	}
	return tokens[i].End
}

// prevWordStart returns the start of the last token that starts before
// offset, or offset if there is none.
func prevWordStart(tokens []annotate.Token, offset int) int {
	i := sort.Search(len(tokens), func(i int) bool { return tokens[i].Start >= offset }) - 1
	if i < 0 {
		return offset
	}
	return tokens[i].Start
}

// nextWordStart returns the start of the first token that starts after
// offset, or limit if that is sooner or there is none.
func nextWordStart(tokens []annotate.Token, offset, limit int) int {
	i := sort.Search(len(tokens), func(i int) bool { return tokens[i].Start > offset })
	if i == len(tokens) {
		return limit
	}
	return min(tokens[i].Start, limit)
}

// prevWordEnd returns the end of the last token that ends before offset,
// or limit if that is later or there is none.
func prevWordEnd(tokens []annotate.Token, offset, limit int) int {
	i := sort.Search(len(tokens), func(i int) bool { return tokens[i].End >= offset }) - 1
	if i < 0 {
		return limit
	}
	return max(tokens[i].End, limit)
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

// extendByWord moves the caret one word right (forward) or left, as
// wordStep says, keeping the anchor; the selection is then trimmed to
// whole words, so that it never starts or ends with white space.
func (v *View) extendByWord(forward bool) {
	v.extendTo(wordStep(v.words(), v.anchor, v.caret, forward))
}

// extendByLine moves the caret one line down (forward) or up, as
// lineStep does, then out of the word it lands in. The selection is then
// trimmed to whole words.
func (v *View) extendByLine(forward bool) {
	v.extendTo(snapOut(v.words(), v.lineStep(forward), forward))
}

// extendTo selects from the anchor to caret in whole words (see
// wordSelection) and scrolls the caret into view.
func (v *View) extendTo(caret int) {
	anchor, caret := wordSelection(v.words(), v.anchor, caret)
	v.userSelect(anchor, caret)
	v.ScrollTo(caret)
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
