package suggest

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"spanmark/annotate"
)

// Project is what Refresh needs of a project: its documents, read in
// turn, and its suggestions. annotate.Store has it.
type Project interface {
	Documents() ([]annotate.DocumentInfo, error)
	Load(docID string) (*annotate.DocumentData, error)
	Each(fn func(*annotate.DocumentData) error) error
	Rejections() ([]annotate.Rejection, error)
	PutSuggestions(source string, byDoc map[string][]annotate.Suggestion) error
}

// DefaultMinScore is the share of a string's annotations a label needs to
// be suggested by default: at least half. A string tagged with one label
// is offered with it (score 1); one tagged as often PERSON as ORG is
// offered with both; one given many labels about equally is not offered
// at all, since a person would reject most of what it makes. (On synth's
// random labels, nearly every word is such a string: at 0 a project of
// 10,000 documents gets some 28 million suggestions, at 0.5 about 2
// million.)
const DefaultMinScore = 0.5

// BatchDocs is how many documents' suggestions Refresh writes per
// transaction. One transaction for the whole project would keep every
// written page of millions of suggestions in memory until its commit;
// batches bound that, at the cost of a project whose suggestions are
// briefly part old, part new if the run is cut short (each batch is
// complete and consistent, and running again finishes the job).
const BatchDocs = 500

// Refresh brings the string suggestions (source annotate.SourceStrings)
// of every document of p up to date: it indexes the project's annotated
// strings and rejections, then computes each document's suggestions whose
// score reaches minScore and replaces the old ones, BatchDocs documents a
// transaction. It holds one batch of suggestions at a time, never the
// project's. It returns how many suggestions each label got.
func Refresh(p Project, opts Options, minScore float64) (map[string]int, error) {
	rej, err := p.Rejections()
	if err != nil {
		return nil, err
	}
	x, err := Build(p.Each, rej, opts)
	if err != nil {
		return nil, err
	}
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	// One goroutine loads documents and computes their suggestions while
	// this one writes the batch before: matching and bbolt's writing
	// overlap. Documents are loaded one by one, not walked with Each,
	// because a write that grows the file waits for every open read
	// transaction.
	batches := make(chan map[string][]annotate.Suggestion, 1)
	stop := make(chan struct{})
	var loadErr error
	go func() {
		defer close(batches)
		loadErr = x.batches(p, docs, minScore, batches, stop)
	}()
	counts := make(map[string]int)
	for batch := range batches {
		if err := p.PutSuggestions(annotate.SourceStrings, batch); err != nil {
			close(stop)
			for range batches {
			}
			return nil, err
		}
		for _, ss := range batch {
			for _, s := range ss {
				counts[s.Label]++
			}
		}
	}
	if loadErr != nil {
		return nil, loadErr
	}
	return counts, nil
}

// batches sends the suggestions of docs, BatchDocs documents at a time,
// until it is done or stop is closed.
func (x *Index) batches(p Project, docs []annotate.DocumentInfo, minScore float64,
	out chan<- map[string][]annotate.Suggestion, stop <-chan struct{}) error {
	for len(docs) > 0 {
		n := min(len(docs), BatchDocs)
		batch, err := x.batch(p, docs[:n], minScore)
		if err != nil {
			return err
		}
		select {
		case out <- batch:
		case <-stop:
			return nil
		}
		docs = docs[n:]
	}
	return nil
}

// batch loads docs and computes their suggestions, on as many goroutines
// as there are processors: matching is most of the work, and Suggest
// only reads the index.
func (x *Index) batch(p Project, docs []annotate.DocumentInfo, minScore float64) (map[string][]annotate.Suggestion, error) {
	workers := runtime.GOMAXPROCS(0)
	found := make([][]annotate.Suggestion, len(docs))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := w; k < len(docs); k += workers {
				d, err := p.Load(docs[k].ID)
				if err != nil {
					errs[w] = fmt.Errorf("suggest for document %s: %w", docs[k].ID, err)
					return
				}
				found[k] = x.Suggest(d, minScore)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	batch := make(map[string][]annotate.Suggestion, len(docs))
	for k, info := range docs {
		batch[info.ID] = found[k]
	}
	return batch, nil
}
