package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// conformDocuments carries every document's attribute values to schema
// with m and checks them against it. Like migrateAnnotations, it writes
// the changed records after the walk.
func conformDocuments(tx *bolt.Tx, schema annotate.Schema, m *annotate.Migration, codes *attrCodes) error {
	b := tx.Bucket(bucketInfo)
	changed := make(map[string][]byte) // seq key → record
	err := b.ForEach(func(k, v []byte) error {
		in, err := decodeInfo(v, codes)
		if err != nil {
			return err
		}
		moved, _, err := m.Document(&in)
		if err != nil {
			return err
		}
		if moved {
			changed[string(k)] = encodeInfo(in, codes)
		}
		doc := annotate.Document{Attributes: in.Attributes}
		if err := annotate.ValidateDocumentAttributes(doc, schema); err != nil {
			return fmt.Errorf("document %s: %w", in.ID, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for k, rec := range changed {
		if err := b.Put([]byte(k), rec); err != nil {
			return fmt.Errorf("document info: %w", err)
		}
	}
	return nil
}

// setDocumentAttributes replaces the document's attribute values in its
// info record with a copy of m, once they fit the schema's document
// attributes; the error names the document.
func setDocumentAttributes(in *annotate.DocumentInfo, m annotate.Attributes, schema annotate.Schema) error {
	doc := annotate.Document{ID: in.ID, Attributes: m}
	if err := annotate.ValidateDocumentAttributes(doc, schema); err != nil {
		return fmt.Errorf("document %s: %w", in.ID, err)
	}
	in.Attributes = m.Clone()
	return nil
}
