package textview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// dots returns the fill colours of the unset dots the view draws.
func dots(t *testing.T, v *View) []color.Color {
	t.Helper()
	var out []color.Color
	for _, o := range test.TempWidgetRenderer(t, v).Objects() {
		if rc, ok := o.(*canvas.Rectangle); ok && rc.CornerRadius == unsetDot/2 && rc.Size().Width == unsetDot {
			out = append(out, rc.FillColor)
		}
	}
	return out
}

// TestUnsetDots draws a dot on each Unset span that ends in view, none on
// the others or on those off screen, and follows UpdateSpans.
func TestUnsetDots(t *testing.T) {
	text := readArticle(t)
	v, _ := newTestView(t, text, fyne.NewSize(600, 200))
	red, blue, green := color.NRGBA{R: 0xff, A: 0xff}, color.NRGBA{B: 0xff, A: 0xff}, color.NRGBA{G: 0xff, A: 0xff}
	last := len([]rune(text))
	v.SetSpans([]Span{
		{ID: "a", Start: 0, End: 5, Color: red, Style: Underline, Unset: true},
		{ID: "b", Start: 6, End: 12, Color: blue, Style: Fill},
		{ID: "c", Start: last - 10, End: last - 2, Color: green, Style: Underline, Unset: true}, // off screen
	})
	if got := dots(t, v); len(got) != 1 || got[0] != red {
		t.Fatalf("dots %v, want one, red, on the span in view", got)
	}
	v.UpdateSpans([]Span{{ID: "b", Start: 6, End: 12, Color: blue, Style: Fill, Unset: true}}, nil)
	if got := dots(t, v); len(got) != 2 {
		t.Errorf("after b became Unset: dots %v, want two", got)
	}
	v.UpdateSpans([]Span{{ID: "a", Start: 0, End: 5, Color: red, Style: Underline}}, []string{"b"})
	if got := dots(t, v); len(got) != 0 {
		t.Errorf("after a was set and b removed: dots %v, want none", got)
	}
	if v.spans.unset != 1 {
		t.Errorf("the index counts %d Unset spans, want 1 (c)", v.spans.unset)
	}
}
