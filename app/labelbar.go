package app

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// labelBar shows one chip per label, with its colour and hotkey; tapping a
// chip tags the selection. The chips wrap into as many rows as the width
// needs, so that every one shows in a narrow window.
type labelBar struct {
	box     *fyne.Container
	onTag   func(label string)
	onHover func(msg string) // shows what a chip under the pointer says
}

// newLabelBar makes the bar; onReflow is called when a new width needs
// another number of rows, for the window to lay out its content again.
func newLabelBar(onTag func(label string), onReflow func()) *labelBar {
	rows := &chipRows{wrap: layout.NewRowWrapLayout(), onReflow: onReflow}
	return &labelBar{box: container.New(rows), onTag: onTag}
}

func (b *labelBar) object() fyne.CanvasObject { return b.box }

// chipRows is Fyne's row wrap layout, which knows the height its rows
// take only once it has laid them out at a width. When that height
// changes, the bar's parent has already placed what lies below it, so
// onReflow asks for another pass. Its minimum width is the widest chip,
// not the last row's, so that the window can still narrow.
type chipRows struct {
	wrap     fyne.Layout
	onReflow func()
}

// MinSize is the widest chip by the height of the rows last laid out.
func (l *chipRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, l.wrap.MinSize(objects).Height)
}

// Layout places the chips in rows and reports a change in their height.
func (l *chipRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	before := l.wrap.MinSize(objects).Height
	l.wrap.Layout(objects, size)
	if l.wrap.MinSize(objects).Height != before && l.onReflow != nil {
		l.onReflow()
	}
}

func (b *labelBar) setSchema(s annotate.Schema) {
	objs := make([]fyne.CanvasObject, 0, len(s.Labels))
	for _, l := range s.Labels {
		name := l.Name
		c := newChip(l, func() { b.onTag(name) })
		defs := s.AttributesFor(name)
		c.attrs, c.count, c.onHover = chipAttrs(defs), len(defs), b.onHover
		objs = append(objs, c)
	}
	b.box.Objects = objs
	b.box.Refresh()
}

// chip is a tappable label swatch: "PERSON p" on the label's colour,
// and, small in a corner, how many attributes the label has; the pointer
// over it names them in the status line, as a tooltip would.
type chip struct {
	widget.BaseWidget
	label   annotate.Label
	attrs   string // as chipAttrs writes them, "" for none
	count   int    // how many attributes
	onHover func(msg string)
	onTap   func()
}

var _ desktop.Hoverable = (*chip)(nil)

// MouseIn names the label's attributes.
func (c *chip) MouseIn(*desktop.MouseEvent) {
	if c.attrs != "" && c.onHover != nil {
		c.onHover(fmt.Sprintf("%s: %s", c.label.Name, c.attrs))
	}
}

// MouseMoved does nothing: MouseIn said it all.
func (c *chip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut does nothing: the message fades as others do.
func (c *chip) MouseOut() {}

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
	a := canvas.NewText(countText(c.count), theme.Color(theme.ColorNameForeground))
	a.TextSize = theme.TextSize() * 0.6
	return &chipRenderer{chip: c, bg: bg, text: t, attrs: a}
}

type chipRenderer struct {
	chip  *chip
	bg    *canvas.Rectangle
	text  *canvas.Text
	attrs *canvas.Text
}

// Layout centres the name, and puts the attribute count small in the
// top right corner, in the padding: a chip is no wider for it, so the
// chips keep to as many rows as before and the article does not move.
func (r *chipRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos((size.Width-ts.Width)/2, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
	as := r.attrs.MinSize()
	r.attrs.Move(fyne.NewPos(size.Width-as.Width-2, 0))
	r.attrs.Resize(as)
}

func (r *chipRenderer) MinSize() fyne.Size {
	p := theme.InnerPadding()
	return r.text.MinSize().Add(fyne.NewSize(2*p, p))
}

func (r *chipRenderer) Refresh() {
	r.text.Color = theme.Color(theme.ColorNameForeground)
	r.attrs.Color = r.text.Color
	r.attrs.Text = countText(r.chip.count)
	r.text.Refresh()
	r.attrs.Refresh()
	r.bg.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.text, r.attrs}
}

func (r *chipRenderer) Destroy() {}

// swatch is a small square of a label's colour, for lists.
func swatch(c color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(12, 12))
	r.CornerRadius = 2
	return r
}

// chipAttrs lists a label's attributes for its chip, readable names
// joined by commas, a required one marked with an asterisk: "verdict*,
// checkworthy".
func chipAttrs(defs []annotate.Attribute) string {
	names := make([]string, len(defs))
	for i, d := range defs {
		names[i] = readableName(d.Name)
		if d.Required {
			names[i] += "*"
		}
	}
	return strings.Join(names, ", ")
}

// countText is the count on a chip: "2" for two attributes, "" for none.
func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
