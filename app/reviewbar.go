package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reviewBar sits above the article while reviewing: the legend of the
// diff colours, in place of the label bar, whose colours the article no
// longer shows; below it the buttons that settle a disagreement, each
// showing its key, and what the current disagreement is.
type reviewBar struct {
	r        *review
	legend   fyne.CanvasObject
	controls fyne.CanvasObject
	info     *widget.Label
	prev     *widget.Button
	next     *widget.Button
	accept   *widget.Button
	keep     *widget.Button
	del      *widget.Button
	all      *widget.Button // accept the majority in the document; hidden unless a team
}

func newReviewBar(r *review) *reviewBar {
	b := &reviewBar{r: r, info: widget.NewLabel("")}
	b.info.Truncation = fyne.TextTruncateEllipsis
	// After a click the keys should go on working in the article.
	act := func(f func()) func() {
		return func() {
			f()
			r.ws.win.Canvas().Focus(r.ws.view)
		}
	}
	b.prev = widget.NewButtonWithIcon("P", theme.NavigateBackIcon(), act(func() { r.step(-1) }))
	b.next = widget.NewButtonWithIcon("N", theme.NavigateNextIcon(), act(func() { r.step(1) }))
	b.accept = widget.NewButtonWithIcon("Accept theirs  T", theme.ConfirmIcon(), act(r.accept))
	b.keep = widget.NewButtonWithIcon("Keep mine  K", theme.CancelIcon(), act(r.keep))
	b.del = widget.NewButtonWithIcon("Delete mine  X", theme.DeleteIcon(), act(r.deleteMine))
	b.all = widget.NewButtonWithIcon("Accept majority in document", theme.ConfirmIcon(), act(r.acceptMajority))
	b.all.Hide()
	buttons := container.NewHBox(b.prev, b.next, widget.NewSeparator(), b.accept, b.keep, b.del, b.all)
	b.legend = container.NewHScroll(legend())
	b.controls = container.NewVBox(container.NewHScroll(buttons), b.info)
	return b
}

// legend is a row of samples of the diff colours with their names.
func legend() fyne.CanvasObject {
	row := container.NewHBox()
	for _, l := range diffLooks {
		row.Add(container.NewCenter(diffSample(l.color)))
		row.Add(widget.NewLabel(l.short))
	}
	row.Add(widget.NewLabel("· fill: mine, line: theirs"))
	return row
}

// diffSample draws a colour as the article does while reviewing: a
// translucent fill, as mine are drawn, above a solid underline, as theirs
// are.
func diffSample(c color.NRGBA) fyne.CanvasObject {
	fill := c
	fill.A = 0x59 // the article view's opacity for fills
	top := canvas.NewRectangle(fill)
	top.SetMinSize(fyne.NewSize(16, 10))
	line := canvas.NewRectangle(c)
	line.SetMinSize(fyne.NewSize(16, 3))
	return container.New(layout.NewCustomPaddedVBoxLayout(1), top, line)
}

// show says what the current disagreement is and enables the buttons
// that apply to it.
func (b *reviewBar) show() {
	it, ok := b.r.item()
	n, _ := b.r.disagreements()
	enable(b.prev, n > 0)
	enable(b.next, n > 0)
	enable(b.accept, ok && it.B != nil)
	b.r.nameAccept(it)
	enable(b.keep, ok)
	enable(b.del, ok && it.A != nil)
	enable(b.all, b.r.majorityOpen())
	if !ok {
		setLabel(b.info, b.summary())
		return
	}
	pos := 0
	for i := 0; i <= b.r.cur; i++ {
		if isDisagreement(b.r.items()[i]) {
			pos++
		}
	}
	text := fmt.Sprintf("%d of %d · %s", pos, n, b.r.describeItem(it))
	if b.r.isKept(it) {
		text += " · kept"
	}
	setLabel(b.info, text)
}

// summary says how many disagreements the document has and how many are
// settled.
func (b *reviewBar) summary() string {
	if b.r.their == nil {
		return fmt.Sprintf("This document is not in the file under review (%s).", b.r.theirs.Name)
	}
	n, kept := b.r.disagreements()
	switch {
	case n == 0:
		return "No disagreements in this document."
	case kept == n:
		return fmt.Sprintf("%s, all kept.", plural(n, "disagreement"))
	}
	return fmt.Sprintf("%s, %d open · N: next · P: previous", plural(n, "disagreement"), n-kept)
}

// enable enables or disables a button, refreshing it only on a change.
func enable(btn *widget.Button, on bool) {
	switch {
	case on && btn.Disabled():
		btn.Enable()
	case !on && !btn.Disabled():
		btn.Disable()
	}
}
