package storage

import (
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// FormatVersion is the layout of project files this package writes. Files
// with a lower version are upgraded by the migrations in migrate.go.
const FormatVersion = 3

// Keys in bucketMeta.
var (
	keyVersion   = []byte("version")
	keyAnnotator = []byte("annotator")
	keyCreated   = []byte("created")
	keySchema    = []byte("schema")
)

// readVersion returns the format version of the project in tx. A file
// without Spanmark's meta data is annotate.ErrNotProject; a version this
// package does not know is annotate.ErrNewerVersion.
func readVersion(tx *bolt.Tx) (int, error) {
	m := tx.Bucket(bucketMeta)
	if m == nil {
		return 0, fmt.Errorf("%w: no meta bucket", annotate.ErrNotProject)
	}
	raw := m.Get(keyVersion)
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 0 {
		return 0, fmt.Errorf("%w: format version %q", annotate.ErrNotProject, raw)
	}
	if v > FormatVersion {
		return 0, fmt.Errorf("format version %d, this Spanmark reads up to %d: %w", v, FormatVersion, annotate.ErrNewerVersion)
	}
	return v, nil
}

// Meta returns the project's format version, annotator and creation time.
func (s *Store) Meta() (annotate.Meta, error) {
	var meta annotate.Meta
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		meta, err = readMeta(tx)
		return err
	})
	if err != nil {
		return annotate.Meta{}, fmt.Errorf("read meta of %s: %w", s.path, err)
	}
	return meta, nil
}

func readMeta(tx *bolt.Tx) (annotate.Meta, error) {
	v, err := readVersion(tx)
	if err != nil {
		return annotate.Meta{}, err
	}
	m := tx.Bucket(bucketMeta)
	created, err := time.Parse(time.RFC3339Nano, string(m.Get(keyCreated)))
	if err != nil {
		return annotate.Meta{}, fmt.Errorf("created: %w", err)
	}
	return annotate.Meta{
		FormatVersion: v,
		Annotator:     string(m.Get(keyAnnotator)),
		Created:       created,
	}, nil
}

// SetAnnotator records the name of the person whose work the project is.
func (s *Store) SetAnnotator(name string) error {
	err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyAnnotator, []byte(name))
	})
	if err != nil {
		return fmt.Errorf("set annotator: %w", err)
	}
	return nil
}

// formatTime encodes a time for bucketMeta.
func formatTime(t time.Time) []byte {
	return []byte(t.UTC().Format(time.RFC3339Nano))
}

// putAll puts alternating keys and values into b.
func putAll(b *bolt.Bucket, kv ...[]byte) error {
	for i := 0; i+1 < len(kv); i += 2 {
		if err := b.Put(kv[i], kv[i+1]); err != nil {
			return fmt.Errorf("put %s: %w", kv[i], err)
		}
	}
	return nil
}
