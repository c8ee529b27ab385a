package textview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// suggestRed is the colour the tests' suggestions are drawn in, which
// nothing else in the view uses.
var suggestRed = color.NRGBA{R: 0xd0, G: 0x10, B: 0x20, A: 0xff}

// dashesIn returns the rectangles of the frame filled with c, and whether
// each is a dash (no longer than dashLen one way, suggestWidth the other).
func dashesIn(v *View, c color.Color) (n int, allDashes bool) {
	allDashes = true
	for _, o := range test.WidgetRenderer(v).Objects() {
		rc, ok := o.(*canvas.Rectangle)
		if !ok || rc.FillColor != c {
			continue
		}
		n++
		s := rc.Size()
		if min(s.Width, s.Height) > suggestWidth || max(s.Width, s.Height) > dashLen {
			allDashes = false
		}
	}
	return n, allDashes
}

// source answers the view's queries from spans, and counts the
// suggestions it handed out.
type source struct {
	spans  []Span
	handed int
}

func (s *source) in(dst []Span, a, b int) []Span {
	for _, sp := range s.spans {
		if sp.End > a && sp.Start < b {
			dst = append(dst, sp)
			s.handed++
		}
	}
	return dst
}

func TestSuggestionsDrawnDashedOnLinesInView(t *testing.T) {
	text := longText(t, 100_000)
	v, _ := newTestView(t, text, fyne.NewSize(500, 400))
	first := cp(t, text, "Shoigu", 0)
	late := cp(t, text, "Shoigu", 20)
	one := []Span{{ID: "s1", Start: first, End: first + 6, Color: suggestRed}}
	src := &source{spans: one}
	v.SetSuggestions(src.in)
	visible, dashed := dashesIn(v, suggestRed)
	if visible == 0 || !dashed {
		t.Fatalf("a suggestion in view is drawn with %d rectangles (all dashes: %v), want dashes", visible, dashed)
	}
	// A suggestion draws no fill and no label tag: nothing of its fill
	// colour, and the text stays as it was.
	if n, _ := dashesIn(v, fillColor(suggestRed)); n != 0 {
		t.Errorf("a suggestion drew %d fills", n)
	}

	many := one
	for i := 1; i < 2000; i++ {
		s := cp(t, text, "Shoigu", 20+i%5)
		many = append(many, Span{ID: string(rune('a'+i%26)) + string(rune(i)), Start: s, End: s + 6, Color: suggestRed})
	}
	src.spans, src.handed = many, 0
	v.RefreshSuggestions()
	if got, _ := dashesIn(v, suggestRed); got != visible || src.handed != 1 {
		t.Errorf("with 2,000 suggestions out of view the frame has %d dashes and asked for %d suggestions, want the %d dashes of the one in view", got, src.handed, visible)
	}

	v.ScrollTo(late)
	if got, dashed := dashesIn(v, suggestRed); got <= visible || !dashed {
		t.Errorf("scrolled to the others: %d dashes (all dashes: %v), want more than %d", got, dashed, visible)
	}
	v.SetSuggestions(nil)
	if got, _ := dashesIn(v, suggestRed); got != 0 {
		t.Errorf("without suggestions the frame has %d dashes", got)
	}
}

func TestSuggestionTabAndTap(t *testing.T) {
	text := readArticle(t)
	v, w := newTestView(t, text, fyne.NewSize(600, 800))
	if v.AcceptsTab() {
		t.Error("a view without suggestions takes Tab from the focus cycle")
	}
	shoigu := cp(t, text, "Shoigu", 0)
	claim := cp(t, text, "Russia", 0)
	v.SetSpans([]Span{{ID: "claim", Start: claim, End: shoigu + 20, Color: suggestRed, Style: Underline}})
	sug := Span{Label: "PERSON", Start: shoigu, End: shoigu + 6, Color: suggestRed}
	v.SetSuggestions((&source{spans: []Span{sug}}).in)
	if !v.AcceptsTab() {
		t.Error("a view with suggestions lets Tab move the focus away")
	}
	var tappedSugg []Span
	var tappedSpans [][]string
	v.OnSuggestionTap = func(s Span) { tappedSugg = append(tappedSugg, s) }
	v.OnSpanTap = func(ids []string, _ int) { tappedSpans = append(tappedSpans, ids) }

	test.TapCanvas(w.Canvas(), charPos(v, shoigu+2))
	if len(tappedSugg) != 1 || tappedSugg[0].Start != shoigu || len(tappedSpans) != 0 {
		t.Fatalf("a click on a suggestion inside a claim: suggestion taps %v, span taps %v", tappedSugg, tappedSpans)
	}
	v.SetActiveSuggestion(sug)
	test.TapCanvas(w.Canvas(), charPos(v, shoigu+2))
	if len(tappedSugg) != 1 || len(tappedSpans) != 1 {
		t.Errorf("a second click on the selected suggestion: suggestion taps %v, span taps %v; want the claim", tappedSugg, tappedSpans)
	}
	test.TapCanvas(w.Canvas(), charPos(v, claim+1))
	if len(tappedSugg) != 1 || len(tappedSpans) != 2 {
		t.Errorf("a click beside the suggestion: suggestion taps %v, span taps %v", tappedSugg, tappedSpans)
	}
}
