package annotate

import (
	"sort"
	"unicode/utf8"
)

// checkpointStride is how many code points lie between two checkpoints of
// an Index: a lookup scans at most this many runes after a binary search,
// and the checkpoints cost 16 bytes per stride of text.
const checkpointStride = 64

// Index converts between the code-point offsets annotations use and the
// byte offsets (Go strings) and UTF-16 offsets (some consumers) of one
// text. It is built once per document in O(n) and answers each lookup in
// O(log n). An Index is immutable and safe for concurrent use.
//
// Every method accepts any int: offsets below zero are treated as zero
// and offsets beyond the end as the end, so a lookup never panics. A byte
// offset inside a UTF-8 sequence, or a UTF-16 offset between the halves of
// a surrogate pair, rounds down to the code point that contains it.
//
// Invalid UTF-8 counts one code point (and one UTF-16 unit) per bad byte,
// as []rune(text) does.
type Index struct {
	text    string
	runes   int
	utf16   int
	ascii   bool // every code point is one byte and one UTF-16 unit
	bmpOnly bool // every code point is one UTF-16 unit

	// Checkpoint k holds the byte and UTF-16 offsets of code point
	// k*checkpointStride. They are nil for an all-ASCII text, and utf16At
	// is nil when the text has no code point outside the BMP.
	byteAt  []int
	utf16At []int
}

// NewIndex indexes text. An all-ASCII text allocates nothing beyond the
// Index itself.
func NewIndex(text string) *Index {
	x := &Index{text: text}
	if isASCII(text) {
		x.ascii, x.bmpOnly = true, true
		x.runes, x.utf16 = len(text), len(text)
		return x
	}
	x.byteAt = make([]int, 0, len(text)/checkpointStride+1)
	utf16At := make([]int, 0, len(text)/checkpointStride+1)
	x.bmpOnly = true
	n, u := 0, 0
	for i, r := range text {
		if n%checkpointStride == 0 {
			x.byteAt = append(x.byteAt, i)
			utf16At = append(utf16At, u)
		}
		n++
		u++
		if r >= 0x10000 {
			u++
			x.bmpOnly = false
		}
	}
	if n%checkpointStride == 0 {
		// The end is a checkpoint too, so lookups at Len() find one.
		x.byteAt = append(x.byteAt, len(text))
		utf16At = append(utf16At, u)
	}
	x.runes, x.utf16 = n, u
	if !x.bmpOnly {
		x.utf16At = utf16At
	}
	return x
}

// isASCII reports whether every byte of s is below 0x80.
func isASCII(s string) bool {
	// Eight bytes at a time: the compiler merges the loads into one.
	for len(s) >= 8 {
		lo := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
		hi := uint32(s[4]) | uint32(s[5])<<8 | uint32(s[6])<<16 | uint32(s[7])<<24
		if (lo|hi)&0x80808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Text returns the indexed text.
func (x *Index) Text() string { return x.text }

// Len returns the length of the text in code points.
func (x *Index) Len() int { return x.runes }

// UTF16Len returns the length of the text in UTF-16 code units.
func (x *Index) UTF16Len() int { return x.utf16 }

// ByteOffset returns the byte offset of code point cp, clamped to
// [0, Len()]; ByteOffset(Len()) is len(text).
func (x *Index) ByteOffset(cp int) int {
	cp = clamp(cp, x.runes)
	if x.ascii {
		return cp
	}
	k := cp / checkpointStride
	b := x.byteAt[k]
	for range cp - k*checkpointStride {
		_, size := utf8.DecodeRuneInString(x.text[b:])
		b += size
	}
	return b
}

// CodePoint returns the code point offset of byte offset byteOff, clamped
// to [0, len(text)]. A byte offset inside a UTF-8 sequence rounds down to
// the code point the sequence encodes.
func (x *Index) CodePoint(byteOff int) int {
	byteOff = clamp(byteOff, len(x.text))
	if x.ascii {
		return byteOff
	}
	k := lastAtOrBefore(x.byteAt, byteOff)
	cp, b := k*checkpointStride, x.byteAt[k]
	for b < byteOff {
		_, size := utf8.DecodeRuneInString(x.text[b:])
		if b+size > byteOff {
			break
		}
		b += size
		cp++
	}
	return cp
}

// UTF16Offset returns the UTF-16 offset of code point cp, clamped to
// [0, Len()].
func (x *Index) UTF16Offset(cp int) int {
	cp = clamp(cp, x.runes)
	if x.bmpOnly {
		return cp
	}
	k := cp / checkpointStride
	b, u := x.byteAt[k], x.utf16At[k]
	for range cp - k*checkpointStride {
		r, size := utf8.DecodeRuneInString(x.text[b:])
		b += size
		u += utf16Units(r)
	}
	return u
}

// CodePointFromUTF16 returns the code point offset of UTF-16 offset u,
// clamped to [0, UTF16Len()]. An offset between the two halves of a
// surrogate pair rounds down to the code point the pair encodes.
func (x *Index) CodePointFromUTF16(u int) int {
	u = clamp(u, x.utf16)
	if x.bmpOnly {
		return u
	}
	k := lastAtOrBefore(x.utf16At, u)
	cp, b, cu := k*checkpointStride, x.byteAt[k], x.utf16At[k]
	for cu < u {
		r, size := utf8.DecodeRuneInString(x.text[b:])
		w := utf16Units(r)
		if cu+w > u {
			break
		}
		b += size
		cu += w
		cp++
	}
	return cp
}

// Slice returns the code points [start, end) of the text, as Python's
// text[start:end] would for 0 ≤ start ≤ end ≤ Len(). Both offsets are
// clamped to [0, Len()]; when start ≥ end the result is "".
func (x *Index) Slice(start, end int) string {
	start, end = clamp(start, x.runes), clamp(end, x.runes)
	if start >= end {
		return ""
	}
	return x.text[x.ByteOffset(start):x.ByteOffset(end)]
}

// RuneLen returns the length of s in code points, counting each invalid
// UTF-8 byte as one.
func RuneLen(s string) int {
	return utf8.RuneCountInString(s)
}

// UTF16Len returns the length of s in UTF-16 code units, counting each
// invalid UTF-8 byte as one.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Units(r)
	}
	return n
}

// utf16Units returns how many UTF-16 code units encode r.
func utf16Units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// clamp limits v to [0, hi].
func clamp(v, hi int) int {
	return min(max(v, 0), hi)
}

// lastAtOrBefore returns the index of the last element of the ascending
// slice a that is ≤ v; a[0] is 0 and v ≥ 0, so there always is one.
func lastAtOrBefore(a []int, v int) int {
	return sort.Search(len(a), func(i int) bool { return a[i] > v }) - 1
}
