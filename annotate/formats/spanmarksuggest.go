package formats

import (
	"fmt"

	"spanmark/annotate"
)

// A spanmark document may carry its suggestions, each with its text as
// a span does, so that a pipeline sees what a model or the project's
// strings proposed beside what people annotated. They are written only
// when Header.Suggestions is set, and on reading they are checked like
// spans but never imported: a suggestion is not an annotation.

// addSuggestions sets wd's suggestions to those h.Suggestions gives for
// d, each with its text; without h.Suggestions it leaves wd as it is.
func (h Header) addSuggestions(wd *wireDocument, d *annotate.DocumentData) error {
	if h.Suggestions == nil {
		return nil
	}
	ss, err := h.Suggestions(d.Document.ID)
	if err != nil {
		return fmt.Errorf("document %s: %w", d.Document.ID, err)
	}
	x := annotate.NewIndex(d.Document.Text)
	wd.Suggestions = make([]wireSuggestion, 0, len(ss))
	for _, s := range ss {
		if err := annotate.CheckSuggestion(s, x.Len()); err != nil {
			return fmt.Errorf("document %s: %w", d.Document.ID, err)
		}
		wd.Suggestions = append(wd.Suggestions, wireSuggestion{Start: s.Start, End: s.End, Text: x.Slice(s.Start, s.End),
			Label: s.Label, Source: s.Source, Score: s.Score})
	}
	return nil
}

// checkSuggestions reports what is wrong with a document's suggestions
// as read: each must be a span of the text carrying that span's text,
// with a label, a source and a score in [0, 1].
func checkSuggestions(ws []wireSuggestion, x *annotate.Index) []error {
	var errs []error
	for i, w := range ws {
		s := annotate.Suggestion{Start: w.Start, End: w.End, Label: w.Label, Source: w.Source, Score: w.Score}
		if err := annotate.CheckSuggestion(s, x.Len()); err != nil {
			errs = append(errs, fmt.Errorf("suggestion %d: %w", i+1, err))
		} else if got := x.Slice(s.Start, s.End); w.Text != got {
			errs = append(errs, annotate.Invalidf("suggestion %d: text %q does not match [%d,%d) %q", i+1, w.Text, s.Start, s.End, got))
		}
	}
	return errs
}
