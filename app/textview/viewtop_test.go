package textview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spanmark/app/apptest"
)

// TestScrollToTopRoundTrip puts the line of an offset at the top of the
// view, with the text laid out only partly, and reads it back with
// TopOffset: the start of that line, on the first line of the view.
func TestScrollToTopRoundTrip(t *testing.T) {
	text := numberedText(t, 400_000)
	n := len([]rune(text))
	for _, c := range []struct {
		name   string
		offset int
	}{
		{"start", 0},
		{"a third in", n / 3},
		{"near the end", n - 5000},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, _ := newTestView(t, text, fyne.NewSize(700, 500))
			v.firstTime = 0
			v.SetClock((&apptest.Runner{}).After)
			v.SetText(text) // a layout that has only begun
			v.ScrollToTop(c.offset)
			if v.lay.done() {
				t.Fatal("the layout is complete; the test needs a partial one")
			}
			top := v.TopOffset()
			want := int(v.lay.lines[v.lay.lineOf(c.offset)].start)
			if top != want {
				t.Errorf("TopOffset() = %d, want %d, the start of the line of %d", top, want, c.offset)
			}
			if p, ok := v.PositionOf(top); !ok || p.Y > v.lay.lineHeight {
				t.Errorf("the character at %d is drawn at %v (in view %v), want on the first line", top, p, ok)
			}
		})
	}
}

// TestScrollToTopBeforeASize asks for a place before the view is laid
// out, as a document reopening does, and finds it there once the window
// has a size.
func TestScrollToTopBeforeASize(t *testing.T) {
	text := numberedText(t, 100_000)
	test.NewTempApp(t)
	v := New()
	v.SetClock((&apptest.Runner{}).After)
	v.SetText(text)
	v.ScrollToTop(50_000)
	if got := v.TopOffset(); got != 50_000 {
		t.Errorf("before a size, TopOffset() = %d, want 50000", got)
	}
	w := test.NewTempWindow(t, v)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(700, 500))
	top := v.TopOffset()
	if top > 50_000 || top < 50_000-200 {
		t.Errorf("TopOffset() = %d, want the start of the line of 50000", top)
	}
}
