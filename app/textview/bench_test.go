package textview

import (
	"fmt"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// benchSpans returns spans like an annotated article's: an entity every
// few words, a claim underline every few lines, a source now and then.
func benchSpans(n int) []Span {
	var spans []Span
	for start := 0; start+40 < n; start += 60 {
		spans = append(spans, Span{ID: fmt.Sprint("e", start), Start: start, End: start + 12, Color: color.NRGBA{R: 0xe6, A: 0xff}, Style: Fill})
		if start%600 == 0 {
			spans = append(spans,
				Span{ID: fmt.Sprint("c", start), Start: start, End: start + 300, Color: color.NRGBA{R: 0xd6, A: 0xff}, Style: Underline},
				Span{ID: fmt.Sprint("s", start), Start: start + 310, End: start + 330, Color: color.NRGBA{B: 0xcf, A: 0xff}, Style: Outline})
		}
	}
	return spans
}

func BenchmarkLayout1MB(b *testing.B) {
	test.NewTempApp(b)
	text := longText(b, 1<<20)
	runes := []rune(text)
	m := newMeasurer(func(s string) float32 { return fyne.MeasureText(s, 14, fyne.TextStyle{}).Width })
	layoutText(text, runes, 700, 26, m) // the words are measured once, when the text is first shown
	b.ResetTimer()
	for i := range b.N {
		layoutText(text, runes, 700+float32(i%50), 26, m)
	}
}

func BenchmarkLayout1MBFirst(b *testing.B) {
	test.NewTempApp(b)
	text := longText(b, 1<<20)
	runes := []rune(text)
	measure := func(s string) float32 { return fyne.MeasureText(s, 14, fyne.TextStyle{}).Width }
	for b.Loop() {
		layoutText(text, runes, 700, 26, newMeasurer(measure))
	}
}

// BenchmarkRefresh measures drawing one screenful: the renderer's
// Refresh and the frame Fyne then asks it for, for an 800×600 view half
// way down an annotated text.
func BenchmarkRefresh(b *testing.B) {
	for _, n := range []int{10 << 10, 1 << 20} {
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			test.NewTempApp(b)
			text := longText(b, n)
			v := New()
			v.SetClock(stoppedClock)
			v.SetText(text)
			w := test.NewTempWindow(b, v)
			w.Resize(fyne.NewSize(800, 600))
			v.SetSpans(benchSpans(len(v.runes)))
			v.layout().toEnd() // as it is once the view's clock has laid out the rest
			v.ScrollTo(len(v.runes) / 2)
			v.SetSelection(len(v.runes)/2, len(v.runes)/2+500)
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

func BenchmarkOffsetAt(b *testing.B) {
	test.NewTempApp(b)
	v := New()
	v.SetClock(stoppedClock)
	v.SetText(longText(b, 1<<20))
	w := test.NewTempWindow(b, v)
	w.Resize(fyne.NewSize(800, 600))
	v.layout().toEnd()
	v.ScrollTo(len(v.runes) / 2)
	var points []fyne.Position
	for y := float32(5); y < 600; y += 37 {
		for x := float32(3); x < 800; x += 53 {
			points = append(points, fyne.NewPos(x, y))
		}
	}
	b.ResetTimer()
	for i := range b.N {
		v.OffsetAt(points[i%len(points)])
	}
}

// BenchmarkSetSpans20000 measures replacing all spans of a document with
// 20,000 annotations, which the app does after every edit.
func BenchmarkSetSpans20000(b *testing.B) {
	spans := make([]Span, 20000)
	colors := []color.Color{
		color.NRGBA{R: 0xe6, G: 0x55, B: 0x0d, A: 0xff},
		color.NRGBA{R: 0x31, G: 0x82, B: 0xbd, A: 0xff},
		color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff},
	}
	for i := range spans {
		start := i * 50
		spans[i] = Span{ID: fmt.Sprintf("a%05d", i), Start: start, End: start + 5 + i%40, Color: colors[i%3], Style: SpanStyle(i % 3)}
	}
	v := New()
	for b.Loop() {
		v.SetSpans(spans)
	}
}

// stoppedClock is a clock whose time never comes: a benchmark lays out
// what it needs itself.
func stoppedClock(time.Duration, func()) func() { return func() {} }

// BenchmarkFirstFrame measures showing a text: SetText, the spans and
// the first frame of an 800×600 view, for a short and a long text. The
// long text's first frame lays out what it shows and 8 ms more at most
// (firstTime); the rest is left to the view's clock.
func BenchmarkFirstFrame(b *testing.B) {
	for _, n := range []int{10 << 10, 1 << 20} {
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			test.NewTempApp(b)
			text := longText(b, n)
			spans := benchSpans(len([]rune(text)))
			v := New()
			v.SetClock(stoppedClock)
			w := test.NewTempWindow(b, v)
			w.Resize(fyne.NewSize(800, 600))
			r := test.WidgetRenderer(v)
			for b.Loop() {
				v.SetText(text)
				v.SetSpans(spans)
				r.Objects()
			}
		})
	}
}

// BenchmarkSwitchBack measures showing again the 1 MB text shown before
// the current 10 KB one, and its first frame, as a person going back and
// forth between two documents makes the view do.
func BenchmarkSwitchBack(b *testing.B) {
	test.NewTempApp(b)
	long, short := longText(b, 1<<20), longText(b, 10<<10)
	v := New()
	v.SetClock(stoppedClock)
	w := test.NewTempWindow(b, v)
	w.Resize(fyne.NewSize(800, 600))
	v.SetText(long)
	v.layout().toEnd() // as the view's clock would have, between the switches
	r := test.WidgetRenderer(v)
	for b.Loop() {
		v.SetText(short)
		r.Objects()
		v.SetText(long)
		r.Objects()
	}
}
