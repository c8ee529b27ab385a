package storage

import (
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// migration changes the layout of a project from one format version to
// the next, inside the transaction of the whole upgrade.
type migration func(tx *bolt.Tx, now time.Time) error

// migrations[v] turns format version v into v+1, so a file of any older
// version is brought up to FormatVersion by running the tail of the list.
// Its length is always FormatVersion.
var migrations = []migration{
	0: addCreated,
}

// addCreated upgrades version 0, whose meta data did not say when the
// project was created; the time of the upgrade is the best there is.
func addCreated(tx *bolt.Tx, now time.Time) error {
	m := tx.Bucket(bucketMeta)
	if m.Get(keyCreated) != nil {
		return nil
	}
	return m.Put(keyCreated, formatTime(now))
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
