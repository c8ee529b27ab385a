package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// SetStatus sets a document's status.
func (s *Store) SetStatus(docID string, st annotate.Status) error {
	if !st.Valid() {
		return annotate.Invalidf("set status of document %s: unknown status %q", docID, st)
	}
	err := s.updateInfo(docID, func(in *annotate.DocumentInfo) { in.Status = st })
	if err != nil {
		return fmt.Errorf("set status: %w", err)
	}
	return nil
}

// SetTitle renames a document.
func (s *Store) SetTitle(docID, title string) error {
	err := s.updateInfo(docID, func(in *annotate.DocumentInfo) { in.Title = title })
	if err != nil {
		return fmt.Errorf("set title: %w", err)
	}
	return nil
}

// updateInfo changes a document's info record with fn and stamps it as
// updated.
func (s *Store) updateInfo(docID string, fn func(*annotate.DocumentInfo)) error {
	now := s.now().UTC()
	return s.update(func(tx *bolt.Tx) error {
		ref, err := findDoc(tx, docID)
		if err != nil {
			return err
		}
		fn(&ref.info)
		ref.info.Updated = now
		return ref.saveInfo(tx)
	})
}

// DeleteDocument removes a document with its annotations and relations.
func (s *Store) DeleteDocument(docID string) error {
	err := s.update(func(tx *bolt.Tx) error {
		ref, err := findDoc(tx, docID)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketDocs).DeleteBucket([]byte(docID)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketText).Delete([]byte(docID)); err != nil {
			return err
		}
		if err := deleteSuggestionsOf(tx, docID); err != nil {
			return err
		}
		if err := tx.Bucket(bucketInfo).Delete(ref.seq); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSeq).Delete([]byte(docID)); err != nil {
			return err
		}
		return tx.Bucket(bucketSHA).Delete([]byte(ref.info.SHA256))
	})
	if err != nil {
		return fmt.Errorf("delete document: %w", err)
	}
	return nil
}
