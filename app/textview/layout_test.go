package textview

import (
	"fmt"
	"os"
	"slices"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// tenPerRune measures every code point 10 wide, spaces included, so that
// layout tables can be checked by hand. Tab stops are then 40 apart.
func tenPerRune(s string) float32 {
	return 10 * float32(utf8.RuneCountInString(s))
}

// layoutOf lays text out with tenPerRune at width, 20 per line.
func layoutOf(text string, width float32) *layout {
	return layoutText(text, []rune(text), width, 20, newMeasurer(tenPerRune))
}

// wantLine is a line as the tables give it: its range and the x of each
// of its runs, keyed by the run's start.
type wantLine struct {
	start, end int
	runs       []run
}

func gotLines(l *layout) []wantLine {
	var got []wantLine
	for i, ln := range l.lines {
		got = append(got, wantLine{int(ln.start), int(ln.end), slices.Clone(l.lineRuns(i))})
	}
	return got
}

func TestLayoutText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float32
		want  []wantLine
	}{
		{"empty", "", 100, []wantLine{{0, 0, nil}}},
		{"one word", "hello", 100, []wantLine{{0, 5, []run{{0, 0}}}}},
		{"wrap at a space, the space hangs", "aaa bbb ccc", 75, []wantLine{
			{0, 8, []run{{0, 0}, {3, 30}, {4, 40}, {7, 70}}},
			{8, 11, []run{{8, 0}}},
		}},
		{"exactly full", "aaa bbb", 70, []wantLine{{0, 7, []run{{0, 0}, {3, 30}, {4, 40}}}}},
		{"many spaces hang", "ab    cd", 50, []wantLine{
			{0, 6, []run{{0, 0}, {2, 20}}},
			{6, 8, []run{{6, 0}}},
		}},
		{"paragraphs and a blank line", "ab\n\ncd\n", 100, []wantLine{
			{0, 2, []run{{0, 0}}},
			{3, 3, nil},
			{4, 6, []run{{4, 0}}},
			{7, 7, nil},
		}},
		{"indent", "  ab", 100, []wantLine{{0, 4, []run{{0, 0}, {2, 20}}}}},
		{"tab to the next stop", "a\tb\tc", 100, []wantLine{
			{0, 5, []run{{0, 0}, {1, 10}, {2, 40}, {3, 50}, {4, 80}}},
		}},
		{"long word broken", "abcdefghij", 35, []wantLine{
			{0, 3, []run{{0, 0}}},
			{3, 6, []run{{3, 0}}},
			{6, 9, []run{{6, 0}}},
			{9, 10, []run{{9, 0}}},
		}},
		{"long word after a short one", "xx abcdefgh", 35, []wantLine{
			{0, 3, []run{{0, 0}, {2, 20}}},
			{3, 6, []run{{3, 0}}},
			{6, 9, []run{{6, 0}}},
			{9, 11, []run{{9, 0}}},
		}},
		{"ideographs break anywhere", "北京欢迎你", 35, []wantLine{
			{0, 3, []run{{0, 0}, {1, 10}, {2, 20}}},
			{3, 5, []run{{3, 0}, {4, 10}}},
		}},
		{"a ZWJ emoji is not broken", "ab👩\u200d🔬cd", 35, []wantLine{
			{0, 2, []run{{0, 0}}},
			{2, 5, []run{{2, 0}}},
			{5, 7, []run{{5, 0}}},
		}},
		{"a combining mark stays on its letter", "abZoe\u0308", 55, []wantLine{
			{0, 4, []run{{0, 0}}},
			{4, 6, []run{{4, 0}}},
		}},
		{"no-break space joins", "aa\u00a0bb cc", 55, []wantLine{
			{0, 6, []run{{0, 0}, {5, 50}}},
			{6, 8, []run{{6, 0}}},
		}},
		{"a grapheme wider than the line", "👩\u200d🔬", 15, []wantLine{
			{0, 3, []run{{0, 0}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := gotLines(layoutOf(tt.text, tt.width))
			if !slices.EqualFunc(got, tt.want, func(a, b wantLine) bool {
				return a.start == b.start && a.end == b.end && slices.Equal(a.runs, b.runs)
			}) {
				t.Errorf("layoutText(%q, %v):\n got %v\nwant %v", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func TestLayoutTextByteOffsets(t *testing.T) {
	text := "Kim “has decided — to send 🚀 北京 and more\n\nZoë שלום"
	l := layoutOf(text, 60)
	runes := []rune(text)
	for i, ln := range l.lines {
		if got, want := text[ln.bstart:ln.bend], string(runes[ln.start:ln.end]); got != want {
			t.Errorf("line %d: bytes give %q, code points give %q", i, got, want)
		}
	}
}

// checkLayout checks what must hold of any layout of text: the lines
// cover the text in order, each paragraph ending at a newline; a line is
// no wider than the width except for the spaces at a wrap or a single
// grapheme; runs start inside their line, left to right.
func checkLayout(t *testing.T, text string, l *layout) {
	t.Helper()
	runes := []rune(text)
	next := 0
	for i, ln := range l.lines {
		start, end := int(ln.start), int(ln.end)
		if start != next {
			t.Fatalf("line %d starts at %d, want %d", i, start, next)
		}
		if end < start || end > len(runes) {
			t.Fatalf("line %d: bad range [%d, %d)", i, start, end)
		}
		next = end
		if end < len(runes) && runes[end] == '\n' {
			next++
		}
		contentEnd := end
		for contentEnd > start && runes[contentEnd-1] == ' ' {
			contentEnd--
		}
		if w := l.x(i, contentEnd); w > l.width+0.01 && l.nextBoundary(start) < contentEnd {
			t.Errorf("line %d %q is %v wide, more than %v", i, string(runes[start:end]), w, l.width)
		}
		prevX := float32(-1)
		for _, r := range l.lineRuns(i) {
			if int(r.start) < start || int(r.start) >= max(end, start+1) || r.x <= prevX {
				t.Errorf("line %d [%d, %d): bad run %+v", i, start, end, r)
			}
			prevX = r.x
		}
	}
	if next != len(runes) {
		t.Errorf("lines end at %d, want %d", next, len(runes))
	}
}

func TestLayoutTextWithFyne(t *testing.T) {
	test.NewTempApp(t)
	article, err := os.ReadFile("../../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"article": string(article),
		"unicode": "Zoë and Zoë met in 北京 🚀 to see שלום עולם and مرحبا بالعالم; 👩‍🔬 said 🇺🇦 — fine.\n\n\tTabbed\tline",
	}
	measure := func(s string) float32 { return fyne.MeasureText(s, 14, fyne.TextStyle{}).Width }
	for name, text := range texts {
		for _, width := range []float32{40, 150, 400, 1000} {
			l := layoutText(text, []rune(text), width, 20, newMeasurer(measure))
			t.Run(fmt.Sprint(name, "/", width), func(t *testing.T) { checkLayout(t, text, l) })
		}
	}
}

func TestLayoutMatchesWholeLineWidth(t *testing.T) {
	// The view draws a line with one text object but places spans with
	// widths measured a word at a time; this holds only if the two agree.
	test.NewTempApp(t)
	article, err := os.ReadFile("../../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(article)
	measure := func(s string) float32 { return fyne.MeasureText(s, 14, fyne.TextStyle{}).Width }
	l := layoutText(text, []rune(text), 600, 20, newMeasurer(measure))
	for i, ln := range l.lines {
		s := text[ln.bstart:ln.bend]
		got, want := l.x(i, int(ln.end)), measure(s)
		if d := got - want; d > 0.01 || d < -0.01 {
			t.Errorf("line %d %q: layout puts its end at %v, Fyne measures %v", i, s, got, want)
		}
	}
}
