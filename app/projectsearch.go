package app

import (
	"errors"
	"slices"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/search"
)

// projectSearch is the search over every document of the project
// (Ctrl+Shift+F): its results stream in from a walk of the project off
// Fyne's goroutine, a batch at a time, so the first screen shows while
// the rest is still being found; a new query cancels the walk in flight.
type projectSearch struct {
	ws      *workspace
	view    *searchView // nil until first shown
	results []search.Result
	byRight bool // sort by the right context, else by document
	running bool
	gen     int // bumped by each query: a walk of an older one stops
	last    *bulkTag
}

// searchBatch is how many results a walk hands to Fyne's goroutine at
// once: about a screen, so the first one shows as soon as it is found.
const searchBatch = 50

// errSearchReplaced stops the walk of a query a newer one replaced.
var errSearchReplaced = errors.New("search replaced by a newer one")

// run starts q, replacing the search in flight.
func (ps *projectSearch) run(q search.Query) error {
	ps.gen++
	ps.results = nil
	ps.running = false
	if ps.ws.store == nil || q.Text == "" && !filtersSomething(q) {
		return nil
	}
	s, err := search.New(q, ps.ws.schema)
	if err != nil {
		return err
	}
	gen, st := ps.gen, ps.ws.store
	ps.running = true
	deliver := func(rs []search.Result) {
		ps.ws.run.Do(func() {
			if gen == ps.gen {
				ps.add(rs)
			}
		})
	}
	ps.ws.run.Go(func() error {
		var batch []search.Result
		// Only the documents whose text has a match are decoded.
		err := st.EachText(func(in annotate.DocumentInfo, text string, load func() (*annotate.DocumentData, error)) error {
			if ps.stale(gen) {
				return errSearchReplaced
			}
			if !s.Wants(in.Status, text) {
				return nil
			}
			d, err := load()
			if err != nil {
				return err
			}
			s.Document(d, func(r search.Result) bool {
				batch = append(batch, r)
				if len(batch) >= searchBatch {
					deliver(batch)
					batch = nil
				}
				return true
			})
			return nil
		})
		if len(batch) > 0 {
			deliver(batch)
		}
		return err
	}, func(err error) {
		if gen != ps.gen {
			return
		}
		ps.running = false
		if !errors.Is(err, errSearchReplaced) {
			ps.ws.showError(err)
		}
		ps.view.update()
	})
	return nil
}

// stale reports, from the walk's goroutine, whether query gen was
// replaced. It asks Fyne's goroutine, which owns gen; the answer comes
// back once per document, which costs little next to reading it.
func (ps *projectSearch) stale(gen int) bool {
	ch := make(chan bool, 1)
	ps.ws.run.Do(func() { ch <- gen != ps.gen })
	return <-ch
}

// filtersSomething reports whether q without a text still asks for
// something: the annotations that pass its filters.
func filtersSomething(q search.Query) bool {
	return len(q.Labels) > 0 || len(q.Kinds) > 0 || q.Attribute != "" || q.Note != "" || q.Annotator != ""
}

// add takes a batch of results, keeping the order asked for.
func (ps *projectSearch) add(rs []search.Result) {
	ps.results = append(ps.results, rs...)
	if ps.byRight {
		ps.sort()
	}
	ps.view.update()
}

// sort orders the results by right context, or by document as found.
func (ps *projectSearch) sort() {
	if ps.byRight {
		slices.SortStableFunc(ps.results, func(a, b search.Result) int { return strings.Compare(a.Right, b.Right) })
		return
	}
	order := ps.documentOrder()
	slices.SortStableFunc(ps.results, func(a, b search.Result) int {
		if c := order[a.DocumentID] - order[b.DocumentID]; c != 0 {
			return c
		}
		return a.Start - b.Start
	})
}

// documentOrder numbers the documents as the project lists them.
func (ps *projectSearch) documentOrder() map[string]int {
	order := make(map[string]int)
	if infos, err := ps.ws.store.Documents(); err == nil {
		for i, d := range infos {
			order[d.ID] = i
		}
	}
	return order
}
