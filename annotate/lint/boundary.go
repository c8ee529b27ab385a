package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"spanmark/annotate"
)

// boundarySpaces reports spans that start or end with white space; the
// fix trims it.
func boundarySpaces(c *docContext) {
	for i, a := range c.anns {
		t := c.texts[i]
		if t == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(t)
		last, _ := utf8.DecodeLastRuneInString(t)
		if !unicode.IsSpace(first) && !unicode.IsSpace(last) {
			continue
		}
		c.add(BoundarySpace, a, trimFix(a, t, strings.TrimLeftFunc(t, unicode.IsSpace), strings.TrimRightFunc(t, unicode.IsSpace)),
			"span %s with white space", whichEnd(unicode.IsSpace(first), unicode.IsSpace(last)))
	}
}

// whichEnd names the ends of a span a rule found something at.
func whichEnd(start, end bool) string {
	switch {
	case start && end:
		return "starts and ends"
	case start:
		return "starts"
	}
	return "ends"
}

// trimFix returns the fix that shrinks a to the part of its text t that
// both left (t with a prefix cut) and right (t with a suffix cut) keep;
// nil when nothing would be left, since deleting is not a trim.
func trimFix(a annotate.Annotation, t, left, right string) *Fix {
	cutStart := utf8.RuneCountInString(t[:len(t)-len(left)])
	cutEnd := utf8.RuneCountInString(t[len(right):])
	if a.Start+cutStart >= a.End-cutEnd {
		return nil
	}
	a.Start += cutStart
	a.End -= cutEnd
	return &Fix{Put: &a}
}

// openers and closers pair the quotes and brackets a span should not
// start or end with alone. The straight double quote is both. The right
// single quote is left out: it is also the apostrophe ("officials’").
var pairs = map[rune]rune{'(': ')', '[': ']', '{': '}', '“': '”', '‘': '’', '«': '»', '„': '“', '"': '"'}

// closers maps each closing mark to its opener.
var closers = map[rune]rune{')': '(', ']': '[', '}': '{', '”': '“', '»': '«', '"': '"'}

// boundaryPuncts reports spans that end with . , ; or : or start or end
// with a quote or bracket that the span does not close or open; the fix
// trims those marks and any white space they leave at the edge.
func boundaryPuncts(c *docContext) {
	for i, a := range c.anns {
		t := c.texts[i]
		if t == "" {
			continue
		}
		lead, trail := punctEdges(t)
		if !lead && !trail {
			continue
		}
		left, right := t, t
		if lead {
			_, n := utf8.DecodeRuneInString(t)
			left = strings.TrimLeftFunc(t[n:], unicode.IsSpace)
		}
		if trail {
			right = strings.TrimRightFunc(trimTrailingPunct(t), unicode.IsSpace)
		}
		c.add(BoundaryPunct, a, trimFix(a, t, left, right), "span %s with punctuation", whichEnd(lead, trail))
	}
}

// punctEdges reports whether t starts with an unmatched opening mark and
// whether it ends with sentence punctuation or an unmatched closing mark.
func punctEdges(t string) (lead, trail bool) {
	first, _ := utf8.DecodeRuneInString(t)
	if close, ok := pairs[first]; ok && !strings.ContainsRune(t[utf8.RuneLen(first):], close) {
		lead = true
	}
	return lead, trimTrailingPunct(t) != t
}

// trimTrailingPunct removes one final mark the span should not end with:
// . , ; : (a full stop after a single letter is an abbreviation, as in
// "U.S.", and stays) or a closing mark the span does not open.
func trimTrailingPunct(t string) string {
	last, n := utf8.DecodeLastRuneInString(t)
	body := t[:len(t)-n]
	switch last {
	case ',', ';', ':':
		return body
	case '.':
		if abbreviation(body) {
			return t
		}
		return body
	}
	if open, ok := closers[last]; ok && !strings.ContainsRune(body, open) {
		return body
	}
	return t
}

// abbreviation reports whether body, a span's text before its final full
// stop, ends with a single letter standing alone or after another full
// stop: "U.S", "J", "Washington, D.C".
func abbreviation(body string) bool {
	last, n := utf8.DecodeLastRuneInString(body)
	if !unicode.IsLetter(last) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(body[:len(body)-n])
	return len(body) == n || before == '.' || unicode.IsSpace(before)
}

// partialTokens reports spans whose start or end falls inside a word:
// "Russia" tagged inside "Russian". A boundary inside a token is inside a
// word only when letters or digits are on both sides of it: "Russia" in
// "Russia’s" and "Kremlin" in "pro-Kremlin" end or start at an apostrophe
// or a hyphen, as CoNLL's tokens would, and are not reported.
func partialTokens(c *docContext) {
	for i, a := range c.anns {
		if a.Start >= a.End {
			continue
		}
		inStart, inEnd := c.splitsWord(a.Start, c.bytes[i][0]), c.splitsWord(a.End, c.bytes[i][1])
		if !inStart && !inEnd {
			continue
		}
		at := a.Start
		if !inStart {
			at = a.End
		}
		word, _ := annotate.WordAt(c.words(), at)
		c.add(PartialToken, a, nil, "span %s inside the word %q", whichEnd(inStart, inEnd), c.x.Slice(word.Start, word.End))
	}
}

// splitsWord reports whether offset, which is byte b of the text, lies
// inside a token, between two letters or digits. The two code points are
// looked at first: only when both are word characters are the tokens
// needed.
func (c *docContext) splitsWord(offset, b int) bool {
	if offset <= 0 || offset >= c.x.Len() {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(c.x.Text()[:b])
	after, _ := utf8.DecodeRuneInString(c.x.Text()[b:])
	if !wordRune(before) || !wordRune(after) {
		return false
	}
	tok, ok := annotate.WordAt(c.words(), offset)
	return ok && tok.Start != offset
}

// wordRune reports whether r is a letter, a digit or a combining mark.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}
