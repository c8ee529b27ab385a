package app

import (
	"cmp"
	"math"
	"slices"
)

func (ws *workspace) onSelect(start, end int) {
	ws.status.clearMessage()
	ws.tapped = tapCycle{offset: -1}
	ws.sugg.deselect()
	if start != end {
		ws.setActive("")
	}
	ws.status.setSelection(start, end)
}

// onCaretKey follows the caret moved by a key. Unlike a click on plain
// text it leaves the selected annotation: else, after tagging a word from
// the keyboard, Ctrl+→ would move the caret while Shift+→ went on
// resizing the annotation left behind.
func (ws *workspace) onCaretKey(offset int) {
	ws.setActive("")
	ws.onSelect(offset, offset)
}

// tapCycle is where the last click on spans was and what it selected: a
// click on the same character, with that annotation still selected,
// selects the next larger one.
type tapCycle struct {
	offset int
	id     string
}

// onSpanTap selects the annotation under the pointer, the innermost
// first: an entity inside a claim before the claim. Clicking the same
// character again selects the next larger one, then the innermost again.
// In link mode, tapping a source links the selected claim to it; while
// reviewing, the disagreement tapped becomes the current one.
func (ws *workspace) onSpanTap(ids []string, offset int) {
	ws.status.clearMessage()
	if len(ids) == 0 {
		return
	}
	ids = innermostFirst(ids, ws.extentOf)
	if ws.linking {
		ws.linkTo(ids)
		return
	}
	if ws.review != nil && ws.review.tap(ids) {
		return
	}
	next := ids[0]
	if ws.tapped == (tapCycle{offset, ws.active}) {
		if i := slices.Index(ids, ws.active); i >= 0 {
			next = ids[(i+1)%len(ids)]
		}
	}
	ws.setActive(next)
	ws.tapped = tapCycle{offset, next}
}

// extentOf returns the range of my annotation id; one the session lacks
// (their span while reviewing) counts as the largest.
func (ws *workspace) extentOf(id string) (start, end int) {
	if a, ok := ws.sess.Annotation(id); ok {
		return a.Start, a.End
	}
	return 0, math.MaxInt
}

// innermostFirst returns xs ordered by the length of their extents,
// shortest first; those of equal length keep their order.
func innermostFirst[T any](xs []T, extent func(T) (start, end int)) []T {
	out := slices.Clone(xs)
	slices.SortStableFunc(out, func(a, b T) int {
		as, ae := extent(a)
		bs, be := extent(b)
		return cmp.Compare(ae-as, be-bs)
	})
	return out
}

func (ws *workspace) setActive(id string) {
	if id != "" {
		ws.sugg.deselect()
	}
	if id == ws.active {
		return
	}
	ws.active = id
	ws.view.SetActive(id)
	ws.showLinks()
	ws.panel.setActive(id)
	ws.showAttrs()
	if a, ok := ws.sess.Annotation(id); ok && id != "" {
		// The caret waits at the annotation's end, where the keyboard
		// goes on from.
		ws.view.SetSelection(a.End, a.End)
		ws.status.setSelection(a.Start, a.End)
	} else if id != "" {
		ws.view.SetSelection(0, 0)
	}
}

// onPanelSelect selects an annotation chosen in the panel and scrolls the
// article to it; in link mode it links the selected claim to it. The keys
// go back to the article view, so that Delete or a label key acts on it.
func (ws *workspace) onPanelSelect(id string) {
	ws.status.clearMessage()
	ws.win.Canvas().Focus(ws.view)
	if ws.linking {
		ws.linkTo([]string{id})
		return
	}
	if a, ok := ws.sess.Annotation(id); ok {
		ws.setActive(id)
		ws.view.ScrollTo(a.Start)
	}
}
