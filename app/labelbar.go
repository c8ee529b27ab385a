package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// labelBar shows one chip per label, with its colour and hotkey; tapping a
// chip tags the selection.
type labelBar struct {
	box   *fyne.Container
	onTag func(label string)
}

func newLabelBar(onTag func(label string)) *labelBar {
	return &labelBar{box: container.NewHBox(), onTag: onTag}
}

func (b *labelBar) object() fyne.CanvasObject {
	return container.NewHScroll(b.box)
}

func (b *labelBar) setSchema(s annotate.Schema) {
	objs := make([]fyne.CanvasObject, 0, len(s.Labels))
	for _, l := range s.Labels {
		name := l.Name
		objs = append(objs, newChip(l, func() { b.onTag(name) }))
	}
	b.box.Objects = objs
	b.box.Refresh()
}

// chip is a tappable label swatch: "PERSON p" on the label's colour.
type chip struct {
	widget.BaseWidget
	label annotate.Label
	onTap func()
}

var _ fyne.Tappable = (*chip)(nil)

func newChip(l annotate.Label, onTap func()) *chip {
	c := &chip{label: l, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped tags the selection with the chip's label.
func (c *chip) Tapped(*fyne.PointEvent) { c.onTap() }

// CreateRenderer draws the chip.
func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	col := parseColor(c.label.Color)
	fill := col
	fill.A = 0x59
	bg := canvas.NewRectangle(fill)
	bg.StrokeColor = col
	bg.StrokeWidth = 1.5
	bg.CornerRadius = theme.InputRadiusSize()
	text := c.label.Name
	if c.label.Key != "" {
		text = fmt.Sprintf("%s  %s", c.label.Name, strings.ToUpper(c.label.Key))
	}
	t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	t.TextStyle.Bold = true
	t.TextSize = theme.TextSize() * 0.9
	return &chipRenderer{chip: c, bg: bg, text: t}
}

type chipRenderer struct {
	chip *chip
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *chipRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos((size.Width-ts.Width)/2, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
}

func (r *chipRenderer) MinSize() fyne.Size {
	p := theme.InnerPadding()
	return r.text.MinSize().Add(fyne.NewSize(2*p, p))
}

func (r *chipRenderer) Refresh() {
	r.text.Color = theme.Color(theme.ColorNameForeground)
	r.text.Refresh()
	r.bg.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *chipRenderer) Destroy() {}

// swatch is a small square of a label's colour, for lists.
func swatch(c color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(12, 12))
	r.CornerRadius = 2
	return r
}
