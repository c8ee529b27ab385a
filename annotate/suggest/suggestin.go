package suggest

import (
	"spanmark/annotate"
)

// inStep is how many bytes SuggestIn first reads on each side of its
// range, doubled on a side until it holds the tokens the walk needs.
const inStep = 64

// SuggestIn returns the suggestions of d that Open(d, minScore).In(nil,
// a, b) would return, the ones overlapping the code points [a, b), from
// the text around the range only: it tokenizes and matches a screenful,
// not the whole document, so that the app can draw the suggestions of
// the lines shown while Open runs. d's annotations must be in the index,
// as for Open. It only reads the index, as Suggest does.
func (x *Index) SuggestIn(d *annotate.DocumentData, a, b int, minScore float64) []annotate.Suggestion {
	w := x.window(d.Document.Text, a, b)
	if len(w.toks) == 0 {
		return nil
	}
	lo, hi := w.toks[0].start, w.toks[len(w.toks)-1].end
	var near []annotate.Annotation
	// An annotation containing a span of the window overlaps the window.
	for _, an := range d.Annotations {
		if an.End > lo && an.Start < hi {
			near = append(near, an)
		}
	}
	c := newCover(near)
	return x.inRange(nil, &w, x.ids(&w, false, nil), a, b, minScore,
		func(dst []annotate.Suggestion, p *pattern, span [2]int) []annotate.Suggestion {
			return x.suggestAt(dst, d.Document.ID, occurrence{p: p, start: span[0], end: span[1]}, c, minScore)
		})
}

// window returns the tokens of the part of text that inRange walks for
// [a, b), with code point offsets into the whole text: inReach tokens
// before a's and maxTok after the last token starting before b, or up to
// the text's ends. The part is cut next to an ASCII space or line break,
// where the whole text's tokenization also breaks (a token never holds
// white space, and what follows white space is tokenized as if the text
// began there), so its tokens are exactly the whole text's.
func (x *Index) window(text string, a, b int) words {
	ix := annotate.NewIndex(text)
	ab, bb := ix.ByteOffset(a), ix.ByteOffset(max(a, b))
	back, ahead := inStep, inStep
	for {
		lo, hi := cutBefore(text, ab-back), cutAfter(text, bb+ahead)
		w := newWords(text[lo:hi])
		shift := ix.CodePoint(lo)
		for i := range w.toks {
			w.toks[i].start += shift
			w.toks[i].end += shift
		}
		enoughBack := lo == 0 || w.firstFrom(a) >= inReach
		// The last token starting before b, and the maxTok after it.
		last := w.firstStartingFrom(b) - 1
		enoughAhead := hi == len(text) || len(w.toks) >= last+1+x.maxTok
		if enoughBack && enoughAhead {
			return w
		}
		if !enoughBack {
			back *= 2
		}
		if !enoughAhead {
			ahead *= 2
		}
	}
}

// cutBefore returns the greatest byte offset at or before i that follows
// an ASCII space or line break, or 0.
func cutBefore(text string, i int) int {
	i = max(0, min(i, len(text)))
	for i > 0 && !isASCIISpace(text[i-1]) {
		i--
	}
	return i
}

// cutAfter returns the least byte offset at or after i that precedes an
// ASCII space or line break, or len(text).
func cutAfter(text string, i int) int {
	i = max(0, min(i, len(text)))
	for i < len(text) && !isASCIISpace(text[i]) {
		i++
	}
	return i
}

// isASCIISpace reports whether c is a space or a line break: white
// space to annotate.Tokenize, and never a byte of a longer UTF-8
// sequence.
func isASCIISpace(c byte) bool { return c == ' ' || c == '\n' }

// firstStartingFrom returns the index of the first token that starts at
// or after code point cp.
func (w *words) firstStartingFrom(cp int) int {
	lo, hi := 0, len(w.toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if w.toks[m].start < cp {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
