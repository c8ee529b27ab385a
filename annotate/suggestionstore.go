package annotate

// SuggestionStore keeps a project's suggestions and rejections, apart
// from its annotations: per document, each source's suggestions, and the
// rejections that keep turned-down suggestions from coming back. Every
// method that changes something is one transaction, as in Store.
type SuggestionStore interface {
	// Suggestions returns a document's pending suggestions from every
	// source, in CompareSuggestions order. A missing document is
	// ErrNotFound.
	Suggestions(docID string) ([]Suggestion, error)
	// SuggestionCounts returns how many suggestions each document holds,
	// by document id, for the document list; documents without any are
	// left out.
	SuggestionCounts() (map[string]int, error)
	// PutSuggestions replaces, for every document id in byDoc, the
	// suggestions of source with byDoc's, in one transaction. Each is
	// checked with CheckSuggestion against its document (whose id it must
	// carry) and must come from source; one whose span and label a
	// rejection names is left out. A document not in byDoc keeps its
	// suggestions.
	PutSuggestions(source string, byDoc map[string][]Suggestion) error
	// Rejections returns every rejection of the project, by document in
	// no particular order.
	Rejections() ([]Rejection, error)
	// Reject records r and deletes the suggestions of its span and label
	// from every source, in one transaction.
	Reject(r Rejection) error
	// Accept applies e as Apply does and, in the same transaction,
	// deletes the suggestions of every source at the accepted spans and
	// labels: accepting is one edit, undone like any other.
	Accept(docID string, e Edit, accepted []SpanLabel) error
}
