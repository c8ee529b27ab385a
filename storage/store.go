// Package storage keeps a Spanmark project in a bbolt file: one
// annotator's documents, annotations, relations and schema. Store
// implements annotate.Store; every change is one bbolt transaction,
// synced to disk before the method returns.
//
// This is the only package that imports bbolt.
package storage

import (
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

var _ annotate.Store = (*Store)(nil)

// Options configures Open.
type Options struct {
	// ReadOnly opens the project for reading only. Other read-only
	// openers may share the file; every method that would change it
	// returns annotate.ErrReadOnly.
	ReadOnly bool
	// Create creates the project when the file does not exist, unless
	// ReadOnly is set too.
	Create bool
	// Annotator is the name recorded in a project that Open creates.
	Annotator string
	// Timeout is how long Open waits for another process to release the
	// file before it gives up with annotate.ErrLocked. Zero means one
	// second.
	Timeout time.Duration
	// Now returns the current time for timestamps. Nil means time.Now.
	Now func() time.Time
}

// defaultTimeout is how long Open waits for a lock when Options.Timeout
// is zero: long enough to ride out another window closing the file.
const defaultTimeout = time.Second

// Store is an open project file. Its methods are safe for concurrent use.
//
// Each calls its function inside a read transaction; that function must
// not change the store, because a write that grows the file would wait for
// the read to end.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool
	now      func() time.Time

	// writeMu is held by every write, and by Import for all of its
	// transactions, so that no other write of this process comes between
	// the ones that stage an import and the one that adds it.
	writeMu sync.Mutex

	// mu guards the decoded copy of the schema, which saves decoding the
	// schema's JSON on every Apply. schemaRaw is the JSON it was decoded
	// from, compared with the stored bytes inside each transaction.
	mu        sync.Mutex
	schemaRaw []byte
	schema    annotate.Schema
}

// Path returns the file name of the project.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the project was opened for reading only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close releases the project file.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// view runs fn in a read transaction. Damage that bbolt meets on the way
// is an error wrapping annotate.ErrDamaged.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return safely(s.path, func() error { return s.db.View(fn) })
}

// update runs fn in a write transaction that is committed and synced
// before update returns, or rolled back when fn fails or bbolt meets
// damage (annotate.ErrDamaged).
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.updateHeld(fn)
}

// updateHeld is update for a caller that holds writeMu.
func (s *Store) updateHeld(fn func(tx *bolt.Tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s: %w", s.path, annotate.ErrReadOnly)
	}
	return safely(s.path, func() error { return s.db.Update(fn) })
}
