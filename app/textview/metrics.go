package textview

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// metrics are the sizes the view draws with, from the theme and the text
// scale. Lines are lineHeight apart; within a line the text starts
// textTop below the line's top.
type metrics struct {
	key        metricsKey
	textSize   float32
	lineHeight float32
	textTop    float32
	textHeight float32
	baseline   float32 // from the top of the text to its baseline
	pad        float32 // around the text, as in an Entry
	underline  float32 // thickness of an underline
}

// metricsKey is what the metrics are made from; when it changes (a theme
// change, a zoom) widths must be measured again.
type metricsKey struct {
	textSize, spacing, pad float32
	font                   string
}

// syncMetrics brings the metrics and the measurer up to date with the
// theme and the scale; a new measurer makes layout lay the text out again.
func (v *View) syncMetrics() {
	th := v.Theme()
	key := metricsKey{
		textSize: th.Size(theme.SizeNameText) * v.scale,
		spacing:  th.Size(theme.SizeNameLineSpacing) * v.scale,
		pad:      th.Size(theme.SizeNameInnerPadding),
	}
	if f := th.Font(fyne.TextStyle{}); f != nil {
		key.font = f.Name()
	}
	if v.meas != nil && key == v.metrics.key {
		return
	}
	size, baseline := fyne.CurrentApp().Driver().RenderedTextSize("M", key.textSize, fyne.TextStyle{}, nil)
	v.metrics = metrics{
		key:        key,
		textSize:   key.textSize,
		lineHeight: float32(math.Ceil(float64(size.Height + 1.5*key.spacing))),
		textTop:    float32(math.Round(float64(key.spacing / 2))),
		textHeight: size.Height,
		baseline:   baseline,
		pad:        key.pad,
		underline:  max(2, float32(math.Round(float64(key.textSize/7)))),
	}
	textSize := key.textSize
	v.meas = newMeasurer(func(s string) float32 {
		return fyne.MeasureText(s, textSize, fyne.TextStyle{}).Width
	})
}
