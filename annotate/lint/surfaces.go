package lint

import (
	"slices"
	"strings"

	"spanmark/annotate"
)

// Surfaces counts, over a whole project, the labels each annotated string
// was given. The rules that compare one annotation with the rest of the
// project (inconsistent-label, missed-mention) read it; a first pass over
// the documents fills it, one document at a time, so that the project is
// never in memory at once.
type Surfaces struct {
	counts map[string][]LabelCount
}

// LabelCount is how many times a string was annotated with Label.
type LabelCount struct {
	Label string
	N     int
}

// NewSurfaces returns an empty index.
func NewSurfaces() *Surfaces {
	return &Surfaces{counts: make(map[string][]LabelCount)}
}

// Add counts the annotations of d.
func (s *Surfaces) Add(d *annotate.DocumentData) {
	x := annotate.NewIndex(d.Document.Text)
	for _, a := range d.Annotations {
		s.add(x.Slice(a.Start, a.End), a.Label, 1)
	}
}

// Remove uncounts the annotations of d, so that an edited document can be
// counted again.
func (s *Surfaces) Remove(d *annotate.DocumentData) {
	x := annotate.NewIndex(d.Document.Text)
	for _, a := range d.Annotations {
		s.add(x.Slice(a.Start, a.End), a.Label, -1)
	}
}

// AddAnnotation counts one annotation of label over text, as an edit
// adds it: the app keeps the project's index current this way, one
// changed annotation at a time, instead of counting the project again.
func (s *Surfaces) AddAnnotation(text, label string) { s.add(text, label, 1) }

// RemoveAnnotation uncounts one annotation of label over text, as an
// edit deletes it or changes its range or label.
func (s *Surfaces) RemoveAnnotation(text, label string) { s.add(text, label, -1) }

// add changes the count of label for text by n, dropping counts that
// reach zero.
func (s *Surfaces) add(text, label string, n int) {
	cs := s.counts[text]
	i := slices.IndexFunc(cs, func(c LabelCount) bool { return c.Label == label })
	switch {
	case i >= 0:
		cs[i].N += n
		if cs[i].N <= 0 {
			cs = slices.Delete(cs, i, i+1)
		}
	case n > 0:
		// The key is cloned: text is a slice of a document's text, which
		// the index must not keep alive.
		text = string([]byte(text))
		cs = append(cs, LabelCount{label, n})
	default:
		return
	}
	if len(cs) == 0 {
		delete(s.counts, text)
		return
	}
	s.counts[text] = cs
}

// Labels returns the labels text was annotated with and how often, most
// frequent first (ties in label order).
func (s *Surfaces) Labels(text string) []LabelCount {
	cs := slices.Clone(s.counts[text])
	slices.SortFunc(cs, func(a, b LabelCount) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Label, b.Label)
	})
	return cs
}

// Len returns the number of distinct annotated strings.
func (s *Surfaces) Len() int { return len(s.counts) }
