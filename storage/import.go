package storage

import (
	"fmt"
	"iter"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// Import adds documents with their annotations and relations in one
// transaction: when a document is invalid, its SHA256 does not match its
// text, or docs yields an error, nothing is written. Missing ids, status
// and timestamps are filled in; given ids are kept, but a document whose
// id another text has (in the project or earlier in docs) gets a new one,
// reported in Renamed. A document whose text is already in the project,
// or came earlier in docs, is skipped and reported.
func (s *Store) Import(docs iter.Seq2[*annotate.DocumentData, error]) (annotate.ImportResult, error) {
	now := s.now().UTC()
	var res annotate.ImportResult
	err := s.update(func(tx *bolt.Tx) error {
		res = annotate.ImportResult{}
		schema, err := s.schemaIn(tx)
		if err != nil {
			return err
		}
		n := 0
		for d, err := range docs {
			n++
			if err != nil {
				return err
			}
			if d == nil {
				return annotate.Invalidf("document %d: missing", n)
			}
			if err := importDocument(tx, d, schema, now, &res); err != nil {
				return fmt.Errorf("document %d (%s): %w", n, docName(d.Document), err)
			}
		}
		return nil
	})
	if err != nil {
		return annotate.ImportResult{}, fmt.Errorf("import: %w", err)
	}
	return res, nil
}

// importDocument adds d, or records it as skipped when its text is
// already in the project. Documents written earlier in the same
// transaction count as in the project.
func importDocument(tx *bolt.Tx, d *annotate.DocumentData, schema annotate.Schema, now time.Time, res *annotate.ImportResult) error {
	p := prepare(d, now)
	if err := annotate.ValidateDocumentData(p, schema); err != nil {
		return err
	}
	p.Document.SHA256 = annotate.SHA256Hex(p.Document.Text)
	if id := tx.Bucket(bucketSHA).Get([]byte(p.Document.SHA256)); id != nil {
		res.Skipped = append(res.Skipped, annotate.SkippedDocument{
			Title:      p.Document.Title,
			SHA256:     p.Document.SHA256,
			ExistingID: string(id),
		})
		return nil
	}
	if tx.Bucket(bucketSeq).Get([]byte(p.Document.ID)) != nil {
		res.Renamed = append(res.Renamed, renameDocument(tx, p))
	}
	in, err := putDocument(tx, p)
	if err != nil {
		return err
	}
	res.Added = append(res.Added, in)
	return nil
}

// renameDocument gives d, whose id another document has, an id no
// document has. Annotation and relation ids are kept: they are unique
// within their document only.
func renameDocument(tx *bolt.Tx, d *annotate.DocumentData) annotate.RenamedDocument {
	seq := tx.Bucket(bucketSeq)
	id := annotate.NewID()
	for seq.Get([]byte(id)) != nil {
		id = annotate.NewID()
	}
	r := annotate.RenamedDocument{Title: d.Document.Title, OldID: d.Document.ID, NewID: id}
	d.Document.ID = id
	for i := range d.Annotations {
		d.Annotations[i].DocumentID = id
	}
	for i := range d.Relations {
		d.Relations[i].DocumentID = id
	}
	return r
}
