package storage

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// flattenDocs upgrades version 2, whose documents kept their annotations
// and relations in nested buckets "ann" and "rel": it moves them into the
// document's own bucket under their prefixes (records.go) and deletes the
// nested buckets. It also gives the schema's attribute names and enum
// values their codes (attrcodes.go) and rewrites the records that hold
// values with them. Documents of a staging area left by a killed import
// are dropped after the upgrade and need nothing.
func flattenDocs(tx *bolt.Tx, _ time.Time) error {
	schema, err := decodeSchema(tx.Bucket(bucketMeta).Get(keySchema))
	if err != nil {
		return err
	}
	codes, err := ensureCodes(tx, schema)
	if err != nil {
		return err
	}
	if err := recodeInfos(tx, codes); err != nil {
		return err
	}
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
			put := to.Put
			if m.prefix[0] == prefixAnn[0] {
				put = recodedPut(id, to, codes)
			}
			if err := m.from.ForEach(put); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
			if err := dir.DeleteBucket(m.name); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
		}
		return nil
	})
}

// recodedPut returns a Put into to that writes an annotation record with
// values with the attribute codes of codes.
func recodedPut(docID string, to records, codes *attrCodes) func(id, v []byte) error {
	return func(id, v []byte) error {
		if holdsValues(v) {
			a, err := decodeAnnotation(docID, id, v, codes)
			if err != nil {
				return err
			}
			v = encodeAnnotation(a, codes)
		}
		return to.Put(id, v)
	}
}

// recodeInfos rewrites the document records that hold values with the
// attribute codes of codes.
func recodeInfos(tx *bolt.Tx, codes *attrCodes) error {
	b := tx.Bucket(bucketInfo)
	changed := make(map[string][]byte) // putting while walking moves the cursor
	err := b.ForEach(func(k, v []byte) error {
		in, err := decodeInfo(v, codes)
		if err != nil {
			return err
		}
		if len(in.Attributes) > 0 {
			changed[string(k)] = encodeInfo(in, codes)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("document info: %w", err)
	}
	for k, v := range changed {
		if err := b.Put([]byte(k), v); err != nil {
			return fmt.Errorf("document info: %w", err)
		}
	}
	return nil
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
