package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowLabel is the text of a panel row: one line, cut with an ellipsis to
// the row's width, placed where a Label places its text. A Label with
// truncation shapes its whole text again, with a new HarfBuzz shaper,
// whenever it is refreshed or resized; on a switch to a long document
// every visible row does, which made the panel the largest part of the
// switch. This one adds up cached advances of the code points instead.
type rowLabel struct {
	widget.BaseWidget
	full string
	bold bool
}

var _ fyne.Widget = (*rowLabel)(nil)

func newRowLabel() *rowLabel {
	l := &rowLabel{}
	l.ExtendBaseWidget(l)
	return l
}

// set shows text, bold or not, redrawing only when either changed.
func (l *rowLabel) set(text string, bold bool) {
	if l.full == text && l.bold == bold {
		return
	}
	l.full, l.bold = text, bold
	l.Refresh()
}

// CreateRenderer draws the text in a canvas.Text.
func (l *rowLabel) CreateRenderer() fyne.WidgetRenderer {
	r := &rowLabelRenderer{label: l, text: canvas.NewText("", nil)}
	r.Refresh()
	return r
}

type rowLabelRenderer struct {
	label *rowLabel
	text  *canvas.Text
	size  float32 // the theme's text size, for advances
	pad   float32 // the theme's inner padding, as around a Label's text
}

func (r *rowLabelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.text} }

func (r *rowLabelRenderer) Destroy() {}

// Layout cuts the text to the width inside the padding.
func (r *rowLabelRenderer) Layout(size fyne.Size) {
	style := fyne.TextStyle{Bold: r.label.bold}
	width := func(c rune) float32 { return runeAdvance(c, r.size, style) }
	r.text.Text = cutToWidth(r.label.full, size.Width-2*r.pad, width)
	r.text.TextStyle = style
	// At the top, a line high, as a Label lays out its text.
	r.text.Move(fyne.NewPos(r.pad, r.pad))
	r.text.Resize(fyne.NewSize(max(0, size.Width-2*r.pad), r.text.MinSize().Height))
}

// MinSize is a Label's with truncation: an ellipsis wide, a line high.
func (r *rowLabelRenderer) MinSize() fyne.Size {
	m := fyne.MeasureText("…", r.size, fyne.TextStyle{Bold: r.label.bold})
	return fyne.NewSize(m.Width+2*r.pad, m.Height+2*r.pad)
}

// Refresh takes the theme's colour and sizes, and cuts the text again.
func (r *rowLabelRenderer) Refresh() {
	th := r.label.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.size = th.Size(theme.SizeNameText)
	r.pad = th.Size(theme.SizeNameInnerPadding)
	r.text.TextSize = r.size
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.Layout(r.label.Size())
	r.text.Refresh()
}

// advanceKey is what a code point's advance depends on.
type advanceKey struct {
	r    rune
	size float32
	bold bool
}

// advances caches runeAdvance; only Fyne's goroutine touches it. A
// document's rows use a few hundred distinct code points.
var advances = map[advanceKey]float32{}

// runeAdvance returns the width of c alone in the theme's font.
func runeAdvance(c rune, size float32, style fyne.TextStyle) float32 {
	k := advanceKey{c, size, style.Bold}
	w, ok := advances[k]
	if !ok {
		w = fyne.MeasureText(string(c), size, style).Width
		advances[k] = w
	}
	return w
}

// cutToWidth returns s if the advances of its code points add up to at
// most avail, or else its longest prefix that fits with an ellipsis
// after it, and the ellipsis. The sum leaves out kerning, which in the
// theme's fonts only narrows text, so what it keeps fits.
func cutToWidth(s string, avail float32, width func(rune) float32) string {
	var total float32
	for _, c := range s {
		total += width(c)
	}
	if total <= avail {
		return s
	}
	room := avail - width('…')
	var used float32
	for i, c := range s {
		used += width(c)
		if used > room {
			return s[:i] + "…"
		}
	}
	return s // not reached: the whole text is wider than avail
}
