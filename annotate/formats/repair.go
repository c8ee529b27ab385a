package formats

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"spanmark/annotate"
)

// Other tools do not always count what their files say they count. A
// browser counts UTF-16 code units, so every offset after a character
// outside the BMP (an emoji) is one too high per such character; a tool
// that read a file with CRLF line ends counts either both characters or,
// having turned them into LF, one, while Spanmark keeps every text with LF
// line ends (annotate.NormalizeText). An anchor re-anchors such offsets.
//
// Where a format gives a span's text (Label Studio's value.text, brat's T
// text, W3C's TextQuoteSelector), the text decides: place tries the
// offsets as code points of the text as given, as UTF-16 units, as code
// points and as UTF-16 units of the text with LF line ends, comparing
// the quote exactly and then with white space left out (Label Studio
// saves the text of a span that crosses lines without the line breaks),
// and at last looks for the quote nearest the given offset. A span whose quote is
// found nowhere is not imported.
//
// Where a format gives offsets alone (doccano, spaCy), nothing can prove
// them right, and guessUnit can only tell the readings apart by what they
// point at: it picks, for each document, the reading under which the most
// spans start and end on token boundaries, preferring code points of the
// text as given on a tie. That works when the spans after the first emoji
// or CRLF are whole words under one reading and cut words under the other.
// It cannot tell when spans are not aligned to words anyway, or when no
// span lies after the first emoji or CRLF (and then the readings agree, so
// nothing is lost). Offsets beyond the text in code points but within it
// in UTF-16 units always choose UTF-16.

// offsetUnit is a way a tool may have counted offsets.
type offsetUnit int

// The ways to count, in the order they are tried.
const (
	unitCodePoints   offsetUnit = iota // code points of the text as given
	unitUTF16                          // UTF-16 code units of the text as given
	unitLFCodePoints                   // code points of the text with LF line ends
	unitLFUTF16                        // UTF-16 code units of the text with LF line ends
)

// String names the unit in notes and errors.
func (u offsetUnit) String() string {
	switch u {
	case unitUTF16:
		return "UTF-16 code units"
	case unitLFCodePoints:
		return "code points of the text with LF line ends"
	case unitLFUTF16:
		return "UTF-16 code units of the text with LF line ends"
	}
	return "code points"
}

// anchor maps offsets a tool wrote against a text, as its file gives the
// text, onto the text as Spanmark keeps it.
type anchor struct {
	raw, norm       string
	rawIdx, normIdx *annotate.Index
	// removed holds, ascending, the code point offsets in raw of what
	// normalising dropped: a leading byte order mark and the CR of each
	// CRLF. A lone CR becomes LF and moves nothing.
	removed []int
	tokens  []annotate.Token // of norm, made when guessUnit first needs them
}

// newAnchor normalises raw; name says where raw comes from in an error.
func newAnchor(name, raw string) (*anchor, error) {
	norm, err := annotate.NormalizeText(name, []byte(raw))
	if err != nil {
		return nil, err
	}
	a := &anchor{raw: raw, norm: norm, rawIdx: annotate.NewIndex(raw)}
	a.normIdx = a.rawIdx
	if norm != raw {
		a.normIdx = annotate.NewIndex(norm)
		a.removed = removedByNormalizing(raw)
	}
	if a.rawIdx.Len()-len(a.removed) != a.normIdx.Len() {
		return nil, fmt.Errorf("%s: line ends normalised unexpectedly: %d code points became %d",
			name, a.rawIdx.Len(), a.normIdx.Len())
	}
	return a, nil
}

// removedByNormalizing returns the code point offsets in raw that
// annotate.NormalizeText drops.
func removedByNormalizing(raw string) []int {
	var removed []int
	cp := 0
	for i, r := range raw {
		switch {
		case cp == 0 && r == '\uFEFF':
			removed = append(removed, cp)
		case r == '\r' && strings.HasPrefix(raw[i+1:], "\n"):
			removed = append(removed, cp)
		}
		cp++
	}
	return removed
}

// units returns the units worth trying for this text: the others read
// every offset the same as one of these.
func (a *anchor) units() []offsetUnit {
	units := []offsetUnit{unitCodePoints}
	astral := a.rawIdx.UTF16Len() != a.rawIdx.Len()
	if astral {
		units = append(units, unitUTF16)
	}
	if len(a.removed) > 0 {
		units = append(units, unitLFCodePoints)
		if astral {
			units = append(units, unitLFUTF16)
		}
	}
	return units
}

// offset converts one offset in unit u to a code point offset in the
// normalised text, with the length of the text in u when it is out of
// range. A UTF-16 offset between the halves of a surrogate pair is out of
// range too: no tool that counts UTF-16 units writes one.
func (a *anchor) offset(off int, u offsetUnit) (int, int, bool) {
	idx := a.rawIdx
	if u == unitLFCodePoints || u == unitLFUTF16 {
		idx = a.normIdx
	}
	n := idx.Len()
	if u == unitUTF16 || u == unitLFUTF16 {
		n = idx.UTF16Len()
	}
	if off < 0 || off > n {
		return 0, n, false
	}
	cp := off
	if u == unitUTF16 || u == unitLFUTF16 {
		cp = idx.CodePointFromUTF16(off)
		if idx.UTF16Offset(cp) != off {
			return 0, n, false
		}
	}
	if idx == a.rawIdx {
		cp -= sort.SearchInts(a.removed, cp)
	}
	return cp, n, true
}

// span converts [start, end) in unit u to code points of the normalised
// text. Its errors read as the brief's "end 120 beyond text length 98".
func (a *anchor) span(start, end int, u offsetUnit) (int, int, error) {
	s, n, okS := a.offset(start, u)
	e, _, okE := a.offset(end, u)
	unit := ""
	if u != unitCodePoints {
		unit = " (" + u.String() + ")"
	}
	switch {
	case start < 0:
		return 0, 0, fmt.Errorf("start %d is negative", start)
	case end <= start:
		return 0, 0, fmt.Errorf("end %d not after start %d", end, start)
	case end > n:
		return 0, 0, fmt.Errorf("end %d beyond text length %d%s", end, n, unit)
	case !okS || !okE:
		return 0, 0, fmt.Errorf("[%d,%d) splits a surrogate pair%s", start, end, unit)
	case e <= s:
		return 0, 0, fmt.Errorf("[%d,%d) holds only a line end that is dropped%s", start, end, unit)
	}
	return s, e, nil
}

// place anchors the span a tool wrote as [start, end) with the text
// quote. It reports whether the span had to be moved, and false when the
// quote is nowhere to be found.
func (a *anchor) place(start, end int, quote string) (s, e int, repaired, ok bool) {
	quote = lfQuote(quote)
	for _, same := range []func(a, b string) bool{equalStrings, sameIgnoringSpace} {
		for i, u := range a.units() {
			s, e, err := a.span(start, end, u)
			if err == nil && same(a.normIdx.Slice(s, e), quote) {
				return s, e, i > 0, true
			}
		}
	}
	near, _, inRange := a.offset(start, unitCodePoints)
	if !inRange && start > 0 {
		near = a.normIdx.Len()
	}
	s, ok = a.nearest(quote, near)
	if !ok {
		return 0, 0, false, false
	}
	return s, s + utf8.RuneCountInString(quote), true, true
}

// equalStrings reports whether a and b are the same.
func equalStrings(a, b string) bool { return a == b }

// sameIgnoringSpace reports whether a and b hold the same characters once
// all white space is left out of both. Label Studio saves a region's text
// without the line breaks it crosses, and with runs of spaces trimmed
// unless its Text tag keeps them, while its offsets count every one; at
// the span's own offsets, the other characters are proof enough.
func sameIgnoringSpace(a, b string) bool {
	for {
		a = strings.TrimLeftFunc(a, unicode.IsSpace)
		b = strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return false
		}
		a, b = a[na:], b[nb:]
	}
}

// placeFragments anchors the fragments of one discontinuous span whose
// texts, joined by sep, make quote; it tries each unit for all fragments
// at once but does not search, since a quote of fragments cannot be
// looked for as one string.
func (a *anchor) placeFragments(frags [][2]int, quote, sep string) ([][2]int, bool, bool) {
	quote = lfQuote(quote)
	out := make([][2]int, len(frags))
	for i, u := range a.units() {
		texts := make([]string, len(frags))
		fits := true
		for j, f := range frags {
			s, e, err := a.span(f[0], f[1], u)
			if err != nil {
				fits = false
				break
			}
			out[j] = [2]int{s, e}
			texts[j] = a.normIdx.Slice(s, e)
		}
		if fits && strings.Join(texts, sep) == quote {
			return out, i > 0, true
		}
	}
	return nil, false, false
}

// lfQuote gives a quoted text the line ends of the normalised text.
func lfQuote(q string) string {
	if !strings.Contains(q, "\r") {
		return q
	}
	return strings.ReplaceAll(strings.ReplaceAll(q, "\r\n", "\n"), "\r", "\n")
}

// nearest returns the code point offset of the occurrence of quote in the
// normalised text that starts nearest to near.
func (a *anchor) nearest(quote string, near int) (int, bool) {
	if quote == "" {
		return 0, false
	}
	best, found := 0, false
	for b := 0; b < len(a.norm); {
		i := strings.Index(a.norm[b:], quote)
		if i < 0 {
			break
		}
		cp := a.normIdx.CodePoint(b + i)
		if !found || absInt(cp-near) < absInt(best-near) {
			best, found = cp, true
		}
		if cp > near {
			break // later occurrences are further away
		}
		_, size := utf8.DecodeRuneInString(a.norm[b+i:])
		b += i + size
	}
	return best, found
}

// absInt returns the absolute value of n.
func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// guessUnit picks the unit in which spans, which come without quoted
// text, were most likely counted: among the units in which every span
// fits the text, the one under which the most spans begin and end on
// token boundaries, the earliest in units() on a tie. When no unit fits
// every span it returns unitCodePoints, for the caller to report the span
// that does not fit.
func (a *anchor) guessUnit(spans []toolSpan) offsetUnit {
	units := a.units()
	if len(units) == 1 || len(spans) == 0 {
		return unitCodePoints
	}
	best, bestScore := unitCodePoints, -1
	for _, u := range units {
		score, fits := 0, true
		for _, sp := range spans {
			s, e, err := a.span(sp.start, sp.end, u)
			if err != nil {
				fits = false
				break
			}
			if a.onBoundary(s) && a.onBoundary(e) {
				score++
			}
		}
		if fits && score > bestScore {
			best, bestScore = u, score
		}
	}
	return best
}

// onBoundary reports whether code point offset cp of the normalised text
// is where a token starts or ends.
func (a *anchor) onBoundary(cp int) bool {
	if a.tokens == nil {
		a.tokens = annotate.Tokenize(a.norm)
	}
	i := sort.Search(len(a.tokens), func(i int) bool { return a.tokens[i].End >= cp })
	return i < len(a.tokens) && (a.tokens[i].End == cp || a.tokens[i].Start == cp)
}
