package storage

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// flattenDocs upgrades version 2, whose documents kept their annotations
// and relations in nested buckets "ann" and "rel": it moves them into the
// document's own bucket under their prefixes (records.go) and deletes the
// nested buckets. Documents of a staging area left by a killed import are
// dropped after the upgrade and need nothing.
func flattenDocs(tx *bolt.Tx, _ time.Time) error {
	return eachDocBucket(tx, func(id string, dir *bolt.Bucket) error {
		ann, rel, ok := docRecords(dir)
		if !ok {
			return fmt.Errorf("document %s: bucket missing: %w", id, errCorrupt)
		}
		if len(ann.prefix) != 0 {
			return nil // flat already
		}
		dir.FillPercent = bulkFill
		for _, m := range []struct {
			from   records
			prefix []byte
			name   []byte
		}{{ann, prefixAnn, bucketAnn}, {rel, prefixRel, bucketRel}} {
			to := records{b: dir, prefix: m.prefix}
			if err := m.from.ForEach(to.Put); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
			if err := dir.DeleteBucket(m.name); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
		}
		return nil
	})
}

// eachDocBucket calls fn with the bucket of every document.
func eachDocBucket(tx *bolt.Tx, fn func(id string, dir *bolt.Bucket) error) error {
	docs := tx.Bucket(bucketDocs)
	var ids []string
	err := docs.ForEach(func(k, _ []byte) error {
		ids = append(ids, string(k))
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		dir := docs.Bucket([]byte(id))
		if dir == nil {
			return fmt.Errorf("document %s: bucket missing: %w", id, errCorrupt)
		}
		if err := fn(id, dir); err != nil {
			return err
		}
	}
	return nil
}
