package textview

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tagScale is the size of the label tags' text against the article's.
const tagScale = 0.6

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
	tagSize    float32 // text size of the label tags; 0 when they are off
	tagHeight  float32 // the band above each line the tags take
}

// metricsKey is what the metrics are made from; when it changes (a theme
// change, a zoom) widths must be measured again.
type metricsKey struct {
	textSize, spacing, pad float32
	font                   string
	labels                 bool // label tags take a band above each line
}

// syncMetrics brings the metrics and the measurer up to date with the
// theme and the scale; a new measurer makes layout lay the text out again.
func (v *View) syncMetrics() {
	th := v.Theme()
	key := metricsKey{
		textSize: th.Size(theme.SizeNameText) * v.scale,
		spacing:  th.Size(theme.SizeNameLineSpacing) * v.scale,
		pad:      th.Size(theme.SizeNameInnerPadding),
		labels:   v.labels,
	}
	if f := th.Font(fyne.TextStyle{}); f != nil {
		key.font = f.Name()
	}
	if v.meas != nil && key == v.metrics.key {
		return
	}
	old := v.metrics.key
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
	if key.labels {
		v.metrics.tagSize = tagScale * key.textSize
		tag, _ := fyne.CurrentApp().Driver().RenderedTextSize("M", v.metrics.tagSize, fyne.TextStyle{}, nil)
		band := float32(math.Ceil(float64(tag.Height)))
		v.metrics.tagHeight = band
		v.metrics.lineHeight += band
		v.metrics.textTop += band
	}
	old.labels = key.labels
	if v.meas != nil && old == key {
		return // only the lines moved apart: the widths hold
	}
	textSize := key.textSize
	v.meas = newMeasurer(func(s string) float32 {
		return fyne.MeasureText(s, textSize, fyne.TextStyle{}).Width
	})
}
