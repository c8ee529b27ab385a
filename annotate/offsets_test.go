package annotate

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf16"
)

// point is one code point offset with the byte and UTF-16 offsets it
// corresponds to.
type point struct{ cp, byteOff, u16 int }

func TestIndex(t *testing.T) {
	article, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name            string
		text            string
		runes, units    int
		points          []point
		start, end      int
		wantSlice       string
		roundDownBytes  map[int]int // byte offset inside a sequence → code point
		roundDownUTF16s map[int]int // UTF-16 offset inside a pair → code point
	}{
		{
			name: "empty", text: "",
			points: []point{{0, 0, 0}},
		},
		{
			name: "ascii", text: "Kim Jong Un", runes: 11, units: 11,
			points: []point{{0, 0, 0}, {4, 4, 4}, {11, 11, 11}},
			start:  4, end: 8, wantSlice: "Jong",
		},
		{
			name: "article", text: string(article), runes: 2280, units: 2280,
			points: []point{{113, 113, 113}, {122, 124, 122}, {266, 270, 266}, {267, 273, 267},
				{645, 657, 645}, {1148, 1168, 1148}, {2280, 2310, 2280}},
			start: 113, end: 122, wantSlice: "Ukraine’s",
			roundDownBytes: map[int]int{121: 120, 122: 120, 271: 266, 272: 266},
		},
		{
			name: "emoji outside the BMP", text: "I 🚀 go", runes: 6, units: 7,
			points: []point{{0, 0, 0}, {2, 2, 2}, {3, 6, 4}, {4, 7, 5}, {6, 9, 7}},
			start:  2, end: 3, wantSlice: "🚀",
			roundDownBytes:  map[int]int{3: 2, 4: 2, 5: 2},
			roundDownUTF16s: map[int]int{3: 2},
		},
		{
			name: "ZWJ sequence", text: "👩‍🔬x", runes: 4, units: 6,
			points: []point{{0, 0, 0}, {1, 4, 2}, {2, 7, 3}, {3, 11, 5}, {4, 12, 6}},
			start:  0, end: 3, wantSlice: "👩‍🔬",
			roundDownBytes:  map[int]int{5: 1, 6: 1, 10: 2},
			roundDownUTF16s: map[int]int{1: 0, 4: 2},
		},
		{
			name: "combining mark", text: "Zoe\u0308 and Zoë", runes: 12, units: 12,
			points: []point{{3, 3, 3}, {4, 5, 4}, {9, 10, 9}, {11, 12, 11}, {12, 14, 12}},
			start:  0, end: 4, wantSlice: "Zoe\u0308",
			roundDownBytes: map[int]int{4: 3, 13: 11},
		},
		{
			name: "CJK", text: "在北京市", runes: 4, units: 4,
			points: []point{{1, 3, 1}, {3, 9, 3}, {4, 12, 4}},
			start:  1, end: 3, wantSlice: "北京",
			roundDownBytes: map[int]int{4: 1, 5: 1},
		},
		{
			name: "Hebrew and Arabic", text: "שלום سلام!", runes: 10, units: 10,
			points: []point{{4, 8, 4}, {5, 9, 5}, {9, 17, 9}, {10, 18, 10}},
			start:  5, end: 9, wantSlice: "سلام",
			roundDownBytes: map[int]int{1: 0, 10: 5},
		},
		{
			name: "invalid UTF-8", text: "a\xff\xe2\x80b", runes: 5, units: 5,
			points: []point{{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}, {5, 5, 5}},
			start:  2, end: 4, wantSlice: "\xe2\x80",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewIndex(tt.text)
			if got := x.Len(); got != tt.runes {
				t.Errorf("Len() = %d, want %d", got, tt.runes)
			}
			if got := x.UTF16Len(); got != tt.units {
				t.Errorf("UTF16Len() = %d, want %d", got, tt.units)
			}
			if got := RuneLen(tt.text); got != tt.runes {
				t.Errorf("RuneLen() = %d, want %d", got, tt.runes)
			}
			if got := UTF16Len(tt.text); got != tt.units {
				t.Errorf("UTF16Len(text) = %d, want %d", got, tt.units)
			}
			for _, p := range tt.points {
				if got := x.ByteOffset(p.cp); got != p.byteOff {
					t.Errorf("ByteOffset(%d) = %d, want %d", p.cp, got, p.byteOff)
				}
				if got := x.CodePoint(p.byteOff); got != p.cp {
					t.Errorf("CodePoint(%d) = %d, want %d", p.byteOff, got, p.cp)
				}
				if got := x.UTF16Offset(p.cp); got != p.u16 {
					t.Errorf("UTF16Offset(%d) = %d, want %d", p.cp, got, p.u16)
				}
				if got := x.CodePointFromUTF16(p.u16); got != p.cp {
					t.Errorf("CodePointFromUTF16(%d) = %d, want %d", p.u16, got, p.cp)
				}
			}
			for b, want := range tt.roundDownBytes {
				if got := x.CodePoint(b); got != want {
					t.Errorf("CodePoint(%d) = %d, want %d (round down)", b, got, want)
				}
			}
			for u, want := range tt.roundDownUTF16s {
				if got := x.CodePointFromUTF16(u); got != want {
					t.Errorf("CodePointFromUTF16(%d) = %d, want %d (round down)", u, got, want)
				}
			}
			if got := x.Slice(tt.start, tt.end); got != tt.wantSlice {
				t.Errorf("Slice(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.wantSlice)
			}
		})
	}
}

func TestIndexClamps(t *testing.T) {
	const text = "a🚀é"
	x := NewIndex(text)
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"ByteOffset below", x.ByteOffset(-1), 0},
		{"ByteOffset beyond", x.ByteOffset(99), len(text)},
		{"CodePoint below", x.CodePoint(-7), 0},
		{"CodePoint beyond", x.CodePoint(99), 3},
		{"UTF16Offset below", x.UTF16Offset(-1), 0},
		{"UTF16Offset beyond", x.UTF16Offset(99), 4},
		{"CodePointFromUTF16 below", x.CodePointFromUTF16(-1), 0},
		{"CodePointFromUTF16 beyond", x.CodePointFromUTF16(99), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %d, want %d", tt.got, tt.want)
			}
		})
	}
	slices := []struct {
		start, end int
		want       string
	}{
		{-5, 2, "a🚀"},
		{1, 99, "🚀é"},
		{2, 1, ""},
		{2, 2, ""},
		{-3, -1, ""},
		{5, 9, ""},
	}
	for _, tt := range slices {
		if got := x.Slice(tt.start, tt.end); got != tt.want {
			t.Errorf("Slice(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

// TestIndexLongTexts crosses many checkpoints in texts of every mix.
func TestIndexLongTexts(t *testing.T) {
	tests := []struct{ name, unit string }{
		{"ascii", "The quick brown fox. "},
		{"latin", "Zoë’s café — naïve "},
		{"BMP only", "北京 שלום سلام "},
		{"astral", "🚀👩‍🔬🇺🇦 x "},
		{"mixed", "Kim “has 🚀 北京 e\u0308 sent\t"},
		{"invalid UTF-8", "ok \xff\xfe 🚀 \xe2\x80 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAgainstNaive(t, strings.Repeat(tt.unit, 50))
		})
	}
	// A text whose length is a multiple of the checkpoint stride ends on
	// a checkpoint.
	for _, n := range []int{63, 64, 65, 128} {
		t.Run(fmt.Sprintf("%d code points", n), func(t *testing.T) {
			checkAgainstNaive(t, strings.Repeat("é", n-1)+"🚀")
		})
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("", 0, 0)
	f.Add("Kim Jong Un", 4, 8)
	f.Add("I 🚀 go", 3, 5)
	f.Add("👩‍🔬 Zoe\u0308 北京 שלום سلام", 1, 7)
	f.Add("a\xff\xe2\x80b", 2, 4)
	f.Add(strings.Repeat("é🚀x", 70), 65, 130)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		checkAgainstNaive(t, text)
		x, n := NewIndex(text), newNaiveIndex(text)
		if got, want := x.Slice(a, b), n.slice(a, b); got != want {
			t.Errorf("Slice(%d, %d) = %q, want %q", a, b, got, want)
		}
		for _, v := range []int{a, b} {
			if got, want := x.ByteOffset(v), n.byteOffset(v); got != want {
				t.Errorf("ByteOffset(%d) = %d, want %d", v, got, want)
			}
			if got, want := x.CodePoint(v), n.codePoint(v); got != want {
				t.Errorf("CodePoint(%d) = %d, want %d", v, got, want)
			}
			if got, want := x.UTF16Offset(v), n.utf16Offset(v); got != want {
				t.Errorf("UTF16Offset(%d) = %d, want %d", v, got, want)
			}
			if got, want := x.CodePointFromUTF16(v), n.codePointFromUTF16(v); got != want {
				t.Errorf("CodePointFromUTF16(%d) = %d, want %d", v, got, want)
			}
		}
	})
}

// checkAgainstNaive compares every lookup an Index answers for text, at
// every offset and one beyond each end, with newNaiveIndex.
func checkAgainstNaive(t *testing.T, text string) {
	t.Helper()
	x, n := NewIndex(text), newNaiveIndex(text)
	runes, units := len(n.byteAt)-1, n.utf16At[len(n.utf16At)-1]
	if got := x.Len(); got != runes {
		t.Fatalf("Len() = %d, want %d", got, runes)
	}
	if got := x.UTF16Len(); got != units {
		t.Fatalf("UTF16Len() = %d, want %d", got, units)
	}
	if got := RuneLen(text); got != runes {
		t.Fatalf("RuneLen() = %d, want %d", got, runes)
	}
	if got := UTF16Len(text); got != units {
		t.Fatalf("UTF16Len(text) = %d, want %d", got, units)
	}
	for cp := -1; cp <= runes+1; cp++ {
		if got, want := x.ByteOffset(cp), n.byteOffset(cp); got != want {
			t.Fatalf("ByteOffset(%d) = %d, want %d", cp, got, want)
		}
		if got, want := x.UTF16Offset(cp), n.utf16Offset(cp); got != want {
			t.Fatalf("UTF16Offset(%d) = %d, want %d", cp, got, want)
		}
		if got, want := x.Slice(cp, cp+3), n.slice(cp, cp+3); got != want {
			t.Fatalf("Slice(%d, %d) = %q, want %q", cp, cp+3, got, want)
		}
	}
	for b := -1; b <= len(text)+1; b++ {
		if got, want := x.CodePoint(b), n.codePoint(b); got != want {
			t.Fatalf("CodePoint(%d) = %d, want %d", b, got, want)
		}
	}
	for u := -1; u <= units+1; u++ {
		if got, want := x.CodePointFromUTF16(u), n.codePointFromUTF16(u); got != want {
			t.Fatalf("CodePointFromUTF16(%d) = %d, want %d", u, got, want)
		}
	}
}

// naiveIndex answers the lookups of Index from a table of every code
// point's offsets, built with range over the text and unicode/utf16.
type naiveIndex struct {
	text    string
	byteAt  []int // byte offset of each code point, then len(text)
	utf16At []int // UTF-16 offset of each code point, then the length
}

func newNaiveIndex(text string) *naiveIndex {
	n := &naiveIndex{text: text}
	u := 0
	for b, r := range text {
		n.byteAt = append(n.byteAt, b)
		n.utf16At = append(n.utf16At, u)
		u += len(utf16.Encode([]rune{r}))
	}
	n.byteAt = append(n.byteAt, len(text))
	n.utf16At = append(n.utf16At, u)
	return n
}

// cp clamps a code point offset.
func (n *naiveIndex) cp(v int) int { return min(max(v, 0), len(n.byteAt)-1) }

func (n *naiveIndex) byteOffset(cp int) int  { return n.byteAt[n.cp(cp)] }
func (n *naiveIndex) utf16Offset(cp int) int { return n.utf16At[n.cp(cp)] }

func (n *naiveIndex) codePoint(b int) int          { return lastAtOrBelow(n.byteAt, b) }
func (n *naiveIndex) codePointFromUTF16(u int) int { return lastAtOrBelow(n.utf16At, u) }

func (n *naiveIndex) slice(start, end int) string {
	start, end = n.cp(start), n.cp(end)
	if start >= end {
		return ""
	}
	return n.text[n.byteAt[start]:n.byteAt[end]]
}

// lastAtOrBelow returns the index of the last element of the ascending a
// that is ≤ v, by a linear scan, or 0 when there is none.
func lastAtOrBelow(a []int, v int) int {
	i := 0
	for j, x := range a {
		if x <= v {
			i = j
		}
	}
	return i
}

// benchText returns about 1 MB of text made of unit repeated.
func benchText(unit string) string {
	return strings.Repeat(unit, 1<<20/len(unit)+1)
}

// mixedUnit is news prose with the non-ASCII of real articles: curly
// quotes, dashes, accents, CJK, RTL and emoji.
const mixedUnit = "Kim “has decided to send 1,000 sappers” — Zoë told 北京 and שלום سلام reporters 🚀 👩‍🔬 on Tuesday.\n"

// benchTexts are the 1 MB texts the benchmarks of this package read: all
// ASCII, and mixed.
func benchTexts() []struct{ name, text string } {
	return []struct{ name, text string }{
		{"ascii", benchText("Kim has decided to send 1,000 sappers to Russia, Shoigu said.\n")},
		{"mixed", benchText(mixedUnit)},
	}
}

func BenchmarkNewIndex(b *testing.B) {
	for _, bb := range benchTexts() {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(bb.text)))
			for b.Loop() {
				NewIndex(bb.text)
			}
		})
	}
}

func BenchmarkIndexLookup(b *testing.B) {
	x := NewIndex(benchText(mixedUnit))
	n := x.Len()
	lookups := []struct {
		name string
		fn   func(int) int
		max  int
	}{
		{"ByteOffset", x.ByteOffset, n},
		{"CodePoint", x.CodePoint, len(x.Text())},
		{"UTF16Offset", x.UTF16Offset, n},
		{"CodePointFromUTF16", x.CodePointFromUTF16, x.UTF16Len()},
	}
	for _, l := range lookups {
		b.Run(l.name, func(b *testing.B) {
			// A fixed stride spreads the offsets over the whole text
			// without the cost of a random number generator.
			v := 0
			for b.Loop() {
				l.fn(v)
				v = (v + 7919) % l.max
			}
		})
	}
}
