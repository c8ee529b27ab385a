package storage

import (
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// migration changes the layout of a project from one format version to
// the next, inside the transaction of the whole upgrade.
type migration func(tx *bolt.Tx, now time.Time) error

// migrations[v] turns format version v into v+1, so a file of any older
// version is brought up to FormatVersion by running the tail of the list.
// Its length is always FormatVersion.
var migrations = []migration{
	0: addCreated,
	1: addAttributes,
	2: flattenDocs,
}

// readableFrom is the oldest format version that can be read without an
// upgrade, so that a read-only open (an export, say) of it works. Format
// 2 only added what format 1 lacks: records and schemas of format 1 read
// as having no attribute values and no attribute definitions. Format 3
// flattened the documents' buckets, and docRecords reads both layouts.
const readableFrom = 1

// addCreated upgrades version 0, whose meta data did not say when the
// project was created; the time of the upgrade is the best there is.
func addCreated(tx *bolt.Tx, now time.Time) error {
	m := tx.Bucket(bucketMeta)
	if m.Get(keyCreated) != nil {
		return nil
	}
	return m.Put(keyCreated, formatTime(now))
}

// addAttributes upgrades version 1, whose schema had no attributes: it
// gives the schema the default attributes whose labels it still has with
// their default kinds, so that an older project gains a claim's verdict
// as a new one does, while a label renamed or recast keeps none.
func addAttributes(tx *bolt.Tx, _ time.Time) error {
	m := tx.Bucket(bucketMeta)
	schema, err := decodeSchema(m.Get(keySchema))
	if err != nil || len(schema.Attributes) > 0 {
		return err
	}
	def := annotate.DefaultSchema()
	for _, a := range annotate.DefaultAttributes() {
		if a.Label != "" && schema.KindOf(a.Label) != def.KindOf(a.Label) {
			continue
		}
		schema.Attributes = append(schema.Attributes, a)
	}
	if err := schema.Validate(); err != nil {
		return err
	}
	raw, err := encodeSchema(schema)
	if err != nil {
		return err
	}
	return m.Put(keySchema, raw)
}

// upgrade brings the project up to FormatVersion in one transaction, so
// that a failed upgrade leaves the file as it was.
func (s *Store) upgrade() error {
	err := s.update(func(tx *bolt.Tx) error {
		v, err := readVersion(tx)
		if err != nil || v == FormatVersion {
			return err
		}
		now := s.now()
		for ; v < FormatVersion; v++ {
			if err := migrations[v](tx, now); err != nil {
				return fmt.Errorf("format version %d to %d: %w", v, v+1, err)
			}
		}
		return tx.Bucket(bucketMeta).Put(keyVersion, []byte(strconv.Itoa(FormatVersion)))
	})
	if err != nil {
		return fmt.Errorf("upgrade %s: %w", s.path, err)
	}
	return nil
}
