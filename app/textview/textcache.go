package textview

import "spanmark/annotate"

// shownText is what the view derives from a text: its code points, its
// words and its layout. The view keeps the one of the text it showed
// before the current one, so that going back to it (a person switching
// between two documents) neither converts nor lays out a long text again.
type shownText struct {
	text   string
	runes  []rune
	tokens []annotate.Token
	lay    *layout
}

// takeText makes text the view's, with what was derived from it if it is
// the text shown before, and keeps what was derived from the text it
// replaces. The text shown now, given again, starts afresh, as callers
// that show a text again expect. A kept layout of another width or font is made again, as
// any layout is (View.layout).
func (v *View) takeText(text string) {
	cur := shownText{text: v.text, runes: v.runes, tokens: v.tokens, lay: v.lay}
	if v.prev.runes != nil && text == v.prev.text {
		v.text, v.runes, v.tokens, v.lay = v.prev.text, v.prev.runes, v.prev.tokens, v.prev.lay
	} else {
		v.text, v.runes, v.tokens, v.lay = text, []rune(text), nil, nil
	}
	v.prev = cur
}
