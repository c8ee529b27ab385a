package storage

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// The buckets of a project file. Everything a document list needs is in
// bucketInfo, so listing never touches texts or annotations; a document's
// annotations and relations are in its own bucket under bucketDocs, so
// opening one document reads only its own pages (records.go). Texts are kept apart
// from the annotation buckets: a bucket's header lives in its parent's
// page, and a long text beside it would be rewritten by every edit.
//
//	meta                 "version" (decimal), "annotator", "created"
//	                     (RFC 3339), "schema" (JSON), "attrcodes" (JSON:
//	                     the codes of attribute names and enum values
//	                     in records, see attrcodes.go)
//	info   seq → record  annotate.DocumentInfo, in creation order: seq is
//	                     a big-endian number from NextSequence
//	seq    doc id → seq  finds a document's info record
//	sha256 hex → doc id  finds a document by its text, for duplicates
//	text   doc id → text the text, UTF-8
//	docs   doc id → bucket:
//	         0x01 + annotation id → record
//	         0x02 + relation id   → record
//	suggest doc id → bucket (created by the first suggestion; see
//	                     suggestions.go):
//	         sug         source → the source's suggestions, packed
//	         rej         start end label → rejected text
//	suggestcount doc id → number of its suggestions (uvarint)
//
// Formats 1 and 2 had two nested buckets in a document's bucket instead,
// "ann" and "rel", keyed by the ids; they are read as they are when
// opened read-only.
//
// While an import runs, a top-level bucket "staging" holds the documents
// it has written but not yet added (see staging.go).
var (
	bucketMeta = []byte("meta")
	bucketInfo = []byte("info")
	bucketSeq  = []byte("seq")
	bucketSHA  = []byte("sha256")
	bucketText = []byte("text")
	bucketDocs = []byte("docs")
	// bucketSuggest keeps suggestions and rejections, never annotations.
	bucketSuggest = []byte("suggest")

	bucketAnn = []byte("ann")
	bucketRel = []byte("rel")
)

// topBuckets are created with every project.
var topBuckets = [][]byte{bucketMeta, bucketInfo, bucketSeq, bucketSHA, bucketText, bucketDocs}

// seqKey turns a sequence number into a key that sorts in numeric order.
func seqKey(n uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, n)
}

// docRef is one document's place in an open transaction.
type docRef struct {
	seq   []byte // key in bucketInfo
	info  annotate.DocumentInfo
	ann   records
	rel   records
	codes *attrCodes // the project's, for its records
}

// findDoc looks up the document with the given id. A missing document is
// annotate.ErrNotFound.
func findDoc(tx *bolt.Tx, id string) (*docRef, error) {
	seq := tx.Bucket(bucketSeq).Get([]byte(id))
	if seq == nil {
		return nil, fmt.Errorf("document %s: %w", id, annotate.ErrNotFound)
	}
	codes, err := codesIn(tx)
	if err != nil {
		return nil, err
	}
	ref := &docRef{seq: append([]byte(nil), seq...), codes: codes}
	if ref.info, err = decodeInfo(tx.Bucket(bucketInfo).Get(seq), codes); err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	ref.ann, ref.rel, err = docBuckets(tx, id)
	if err != nil {
		return nil, err
	}
	return ref, nil
}

// saveInfo writes the document's info record back.
func (ref *docRef) saveInfo(tx *bolt.Tx) error {
	return tx.Bucket(bucketInfo).Put(ref.seq, encodeInfo(ref.info, ref.codes))
}

// docBuckets returns the annotation and relation buckets of the document
// with the given id.
func docBuckets(tx *bolt.Tx, id string) (ann, rel records, err error) {
	ok := false
	if dir := tx.Bucket(bucketDocs).Bucket([]byte(id)); dir != nil {
		ann, rel, ok = docRecords(dir)
	}
	if !ok {
		return records{}, records{}, fmt.Errorf("document %s: bucket missing: %w", id, errCorrupt)
	}
	return ann, rel, nil
}

// eachDoc calls fn with the annotation and relation buckets of every
// document, in no particular order.
func eachDoc(tx *bolt.Tx, fn func(id string, ann, rel records) error) error {
	var ids []string
	err := tx.Bucket(bucketDocs).ForEach(func(k, _ []byte) error {
		ids = append(ids, string(k))
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		ann, rel, err := docBuckets(tx, id)
		if err != nil {
			return err
		}
		if err := fn(id, ann, rel); err != nil {
			return err
		}
	}
	return nil
}
