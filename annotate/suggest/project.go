package suggest

import (
	"fmt"

	"spanmark/annotate"
)

// EachFunc walks a project's documents, as annotate.Store's Each does.
type EachFunc func(fn func(*annotate.DocumentData) error) error

// Build reads every document of a project once and indexes its
// annotations and rejections.
func Build(each EachFunc, rejections []annotate.Rejection, opts Options) (*Index, error) {
	x := NewIndex(opts)
	err := each(func(d *annotate.DocumentData) error {
		x.AddDocument(d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("index the annotated strings: %w", err)
	}
	for _, r := range rejections {
		x.Reject(r)
	}
	return x, nil
}

// All reads every document of a project once more and calls fn with its
// id and its suggestions whose score reaches minScore (none included),
// one document at a time. An error from fn stops the walk and is
// returned.
func (x *Index) All(each EachFunc, minScore float64, fn func(docID string, s []annotate.Suggestion) error) error {
	return each(func(d *annotate.DocumentData) error {
		return fn(d.Document.ID, x.Suggest(d, minScore))
	})
}
