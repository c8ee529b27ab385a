package app

import (
	"time"

	"spanmark/annotate/suggest"
)

// building is a build of the suggestion index (suggestions.build) and
// its result. The result comes back through the runner, which on start-up
// is Fyne's loop: it would take it only after the window's first paint,
// which then showed the article without its suggestions, and a frame
// later with them. awaitBuild takes it before the window shows instead.
type building struct {
	gen   int
	small bool          // a project under limitFrom annotations: a quick build
	done  chan struct{} // closed when the work has returned, its result set
	x     *suggest.Index
	// counts are the documents' stored suggestions, for the document list.
	counts map[string]int
	err    error
	taken  bool // the result was shown: the runner's delivery is late
}

// finishBuild shows the result of b, unless another build started since
// or it was taken already.
func (sg *suggestions) finishBuild(b *building) {
	if b.gen != sg.gen || b.taken {
		return // the project closed or changed since, or awaitBuild took it
	}
	b.taken = true
	sg.building = nil
	if b.err != nil {
		sg.ws.showError(b.err)
		return
	}
	sg.built(b.x, b.counts)
}

// firstPaintWait is how long the window waits, before it first shows, for
// the suggestion index of a small project. The build runs beside the
// opening of the first document; on a project of one 1 MB document of
// 20,000 annotations it ends within some 50 ms of it, and the window
// itself takes 200 ms to appear.
const firstPaintWait = 150 * time.Millisecond

// awaitBuild waits up to max for the build of a small project and shows
// its result, so that the window's first paint has the suggestions of the
// lines in view; a big project's build (seconds) is not waited for, and
// its result is taken only if it is there already. It runs on Fyne's
// goroutine before the window shows.
func (sg *suggestions) awaitBuild(max time.Duration) {
	b := sg.building
	if b == nil {
		return
	}
	if !b.small {
		max = 0
	}
	t := time.NewTimer(max)
	defer t.Stop()
	select {
	case <-b.done:
		sg.finishBuild(b)
	case <-t.C:
	}
}
