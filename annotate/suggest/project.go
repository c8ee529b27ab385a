package suggest

import (
	"fmt"

	"spanmark/annotate"
)

// EachFunc walks a project's documents, as annotate.Store's Each does.
type EachFunc func(fn func(*annotate.DocumentData) error) error

// Build reads every document of a project once and indexes its
// annotations and rejections. The documents are tokenized on the walk's
// goroutine and indexed on another, so that reading and tokenizing a
// document overlaps indexing the one before: the index takes one
// goroutine, and the walk is as much work again.
func Build(each EachFunc, rejections []annotate.Rejection, opts Options) (*Index, error) {
	x := NewIndex(opts)
	type tokenized struct {
		d *annotate.DocumentData
		w words
	}
	docs := make(chan tokenized, buildAhead)
	indexed := make(chan struct{})
	go func() {
		defer close(indexed)
		for t := range docs {
			x.addWords(t.d, &t.w)
		}
	}()
	err := each(func(d *annotate.DocumentData) error {
		docs <- tokenized{d, newWords(d.Document.Text)}
		return nil
	})
	close(docs)
	<-indexed
	if err != nil {
		return nil, fmt.Errorf("index the annotated strings: %w", err)
	}
	for _, r := range rejections {
		x.Reject(r)
	}
	return x, nil
}

// buildAhead is how many tokenized documents Build's walk may be ahead of
// its indexing: enough to even out documents of different lengths, few
// enough to hold little memory.
const buildAhead = 16

// All reads every document of a project once more and calls fn with its
// id and its suggestions whose score reaches minScore (none included),
// one document at a time. An error from fn stops the walk and is
// returned.
func (x *Index) All(each EachFunc, minScore float64, fn func(docID string, s []annotate.Suggestion) error) error {
	return each(func(d *annotate.DocumentData) error {
		return fn(d.Document.ID, x.Suggest(d, minScore))
	})
}
