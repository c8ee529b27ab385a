package annotate

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Token is one word, punctuation mark or symbol of a text: the code points
// [Start, End).
type Token struct {
	Start, End int
}

// Tokenize splits text into tokens, in order. Drag-selection snaps to them
// and exporters that need words use them.
//
//   - A word is a run of letters, combining marks and digits (any Unicode
//     number). An apostrophe (' or ’), a hyphen (-, U+2010 or U+2011), a
//     soft hyphen or a zero-width (non-)joiner between two such characters
//     keeps the word whole: "Ukraine’s", "11-country", "don't".
//   - A number with a decimal point or thousands separators is one word:
//     "1.5", "6,000", "1,234.56". A point between two ASCII digits joins
//     them ("1.5", and so "1.2.3" and "10.30"); a comma joins only a group
//     of exactly three digits ("9,000,000"), so that a list written
//     "1,2,3" stays five tokens. A point or comma not followed by a digit
//     ends the number: "6,000." ends a sentence with a token ".".
//   - Every other character is a token of its own, except that an emoji
//     sequence stays one token: a character followed by combining marks
//     (which include the variation selectors and the keycap mark), skin
//     tone modifiers and tag characters, and joined by U+200D ZERO WIDTH
//     JOINER to further symbols, as in 👩‍🔬 or 👍🏽; and two regional
//     indicators, which make a flag, are one token.
//   - White space separates tokens and belongs to none, as do the invisible
//     characters that only separate or direct text: U+200B ZERO WIDTH
//     SPACE, U+FEFF, U+061C and the bidirectional marks and controls
//     (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
//
// Invalid UTF-8 bytes count one code point each, as in Index, and are
// tokens of their own.
func Tokenize(text string) []Token {
	t := tokenizer{text: text}
	return t.run()
}

// TokenizeRunes is Tokenize for a text held as runes; the offsets are
// indexes into r.
func TokenizeRunes(r []rune) []Token {
	// string(r) keeps one code point per rune, invalid runes becoming
	// U+FFFD, so the offsets are the same.
	return Tokenize(string(r))
}

// WordAt returns the token that contains code point offset, found by
// binary search in tokens as Tokenize returns them. It reports false when
// offset lies between tokens, in white space.
func WordAt(tokens []Token, offset int) (Token, bool) {
	i := sort.Search(len(tokens), func(i int) bool { return tokens[i].End > offset })
	if i < len(tokens) && tokens[i].Start <= offset {
		return tokens[i], true
	}
	return Token{}, false
}

// SnapToTokens returns the span from the start of the first token to the
// end of the last token that overlap [start, end), so that a drag
// selection covers whole words and leaves out the white space around them.
// An empty range, or one that overlaps no token, is returned unchanged.
func SnapToTokens(tokens []Token, start, end int) (int, int) {
	if start >= end {
		return start, end
	}
	first := sort.Search(len(tokens), func(i int) bool { return tokens[i].End > start })
	if first == len(tokens) || tokens[first].Start >= end {
		return start, end
	}
	last := sort.Search(len(tokens), func(i int) bool { return tokens[i].Start >= end }) - 1
	return tokens[first].Start, tokens[last].End
}

// eof is what tokenizer.peek returns at the end of the text.
const eof = -1

// zeroWidthJoiner joins the emoji of a ZWJ sequence.
const zeroWidthJoiner = '\u200D'

// tokenizer walks a text one code point at a time, keeping the byte and
// code point offsets of the next one.
type tokenizer struct {
	text string
	pos  int // byte offset of the next code point
	cp   int // code point offset of the next code point
}

func (t *tokenizer) run() []Token {
	// English prose averages four to five bytes a token, other scripts
	// more; enough capacity up front saves copying a growing slice.
	tokens := make([]Token, 0, len(t.text)/4+1)
	for {
		r, size := t.peek(t.pos)
		if size == 0 {
			return tokens
		}
		t.advance(size)
		if isSeparator(r) {
			continue
		}
		start := t.cp - 1
		if isWordRune(r) {
			t.word()
		} else {
			t.symbol(r)
		}
		tokens = append(tokens, Token{Start: start, End: t.cp})
	}
}

// peek decodes the code point at byte offset off; it returns eof and size
// 0 at the end of the text.
func (t *tokenizer) peek(off int) (rune, int) {
	if off >= len(t.text) {
		return eof, 0
	}
	if c := t.text[off]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.text[off:])
}

// advance moves past the code point of size bytes at t.pos.
func (t *tokenizer) advance(size int) {
	t.pos += size
	t.cp++
}

// word consumes the rest of a word whose first code point is consumed.
func (t *tokenizer) word() {
	for {
		// Most words are mostly ASCII: skip those bytes without decoding.
		for t.pos < len(t.text) && asciiWord[t.text[t.pos]] {
			t.pos++
			t.cp++
		}
		r, size := t.peek(t.pos)
		switch {
		case isWordRune(r):
			t.advance(size)
		case t.numberSeparator(r):
			t.advance(size)
		case isWordJoiner(r):
			next, nextSize := t.peek(t.pos + size)
			if !isWordRune(next) {
				return
			}
			t.advance(size)
			t.advance(nextSize)
		default:
			return
		}
	}
}

// numberSeparator reports whether r, the next code point, is a decimal
// point or thousands separator inside a number: a point after a digit
// and before one, or a comma after a digit and before a group of exactly
// three digits. It is called inside a word, so a code point precedes r.
func (t *tokenizer) numberSeparator(r rune) bool {
	if r != '.' && r != ',' || !isDigit(t.text[t.pos-1]) {
		return false
	}
	rest := t.text[t.pos+1:]
	if r == '.' {
		return len(rest) > 0 && isDigit(rest[0])
	}
	return len(rest) >= 3 && isDigit(rest[0]) && isDigit(rest[1]) && isDigit(rest[2]) &&
		(len(rest) == 3 || !isDigit(rest[3]))
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}

// symbol consumes the rest of a token that began with the code point r,
// which is not part of a word: the second half of a flag, and whatever
// extends an emoji.
func (t *tokenizer) symbol(r rune) {
	if isRegionalIndicator(r) {
		if next, size := t.peek(t.pos); isRegionalIndicator(next) {
			t.advance(size)
		}
	}
	for {
		r, size := t.peek(t.pos)
		switch {
		case isEmojiExtender(r):
			t.advance(size)
		case r == zeroWidthJoiner:
			next, nextSize := t.peek(t.pos + size)
			if !unicode.IsSymbol(next) {
				return
			}
			t.advance(size)
			t.advance(nextSize)
		default:
			return
		}
	}
}

// asciiWord tells, for each byte, whether it is an ASCII letter or digit.
var asciiWord = func() (a [256]bool) {
	for c := range a {
		a[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return a
}()

// isWordRune reports whether r is a letter, a combining mark or a digit.
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// isWordJoiner reports whether r keeps a word whole when it stands between
// two word characters.
func isWordJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '\u2010', '\u2011', '\u00AD', '\u200C', zeroWidthJoiner:
		return true
	}
	return false
}

// isSeparator reports whether r separates tokens and belongs to none.
func isSeparator(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	switch r {
	case '\u200B', '\uFEFF', '\u061C', '\u200E', '\u200F':
		return true
	}
	return unicode.IsSpace(r) || '\u202A' <= r && r <= '\u202E' || '\u2066' <= r && r <= '\u2069'
}

// isRegionalIndicator reports whether r is one of the letters that pair up
// into flags.
func isRegionalIndicator(r rune) bool {
	return '\U0001F1E6' <= r && r <= '\U0001F1FF'
}

// isEmojiExtender reports whether r continues the emoji before it: a
// combining mark (such as variation selector 16 or the keycap), a skin
// tone modifier, or a tag character (as in the flag of Scotland).
func isEmojiExtender(r rune) bool {
	return unicode.IsMark(r) || '\U0001F3FB' <= r && r <= '\U0001F3FF' || '\U000E0020' <= r && r <= '\U000E007F'
}
