package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// linkMenu returns the context menu of a panel row that is a link (a
// source under its claim), or nil for any other row: remove the link, as
// the row's remove button does, or select the source.
func (p *annPanel) linkMenu(row panelRow) func() *fyne.Menu {
	if row.rel == "" {
		return nil
	}
	return func() *fyne.Menu {
		return fyne.NewMenu("",
			fyne.NewMenuItem("Remove link", func() { p.onUnlink(row.rel) }),
			fyne.NewMenuItem("Select source", func() { p.onSelect(row.id) }),
		)
	}
}

// TappedSecondary opens the row's context menu, if it has one, where the
// pointer is.
func (r *tapRow) TappedSecondary(pe *fyne.PointEvent) {
	if r.menu == nil {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(r)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(r.menu(), c, pe.AbsolutePosition)
}
