package app

import (
	"fmt"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/suggest"
)

// build starts computing the index and every document's count in the
// background, for the project just opened or whose documents or schema
// just changed. Until it is done the open document shows only the
// store's suggestions.
func (sg *suggestions) build() {
	st := sg.ws.store
	n := 0 // the project's annotations, as the document list counts them
	for _, in := range sg.ws.docs.all {
		n += in.Annotations
	}
	sg.x, sg.doc, sg.queued, sg.isOpening, sg.pending, sg.earlyIn = nil, nil, nil, false, nil, nil
	sg.later = suggestLater{} // the edits are committed: the build reads them from the store
	b := &building{small: n < limitFrom, done: make(chan struct{})}
	sg.building = b
	sg.ws.run.Go(func() error {
		defer close(b.done)
		b.x, b.counts, b.err = buildSuggestions(st, n)
		if b.err == nil {
			releaseBuildGarbage(b.x)
		}
		return b.err
	}, func(error) { sg.finishBuild(b) })
}

// buildSuggestions reads the project: its annotated strings into an
// index, and how many suggestions each document has. It runs off Fyne's
// goroutine and touches no widget.
func buildSuggestions(st annotate.Store, annotations int) (*suggest.Index, map[string]int, error) {
	rej, err := st.Rejections()
	if err != nil {
		return nil, nil, fmt.Errorf("suggestions: %w", err)
	}
	lift := limitBuild(annotations)
	x, err := suggest.Build(st.Each, rej, suggest.Options{})
	lift()
	if err != nil {
		return nil, nil, fmt.Errorf("suggestions: %w", err)
	}
	stored, err := st.SuggestionCounts()
	if err != nil {
		return nil, nil, fmt.Errorf("suggestions: %w", err)
	}
	// The document list counts what the store holds (spanmark suggest's
	// and the models'); a document's string suggestions are counted when
	// it is opened. Matching every document here as well would double
	// the work of opening a project, on the core that paints the window.
	counts := make(map[string]int, len(stored))
	for id, n := range stored {
		counts[id] = n
	}
	return x, counts, nil
}

// built takes the index a build made, replays the edits made meanwhile
// and shows the open document's suggestions.
func (sg *suggestions) built(x *suggest.Index, counts map[string]int) {
	for _, q := range sg.queued {
		if q.add {
			x.Add(q.text, q.label)
		} else {
			x.Remove(q.text, q.label)
		}
	}
	sg.x, sg.queued = x, nil
	sg.ws.docs.setPending(counts)
	sg.documentShown()
}

// building is a build of the suggestion index (suggestions.build) and
// its result. The result comes back through the runner, which on start-up
// is Fyne's loop: it would take it only after the window's first paint,
// which then showed the article without its suggestions, and a frame
// later with them. awaitBuild takes it before the window shows instead.
type building struct {
	small bool          // a project under limitFrom annotations: a quick build
	done  chan struct{} // closed when the work has returned, its result set
	x     *suggest.Index
	// counts are the documents' stored suggestions, for the document list.
	counts map[string]int
	err    error
}

// finishBuild shows the result of b, unless another build started since
// or it was taken already: the runner's delivery after awaitBuild's.
func (sg *suggestions) finishBuild(b *building) {
	if sg.building != b {
		return // the project closed or changed since, or awaitBuild took it
	}
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
