// Package mock provides a test double of annotate.Store whose behaviour is
// set method by method, for tests that need a store to fail.
package mock

import (
	"errors"
	"iter"

	"spanmark/annotate"
)

// ErrUnset is returned by a method whose function field is nil.
var ErrUnset = errors.New("mock: method not set")

// Store implements annotate.Store by calling its function fields.
type Store struct {
	PathFn           func() string
	ReadOnlyFn       func() bool
	CloseFn          func() error
	MetaFn           func() (annotate.Meta, error)
	SetAnnotatorFn   func(string) error
	SchemaFn         func() (annotate.Schema, error)
	SetSchemaFn      func(annotate.Schema, annotate.SchemaChange) error
	CountLossesFn    func(annotate.Schema, annotate.SchemaChange) (annotate.Losses, error)
	DocumentsFn      func() ([]annotate.DocumentInfo, error)
	LoadFn           func(string) (*annotate.DocumentData, error)
	AddDocumentFn    func(annotate.Document) (annotate.Document, error)
	SetStatusFn      func(string, annotate.Status) error
	SetTitleFn       func(string, string) error
	DeleteDocumentFn func(string) error
	ApplyFn          func(string, annotate.Edit) error
	ImportFn         func(iter.Seq2[*annotate.DocumentData, error]) (annotate.ImportResult, error)
	EachFn           func(func(*annotate.DocumentData) error) error
	EachTextFn       func(func(annotate.DocumentInfo, string, func() (*annotate.DocumentData, error)) error) error
	SuggestionFns
}

var _ annotate.Store = (*Store)(nil)

// Path calls PathFn.
func (s *Store) Path() string {
	if s.PathFn == nil {
		return "mock"
	}
	return s.PathFn()
}

// ReadOnly calls ReadOnlyFn.
func (s *Store) ReadOnly() bool { return s.ReadOnlyFn != nil && s.ReadOnlyFn() }

// Close calls CloseFn.
func (s *Store) Close() error {
	if s.CloseFn == nil {
		return nil
	}
	return s.CloseFn()
}

// Meta calls MetaFn.
func (s *Store) Meta() (annotate.Meta, error) {
	if s.MetaFn == nil {
		return annotate.Meta{}, ErrUnset
	}
	return s.MetaFn()
}

// SetAnnotator calls SetAnnotatorFn.
func (s *Store) SetAnnotator(name string) error {
	if s.SetAnnotatorFn == nil {
		return ErrUnset
	}
	return s.SetAnnotatorFn(name)
}

// Schema calls SchemaFn.
func (s *Store) Schema() (annotate.Schema, error) {
	if s.SchemaFn == nil {
		return annotate.Schema{}, ErrUnset
	}
	return s.SchemaFn()
}

// SetSchema calls SetSchemaFn.
func (s *Store) SetSchema(sc annotate.Schema, c annotate.SchemaChange) error {
	if s.SetSchemaFn == nil {
		return ErrUnset
	}
	return s.SetSchemaFn(sc, c)
}

// CountLosses calls CountLossesFn.
func (s *Store) CountLosses(sc annotate.Schema, c annotate.SchemaChange) (annotate.Losses, error) {
	if s.CountLossesFn == nil {
		return annotate.Losses{}, ErrUnset
	}
	return s.CountLossesFn(sc, c)
}

// Documents calls DocumentsFn.
func (s *Store) Documents() ([]annotate.DocumentInfo, error) {
	if s.DocumentsFn == nil {
		return nil, ErrUnset
	}
	return s.DocumentsFn()
}

// Load calls LoadFn.
func (s *Store) Load(id string) (*annotate.DocumentData, error) {
	if s.LoadFn == nil {
		return nil, ErrUnset
	}
	return s.LoadFn(id)
}

// AddDocument calls AddDocumentFn.
func (s *Store) AddDocument(d annotate.Document) (annotate.Document, error) {
	if s.AddDocumentFn == nil {
		return annotate.Document{}, ErrUnset
	}
	return s.AddDocumentFn(d)
}

// SetStatus calls SetStatusFn.
func (s *Store) SetStatus(id string, st annotate.Status) error {
	if s.SetStatusFn == nil {
		return ErrUnset
	}
	return s.SetStatusFn(id, st)
}

// SetTitle calls SetTitleFn.
func (s *Store) SetTitle(id, title string) error {
	if s.SetTitleFn == nil {
		return ErrUnset
	}
	return s.SetTitleFn(id, title)
}

// DeleteDocument calls DeleteDocumentFn.
func (s *Store) DeleteDocument(id string) error {
	if s.DeleteDocumentFn == nil {
		return ErrUnset
	}
	return s.DeleteDocumentFn(id)
}

// Apply calls ApplyFn.
func (s *Store) Apply(id string, e annotate.Edit) error {
	if s.ApplyFn == nil {
		return ErrUnset
	}
	return s.ApplyFn(id, e)
}

// Import calls ImportFn.
func (s *Store) Import(docs iter.Seq2[*annotate.DocumentData, error]) (annotate.ImportResult, error) {
	if s.ImportFn == nil {
		return annotate.ImportResult{}, ErrUnset
	}
	return s.ImportFn(docs)
}

// Each calls EachFn.
func (s *Store) Each(fn func(*annotate.DocumentData) error) error {
	if s.EachFn == nil {
		return ErrUnset
	}
	return s.EachFn(fn)
}

// EachText calls EachTextFn.
func (s *Store) EachText(fn func(annotate.DocumentInfo, string, func() (*annotate.DocumentData, error)) error) error {
	if s.EachTextFn == nil {
		return ErrUnset
	}
	return s.EachTextFn(fn)
}
