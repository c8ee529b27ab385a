package storage

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// Since format 3 a document's annotations and relations share its one
// bucket, their keys prefixed by what they are. A bucket that holds
// other buckets cannot be stored inline in its parent's page, so the
// nested ann and rel buckets of formats 1 and 2 put one more page on the
// path to every annotation, and every tag copied it; the flat bucket
// keeps a document's records together and one page nearer the root. The
// prefixes are bytes no name of the older layout starts with, so that
// the upgrade can flatten a document's bucket in place.
var (
	prefixAnn = []byte{1}
	prefixRel = []byte{2}
)

// records is the annotations or the relations of one document: the
// records under prefix in b. The keys records takes and gives are the
// ids, without the prefix. An older file read as it is has them in a
// nested bucket of their own, with an empty prefix.
type records struct {
	b      *bolt.Bucket
	prefix []byte
}

func (r records) key(id []byte) []byte {
	if len(r.prefix) == 0 {
		return id
	}
	return append(bytes.Clone(r.prefix), id...)
}

// Get returns the record of id, or nil.
func (r records) Get(id []byte) []byte { return r.b.Get(r.key(id)) }

// Put writes the record of id.
func (r records) Put(id, v []byte) error { return r.b.Put(r.key(id), v) }

// Delete removes the record of id.
func (r records) Delete(id []byte) error { return r.b.Delete(r.key(id)) }

// ForEach calls fn with every id and record in id order. Like bbolt's, k
// and v are valid only during the call.
func (r records) ForEach(fn func(id, v []byte) error) error {
	c := r.b.Cursor()
	for k, v := c.Seek(r.prefix); k != nil && bytes.HasPrefix(k, r.prefix); k, v = c.Next() {
		if v == nil {
			continue // a nested bucket, which is not a record
		}
		if err := fn(k[len(r.prefix):], v); err != nil {
			return err
		}
	}
	return nil
}

// docRecords returns the annotations and relations in a document's
// bucket, in whichever layout it has.
func docRecords(dir *bolt.Bucket) (ann, rel records, ok bool) {
	if a := dir.Bucket(bucketAnn); a != nil {
		r := dir.Bucket(bucketRel)
		return records{b: a}, records{b: r}, r != nil
	}
	if dir.Bucket(bucketRel) != nil {
		return records{}, records{}, false
	}
	return records{b: dir, prefix: prefixAnn}, records{b: dir, prefix: prefixRel}, true
}
