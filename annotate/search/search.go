// Package search finds text across every document of a project: plain
// text (case-insensitive unless asked, optionally whole words only) or a
// regular expression, narrowed by what is annotated at the match (label,
// kind, attribute value, note, annotator), by document status, or to
// the occurrences no annotation touches. Results are concordance rows:
// the match with its left and right context and the labels already on it.
//
// A Searcher checks one document at a time, so a caller streams a whole
// project through it and can show the first results while the rest are
// still being found.
package search

import (
	"fmt"
	"slices"
	"strings"

	"spanmark/annotate"
)

// Query says what to find.
type Query struct {
	// Text is the text to find, or a regular expression (Go's RE2
	// syntax) when Regex is set. An empty Text lists the annotations that
	// pass the filters instead.
	Text          string
	Regex         bool
	CaseSensitive bool
	WholeWord     bool

	// The filters. A match passes an annotation filter when an annotation
	// overlapping it passes every annotation filter given; Status keeps
	// the documents with one of the statuses.
	Labels    []string
	Kinds     []annotate.Kind
	Attribute string // "name=value": an annotation with that value
	Note      string // a note containing this text, ignoring case
	Annotator string
	Status    []annotate.Status
	// Unannotated keeps only the matches no annotation overlaps.
	Unannotated bool
}

// Result is one concordance row. Start and End are code points.
type Result struct {
	DocumentID    string
	DocumentTitle string
	Start, End    int
	Left          string // up to Context code points before the match
	Match         string
	Right         string   // up to Context code points after it
	Labels        []string // of the annotations overlapping the match, in order
}

// Context is how many code points of context a result carries each side.
const Context = 40

// Searcher runs one query over documents.
type Searcher struct {
	q      Query
	find   finder // nil when listing annotations
	schema annotate.Schema
	attr   struct{ name, value string }
}

// New checks q and returns its Searcher; schema gives labels their kinds.
func New(q Query, schema annotate.Schema) (*Searcher, error) {
	s := &Searcher{q: q, schema: schema}
	if q.Attribute != "" {
		name, value, ok := strings.Cut(q.Attribute, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("search: attribute filter %q: want name=value", q.Attribute)
		}
		s.attr.name, s.attr.value = name, value
	}
	for _, l := range q.Labels {
		if _, ok := schema.Label(l); !ok {
			return nil, fmt.Errorf("search: label %q is not in the schema", l)
		}
	}
	if q.Unannotated && s.filtersAnnotations() {
		return nil, fmt.Errorf("search: unannotated occurrences have no label, kind, attribute, note or annotator to filter by")
	}
	if q.Text == "" {
		if q.Unannotated {
			return nil, fmt.Errorf("search: unannotated occurrences of what? give a text")
		}
		return s, nil
	}
	f, err := newFinder(q)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	s.find = f
	return s, nil
}

// Document calls yield with each result in d, in text order, until yield
// returns false; it reports whether yield always returned true.
func (s *Searcher) Document(d *annotate.DocumentData, yield func(Result) bool) bool {
	if len(s.q.Status) > 0 && !slices.Contains(s.q.Status, d.Document.Status) {
		return true
	}
	doc := newDocument(d)
	if s.find == nil {
		return s.annotations(doc, yield)
	}
	return s.matches(doc, yield)
}

// Wants reports whether a document with this status and text can have
// results. When it is false, Document would yield nothing, so a caller
// walking a project need not decode that document's annotations: a word
// is in few of a project's texts, and reading the annotations of every
// document was most of a search's time.
func (s *Searcher) Wants(status annotate.Status, text string) bool {
	if len(s.q.Status) > 0 && !slices.Contains(s.q.Status, status) {
		return false
	}
	if s.find == nil {
		return true
	}
	_, _, ok := s.find.next(text, 0)
	return ok
}
