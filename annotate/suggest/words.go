package suggest

import (
	"unicode/utf8"

	"spanmark/annotate"
)

// tok is one token of a text, in code points (start, end) and in bytes
// (b0, b1), so that its string is cut without converting offsets again.
type tok struct {
	start, end int
	b0, b1     int
}

// words is a text with its tokens.
type words struct {
	text string
	toks []tok
}

// newWords tokenizes text (annotate.Tokenize) and finds each token's
// bytes in one walk over the text.
func newWords(text string) words {
	cps := annotate.Tokenize(text)
	w := words{text: text, toks: make([]tok, len(cps))}
	cp, b := 0, 0
	// advance moves cp and b up to code point target. An invalid byte is
	// one code point, as utf8.DecodeRuneInString counts it.
	advance := func(target int) {
		for cp < target {
			if text[b] < utf8.RuneSelf {
				b++
			} else {
				_, size := utf8.DecodeRuneInString(text[b:])
				b += size
			}
			cp++
		}
	}
	for i, t := range cps {
		advance(t.Start)
		b0 := b
		advance(t.End)
		w.toks[i] = tok{start: t.Start, end: t.End, b0: b0, b1: b}
	}
	return w
}

// word returns token i's string.
func (w *words) word(i int) string { return w.text[w.toks[i].b0:w.toks[i].b1] }

// span returns the string from token i's start to token j's end.
func (w *words) span(i, j int) string { return w.text[w.toks[i].b0:w.toks[j].b1] }

// firstFrom returns the index of the first token that ends after code
// point cp.
func (w *words) firstFrom(cp int) int {
	lo, hi := 0, len(w.toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if w.toks[m].end <= cp {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
