package storage

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// bucketStaging is where Import writes documents before they are added:
// a top-level bucket that nothing but Import reads, holding what the
// project's bucketDocs would,
//
//	staging  doc id → bucket of ann and rel
//
// while the texts go straight into bucketText, where nothing finds them
// until the document's info record is written: reads go through the
// document list. Adding a staged document writes its info record and
// moves its bucket, which bbolt does by rewriting the bucket's header
// only. Without an import under way the bucket does not exist; one that
// a killed import left behind is dropped, with its texts, by the next
// import and by Open for writing.
var bucketStaging = []byte("staging")

// errNoStaging is returned when the staging area is gone before the
// import that made it ends.
var errNoStaging = errors.New("the import's staging area is missing")

// startStaging makes an empty staging area.
func startStaging(tx *bolt.Tx) error {
	if err := dropStaging(tx); err != nil {
		return err
	}
	if _, err := tx.CreateBucket(bucketStaging); err != nil {
		return fmt.Errorf("staging area: %w", err)
	}
	return nil
}

// dropStaging deletes the staging area, if there is one, with the texts
// of the documents it holds.
func dropStaging(tx *bolt.Tx) error {
	dirs := tx.Bucket(bucketStaging)
	if dirs == nil {
		return nil
	}
	texts := tx.Bucket(bucketText)
	err := dirs.ForEach(func(id, _ []byte) error { return texts.Delete(id) })
	if err == nil {
		err = tx.DeleteBucket(bucketStaging)
	}
	if err != nil {
		return fmt.Errorf("drop the staging area: %w", err)
	}
	return nil
}

// stagingBuckets returns the buckets an import writes a document's text
// and annotations to.
func stagingBuckets(tx *bolt.Tx) (texts, dirs *bolt.Bucket, err error) {
	dirs = tx.Bucket(bucketStaging)
	if dirs == nil {
		return nil, nil, errNoStaging
	}
	return tx.Bucket(bucketText), dirs, nil
}

// publishStaging adds the staged documents described by added to the
// project, in order, and drops the staging area. The staged buckets must
// have been committed by an earlier transaction: bbolt moves a bucket by
// its header, which for a bucket written in this transaction is not
// written yet.
func publishStaging(tx *bolt.Tx, added []annotate.DocumentInfo) error {
	_, dirs, err := stagingBuckets(tx)
	if err != nil {
		return err
	}
	codes, err := codesIn(tx)
	if err != nil {
		return err
	}
	projectDirs := tx.Bucket(bucketDocs)
	for _, in := range added {
		if err := writeIndex(tx, in, codes); err != nil {
			return fmt.Errorf("document %s: %w", in.ID, err)
		}
		if err := dirs.MoveBucket([]byte(in.ID), projectDirs); err != nil {
			return fmt.Errorf("document %s: %w", in.ID, err)
		}
	}
	return dropStaging(tx)
}

// dropLeftStaging drops the staging area of an import that was killed
// before it ended. It writes only when there is one.
func (s *Store) dropLeftStaging() error {
	left := false
	err := s.view(func(tx *bolt.Tx) error {
		left = tx.Bucket(bucketStaging) != nil
		return nil
	})
	if err != nil || !left {
		return err
	}
	return s.update(dropStaging)
}
