package storage

import (
	"fmt"
	"iter"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// importBatchBytes is about how many bytes of documents an import writes
// in one transaction before it commits them to the staging area. bbolt
// keeps every value a transaction writes, and then a page for it, in
// memory until the commit, so one transaction for a whole large file
// would hold the file twice over; batches keep an import's memory flat.
// Tests make it small.
var importBatchBytes = 32 << 20

// Import adds documents with their annotations and relations, all or
// nothing: when a document is invalid, its SHA256 does not match its
// text, or docs yields an error, nothing is added. Missing ids, status
// and timestamps are filled in; given ids are kept, but a document whose
// id another text has (in the project or earlier in docs) gets a new one,
// reported in Renamed. A document whose text is already in the project,
// or came earlier in docs, is skipped and reported.
//
// A large import is written in batches, each in a transaction of its
// own, into a staging area that no reader of the project sees (see
// staging.go); one last transaction moves the documents into the project
// and empties the staging area, so that the project changes in one
// transaction, as with every other change. No other write of this Store
// comes between them.
func (s *Store) Import(docs iter.Seq2[*annotate.DocumentData, error]) (annotate.ImportResult, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	im := &importer{now: s.now().UTC(), schemaIn: s.schemaIn, sha: map[string]string{}}
	next, stop := iter.Pull2(docs)
	defer stop()
	var err error
	for done := false; err == nil && !done; {
		err = s.updateHeld(func(tx *bolt.Tx) error {
			var err error
			done, err = im.batch(tx, next)
			return err
		})
	}
	if err == nil {
		// The staged buckets are moved, not copied, which bbolt can do
		// only with buckets that an earlier transaction committed.
		err = s.updateHeld(func(tx *bolt.Tx) error { return publishStaging(tx, im.res.Added) })
	}
	if err != nil {
		// What the batches staged goes; should that fail too, the next
		// import or opening for writing drops it.
		s.updateHeld(dropStaging)
		return annotate.ImportResult{}, fmt.Errorf("import: %w", err)
	}
	return im.res, nil
}

// importer is the state of one Import across its transactions.
type importer struct {
	now      time.Time
	schemaIn func(tx *bolt.Tx) (annotate.Schema, error)
	started  bool
	schema   annotate.Schema // read once: no other write comes between
	codes    *attrCodes      // the schema's attribute codes, likewise
	res      annotate.ImportResult
	n        int               // documents read so far
	sha      map[string]string // text hash → id of the documents staged
}

// batch stages documents from next until about importBatchBytes are
// written, or reports done when next has no more. The first batch reads
// the schema and makes the staging area.
func (im *importer) batch(tx *bolt.Tx, next func() (*annotate.DocumentData, error, bool)) (done bool, err error) {
	if !im.started {
		if im.schema, err = im.schemaIn(tx); err != nil {
			return false, err
		}
		if im.codes, err = codesIn(tx); err != nil {
			return false, err
		}
		if err := startStaging(tx); err != nil {
			return false, err
		}
		im.started = true
	}
	texts, dirs, err := stagingBuckets(tx)
	if err != nil {
		return false, err
	}
	for size := 0; size < importBatchBytes; {
		d, err, ok := next()
		if !ok {
			return true, nil
		}
		im.n++
		if err != nil {
			return false, err
		}
		if d == nil {
			return false, annotate.Invalidf("document %d: missing", im.n)
		}
		n, err := im.stage(tx, texts, dirs, d)
		if err != nil {
			return false, fmt.Errorf("document %d (%s): %w", im.n, docName(d.Document), err)
		}
		size += n
	}
	return false, nil
}

// stage writes d into the staging area, or records it as skipped when its
// text is already in the project or staged, and returns how many bytes it
// wrote.
func (im *importer) stage(tx *bolt.Tx, texts, dirs *bolt.Bucket, d *annotate.DocumentData) (int, error) {
	p := prepare(d, im.now)
	if err := annotate.ValidateDocumentData(p, im.schema); err != nil {
		return 0, err
	}
	sha := annotate.SHA256Hex(p.Document.Text)
	p.Document.SHA256 = sha
	existing, ok := im.sha[sha]
	if id := tx.Bucket(bucketSHA).Get([]byte(sha)); id != nil {
		existing, ok = string(id), true
	}
	if ok {
		im.res.Skipped = append(im.res.Skipped, annotate.SkippedDocument{
			Title:      p.Document.Title,
			SHA256:     sha,
			ExistingID: existing,
		})
		return 0, nil
	}
	taken := func(id string) bool {
		return tx.Bucket(bucketSeq).Get([]byte(id)) != nil || dirs.Bucket([]byte(id)) != nil
	}
	if taken(p.Document.ID) {
		im.res.Renamed = append(im.res.Renamed, renameDocument(p, taken))
	}
	n, err := putContent(texts, dirs, p, im.codes)
	if err != nil {
		return 0, fmt.Errorf("document %s: %w", p.Document.ID, err)
	}
	im.sha[sha] = p.Document.ID
	im.res.Added = append(im.res.Added, infoOf(p))
	return n, nil
}

// renameDocument gives d, whose id another document has, an id that is
// not taken. Annotation and relation ids are kept: they are unique within
// their document only.
func renameDocument(d *annotate.DocumentData, taken func(id string) bool) annotate.RenamedDocument {
	id := annotate.NewID()
	for taken(id) {
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
