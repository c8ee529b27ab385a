package textview

import (
	"unicode"
	"unicode/utf8"
)

// tabStops is how many space widths one tab stop is wide.
const tabStops = 4

// measurer measures strings in one font at one size. It caches the width
// of every distinct string it is asked about: a long article has a hundred
// thousand words but only a few thousand distinct ones, and measuring with
// Fyne costs over a microsecond a call.
type measurer struct {
	measure func(s string) float32
	widths  map[string]float32
	space   float32
	buf     []byte // scratch for widthOfRunes
}

func newMeasurer(measure func(s string) float32) *measurer {
	return &measurer{measure: measure, widths: make(map[string]float32), space: measure(" ")}
}

// width returns the advance of s.
func (m *measurer) width(s string) float32 {
	if w, ok := m.widths[s]; ok {
		return w
	}
	w := m.measure(s)
	m.widths[s] = w
	return w
}

// widthOfRunes returns the advance of rs, converting it to a string only
// when it is not in the cache yet.
func (m *measurer) widthOfRunes(rs []rune) float32 {
	m.buf = m.buf[:0]
	for _, r := range rs {
		m.buf = utf8.AppendRune(m.buf, r)
	}
	if w, ok := m.widths[string(m.buf)]; ok { // no allocation: the compiler sees the lookup
		return w
	}
	return m.width(string(m.buf))
}

// tabEnd returns where a tab that starts at x ends: the next tab stop.
func (m *measurer) tabEnd(x float32) float32 {
	stop := m.space * tabStops
	if stop <= 0 {
		return x
	}
	return (float32(int(x/stop)) + 1) * stop
}

// line is one row of wrapped text: the code points [start, end). A line
// that ends a paragraph excludes its newline; a line that wraps keeps the
// spaces at the wrap, so the next line starts at the next word.
type line struct {
	start, end   int32
	bstart, bend int32 // the same range in bytes of the text
	run          int32 // index of the line's first run in layout.runs
}

// run is a piece of a line measured as a whole: a word, a stretch of
// spaces, a tab or one ideograph. It ends where the next run of its line
// starts, or at the end of the line.
type run struct {
	start int32   // code point offset of its first rune
	x     float32 // left edge, relative to the start of the line
}

// layout is a text broken into lines for one width. Lines are lineHeight
// apart, so line i is at y = i*lineHeight. It is plain data with the text
// and the measurer it was made with, so that hit testing and range
// geometry (hittest.go) are pure functions of it.
//
// A layout may hold the first lines only: the view lays out what is on
// screen when a text is shown or the width changes, and the rest a piece
// at a time afterwards (lazy.go), so that the first paint of a long text
// costs what a short one does. lines and runs are always complete lines;
// the methods that look a line up lay out as far as they need first, so
// no caller sees a line that is not laid out.
type layout struct {
	text       string
	runes      []rune
	m          *measurer
	width      float32
	lineHeight float32
	lines      []line
	runs       []run
	rest       *breaker // where laying out goes on; nil once the text is all laid out
}

// layoutText breaks all of text into lines no wider than width: at spaces
// and tabs, around ideographs, and inside a word only when the word alone
// is wider than the line. Spaces at a wrap hang past the width. runes
// must be []rune(text); the layout keeps both, the string so that cache
// keys and drawn lines are substrings that cost no allocation.
func layoutText(text string, runes []rune, width, lineHeight float32, m *measurer) *layout {
	l := startLayout(text, runes, width, lineHeight, m)
	l.toEnd()
	return l
}

// startLayout returns a layout of text for width with no line laid out
// yet: its methods lay out as far as they are asked about.
func startLayout(text string, runes []rune, width, lineHeight float32, m *measurer) *layout {
	l := &layout{text: text, runes: runes, m: m, width: width, lineHeight: lineHeight}
	b := &breaker{m: m, width: width}
	b.lines = append(make([]line, 0, len(text)/64+1), line{})
	b.runs = make([]run, 0, len(text)/3+1)
	l.rest = b
	l.sync()
	return l
}

// breaker holds the state of laying out a text, which goes through it
// once, from the start, in as many steps as its layout asks for.
type breaker struct {
	m     *measurer
	width float32
	lines []line // the lines so far; the last is the one being filled
	runs  []run
	x     float32 // pen position on the current line
	cp, i int     // where the text not laid out yet starts: code point and byte
}

// breakUntil lays out text from where the breaker stands up to byte limit
// or a little past it (a word is not cut), and reports whether it reached
// the end of the text, which closes the last line.
func (b *breaker) breakUntil(text string, limit int) (done bool) {
	for b.i < len(text) && b.i < limit {
		b.step(text)
	}
	if b.i < len(text) {
		return false
	}
	b.endLine(b.cp, len(text))
	return true
}

// step lays out the next word, stretch of spaces, tab, newline or
// ideograph.
func (b *breaker) step(text string) {
	cp, i := b.cp, b.i
	r, size := utf8.DecodeRuneInString(text[i:])
	switch class := classify(r); class {
	case classNewline:
		b.endLine(cp, i)
		b.startLine(cp+1, i+size)
		b.cp, b.i = cp+1, i+size
	case classTab:
		b.add(cp)
		b.x = b.m.tabEnd(b.x)
		b.cp, b.i = cp+1, i+size
	case classSpace:
		j, n := scan(text, i, classSpace)
		b.add(cp)
		if n == j-i {
			b.x += float32(n) * b.m.space
		} else {
			b.x += b.m.width(text[i:j])
		}
		b.cp, b.i = cp+n, j
	case classIdeograph:
		b.word(text, cp, i, i+size, 1)
		b.cp, b.i = cp+1, i+size
	default:
		j, n := scan(text, i, classWord)
		b.word(text, cp, i, j, n)
		b.cp, b.i = cp+n, j
	}
}

// word places the word text[i:j], n code points starting at cp, wrapping
// before it if it does not fit and breaking it if it fits on no line.
func (b *breaker) word(text string, cp, i, j, n int) {
	w := b.m.width(text[i:j])
	if b.x+w > b.width && b.lineHasRuns() {
		b.endLine(cp, i)
		b.startLine(cp, i)
	}
	if w > b.width {
		b.longWord(text[i:j], cp, i)
		return
	}
	b.add(cp)
	b.x += w
}

// longWord breaks a word wider than the line into pieces that fit, at
// grapheme boundaries, at least one grapheme a line. It starts at the
// start of a line.
func (b *breaker) longWord(word string, cp, i int) {
	runes := []rune(word)
	offs := make([]int, 0, len(runes)+1) // byte offset of each rune in word
	for k := range word {
		offs = append(offs, k)
	}
	offs = append(offs, len(word))
	from := 0
	for {
		b.add(cp + from)
		rest := b.m.width(word[offs[from]:])
		to := len(runes)
		if rest > b.width {
			to = b.fit(word, runes, offs, from)
		}
		if to == len(runes) { // the rest fits, or is one grapheme
			b.x = rest
			return
		}
		b.endLine(cp+to, i+offs[to])
		b.startLine(cp+to, i+offs[to])
		from = to
	}
}

// fit returns the end of the longest piece of word starting at rune from
// that fits the width, ending at a grapheme boundary, at least one
// grapheme long.
func (b *breaker) fit(word string, runes []rune, offs []int, from int) int {
	lo, hi := from+1, len(runes) // the answer is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if b.m.width(word[offs[from]:offs[mid]]) <= b.width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	end := lo
	for end > from+1 && !isBoundary(runes, end) {
		end--
	}
	if end == from+1 {
		for end < len(runes) && !isBoundary(runes, end) {
			end++
		}
	}
	return end
}

func (b *breaker) lineHasRuns() bool {
	return len(b.runs) > int(b.lines[len(b.lines)-1].run)
}

func (b *breaker) add(cp int) {
	b.runs = append(b.runs, run{start: int32(cp), x: b.x})
}

func (b *breaker) endLine(cp, i int) {
	last := &b.lines[len(b.lines)-1]
	last.end, last.bend = int32(cp), int32(i)
}

func (b *breaker) startLine(cp, i int) {
	b.lines = append(b.lines, line{start: int32(cp), bstart: int32(i), run: int32(len(b.runs))})
	b.x = 0
}

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

// isBoundary reports whether a cursor may stand before runes[k]: not
// inside a grapheme cluster made of a base and combining marks, variation
// selectors, emoji modifiers or tags, a zero-width-joiner sequence, or a
// pair of regional indicators (a flag).
func isBoundary(runes []rune, k int) bool {
	if k <= 0 || k >= len(runes) {
		return true
	}
	r, prev := runes[k], runes[k-1]
	switch {
	case prev == '\u200d' || r == '\u200d':
		return false
	case unicode.Is(unicode.M, r):
		return false
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef: // variation selectors
		return false
	case r >= 0x1f3fb && r <= 0x1f3ff: // emoji skin tone modifiers
		return false
	case r >= 0xe0020 && r <= 0xe007f: // tag characters (subdivision flags)
		return false
	case isRegional(r) && isRegional(prev):
		n := 0 // regional indicators before k, paired from the start of their run
		for j := k - 1; j >= 0 && isRegional(runes[j]); j-- {
			n++
		}
		return n%2 == 0
	}
	return true
}

func isRegional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }
