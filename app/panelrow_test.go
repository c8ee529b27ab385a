package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestCutToWidth(t *testing.T) {
	t.Parallel()
	// Every code point 10 wide, the ellipsis 5.
	width := func(c rune) float32 {
		if c == '…' {
			return 5
		}
		return 10
	}
	cases := []struct {
		name  string
		s     string
		avail float32
		want  string
	}{
		{"fits", "PERSON  Kim", 110, "PERSON  Kim"},
		{"fits exactly", "abc", 30, "abc"},
		{"cut", "abcdef", 40, "abc…"},
		{"cut after a multibyte rune", "ab“cd”", 36, "ab“…"},
		{"cut in multibyte text", "«éèà»", 30, "«é…"},
		{"no room", "abc", 4, "…"},
		{"empty", "", 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := cutToWidth(c.s, c.avail, width); got != c.want {
				t.Errorf("cutToWidth(%q, %v) = %q, want %q", c.s, c.avail, got, c.want)
			}
		})
	}
}

// TestRowLabelFits checks a row's text as drawn: whole when it fits, cut
// with an ellipsis to the row's width when not, and again when the row
// grows or the text changes.
func TestRowLabelFits(t *testing.T) {
	test.NewTempApp(t)
	l := newRowLabel()
	long := "MISC  the Sejong Institute, a think tank in Seongnam, south of Seoul"
	l.set(long, false)
	text := test.WidgetRenderer(l).Objects()[0].(*canvas.Text)
	pad := theme.Size(theme.SizeNameInnerPadding)
	for _, w := range []float32{120, 200, 2000} {
		l.Resize(fyne.NewSize(w, l.MinSize().Height))
		got := text.Text
		if w == 2000 {
			if got != long {
				t.Errorf("width %v: drew %q, want all of it", w, got)
			}
			continue
		}
		if len(got) >= len(long) || got[len(got)-len("…"):] != "…" {
			t.Errorf("width %v: drew %q, want a prefix and an ellipsis", w, got)
		}
		if m := fyne.MeasureText(got, text.TextSize, text.TextStyle); m.Width > w-2*pad {
			t.Errorf("width %v: %q is %v wide, more than the %v inside the padding", w, got, m.Width, w-2*pad)
		}
	}
	l.set("ORG  UN", true)
	if text.Text != "ORG  UN" || !text.TextStyle.Bold {
		t.Errorf("after set: drew %q bold %v, want %q bold", text.Text, text.TextStyle.Bold, "ORG  UN")
	}
}
