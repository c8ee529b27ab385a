package textview

import (
	"image/color"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/app/apptest"
)

// unicodeText is a short article with the characters that break offset
// arithmetic: an emoji outside the BMP, a ZWJ sequence, a flag, a
// combining mark, CJK and right-to-left words.
const unicodeText = "Launch 🚀Artemis lifted off. The 👩\u200d🔬 team from 🇺🇦 Kyiv cheered.\n" +
	"Zoe\u0308 Adams met officials in 北京 and visited שלום עולם and مرحبا.\n" +
	"\tIndented line — with an em dash."

func readArticle(t *testing.T) string {
	t.Helper()
	return string(annotatetest.Read(t, "article.txt"))
}

// newTestView shows text in a view filling an unpadded test window of the
// given size.
func newTestView(t *testing.T, text string, size fyne.Size) (*View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := New()
	v.SetClock((&apptest.Runner{}).After) // Fyne's test driver would run timers on their own goroutine
	v.SetText(text)
	w := test.NewTempWindow(t, v)
	w.SetPadded(false)
	w.Resize(size)
	if l := v.layout(); l != nil {
		l.toEnd() // as the view's clock would have by the time a person acts
	}
	return v, w
}

// cp returns the code point offset of the n-th (from 0) occurrence of sub
// in text, worked out from the bytes, independent of the view's code.
func cp(t *testing.T, text, sub string, n int) int {
	t.Helper()
	from := 0
	for range n + 1 {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		from += i + len(sub)
	}
	return utf8.RuneCountInString(text[:from-len(sub)])
}

// charPos returns the middle of the character at offset, in the view.
func charPos(v *View, offset int) fyne.Position {
	l := v.layout()
	li := l.lineOf(offset)
	x0, x1 := l.x(li, offset), l.x(li, offset+1)
	return fyne.NewPos(v.metrics.pad+(x0+x1)/2, v.metrics.pad+(float32(li)+0.5)*l.lineHeight-v.scrollY)
}

// quarterPos returns the point frac of the way across the character at
// offset, in the view.
func quarterPos(v *View, offset int, frac float32) fyne.Position {
	l := v.layout()
	li := l.lineOf(offset)
	x0, x1 := l.x(li, offset), l.x(li, offset+1)
	return fyne.NewPos(v.metrics.pad+x0+frac*(x1-x0), v.metrics.pad+(float32(li)+0.5)*l.lineHeight-v.scrollY)
}

// dragFrom returns where a drag over the word of n code points at start
// begins: a quarter into its second character (three quarters into the
// first of a two-character word), so that only snapping can select it
// whole.
func dragFrom(v *View, start, n int) fyne.Position {
	if n == 2 {
		return quarterPos(v, start, 0.75)
	}
	return quarterPos(v, start+1, 0.25)
}

// dragTo returns where that drag ends: three quarters into the word's
// second-last character (its last, for two characters).
func dragTo(v *View, start, n int) fyne.Position {
	if n == 2 {
		return quarterPos(v, start+1, 0.75)
	}
	return quarterPos(v, start+n-2, 0.75)
}

// graphemePos returns the point frac of the way across the grapheme
// [start, end) on its line, in the view.
func graphemePos(v *View, start, end int, frac float32) fyne.Position {
	l := v.layout()
	li := l.lineOf(start)
	x0, x1 := l.x(li, start), l.x(li, end)
	return fyne.NewPos(v.metrics.pad+x0+frac*(x1-x0), v.metrics.pad+(float32(li)+0.5)*l.lineHeight-v.scrollY)
}

// edgePos returns a point just right of the boundary before offset.
func edgePos(v *View, offset int) fyne.Position {
	l := v.layout()
	li := l.lineOf(offset)
	return fyne.NewPos(v.metrics.pad+l.x(li, offset)+1, v.metrics.pad+(float32(li)+0.5)*l.lineHeight-v.scrollY)
}

func mouse(pos fyne.Position, mod fyne.KeyModifier) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mod}
}

// dragLikeDriver drags from one point to another the way the GLFW driver
// reports it: MouseDown at the press; once the pointer is past the drag
// threshold, Dragged events whose Position is the current pointer and
// whose first delta is measured from the press; MouseUp, then DragEnd.
func dragLikeDriver(v *View, from, to fyne.Position, mod fyne.KeyModifier) {
	v.MouseDown(mouse(from, mod))
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	last := from
	for _, p := range []fyne.Position{mid, to} {
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-last.X, p.Y-last.Y)})
		last = p
	}
	v.MouseUp(mouse(to, mod))
	v.DragEnd()
}

// selections records what OnSelect is told.
type selections [][2]int

func (s *selections) record(v *View) {
	v.OnSelect = func(start, end int) { *s = append(*s, [2]int{start, end}) }
}

func TestDragSelectsWholeWords(t *testing.T) {
	article := readArticle(t)
	tests := []struct {
		name       string
		text       string
		word       string // dragged over by dragFrom and dragTo
		nth        int
		start, end int // the selection wanted, relative to the start of word
	}{
		{"after a curly quote", article, "has", 0, 0, 3},
		{"with a curly apostrophe", article, "Ukraine’s", 0, 0, 9},
		{"after an em dash", article, "North Korea will", 0, 0, 16},
		{"after an emoji", unicodeText, "Artemis", 0, 0, 7},
		{"after a ZWJ sequence", unicodeText, "team", 0, 0, 4},
		{"a combining mark", unicodeText, "Zoe\u0308", 0, 0, 4},
		{"CJK", unicodeText, "北京", 0, 0, 2},
		{"right-to-left", unicodeText, "עולם", 0, 0, 4},
		{"a number with a thousands separator", article, "1,000", 0, 0, 5},
	}
	for _, tt := range tests {
		start := cp(t, tt.text, tt.word, tt.nth)
		n := utf8.RuneCountInString(tt.word)
		want := [2]int{start + tt.start, start + tt.end}
		t.Run(tt.name+"/driver", func(t *testing.T) {
			v, _ := newTestView(t, tt.text, fyne.NewSize(600, 800))
			var got selections
			got.record(v)
			dragLikeDriver(v, dragFrom(v, start, n), dragTo(v, start, n), 0)
			if !slices.Equal(got, selections{want}) {
				t.Errorf("OnSelect got %v, want %v", got, want)
			}
			if a, b := v.Selection(); a != want[0] || b != want[1] {
				t.Errorf("Selection() = %d, %d, want %v", a, b, want)
			}
		})
		t.Run(tt.name+"/test.Drag", func(t *testing.T) {
			v, w := newTestView(t, tt.text, fyne.NewSize(600, 800))
			var got selections
			got.record(v)
			from, to := dragFrom(v, start, n), dragTo(v, start, n)
			// test.Drag takes the position the drag has reached and the
			// distance it came, as the driver's first Dragged event does.
			test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
			if !slices.Equal(got, selections{want}) {
				t.Errorf("OnSelect got %v, want %v", got, want)
			}
		})
	}
}

// TestDragFromADigit drags from the right half of the "1" of "1,000",
// nearest the boundary after it, to its second "0": the whole number is
// selected.
func TestDragFromADigit(t *testing.T) {
	article := readArticle(t)
	v, _ := newTestView(t, article, fyne.NewSize(600, 800))
	var got selections
	got.record(v)
	start := cp(t, article, "1,000", 0)
	dragLikeDriver(v, quarterPos(v, start, 0.75), quarterPos(v, start+3, 0.75), 0)
	if want := (selections{{start, start + 5}}); !slices.Equal(got, want) {
		t.Errorf("OnSelect got %v, want %v", got, want)
	}
}

func TestDragAcrossLinesAndBackwards(t *testing.T) {
	article := readArticle(t)
	v, _ := newTestView(t, article, fyne.NewSize(400, 800))
	var got selections
	got.record(v)
	from := cp(t, article, "Kim Jong Un", 0) + 1    // in "Kim"
	to := cp(t, article, "military workers", 0) + 3 // in "military", paragraphs later
	want := [2]int{from - 1, to - 3 + len("military")}

	dragLikeDriver(v, charPos(v, to), charPos(v, from), 0)
	if !slices.Equal(got, selections{want}) {
		t.Fatalf("backwards drag: OnSelect got %v, want %v", got, want)
	}
	if v.anchor != want[1] || v.caret != want[0] {
		t.Errorf("anchor, caret = %d, %d, want %d, %d", v.anchor, v.caret, want[1], want[0])
	}
	// One box per line of the selection.
	r := test.TempWidgetRenderer(t, v).(*renderer)
	l := v.layout()
	lines := l.lineOf(want[1]) - l.lineOf(want[0]) + 1
	if boxes := r.rangeBoxes(r.frame(l), want[0], want[1]); len(boxes) != lines {
		t.Errorf("selection has %d boxes, want one for each of %d lines", len(boxes), lines)
	}
}

func TestLateTapDoesNotUndoADrag(t *testing.T) {
	// The desktop driver delivers a click only after the double-click
	// delay, even when the button has been pressed and dragged since.
	article := readArticle(t)
	kim := cp(t, article, "Kim Jong Un", 0)
	for _, when := range []string{"while the button is down", "during the drag", "after the drag"} {
		t.Run(when, func(t *testing.T) {
			v, _ := newTestView(t, article, fyne.NewSize(600, 800))
			var got selections
			got.record(v)
			click := charPos(v, 200)
			v.MouseDown(mouse(click, 0))
			v.MouseUp(mouse(click, 0))
			late := func() { v.Tapped(&fyne.PointEvent{Position: click}) }

			from, to := charPos(v, kim+1), charPos(v, kim+10)
			v.MouseDown(mouse(from, 0))
			if when == "while the button is down" {
				late()
			}
			v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: from.AddXY(6, 0)}, Dragged: fyne.NewDelta(6, 0)})
			if when == "during the drag" {
				late()
			}
			v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X-6, 0)})
			v.MouseUp(mouse(to, 0))
			v.DragEnd()
			if when == "after the drag" {
				late()
			}
			want := selections{{kim, kim + 11}}
			if !slices.Equal(got, want) {
				t.Errorf("OnSelect got %v, want %v", got, want)
			}
			if a, b := v.Selection(); a != kim || b != kim+11 {
				t.Errorf("Selection() = %d, %d, want %d, %d", a, b, kim, kim+11)
			}
			// The next click is not ignored.
			v.MouseDown(mouse(click, 0))
			v.MouseUp(mouse(click, 0))
			v.Tapped(&fyne.PointEvent{Position: click})
			if a, b := v.Selection(); a != b {
				t.Errorf("a click after the drag left the selection %d, %d", a, b)
			}
		})
	}
}

func TestAltDragSelectsExactCharacters(t *testing.T) {
	v, _ := newTestView(t, unicodeText, fyne.NewSize(600, 800))
	var got selections
	got.record(v)
	start := cp(t, unicodeText, "Artemis", 0)
	dragLikeDriver(v, edgePos(v, start+2), edgePos(v, start+5), fyne.KeyModifierAlt)
	if want := (selections{{start + 2, start + 5}}); !slices.Equal(got, want) {
		t.Errorf("OnSelect got %v, want %v", got, want)
	}
}

func TestShiftClickExtends(t *testing.T) {
	article := readArticle(t)
	v, _ := newTestView(t, article, fyne.NewSize(600, 800))
	var got selections
	got.record(v)
	kim := cp(t, article, "Kim", 0)
	plans := cp(t, article, "plans", 0)
	v.SetSelection(kim, kim+3)
	v.MouseDown(mouse(charPos(v, plans+2), fyne.KeyModifierShift))
	v.MouseUp(mouse(charPos(v, plans+2), fyne.KeyModifierShift))
	v.Tapped(&fyne.PointEvent{Position: charPos(v, plans+2)})
	if want := (selections{{kim, plans + 5}}); !slices.Equal(got, want) {
		t.Errorf("OnSelect got %v, want %v", got, want)
	}
}

func TestDoubleTapSelectsWord(t *testing.T) {
	tests := []struct {
		name, word string
	}{
		{"word", "Artemis"},
		{"ZWJ emoji", "👩\u200d🔬"},
		{"flag", "🇺🇦"},
		{"right-to-left", "שלום"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w := newTestView(t, unicodeText, fyne.NewSize(600, 800))
			var got selections
			got.record(v)
			start := cp(t, unicodeText, tt.word, 0)
			v.DoubleTapped(&fyne.PointEvent{Position: charPos(v, start)})
			want := [2]int{start, start + utf8.RuneCountInString(tt.word)}
			if !slices.Equal(got, selections{want}) {
				t.Errorf("OnSelect got %v, want %v", got, want)
			}
			if w.Canvas().Focused() != v {
				t.Error("the view did not take the focus")
			}
		})
	}
	t.Run("numbers", func(t *testing.T) {
		article := readArticle(t)
		for _, word := range []string{"6,000", "1,000", "14,000"} {
			v, _ := newTestView(t, article, fyne.NewSize(600, 800))
			var got selections
			got.record(v)
			start := cp(t, article, word, 0)
			n := utf8.RuneCountInString(word)
			for _, at := range []int{start, start + n - 1} {
				v.DoubleTapped(&fyne.PointEvent{Position: charPos(v, at)})
			}
			if want := (selections{{start, start + n}, {start, start + n}}); !slices.Equal(got, want) {
				t.Errorf("double-click on the first and last digits of %q: OnSelect got %v, want %v", word, got, want)
			}
		}
	})
	t.Run("on a space", func(t *testing.T) {
		v, _ := newTestView(t, unicodeText, fyne.NewSize(600, 800))
		var got selections
		got.record(v)
		v.DoubleTapped(&fyne.PointEvent{Position: charPos(v, cp(t, unicodeText, " off", 0))})
		if got != nil {
			t.Errorf("OnSelect got %v, want no call", got)
		}
	})
}

func TestTapOnSpans(t *testing.T) {
	article := readArticle(t)
	kim := cp(t, article, "Kim Jong Un", 0)
	red := color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	spans := []Span{
		{ID: "person", Start: kim, End: kim + 11, Color: red, Style: Fill},
		{ID: "claim", Start: 0, End: 120, Color: red, Style: Underline},
		{ID: "jong", Start: kim + 4, End: kim + 8, Color: red, Style: Outline},
	}
	tests := []struct {
		name       string
		at         int
		wantIDs    []string
		wantSelect selections
	}{
		{"three nested spans", kim + 5, []string{"claim", "person", "jong"}, nil},
		{"two spans", kim + 1, []string{"claim", "person"}, nil},
		{"one span", 2, []string{"claim"}, nil},
		{"plain text", 125, nil, selections{{125, 125}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w := newTestView(t, article, fyne.NewSize(600, 800))
			v.SetSpans(spans)
			v.SetSelection(130, 140)
			var gotIDs []string
			gotAt := -1
			v.OnSpanTap = func(ids []string, offset int) { gotIDs, gotAt = ids, offset }
			var got selections
			got.record(v)
			test.TapAt(v, edgePos(v, tt.at))
			if !slices.Equal(gotIDs, tt.wantIDs) {
				t.Errorf("OnSpanTap ids = %v, want %v", gotIDs, tt.wantIDs)
			}
			if tt.wantIDs != nil && gotAt != tt.at {
				t.Errorf("OnSpanTap offset = %d, want %d", gotAt, tt.at)
			}
			if !slices.Equal(got, tt.wantSelect) {
				t.Errorf("OnSelect got %v, want %v", got, tt.wantSelect)
			}
			if w.Canvas().Focused() != v {
				t.Error("the view did not take the focus")
			}
		})
	}
}

func TestKeyboard(t *testing.T) {
	article := readArticle(t)
	kim := cp(t, article, "Kim Jong Un", 0)
	ukr := cp(t, article, "Ukraine’s", 0)
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	tests := []struct {
		name  string
		start [2]int // the selection before the keys
		keys  []fyne.KeyName
		want  [2]int
	}{
		{"shift+right from a caret", [2]int{kim, kim}, []fyne.KeyName{fyne.KeyRight}, [2]int{kim, kim + 3}},
		{"shift+right twice", [2]int{kim, kim}, []fyne.KeyName{fyne.KeyRight, fyne.KeyRight}, [2]int{kim, kim + 8}},
		{"shift+left from the middle of a word", [2]int{kim + 6, kim + 6}, []fyne.KeyName{fyne.KeyLeft}, [2]int{kim + 4, kim + 8}},
		{"shift+right from the middle of a word", [2]int{kim + 6, kim + 6}, []fyne.KeyName{fyne.KeyRight}, [2]int{kim + 4, kim + 8}},
		{"shift+right then left", [2]int{kim, kim + 7}, []fyne.KeyName{fyne.KeyLeft}, [2]int{kim, kim + 3}},
		{"over a curly apostrophe", [2]int{ukr, ukr}, []fyne.KeyName{fyne.KeyRight}, [2]int{ukr, ukr + 9}},
		{"shift+down goes a line down", [2]int{0, 0}, []fyne.KeyName{fyne.KeyDown}, [2]int{0, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestView(t, article, fyne.NewSize(600, 800))
			v.SetSelection(tt.start[0], tt.start[1])
			var got selections
			got.record(v)
			v.KeyDown(shift)
			for _, k := range tt.keys {
				v.TypedKey(&fyne.KeyEvent{Name: k})
			}
			v.KeyUp(shift)
			if len(got) != len(tt.keys) {
				t.Fatalf("OnSelect called %d times, want %d", len(got), len(tt.keys))
			}
			a, b := v.Selection()
			want := tt.want
			if want[1] < 0 { // from the start of the first line to its last word
				second := int(v.layout().lines[1].start)
				want[1] = utf8.RuneCountInString(strings.TrimRight(string([]rune(article)[:second]), " \n"))
			}
			if [2]int{a, b} != want {
				t.Errorf("Selection() = %d, %d, want %v", a, b, want)
			}
		})
	}
}

// TestShiftArrowSequences presses Shift+→ and Shift+← in turn from a
// double-clicked word or a caret and checks the text selected after each
// key: whole words, never white space at either end.
func TestShiftArrowSequences(t *testing.T) {
	const r, l = fyne.KeyRight, fyne.KeyLeft
	article := readArticle(t)
	bank := "Bank of Korea said"
	tests := []struct {
		name  string
		text  string
		word  string // double-clicked, or the caret's place with caret
		caret int    // the caret's offset into word, or -1 to double-click
		keys  []fyne.KeyName
		want  []string // the selected text after each key
	}{
		{"grow and shrink a word", bank, "Bank", -1, []fyne.KeyName{r, r, l},
			[]string{"Bank of", "Bank of Korea", "Bank of"}},
		{"shrink past the anchor", article, "Security", -1, []fyne.KeyName{r, r, l, l, l, l, l, r, r, r},
			[]string{"Security Council", "Security Council Secretary", "Security Council", "Security", "",
				"Russia’s", ", Russia’s", "Russia’s", "", "Security"}},
		{"from a caret before a word", article, "Security", 0, []fyne.KeyName{r, r, l, l, l},
			[]string{"Security", "Security Council", "Security", "", "Russia’s"}},
		{"from a caret inside a word", article, "Council", 3, []fyne.KeyName{l, l, r, r, r},
			[]string{"Council", "Security Council", "Council", "", "Secretary"}},
		{"from a caret in a space", article, " Council", 0, []fyne.KeyName{r, l, l},
			[]string{"Council", "", "Security"}},
		{"a number and the sentence's period", "They sent 6,000. Then", "6,000", -1, []fyne.KeyName{r, l, l},
			[]string{"6,000.", "6,000", ""}},
	}
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestView(t, tt.text, fyne.NewSize(600, 800))
			start := cp(t, tt.text, tt.word, 0)
			if tt.caret < 0 {
				v.DoubleTapped(&fyne.PointEvent{Position: charPos(v, start+1)})
			} else {
				v.SetSelection(start+tt.caret, start+tt.caret)
			}
			var got []string
			v.OnSelect = func(a, b int) { got = append(got, string([]rune(tt.text)[a:b])) }
			v.KeyDown(shift)
			for _, k := range tt.keys {
				v.TypedKey(&fyne.KeyEvent{Name: k})
			}
			v.KeyUp(shift)
			if !slices.Equal(got, tt.want) {
				t.Errorf("selected %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEscAndKeys(t *testing.T) {
	v, _ := newTestView(t, readArticle(t), fyne.NewSize(600, 300))
	v.SetSelection(5, 10)
	var got selections
	got.record(v)
	var keys []fyne.KeyName
	v.OnKey = func(ev *fyne.KeyEvent) bool {
		keys = append(keys, ev.Name)
		return ev.Name == fyne.KeyPageDown
	}
	var runes []rune
	v.OnRune = func(r rune) { runes = append(runes, r) }

	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if a, b := v.Selection(); a != b {
		t.Errorf("after Esc Selection() = %d, %d, want empty", a, b)
	}
	if !slices.Equal(got, selections{{10, 10}}) {
		t.Errorf("OnSelect got %v, want [[10 10]]", got)
	}
	test.Type(v, "pq")
	if string(runes) != "pq" {
		t.Errorf("OnRune got %q, want %q", string(runes), "pq")
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // handled by OnKey: no scroll
	if v.scrollY != 0 {
		t.Errorf("a key OnKey handled scrolled to %v", v.scrollY)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // not handled: moves the caret a line down
	if a, _ := v.Selection(); v.layout().lineOf(a) != 1 || v.scrollY != 0 {
		t.Errorf("Down put the caret on line %d and scrolled to %v, want line 1 and no scroll", v.layout().lineOf(a), v.scrollY)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd}) // the end of the line
	if a, _ := v.Selection(); a != homeEndOfLine(v, 1) {
		t.Errorf("End put the caret at %d, want %d", a, homeEndOfLine(v, 1))
	}
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierControl})
	if v.scrollY != v.metrics.lineHeight {
		t.Errorf("Ctrl+Down scrolled to %v, want %v", v.scrollY, v.metrics.lineHeight)
	}
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierControl})
	if v.scrollY != v.maxScroll() || v.scrollY == 0 {
		t.Errorf("Ctrl+End scrolled to %v, want %v", v.scrollY, v.maxScroll())
	}
	if want := []fyne.KeyName{fyne.KeyEscape, fyne.KeyPageDown, fyne.KeyDown, fyne.KeyEnd}; !slices.Equal(keys, want) {
		t.Errorf("OnKey got %v, want %v", keys, want)
	}
}

func TestShortcuts(t *testing.T) {
	article := readArticle(t)
	v, w := newTestView(t, article, fyne.NewSize(600, 300))
	var got selections
	got.record(v)
	kim := cp(t, article, "Kim Jong Un", 0)
	v.SetSelection(kim, kim+11)

	v.TypedShortcut(&fyne.ShortcutCopy{})
	if s := fyne.CurrentApp().Clipboard().Content(); s != "Kim Jong Un" {
		t.Errorf("Copy put %q in the clipboard, want %q", s, "Kim Jong Un")
	}
	undo := &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
	undone := false
	w.Canvas().AddShortcut(undo, func(fyne.Shortcut) { undone = true })
	v.TypedShortcut(undo)
	if !undone {
		t.Error("a window shortcut typed in the view did not reach the window")
	}
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	if n := utf8.RuneCountInString(article); !slices.Equal(got, selections{{0, n}}) {
		t.Errorf("Select All: OnSelect got %v, want [[0 %d]]", got, n)
	}
}

// texts returns the strings of the text objects the view draws.
func texts(t *testing.T, v *View) []string {
	var out []string
	for _, o := range test.TempWidgetRenderer(t, v).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			out = append(out, tx.Text)
		}
	}
	return out
}

func TestHoverAndTooltip(t *testing.T) {
	article := readArticle(t)
	v, _ := newTestView(t, article, fyne.NewSize(600, 400))
	clock := &apptest.Runner{}
	v.after = clock.After
	kim := cp(t, article, "Kim Jong Un", 0)
	v.SetSpans([]Span{
		{ID: "claim", Start: 0, End: 120, Style: Underline},
		{ID: "person", Start: kim, End: kim + 11, Style: Fill},
	})
	type hovered struct {
		ids    string
		offset int
	}
	var hovers []hovered
	v.OnHover = func(ids []string, offset int) { hovers = append(hovers, hovered{strings.Join(ids, ","), offset}) }
	v.Tooltip = func(offset int) string {
		if offset >= kim && offset < kim+11 {
			return "PERSON\nKim"
		}
		return ""
	}

	move := func(p fyne.Position) { v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}}) }
	v.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: charPos(v, 2)}})
	move(charPos(v, kim+1))
	if ds := clock.Fire(); !slices.Equal(ds, []time.Duration{tooltipDelay}) {
		t.Fatalf("timers fired %v, want one of %v", ds, tooltipDelay)
	}
	if got := texts(t, v); !slices.Contains(got, "PERSON") || !slices.Contains(got, "Kim") {
		t.Errorf("after resting on Kim the view draws %v, want the tooltip's lines", got)
	}
	move(charPos(v, kim+2)) // same tooltip: it stays
	if got := texts(t, v); !slices.Contains(got, "PERSON") {
		t.Error("the tooltip went away on a move within the span")
	}
	move(charPos(v, 125)) // off the spans: no tooltip
	clock.Fire()
	if got := texts(t, v); slices.Contains(got, "PERSON") {
		t.Error("the tooltip stayed after the pointer left the span")
	}
	move(charPos(v, kim))
	v.MouseOut()
	clock.Fire()
	if got := texts(t, v); slices.Contains(got, "PERSON") {
		t.Error("a tooltip showed after the pointer left the view")
	}
	want := []hovered{
		{"claim", 2}, {"claim,person", kim + 1}, {"", -1}, {"claim,person", kim}, {"", -1},
	}
	if !slices.Equal(hovers, want) {
		t.Errorf("OnHover got %v, want %v", hovers, want)
	}
	if v.Cursor() != desktop.TextCursor {
		t.Errorf("Cursor() = %v, want the text cursor", v.Cursor())
	}
}

// longText returns about n bytes of article text with some Unicode.
func longText(t testing.TB, n int) string {
	b := annotatetest.Read(t, "article.txt")
	var sb strings.Builder
	for sb.Len() < n {
		sb.Write(b)
		sb.WriteString("\n\nZoë 🚀 北京 👩\u200d🔬 שלום — “quoted” text.\n\n")
	}
	return sb.String()
}

func TestScrolling(t *testing.T) {
	text := longText(t, 100_000)
	v, w := newTestView(t, text, fyne.NewSize(500, 400))
	if v.layout(); v.maxScroll() <= 0 {
		t.Fatal("a long text does not scroll")
	}

	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, -250)
	if v.scrollY != 250 {
		t.Errorf("after scrolling 250 down scrollY = %v", v.scrollY)
	}
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, 1000)
	if v.scrollY != 0 {
		t.Errorf("scrolling past the top gives scrollY %v, want 0", v.scrollY)
	}

	target := cp(t, text, "military workers", 20)
	v.ScrollTo(target)
	p := charPos(v, target)
	if p.Y < 0 || p.Y > 400 {
		t.Fatalf("after ScrollTo(%d) its character is at y %v, outside the view", target, p.Y)
	}
	if got := v.OffsetAt(edgePos(v, target)); got != target {
		t.Errorf("OffsetAt at the scrolled character = %d, want %d", got, target)
	}
	scrolled := v.scrollY
	v.ScrollTo(target + 1) // already in view: no jump
	if v.scrollY != scrolled {
		t.Errorf("ScrollTo of a visible offset moved from %v to %v", scrolled, v.scrollY)
	}

	// Dragging the thumb to the bottom scrolls to the end.
	bar := fyne.NewPos(499, 0)
	_, h := thumb(400, v.lay.height()+2*v.metrics.pad, v.scrollY)
	ty, _ := thumb(400, v.lay.height()+2*v.metrics.pad, v.scrollY)
	bar.Y = ty + h/2
	v.MouseDown(mouse(bar, 0))
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(499, 1000)}, Dragged: fyne.NewDelta(0, 1000-bar.Y)})
	v.DragEnd()
	if v.scrollY != v.maxScroll() {
		t.Errorf("dragging the thumb to the bottom gives scrollY %v, want %v", v.scrollY, v.maxScroll())
	}
	if a, b := v.Selection(); a != b {
		t.Errorf("dragging the thumb selected %d, %d", a, b)
	}
}

func TestAutoscroll(t *testing.T) {
	text := longText(t, 20_000)
	v, _ := newTestView(t, text, fyne.NewSize(500, 300))
	clock := &apptest.Runner{}
	v.after = clock.After
	from := charPos(v, 5)
	v.MouseDown(mouse(from, 0))
	below := fyne.NewPos(200, 320)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: below}, Dragged: fyne.NewDelta(below.X-from.X, below.Y-from.Y)})
	_, before := v.Selection()
	for range 5 {
		if ds := clock.Fire(); len(ds) != 1 || ds[0] != autoscrollTick {
			t.Fatalf("autoscroll timers %v, want one of %v", ds, autoscrollTick)
		}
	}
	_, after := v.Selection()
	if v.scrollY <= 0 || after <= before {
		t.Errorf("holding a drag below the view: scrollY %v, selection end %d -> %d", v.scrollY, before, after)
	}
	v.DragEnd()
	if ds := clock.Fire(); len(ds) != 0 {
		t.Errorf("autoscroll went on after the drag ended: %v", ds)
	}
}

func TestSetTextResets(t *testing.T) {
	v, _ := newTestView(t, longText(t, 20_000), fyne.NewSize(500, 300))
	v.SetSpans([]Span{{ID: "a", Start: 0, End: 5}})
	v.SetActive("a")
	v.SetMarks([][2]int{{1, 2}})
	v.SetSelection(3, 9)
	v.scrollBy(500)
	v.SetText("short text")
	if a, b := v.Selection(); a != 0 || b != 0 {
		t.Errorf("Selection() = %d, %d, want 0, 0", a, b)
	}
	if v.scrollY != 0 || v.spans.len() != 0 || v.marks.len() != 0 || v.active != "" {
		t.Errorf("SetText kept scroll %v, spans %v, marks %v, active %q", v.scrollY, all(v.spans), all(v.marks), v.active)
	}
	if got := texts(t, v); !slices.Equal(got, []string{"short text"}) {
		t.Errorf("the view draws %q, want the new text", got)
	}
	if v.Text() != "short text" {
		t.Errorf("Text() = %q", v.Text())
	}
}

func TestResizeAndZoomKeepTheTopLine(t *testing.T) {
	text := longText(t, 50_000)
	v, w := newTestView(t, text, fyne.NewSize(500, 300))
	v.ScrollTo(cp(t, text, "Pyongyang", 10))
	// topLine returns the line at the top of the view and where it starts.
	topLine := func() (int, int) {
		l := v.layout()
		li := l.lineOf(v.OffsetAt(fyne.NewPos(v.metrics.pad, 1)))
		return li, int(l.lines[li].start)
	}
	steps := []struct {
		name   string
		change func()
	}{
		{"resize", func() { w.Resize(fyne.NewSize(700, 300)) }},
		{"zoom", func() { v.SetTextScale(1.5) }},
	}
	for _, step := range steps {
		_, start := topLine()
		step.change()
		if li, _ := topLine(); li != v.layout().lineOf(start) {
			t.Errorf("after a %s the top line is %d, want the line of %d, the old top line's start", step.name, li, start)
		}
	}
	if v.metrics.textSize != 1.5*14 {
		t.Errorf("text size %v after zooming 1.5", v.metrics.textSize)
	}
}

func TestObjectsFollowTheWindowNotTheText(t *testing.T) {
	counts := map[int]int{}
	for _, n := range []int{10_000, 1_000_000} {
		v, _ := newTestView(t, longText(t, n), fyne.NewSize(600, 400))
		v.SetSelection(0, 2000)
		counts[n] = len(test.TempWidgetRenderer(t, v).Objects())
	}
	if counts[10_000] != counts[1_000_000] || counts[10_000] > 100 {
		t.Errorf("objects drawn: %v; want the same small number for both lengths", counts)
	}
}

// TestTagsAndLinksFollowTheWindow draws label tags and links only for
// the lines in view: a text a hundred times longer, with a hundred times
// as many spans and links, draws as many objects.
func TestTagsAndLinksFollowTheWindow(t *testing.T) {
	counts := map[int]int{}
	for _, n := range []int{10_000, 1_000_000} {
		v, _ := newTestView(t, longText(t, n), fyne.NewSize(600, 400))
		var spans []Span
		var links []Link
		for i := 0; i+5 < n; i += 100 {
			id := strconv.Itoa(i)
			spans = append(spans, Span{ID: id, Start: i, End: i + 5, Color: red, Label: "ORG"})
			if i > 0 {
				links = append(links, Link{From: strconv.Itoa(i - 100), To: id, Color: blue})
			}
		}
		v.SetSpans(spans)
		v.SetLinks(links)
		v.SetLabels(true)
		v.ScrollTo(n / 2)
		counts[n] = len(test.TempWidgetRenderer(t, v).Objects())
	}
	if counts[10_000] != counts[1_000_000] || counts[10_000] > 400 {
		t.Errorf("objects drawn: %v; want the same small number for both lengths", counts)
	}
}

func TestThemeChange(t *testing.T) {
	v, _ := newTestView(t, "some text", fyne.NewSize(300, 200))
	light := variantTheme{variant: theme.VariantLight}
	test.ApplyTheme(t, light)
	for _, o := range test.TempWidgetRenderer(t, v).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Color != light.Color(theme.ColorNameForeground, 0) {
			t.Errorf("text colour %v after a theme change, want the theme's foreground", tx.Color)
		}
	}
}

// TestSelectFixtureAnnotations drags over every annotation of the Unicode
// fixture, whose offsets a Python script computed, and checks that the
// view selects exactly those code points: with Alt from boundary to
// boundary; without, for the annotations that are whole tokens, from
// inside the first grapheme to inside the last, where snapping must not
// take more.
func TestSelectFixtureAnnotations(t *testing.T) {
	text := annotatetest.Text(t, "unicode.txt")
	anns := annotatetest.UnicodeSpans(t)
	tokens := annotate.Tokenize(text)
	for _, a := range anns {
		runes := []rune(text)
		if got := string(runes[a.Start:a.End]); got != a.Text {
			t.Fatalf("fixture: [%d, %d) is %q, not %q", a.Start, a.End, got, a.Text)
		}
		want := selections{{a.Start, a.End}}
		t.Run(a.Text+"/alt", func(t *testing.T) {
			v, _ := newTestView(t, text, fyne.NewSize(600, 1200))
			var got selections
			got.record(v)
			dragLikeDriver(v, edgePos(v, a.Start), edgePos(v, a.End), fyne.KeyModifierAlt)
			if !slices.Equal(got, want) {
				t.Errorf("OnSelect got %v, want %v", got, want)
			}
		})
		if s, e := annotate.SnapToTokens(tokens, a.Start, a.End); s != a.Start || e != a.End || a.End-a.Start < 2 {
			continue
		}
		t.Run(a.Text+"/words", func(t *testing.T) {
			v, _ := newTestView(t, text, fyne.NewSize(600, 1200))
			var got selections
			got.record(v)
			l := v.layout()
			first, last := l.nextBoundary(a.Start), l.prevBoundary(a.End-1)
			dragLikeDriver(v, graphemePos(v, a.Start, first, 0.25), graphemePos(v, last, a.End, 0.75), 0)
			if !slices.Equal(got, want) {
				t.Errorf("OnSelect got %v, want %v", got, want)
			}
		})
	}
}
