package textview

import (
	"fmt"
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

// BenchmarkRefreshUnset draws frames of 1 MB of text with the spans of
// BenchmarkRefresh, none Unset or every one: what the dots cost a frame.
func BenchmarkRefreshUnset(b *testing.B) {
	for _, unset := range []bool{false, true} {
		b.Run(fmt.Sprintf("unset=%v", unset), func(b *testing.B) {
			test.NewTempApp(b)
			v := New()
			v.SetClock(stoppedClock)
			v.SetText(longText(b, 1<<20))
			w := test.NewTempWindow(b, v)
			w.Resize(fyne.NewSize(800, 600))
			spans := benchSpans(len(v.runes))
			for i := range spans {
				spans[i].Unset = unset
			}
			v.SetSpans(spans)
			v.layout().toEnd()
			v.ScrollTo(len(v.runes) / 2)
			r := test.WidgetRenderer(v)
			b.ResetTimer()
			for i := range b.N {
				v.scrollTo(v.scrollY + float32(i%2*2-1)*v.metrics.lineHeight)
				r.Refresh()
				r.Objects()
			}
		})
	}
}
