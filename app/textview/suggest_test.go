package textview

import (
	"image"
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// suggestRed is the colour the tests' suggestions are drawn in, which
// nothing else in the view uses.
var suggestRed = color.NRGBA{R: 0xd0, G: 0x10, B: 0x20, A: 0xff}

// dashesIn returns how many suggestion outlines the frame has in c, and
// whether the dash layer paints each of them dashed: along its top side,
// pixels of c broken by gaps, and nothing inside.
func dashesIn(v *View, c color.Color) (n int, allDashes bool) {
	r := test.WidgetRenderer(v).(*renderer)
	if !slices.Contains(test.WidgetRenderer(v).Objects(), fyne.CanvasObject(r.dash.raster)) {
		return 0, false
	}
	size := r.dash.raster.Size()
	img := r.dash.paint(int(size.Width), int(size.Height)).(*image.RGBA)
	want := color.RGBAModel.Convert(c).(color.RGBA)
	allDashes = true
	for _, b := range r.dash.drawn {
		if b.c != want {
			continue
		}
		n++
		runs, in := 0, false
		y := int(b.y + suggestWidth/2)
		for x := int(b.x); x < int(b.x+b.w); x++ {
			on := img.RGBAAt(x, y).A > 0x80
			if on && !in {
				runs++
			}
			in = on
		}
		if inside := img.RGBAAt(int(b.x+b.w/2), int(b.y+b.h/2)); runs < 2 || inside.A != 0 {
			allDashes = false
		}
	}
	return n, allDashes
}

// rectsIn returns how many rectangles of the frame are filled with c.
func rectsIn(v *View, c color.Color) int {
	n := 0
	for _, o := range test.WidgetRenderer(v).Objects() {
		if rc, ok := o.(*canvas.Rectangle); ok && rc.FillColor == c {
			n++
		}
	}
	return n
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
		t.Fatalf("a suggestion in view has %d outlines (all dashed: %v), want a dashed one", visible, dashed)
	}
	// A suggestion draws no fill and no label tag: nothing of its fill
	// colour, and the text stays as it was.
	if n := rectsIn(v, fillColor(suggestRed)); n != 0 {
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
		t.Errorf("with 2,000 suggestions out of view the frame has %d outlines and asked for %d suggestions, want the %d of the one in view", got, src.handed, visible)
	}

	v.ScrollTo(late)
	if got, dashed := dashesIn(v, suggestRed); got <= visible || !dashed {
		t.Errorf("scrolled to the others: %d outlines (all dashed: %v), want more than %d", got, dashed, visible)
	}
	v.SetSuggestions(nil)
	if got, _ := dashesIn(v, suggestRed); got != 0 {
		t.Errorf("without suggestions the frame has %d outlines", got)
	}
}

// TestDashLayerRepaintsOnChange checks that the dash layer's texture is
// made again when the dashes change, and only then: a caret move, which
// repaints the window, leaves it as it is.
func TestDashLayerRepaintsOnChange(t *testing.T) {
	text := longText(t, 100_000)
	v, _ := newTestView(t, text, fyne.NewSize(500, 400))
	at := cp(t, text, "Shoigu", 0)
	v.SetSuggestions((&source{spans: []Span{{Start: at, End: at + 6, Color: suggestRed}}}).in)
	d := test.WidgetRenderer(v).(*renderer).dash
	test.WidgetRenderer(v).Objects()
	before := d.version
	v.SetSelection(at+1, at+1)
	test.WidgetRenderer(v).Objects()
	if d.version != before {
		t.Errorf("a caret move made the dash layer again (%d → %d)", before, d.version)
	}
	v.SetSuggestions((&source{spans: []Span{{Start: at, End: at + 4, Color: suggestRed}}}).in)
	test.WidgetRenderer(v).Objects()
	if d.version == before {
		t.Error("a shorter suggestion left the dash layer as it was")
	}
	before = d.version
	v.Resize(fyne.NewSize(400, 400))
	test.WidgetRenderer(v).Objects()
	if d.version == before || d.raster.Size() != v.Size() {
		t.Errorf("after a resize the dash layer is %v (version %d → %d), want the view's %v, made again", d.raster.Size(), before, d.version, v.Size())
	}
}

// TestDashBoxPaint checks a box's dashes in pixels, at scales 1 and 2:
// dashLen on, dashGap off along its sides, the stroke's half pixel half
// covered, and nothing inside.
func TestDashBoxPaint(t *testing.T) {
	c := color.RGBA{R: 0xd0, A: 0xff}
	for _, scale := range []float32{1, 2} {
		img := image.NewRGBA(image.Rect(0, 0, int(40*scale), int(30*scale)))
		dashBox{x: 5, y: 5, w: 30, h: 20, c: c}.paint(img, scale)
		at := func(x, y float32) uint8 { return img.RGBAAt(int(x*scale), int(y*scale)).A }
		var top []bool
		for x := float32(5); x < 35; x += 1 / scale {
			top = append(top, at(x, 5) == 0xff)
		}
		on, off := 0, 0
		for _, b := range top[:int((dashLen+dashGap)*scale)] {
			if b {
				on++
			} else {
				off++
			}
		}
		if on != int(dashLen*scale) || off != int(dashGap*scale) {
			t.Errorf("scale %v: the first dash and gap of the top side are %d and %d pixels, want %v and %v", scale, on, off, dashLen*scale, dashGap*scale)
		}
		// The stroke is 1.5 wide: at scale 1 its second row is half covered.
		if scale == 1 {
			if a := at(7, 6); a < 0x70 || a > 0x90 {
				t.Errorf("the stroke's half-covered row has alpha %#x, want about 0x80", a)
			}
		}
		if a := at(20, 15); a != 0 {
			t.Errorf("scale %v: the inside of the box has alpha %#x", scale, a)
		}
		if a := at(5, 5+dashLen+1); a != 0 || at(5, 6) == 0 {
			t.Errorf("scale %v: the left side is not dashed", scale)
		}
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
