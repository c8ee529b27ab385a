package storage

import (
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// AddDocument adds a document without annotations and returns it as
// stored, with a missing ID, SHA256, Status and timestamps filled in. A
// document whose text is already in the project is
// annotate.ErrDuplicateDocument; one whose SHA256 does not match its text
// or whose ID is taken is annotate.ErrInvalid.
func (s *Store) AddDocument(doc annotate.Document) (annotate.Document, error) {
	d := prepare(&annotate.DocumentData{Document: doc}, s.now().UTC())
	err := s.update(func(tx *bolt.Tx) error {
		schema, err := s.schemaIn(tx)
		if err != nil {
			return err
		}
		if err := annotate.ValidateDocumentData(d, schema); err != nil {
			return err
		}
		d.Document.SHA256 = annotate.SHA256Hex(d.Document.Text)
		if id := tx.Bucket(bucketSHA).Get([]byte(d.Document.SHA256)); id != nil {
			return fmt.Errorf("same text as document %s: %w", id, annotate.ErrDuplicateDocument)
		}
		_, err = putDocument(tx, d)
		return err
	})
	if err != nil {
		return annotate.Document{}, fmt.Errorf("add document %q: %w", docName(doc), err)
	}
	return d.Document, nil
}

// docName names a document in an error message: its id, else its title,
// else where it came from.
func docName(d annotate.Document) string {
	switch {
	case d.ID != "":
		return d.ID
	case d.Title != "":
		return d.Title
	}
	return d.SourcePath
}

// prepare returns a copy of d with missing ids, status and timestamps
// filled in. The caller's slices are not modified.
func prepare(d *annotate.DocumentData, now time.Time) *annotate.DocumentData {
	out := &annotate.DocumentData{
		Document:    d.Document,
		Annotations: slices.Clone(d.Annotations),
		Relations:   slices.Clone(d.Relations),
	}
	doc := &out.Document
	if doc.ID == "" {
		doc.ID = annotate.NewID()
	}
	if doc.Status == "" {
		doc.Status = annotate.StatusTodo
	}
	doc.Created = orTime(doc.Created, now)
	doc.Updated = orTime(doc.Updated, doc.Created)
	for i := range out.Annotations {
		a := &out.Annotations[i]
		if a.ID == "" {
			a.ID = annotate.NewID()
		}
		a.Created = orTime(a.Created, now)
		a.Updated = orTime(a.Updated, a.Created)
	}
	for i := range out.Relations {
		r := &out.Relations[i]
		if r.ID == "" {
			r.ID = annotate.NewID()
		}
		r.Created = orTime(r.Created, now)
	}
	return out
}

// orTime returns t, or def when t is zero.
func orTime(t, def time.Time) time.Time {
	if t.IsZero() {
		return def
	}
	return t
}

// putDocument writes a validated document whose text is not yet in the
// project, refusing an id that another document has.
func putDocument(tx *bolt.Tx, d *annotate.DocumentData) (annotate.DocumentInfo, error) {
	doc := d.Document
	if tx.Bucket(bucketSeq).Get([]byte(doc.ID)) != nil {
		return annotate.DocumentInfo{}, annotate.Invalidf("document %s: id already in the project", doc.ID)
	}
	in := infoOf(d)
	if err := writeDocument(tx, d, in); err != nil {
		return annotate.DocumentInfo{}, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	return in, nil
}

// infoOf returns the info record of a prepared document.
func infoOf(d *annotate.DocumentData) annotate.DocumentInfo {
	doc := d.Document
	return annotate.DocumentInfo{
		ID:          doc.ID,
		Title:       doc.Title,
		SHA256:      doc.SHA256,
		Status:      doc.Status,
		SourcePath:  doc.SourcePath,
		Runes:       annotate.RuneLen(doc.Text),
		Annotations: len(d.Annotations),
		Relations:   len(d.Relations),
		Attributes:  doc.Attributes.Clone(),
		Created:     doc.Created,
		Updated:     doc.Updated,
	}
}

// writeDocument puts the document's info record, its entries in the
// indexes, and its content.
func writeDocument(tx *bolt.Tx, d *annotate.DocumentData, in annotate.DocumentInfo) error {
	codes, err := codesIn(tx)
	if err != nil {
		return err
	}
	if err := writeIndex(tx, in, codes); err != nil {
		return err
	}
	_, err = putContent(tx.Bucket(bucketText), tx.Bucket(bucketDocs), d, codes)
	return err
}

// writeIndex puts a document's info record and its entries in the
// indexes: what makes its text and bucket a document of the project.
// codes are the project's attribute codes.
func writeIndex(tx *bolt.Tx, in annotate.DocumentInfo, codes *attrCodes) error {
	infos := tx.Bucket(bucketInfo)
	n, err := infos.NextSequence()
	if err != nil {
		return err
	}
	seq, id := seqKey(n), []byte(in.ID)
	if err := infos.Put(seq, encodeInfo(in, codes)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketSeq).Put(id, seq); err != nil {
		return err
	}
	return tx.Bucket(bucketSHA).Put([]byte(in.SHA256), id)
}

// bulkFill is how full bbolt packs the pages of annotations and relations
// written all at once. Its default of one half suits random inserts;
// a document's annotations are written in one go, so pack them full. A
// document's records take a few pages, so the last page's slack decides
// their count: at 0.9, a document of 100 annotations with a claim's
// usual values took three leaves where it takes two without values; full
// pages hold it in two (BenchmarkProjectAttributes1M). An edit that
// later overflows a full page splits it, as bbolt does any page.
const bulkFill = 1.0

// putContent writes the document's text into texts and creates its
// bucket in dirs with its annotations and relations. It returns how many
// bytes of keys and values it put, which is about what the transaction
// holds in memory for them until it commits. codes are the project's
// attribute codes.
func putContent(texts, dirs *bolt.Bucket, d *annotate.DocumentData, codes *attrCodes) (int, error) {
	id := []byte(d.Document.ID)
	if err := texts.Put(id, []byte(d.Document.Text)); err != nil {
		return 0, err
	}
	size := 2*len(id) + len(d.Document.Text)
	dir, err := dirs.CreateBucket(id)
	if err != nil {
		return 0, err
	}
	dir.FillPercent = bulkFill
	ann := records{b: dir, prefix: prefixAnn}
	for _, a := range d.Annotations {
		v := encodeAnnotation(a, codes)
		if err := ann.Put([]byte(a.ID), v); err != nil {
			return 0, fmt.Errorf("annotation %s: %w", a.ID, err)
		}
		size += len(a.ID) + len(v)
	}
	rel := records{b: dir, prefix: prefixRel}
	for _, r := range d.Relations {
		v := encodeRelation(r)
		if err := rel.Put([]byte(r.ID), v); err != nil {
			return 0, fmt.Errorf("relation %s: %w", r.ID, err)
		}
		size += len(r.ID) + len(v)
	}
	return size, nil
}
