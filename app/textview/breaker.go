package textview

import "unicode/utf8"

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
