package textview

import (
	"fmt"
	"slices"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// hitText lays out as:
//
//	line 0  [0, 8)   "aaa bbb "   y  0..20
//	line 1  [8, 11)  "ccc"        y 20..40
//	line 2  [12, 12) ""           y 40..60
//	line 3  [13, 16) "d\te"       y 60..80 (the tab spans x 10..40)
//	line 4  [17, 22) "a👩‍🔬b"      y 80..100
const hitText = "aaa bbb ccc\n\nd\te\na👩\u200d🔬b"

func TestOffsetAt(t *testing.T) {
	l := layoutOf(hitText, 75)
	tests := []struct {
		name string
		x, y float32
		want int
	}{
		{"above the text", 30, -1, 0},
		{"below the text", 5, 100, 22},
		{"far below", 500, 1e6, 22},
		{"left of a line", -3, 5, 0},
		{"nearer the left boundary", 14, 5, 1},
		{"nearer the right boundary", 16, 5, 2},
		{"on a boundary", 30, 5, 3},
		{"past the end of a wrapped line", 500, 5, 8},
		{"in the hanging space", 74, 5, 7},
		{"start of a wrapped line", 0, 25, 8},
		{"past the end of a paragraph", 500, 25, 11},
		{"blank line", 50, 45, 12},
		{"left half of the tab", 20, 65, 14},
		{"right half of the tab", 30, 65, 15},
		{"last character", 57, 65, 16},
		{"emoji cluster left half", 25, 85, 18},
		{"emoji cluster right half", 28, 85, 21},
		{"end of the text", 500, 85, 22},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.offsetAt(tt.x, tt.y); got != tt.want {
				t.Errorf("offsetAt(%v, %v) = %d, want %d", tt.x, tt.y, got, tt.want)
			}
		})
	}
}

func TestCharAt(t *testing.T) {
	l := layoutOf(hitText, 75)
	tests := []struct {
		name string
		x, y float32
		want int
		ok   bool
	}{
		{"above", 5, -1, 0, false},
		{"below", 5, 100, 0, false},
		{"left", -1, 5, 0, false},
		{"first character", 0, 5, 0, true},
		{"inside a character", 14, 5, 1, true},
		{"the hanging space", 74, 5, 7, true},
		{"right of a paragraph", 31, 25, 0, false},
		{"blank line", 0, 45, 0, false},
		{"on the tab", 35, 65, 14, true},
		{"after the tab", 41, 65, 15, true},
		{"the emoji", 15, 85, 18, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := l.charAt(tt.x, tt.y)
			if got != tt.want || ok != tt.ok {
				t.Errorf("charAt(%v, %v) = %d, %v, want %d, %v", tt.x, tt.y, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestBoxes(t *testing.T) {
	l := layoutOf(hitText, 75)
	tests := []struct {
		name        string
		a, b        int
		first, last int
		want        []box
	}{
		{"empty", 3, 3, 0, 4, nil},
		{"a word", 4, 7, 0, 4, []box{{0, 40, 70}}},
		{"a range reversed is empty", 7, 4, 0, 4, nil},
		{"over the wrap", 4, 10, 0, 4, []box{{0, 40, 75}, {1, 0, 20}}},
		{"starting at the wrap", 8, 10, 0, 4, []box{{1, 0, 20}}},
		{"ending at the wrap", 4, 8, 0, 4, []box{{0, 40, 75}}},
		{"across paragraphs and a blank line", 2, 14, 0, 4, []box{
			{0, 20, 75}, {1, 0, 40}, {2, 0, 10}, {3, 0, 10},
		}},
		{"whole text", 0, 22, 0, 4, []box{
			{0, 0, 75}, {1, 0, 40}, {2, 0, 10}, {3, 0, 60}, {4, 0, 50},
		}},
		{"only the lines in view", 0, 22, 1, 2, []box{{1, 0, 40}, {2, 0, 10}}},
		{"the tab", 14, 15, 0, 4, []box{{3, 10, 40}}},
		{"inside the emoji", 18, 21, 0, 4, []box{{4, 10, 40}}},
		{"clamped to the text", -5, 99, 4, 4, []box{{4, 0, 50}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := l.boxes(nil, tt.a, tt.b, tt.first, tt.last)
			if !slices.Equal(got, tt.want) {
				t.Errorf("boxes(%d, %d, lines %d-%d) = %v, want %v", tt.a, tt.b, tt.first, tt.last, got, tt.want)
			}
		})
	}
}

func TestLineOf(t *testing.T) {
	l := layoutOf(hitText, 75)
	tests := []struct{ offset, want int }{
		{0, 0}, {7, 0}, {8, 1}, {11, 1}, {12, 2}, {13, 3}, {22, 4},
	}
	for _, tt := range tests {
		if got := l.lineOf(tt.offset); got != tt.want {
			t.Errorf("lineOf(%d) = %d, want %d", tt.offset, got, tt.want)
		}
	}
}

func TestThumb(t *testing.T) {
	tests := []struct {
		name                     string
		viewH, contentH, scrollY float32
		wantY, wantH             float32
	}{
		{"everything in view", 100, 80, 0, 0, 100},
		{"top", 100, 400, 0, 0, 25},
		{"bottom", 100, 400, 300, 75, 25},
		{"middle", 100, 400, 150, 37.5, 25},
		{"long text keeps a grabbable thumb", 100, 100000, 0, 0, minThumb},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, h := thumb(tt.viewH, tt.contentH, tt.scrollY)
			if y != tt.wantY || h != tt.wantH {
				t.Errorf("thumb = %v, %v, want %v, %v", y, h, tt.wantY, tt.wantH)
			}
			if h < tt.viewH {
				if got := scrollForThumb(tt.viewH, tt.contentH, y); got != tt.scrollY {
					t.Errorf("scrollForThumb(%v) = %v, want %v", y, got, tt.scrollY)
				}
			}
		})
	}
}

// TestHitTestRoundTrip checks, with Fyne's own measuring, that a point
// just right of every boundary hits that boundary, a point in the middle
// of every visible character hits that character, and a point anywhere
// hits a boundary, for the seed article and for a text of emoji, CJK,
// combining marks and RTL words. Inside Arabic words the positions of
// single letters are not exact (their shapes depend on their
// neighbours), so only whole words are checked there.
func TestHitTestRoundTrip(t *testing.T) {
	test.NewTempApp(t)
	texts := map[string]string{"article": readArticle(t), "unicode": unicodeText}
	measure := func(s string) float32 { return fyne.MeasureText(s, 14, fyne.TextStyle{}).Width }
	for name, text := range texts {
		for _, width := range []float32{180, 420} {
			t.Run(fmt.Sprint(name, "/", width), func(t *testing.T) {
				runes := []rune(text)
				l := layoutText(text, runes, width, 26, newMeasurer(measure))
				for off := 0; off <= len(runes); off++ {
					li := l.lineOf(off)
					x, y := l.x(li, off), (float32(li)+0.5)*l.lineHeight
					if got := l.offsetAt(x, y); !isBoundary(runes, got) {
						t.Errorf("offsetAt at %d (line %d) = %d, inside a grapheme", off, li, got)
					}
					if off == len(runes) || !isBoundary(runes, off) || int(l.lines[li].end) <= off || inArabicWord(runes, off) {
						continue
					}
					w := l.x(li, l.nextBoundary(off)) - x
					if w <= 2 {
						continue
					}
					if got := l.offsetAt(x+0.5, y); got != off {
						t.Errorf("offsetAt just right of %d (line %d) = %d", off, li, got)
					}
					if got, ok := l.charAt(x+w/2, y); !ok || l.prevBoundary(got) != off {
						t.Errorf("charAt in the middle of %d (line %d) = %d, %v", off, li, got, ok)
					}
				}
			})
		}
	}
}

// inArabicWord reports whether the code point at off or the one before
// it is Arabic.
func inArabicWord(runes []rune, off int) bool {
	return unicode.Is(unicode.Arabic, runes[off]) || off > 0 && unicode.Is(unicode.Arabic, runes[off-1])
}
