package app

import "spanmark/annotate"

// The part of a document whose suggestions are drawn before the whole
// document's are computed (early): from earlyBefore code points above
// the first line in view to earlyAfter below it, more than a screenful
// of a large window at a small font, so that the first frame and a
// little scrolling find them.
const (
	earlyBefore = 2048
	earlyAfter  = 16384
)

// early computes the suggestions of the part of d in view, from the text
// around it only (suggest.Index.Range, with the session's index of the
// text): a few milliseconds where Open of a 1 MB document takes a sixth
// of a second, so the article's first paint
// shows them instead of waiting for Open. The Range reads the index, so
// it is made here, on Fyne's goroutine, before Open is started, and only
// when no other document's Open is running, which would number words in
// the index meanwhile; after that it reads nothing of the index. When
// Open is done its suggestions replace these, the same in this part.
func (sg *suggestions) early(d *annotate.DocumentData) {
	sg.earlyIn = nil
	if sg.lane.busy {
		return // the view waits for Open, as before
	}
	top := sg.ws.view.TopOffset()
	sg.earlyIn = sg.x.Range(d, sg.ws.sess.Index(), max(0, top-earlyBefore), top+earlyAfter, suggestMinScore)
}

// earlyStrings appends to dst the early suggestions overlapping [a, b),
// and reports whether it could: only while the document's own are being
// computed, and for a range inside the early part.
func (sg *suggestions) earlyStrings(dst []annotate.Suggestion, a, b int) ([]annotate.Suggestion, bool) {
	if sg.doc != nil || sg.earlyIn == nil || !sg.earlyIn.Contains(a, b) {
		return dst, false
	}
	return sg.earlyIn.In(dst, a, b), true
}
