package app

import (
	"errors"
	"strings"
	"sync/atomic"
	"time"

	"spanmark/annotate"
)

// searchDelay is how long typing in the document filter must pause
// before the texts are searched: a search reads every document, so one
// per keystroke would queue reads nobody waits for.
const searchDelay = 200 * time.Millisecond

// errStale stops a search that a newer query has made useless.
var errStale = errors.New("a newer search started")

// textSearch searches the documents' texts for the document filter, off
// Fyne's goroutine: the list shows title matches at once and adds the
// documents whose text holds the query when the search ends.
type textSearch struct {
	ws     *workspace
	gen    atomic.Int64 // counts queries; a search whose number is old stops
	cancel func()       // the pending search's timer
}

// query searches for q once typing pauses; "" only stops a search.
func (s *textSearch) query(q string) {
	g := s.gen.Add(1)
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	if q == "" || s.ws.store == nil {
		return
	}
	s.cancel = s.ws.run.After(searchDelay, func() { s.start(q, g) })
}

// start runs search number g for q on the runner.
func (s *textSearch) start(q string, g int64) {
	st := s.ws.store
	var hits map[string]bool
	s.ws.run.Go(func() error {
		var err error
		hits, err = searchTexts(st, q, func() bool { return s.gen.Load() != g })
		return err
	}, func(err error) {
		if errors.Is(err, errStale) || s.ws.store != st {
			return
		}
		if err != nil {
			s.ws.showError(err)
			return
		}
		s.ws.docs.setHits(q, hits)
	})
}

// searchTexts returns the ids of the documents of st whose text holds q,
// which is in lower case, ignoring case. It stops with errStale as soon
// as stale reports true.
func searchTexts(st annotate.Store, q string, stale func() bool) (map[string]bool, error) {
	hits := make(map[string]bool)
	err := st.Each(func(d *annotate.DocumentData) error {
		if stale() {
			return errStale
		}
		if containsFold(d.Document.Text, q) {
			hits[d.Document.ID] = true
		}
		return nil
	})
	return hits, err
}

// containsFold reports whether text holds q, which is in lower case,
// ignoring case.
func containsFold(text, q string) bool {
	return strings.Contains(strings.ToLower(text), q)
}
