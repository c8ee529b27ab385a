package mock

import "spanmark/annotate"

// SuggestionFns are the function fields of Store's
// annotate.SuggestionStore methods.
type SuggestionFns struct {
	SuggestionsFn      func(string) ([]annotate.Suggestion, error)
	SuggestionCountsFn func() (map[string]int, error)
	PutSuggestionsFn   func(string, map[string][]annotate.Suggestion) error
	RejectionsFn       func() ([]annotate.Rejection, error)
	RejectFn           func(annotate.Rejection) error
	AcceptFn           func(string, annotate.Edit, []annotate.SpanLabel) error
}

// Suggestions calls SuggestionsFn.
func (s *Store) Suggestions(id string) ([]annotate.Suggestion, error) {
	if s.SuggestionsFn == nil {
		return nil, ErrUnset
	}
	return s.SuggestionsFn(id)
}

// SuggestionCounts calls SuggestionCountsFn.
func (s *Store) SuggestionCounts() (map[string]int, error) {
	if s.SuggestionCountsFn == nil {
		return nil, ErrUnset
	}
	return s.SuggestionCountsFn()
}

// PutSuggestions calls PutSuggestionsFn.
func (s *Store) PutSuggestions(source string, byDoc map[string][]annotate.Suggestion) error {
	if s.PutSuggestionsFn == nil {
		return ErrUnset
	}
	return s.PutSuggestionsFn(source, byDoc)
}

// Rejections calls RejectionsFn.
func (s *Store) Rejections() ([]annotate.Rejection, error) {
	if s.RejectionsFn == nil {
		return nil, ErrUnset
	}
	return s.RejectionsFn()
}

// Reject calls RejectFn.
func (s *Store) Reject(r annotate.Rejection) error {
	if s.RejectFn == nil {
		return ErrUnset
	}
	return s.RejectFn(r)
}

// Accept calls AcceptFn.
func (s *Store) Accept(id string, e annotate.Edit, accepted []annotate.SpanLabel) error {
	if s.AcceptFn == nil {
		return ErrUnset
	}
	return s.AcceptFn(id, e, accepted)
}
