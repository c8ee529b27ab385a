package app

// onResize moves the selected annotation's boundaries to [start, end), as
// the view's Shift+←/→ keys ask, as one undoable edit that keeps its id,
// label, note and relations; it stays selected. Spans that are not mine
// (theirs, while reviewing) are left alone.
func (ws *workspace) onResize(id string, start, end int) {
	if ws.sess == nil || id != ws.active {
		return
	}
	if _, ok := ws.sess.Annotation(id); !ok {
		return
	}
	if err := ws.sess.Resize(id, start, end); err != nil {
		ws.showError(err)
		return
	}
	ws.view.SetSelection(end, end)
	ws.saved()
	ws.status.setSelection(start, end)
}
