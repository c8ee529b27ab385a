package textview

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"spanmark/app/apptest"
)

// numberedText returns a text of at least n bytes made of copies of the
// article, each after a numbered heading, so that no two screens of it
// look alike and a layout off by a copy shows.
func numberedText(t testing.TB, n int) string {
	article := longText(t, 1)
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		fmt.Fprintf(&sb, "Part %d\n\n%s\n", i, article)
	}
	return sb.String()
}

// laidInPieces lays text out in pieces of random sizes and checks, after
// each, that its complete lines are those of whole; it returns the layout
// once all of it is laid out.
func laidInPieces(t *testing.T, text string, width float32, whole []wantLine, rng *rand.Rand) *layout {
	t.Helper()
	l := startLayout(text, []rune(text), width, 20, newMeasurer(tenPerRune))
	for steps := 0; !l.done(); steps++ {
		l.extend(1 + rng.IntN(300))
		got := gotLines(l)
		if len(got) > len(whole) || !slices.EqualFunc(got, whole[:len(got)], equalLine) {
			t.Fatalf("width %v, after %d pieces: the lines laid out so far differ from the whole layout's", width, steps)
		}
		if !l.done() && l.laidTo() != int(whole[len(got)].start) {
			t.Fatalf("width %v: laidTo() = %d, want the start of the next line, %d", width, l.laidTo(), whole[len(got)].start)
		}
	}
	return l
}

func equalLine(a, b wantLine) bool {
	return a.start == b.start && a.end == b.end && slices.Equal(a.runs, b.runs)
}

func TestLayoutInPiecesMatchesWhole(t *testing.T) {
	texts := map[string]string{
		"article":                  longText(t, 1),
		"unicode":                  unicodeText,
		"empty":                    "",
		"ends with a newline":      "one two\nthree\n",
		"blank lines":              "\n\n\nword\n\n",
		"one long paragraph":       strings.Repeat("word longerword ", 400),
		"a word wider than a line": "x " + strings.Repeat("abcdefghij", 30) + " y",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for name, text := range texts {
		for _, width := range []float32{35, 300, 700} {
			t.Run(fmt.Sprintf("%s/%v", name, width), func(t *testing.T) {
				whole := gotLines(layoutOf(text, width))
				l := laidInPieces(t, text, width, whole, rng)
				if got := gotLines(l); !slices.EqualFunc(got, whole, equalLine) {
					t.Fatalf("laid out in pieces: %d lines, whole: %d lines, or their runs differ", len(got), len(whole))
				}
			})
		}
	}
}

// TestLookupsLayOutFirst asks a layout that has laid out nothing about
// places far into the text, and wants the answers of the whole layout.
func TestLookupsLayOutFirst(t *testing.T) {
	text := numberedText(t, 200_000)
	whole := layoutOf(text, 400)
	fresh := func() *layout { return startLayout(text, []rune(text), 400, 20, newMeasurer(tenPerRune)) }
	n := len(whole.runes)
	for _, offset := range []int{0, 1, n / 3, n / 2, n - 1, n} {
		if got, want := fresh().lineOf(offset), whole.lineOf(offset); got != want {
			t.Errorf("lineOf(%d) = %d, want %d", offset, got, want)
		}
	}
	for _, y := range []float32{0, 10_000, 99_999, whole.height() - 1, whole.height() + 100} {
		if got, want := fresh().lineAt(y), whole.lineAt(y); got != want {
			t.Errorf("lineAt(%v) = %d, want %d", y, got, want)
		}
		if got, want := fresh().offsetAt(123, y), whole.offsetAt(123, y); got != want {
			t.Errorf("offsetAt(123, %v) = %d, want %d", y, got, want)
		}
		got, gotOK := fresh().charAt(123, y)
		want, wantOK := whole.charAt(123, y)
		if got != want || gotOK != wantOK {
			t.Errorf("charAt(123, %v) = %d, %v, want %d, %v", y, got, gotOK, want, wantOK)
		}
	}
	l := fresh()
	first := l.lineAt(50_000)
	a := int(l.lines[first].start)
	if got, want := l.boxes(nil, a, a+500, first, first+30), whole.boxes(nil, a, a+500, first, first+30); !slices.Equal(got, want) {
		t.Errorf("boxes deep in the text = %v, want %v", got, want)
	}
}

func TestHeightEstimate(t *testing.T) {
	text := numberedText(t, 300_000)
	whole := layoutOf(text, 500)
	l := startLayout(text, []rune(text), 500, 20, newMeasurer(tenPerRune))
	l.toLine(100)
	if l.done() {
		t.Fatal("100 lines laid out the whole text")
	}
	if got, want := l.height(), whole.height(); got < want*0.8 || got > want*1.2 {
		t.Errorf("estimated height after 100 lines = %v, the whole text's is %v", got, want)
	}
	if got := l.height(); got <= float32(len(l.lines))*l.lineHeight {
		t.Errorf("estimated height %v is no more than the lines laid out", got)
	}
	l.toEnd()
	if got, want := l.height(), whole.height(); got != want {
		t.Errorf("height once laid out = %v, want %v", got, want)
	}
}

// drawn describes what the view draws: every text and rectangle with its
// place, size and colour.
func drawn(t *testing.T, v *View) []string {
	var out []string
	for _, o := range test.TempWidgetRenderer(t, v).Objects() {
		switch o := o.(type) {
		case *canvas.Text:
			out = append(out, fmt.Sprintf("text %q at %v", o.Text, o.Position()))
		case *canvas.Rectangle:
			out = append(out, fmt.Sprintf("rect %v at %v size %v", o.FillColor, o.Position(), o.Size()))
		}
	}
	return out
}

// fireAll runs the clock's timers, and those they start, until none is
// left, and returns how many rounds that took.
func fireAll(c *apptest.Runner) int {
	rounds := 0
	for len(c.Fire()) > 0 {
		rounds++
	}
	return rounds
}

// TestFirstScreenOfALongText shows a megabyte: the first frame lays out
// a screenful, not the text, and draws what the whole layout would; the
// rest is laid out by the view's clock, a piece a call.
func TestFirstScreenOfALongText(t *testing.T) {
	text := numberedText(t, 1<<20)
	v, _ := newTestView(t, text, fyne.NewSize(800, 600))
	clock := &apptest.Runner{}
	v.SetClock(clock.After)
	v.firstTime = 0 // the first frame lays out what it shows, and no more
	v.SetText(text)
	v.SetSpans(benchSpans(len(v.runes)))
	first := drawn(t, v)
	if v.lay.done() || v.lay.laidTo() > 8*stepBytes {
		t.Fatalf("the first frame laid out %d of %d code points", v.lay.laidTo(), len(v.runes))
	}
	calls := fireAll(clock)
	if !v.lay.done() {
		t.Fatal("the view's clock ran out before the text was laid out")
	}
	if calls < 2 {
		t.Errorf("the rest was laid out in %d calls; want pieces", calls)
	}
	if got := drawn(t, v); !slices.Equal(got, first) {
		t.Errorf("the first frame differs from the same frame drawn from the whole layout:\n%s", firstDiff(got, first))
	}
}

// TestScrollIntoTextNotLaidOut moves a view whose layout has only begun
// to places far into the text, and wants the frame a view with the whole
// layout draws there.
func TestScrollIntoTextNotLaidOut(t *testing.T) {
	text := numberedText(t, 400_000)
	spans := benchSpans(len([]rune(text)))
	views := func(t *testing.T) (lazy, whole *View) {
		lazy, _ = newTestView(t, text, fyne.NewSize(700, 500))
		lazy.firstTime = 0
		lazy.SetText(text) // a layout that has only begun
		whole, _ = newTestView(t, text, fyne.NewSize(700, 500))
		clock := &apptest.Runner{}
		whole.SetClock(clock.After)
		whole.SetText(text)
		whole.layout()
		lazy.layout()
		fireAll(clock)
		if !whole.lay.done() || lazy.lay.done() {
			t.Fatal("the views' layouts are not as the test needs")
		}
		lazy.SetSpans(spans)
		whole.SetSpans(spans)
		return lazy, whole
	}
	n := len([]rune(text))
	moves := map[string]func(v *View){
		"ScrollTo the middle":     func(v *View) { v.ScrollTo(n / 2) },
		"ScrollTo near the end":   func(v *View) { v.ScrollTo(n - 3000) },
		"End key":                 func(v *View) { v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd}) },
		"select across to a spot": func(v *View) { v.SetSelection(n/3, n/3+400); v.ScrollTo(n / 3) },
		"wheel far down": func(v *View) {
			v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -60_000}})
		},
	}
	for name, move := range moves {
		t.Run(name, func(t *testing.T) {
			lazy, whole := views(t)
			move(lazy)
			move(whole)
			if lazy.scrollY != whole.scrollY {
				t.Fatalf("scrollY = %v, with the whole layout %v", lazy.scrollY, whole.scrollY)
			}
			if got, want := drawn(t, lazy), drawn(t, whole); !slices.Equal(withoutBar(got), withoutBar(want)) {
				t.Errorf("the frame differs from the whole layout's:\n%s", firstDiff(got, want))
			}
		})
	}
}

// withoutBar drops the last rectangle, the scroll bar's thumb, whose size
// follows the estimated height until the text is all laid out.
func withoutBar(objs []string) []string {
	for i := len(objs) - 1; i >= 0; i-- {
		if strings.HasPrefix(objs[i], "rect ") {
			return slices.Delete(slices.Clone(objs), i, i+1)
		}
	}
	return objs
}

func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("object %d: %s\n      want %s", i, got[i], want[i])
		}
	}
	return fmt.Sprintf("%d objects, want %d", len(got), len(want))
}

// TestShortTextLaidOutAtOnce shows the article: its first frame lays all
// of it out, and leaves nothing for later that would change the scroll
// bar after it.
func TestShortTextLaidOutAtOnce(t *testing.T) {
	text := readArticle(t)
	v, _ := newTestView(t, text, fyne.NewSize(300, 200))
	clock := &apptest.Runner{}
	v.SetClock(clock.After)
	v.SetText(text)
	v.layout()
	if !v.lay.done() {
		t.Errorf("the first frame of a %d-byte text laid out %d of %d code points", len(text), v.lay.laidTo(), len(v.runes))
	}
	if ds := clock.Fire(); len(ds) != 0 {
		t.Errorf("the view left work for later: timers %v", ds)
	}
}

// TestTextShownBeforeKeepsItsLayout switches a view between two long
// texts: going back to the one shown before takes its layout as it was,
// and draws what a new layout would; after a resize, or with a third text
// in between, it is laid out again.
func TestTextShownBeforeKeepsItsLayout(t *testing.T) {
	long := numberedText(t, 200_000)
	other := "Another document.\n" + numberedText(t, 50_000)
	v, w := newTestView(t, long, fyne.NewSize(700, 500))
	fresh, _ := newTestView(t, long, fyne.NewSize(700, 500))
	kept := v.lay
	if !kept.done() {
		t.Fatal("the first text is not laid out")
	}
	v.SetText(other)
	v.layout()
	v.SetText(long)
	if v.layout() != kept {
		t.Errorf("going back to the text shown before laid it out again")
	}
	if got, want := drawn(t, v), drawn(t, fresh); !slices.Equal(got, want) {
		t.Errorf("the frame with the kept layout differs from a new layout's:\n%s", firstDiff(got, want))
	}
	cases := []struct {
		name   string
		before func()
	}{
		{"a resize in between", func() { w.Resize(fyne.NewSize(600, 500)) }},
		{"a third text in between", func() { v.SetText("A third.") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kept := v.layout()
			v.SetText(other)
			c.before()
			v.SetText(long)
			l := v.layout()
			if l == kept {
				t.Fatalf("the layout for another width or of a text not shown last was kept")
			}
			if l.width != v.Size().Width-2*v.metrics.pad {
				t.Errorf("layout width %v, view's %v", l.width, v.Size().Width-2*v.metrics.pad)
			}
		})
	}
}
