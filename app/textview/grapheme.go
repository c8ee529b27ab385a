package textview

import "unicode"

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

// boundaryAtOrBefore returns the cursor position at or before k.
func boundaryAtOrBefore(runes []rune, k int) int {
	for k > 0 && !isBoundary(runes, k) {
		k--
	}
	return k
}

// boundaryAfter returns the first cursor position after k, or the end of
// runes.
func boundaryAfter(runes []rune, k int) int {
	k++
	for k < len(runes) && !isBoundary(runes, k) {
		k++
	}
	return min(k, len(runes))
}
