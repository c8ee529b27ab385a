package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Where the article view and the panels divide while reviewing: the
// agreement figures need more room than the annotation list alone, and
// above it more room than it.
const (
	reviewOffset      = 0.68
	reviewPanelOffset = 0.7
)

// enterReview shows r: the legend and the disagreement bar above the
// article, the agreement figures beside it, the F1 of each document in
// the list.
func (ws *workspace) enterReview(r *review) {
	ws.closeReview()
	ws.review = r
	// newWorkspace puts the label bar first.
	r.labels = ws.top.Objects[0]
	ws.top.Objects = append([]fyne.CanvasObject{r.bar.legend, r.bar.controls}, ws.top.Objects[1:]...)
	ws.top.Refresh()
	r.offset = ws.right.Offset
	side := container.NewVSplit(r.panel.object(), ws.panel.object())
	side.Offset = reviewPanelOffset
	ws.right.Trailing = side
	ws.right.Offset = reviewOffset
	ws.right.Refresh()
	ws.closeReviewItem.Disabled = false
	if m := ws.win.MainMenu(); m != nil {
		m.Refresh()
	}
	r.showProject()
	ws.refreshAnnotations()
	ws.win.Canvas().Focus(ws.view)
}

// closeReview returns to annotating; theirs is forgotten.
func (ws *workspace) closeReview() {
	r := ws.review
	if r == nil {
		return
	}
	ws.review = nil
	ws.top.Objects = append([]fyne.CanvasObject{r.labels}, ws.top.Objects[2:]...)
	ws.top.Refresh()
	ws.right.Trailing = ws.panel.object()
	ws.right.Offset = r.offset
	ws.right.Refresh()
	ws.docs.setBadges(nil)
	ws.closeReviewItem.Disabled = true
	if m := ws.win.MainMenu(); m != nil {
		m.Refresh()
	}
	ws.status.setHint("")
	ws.refreshAnnotations()
}
