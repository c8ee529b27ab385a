package app

import "slices"

func (ws *workspace) onSelect(start, end int) {
	if start != end {
		ws.setActive("")
	}
	ws.status.setSelection(start, end)
}

// onSpanTap selects the annotation under the pointer. Tapping again where
// several overlap cycles through them; in link mode, tapping a source
// links the selected claim to it; while reviewing, the disagreement
// tapped becomes the current one.
func (ws *workspace) onSpanTap(ids []string, _ int) {
	if len(ids) == 0 {
		return
	}
	if ws.linking {
		ws.linkTo(ids)
		return
	}
	if ws.review != nil && ws.review.tap(ids) {
		return
	}
	next := ids[0]
	if i := slices.Index(ids, ws.active); i >= 0 {
		next = ids[(i+1)%len(ids)]
	}
	ws.setActive(next)
}

func (ws *workspace) setActive(id string) {
	if id == ws.active {
		return
	}
	ws.active = id
	ws.view.SetActive(id)
	ws.panel.setActive(id)
	if id != "" {
		ws.view.SetSelection(0, 0)
		if a, ok := ws.sess.Annotation(id); ok {
			ws.status.setSelection(a.Start, a.End)
		}
	}
}

// onPanelSelect selects an annotation chosen in the panel and scrolls the
// article to it; in link mode it links the selected claim to it.
func (ws *workspace) onPanelSelect(id string) {
	if ws.linking {
		ws.linkTo([]string{id})
		return
	}
	if a, ok := ws.sess.Annotation(id); ok {
		ws.setActive(id)
		ws.view.ScrollTo(a.Start)
	}
}
