package suggest

import (
	"slices"

	"spanmark/annotate"
)

// inStep is how many bytes SuggestIn first reads on each side of its
// range, doubled on a side until it holds the tokens the walk needs.
const inStep = 64

// SuggestIn returns the suggestions of d that Open(d, minScore).In(nil,
// a, b) would return, the ones overlapping the code points [a, b), from
// the text around the range only: it tokenizes and matches a screenful,
// not the whole document. d's annotations must be in the index, as for
// Open. It only reads the index, as Suggest does.
func (x *Index) SuggestIn(d *annotate.DocumentData, a, b int, minScore float64) []annotate.Suggestion {
	return x.Range(d, annotate.NewIndex(d.Document.Text), a, b, minScore).In(nil, a, b)
}

// Range holds the suggestions of a part of a document, as SuggestIn
// computes them, to answer for any range inside it as Doc.In would: the
// app draws the lines in view from it while Open runs. It holds nothing
// of the index, so the index may change (Open numbers words) meanwhile.
type Range struct {
	a, b int
	toks []tok                 // the tokens around [a, b)
	ss   []annotate.Suggestion // by the token they start at, as walkIn finds them
	at   []int                 // the index in toks of the token each of ss starts at
}

// Range computes the suggestions of d whose score reaches minScore that
// overlap [a, b), from the text around it only, as SuggestIn. ix is the
// index of d's text (annotate.NewIndex), which a caller that shows the
// text has already: making it walks the whole text, a third of the cost
// of a Range of a screenful of a 1 MB document.
func (x *Index) Range(d *annotate.DocumentData, ix *annotate.Index, a, b int, minScore float64) *Range {
	b = max(a, b)
	w := x.window(d.Document.Text, ix, a, b)
	r := &Range{a: a, b: b, toks: w.toks}
	if len(w.toks) == 0 {
		return r
	}
	lo, hi := w.toks[0].start, w.toks[len(w.toks)-1].end
	var near []annotate.Annotation
	// An annotation containing a span of the part overlaps the part.
	for _, an := range d.Annotations {
		if an.End > lo && an.Start < hi {
			near = append(near, an)
		}
	}
	c := newCover(near)
	x.walkIn(&w, x.ids(&w, false, nil), a, b, minScore, func(i int, p *pattern, span [2]int) {
		k := len(r.ss)
		r.ss = x.suggestAt(r.ss, d.Document.ID, occurrence{p: p, start: span[0], end: span[1]}, c, minScore)
		slices.SortFunc(r.ss[k:], annotate.CompareSuggestions)
		for range len(r.ss) - k {
			r.at = append(r.at, i)
		}
	})
	return r
}

// Contains reports whether [a, b) lies within the range r was made for,
// where In answers as Doc.In.
func (r *Range) Contains(a, b int) bool { return r.a <= a && b <= r.b }

// In appends to dst the suggestions overlapping [a, b), which must lie
// within r (Contains), exactly as Doc.In would, and returns the extended
// slice.
func (r *Range) In(dst []annotate.Suggestion, a, b int) []annotate.Suggestion {
	from := len(dst)
	w := words{toks: r.toks}
	first := max(0, w.firstFrom(a)-inReach)
	for k, s := range r.ss {
		if r.at[k] >= first && s.Start < b && s.End > a {
			dst = append(dst, s)
		}
	}
	return finishIn(dst, from)
}

// window returns the tokens of the part of text (whose index is ix) that
// inRange walks for [a, b), with code point offsets into the whole text:
// inReach tokens
// before a's and maxTok after the last token starting before b, or up to
// the text's ends. The part is cut next to an ASCII space or line break,
// where the whole text's tokenization also breaks (a token never holds
// white space, and what follows white space is tokenized as if the text
// began there), so its tokens are exactly the whole text's.
func (x *Index) window(text string, ix *annotate.Index, a, b int) words {
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
