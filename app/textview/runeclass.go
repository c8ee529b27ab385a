package textview

import (
	"unicode"
	"unicode/utf8"
)

// class is how the line breaker treats a rune.
type class uint8

const (
	classWord      class = iota // part of a word: no break inside
	classSpace                  // a breaking space
	classTab                    // a tab: advances to the next tab stop
	classNewline                // ends a paragraph
	classIdeograph              // Han, Hiragana, Katakana: a break is allowed on either side
)

func classify(r rune) class {
	if r < utf8.RuneSelf {
		switch {
		case r == '\n':
			return classNewline
		case r == '\t':
			return classTab
		case r == ' ' || r == '\v' || r == '\f' || r == '\r':
			return classSpace
		}
		return classWord
	}
	switch {
	case r == '\u00a0' || r == '\u2007' || r == '\u202f':
		return classWord // non-breaking spaces
	case unicode.IsSpace(r):
		return classSpace
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return classIdeograph
	}
	return classWord
}

// scan returns the byte offset where the run of runes of class c that
// starts at byte i ends, and how many runes it holds.
func scan(text string, i int, c class) (end, n int) {
	for end = i; end < len(text); n++ {
		r, size := utf8.DecodeRuneInString(text[end:])
		if classify(r) != c {
			break
		}
		end += size
	}
	return end, n
}
