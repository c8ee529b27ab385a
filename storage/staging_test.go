package storage

import (
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// inBatches runs test as an import of one transaction would and as one
// that commits a batch after every document.
func inBatches(t *testing.T, test func(t *testing.T)) {
	for _, tc := range []struct {
		name  string
		bytes int
	}{{"one batch", importBatchBytes}, {"a batch per document", 1}} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(old int) { importBatchBytes = old }(importBatchBytes)
			importBatchBytes = tc.bytes
			test(t)
		})
	}
}

// txID returns the id of the last transaction committed to s.
func txID(t *testing.T, s *Store) int {
	t.Helper()
	var id int
	if err := s.view(func(tx *bolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

// hasStaging reports whether the project holds a staging area.
func hasStaging(t *testing.T, s *Store) bool {
	t.Helper()
	var found bool
	if err := s.view(func(tx *bolt.Tx) error { found = tx.Bucket(bucketStaging) != nil; return nil }); err != nil {
		t.Fatal(err)
	}
	return found
}

// manyDocs yields n documents, the one at bad (counting from 1) invalid.
func manyDocs(n, bad int) iter.Seq2[*annotate.DocumentData, error] {
	var docs []*annotate.DocumentData
	for i := 1; i <= n; i++ {
		d := importDoc(fmt.Sprintf("d%d", i), fmt.Sprintf("text number %d", i))
		if i == bad {
			d.Annotations[1].End = 99
		}
		docs = append(docs, d)
	}
	return seq(nil, docs...)
}

// TestImportCommitsInBatches: a large import commits as it goes, so that
// bbolt never holds the whole of it in memory, and leaves no staging area.
func TestImportCommitsInBatches(t *testing.T) {
	defer func(old int) { importBatchBytes = old }(importBatchBytes)
	importBatchBytes = 1
	s := newProject(t)
	before := txID(t, s)
	res, err := s.Import(manyDocs(10, 0))
	if err != nil {
		t.Fatal(err)
	}
	if got := txID(t, s) - before; got < 10 {
		t.Errorf("the import of 10 documents committed %d transactions, want one at least per document", got)
	}
	if infos, _ := s.Documents(); len(infos) != 10 || len(res.Added) != 10 {
		t.Errorf("%d documents in the project, %d added; want 10", len(infos), len(res.Added))
	}
	if hasStaging(t, s) {
		t.Error("the staging area is left after the import")
	}
	assertCounts(t, s)
}

// TestImportLateFailureChangesNothing: a bad document after batches have
// been committed still leaves the project as it was.
func TestImportLateFailureChangesNothing(t *testing.T) {
	defer func(old int) { importBatchBytes = old }(importBatchBytes)
	importBatchBytes = 1
	s := newProject(t)
	addDoc(t, s, "old", "existing text")
	before, _ := s.Documents()
	_, err := s.Import(manyDocs(20, 19))
	if !errors.Is(err, annotate.ErrInvalid) {
		t.Fatalf("Import = %v, want ErrInvalid", err)
	}
	if after, _ := s.Documents(); !reflect.DeepEqual(after, before) {
		t.Errorf("documents after a failed import: %+v, want %+v", after, before)
	}
	if hasStaging(t, s) {
		t.Error("the failed import left its staging area")
	}
	if texts := countTexts(t, s); texts != 1 {
		t.Errorf("%d texts in the project after a failed import, want 1", texts)
	}
	if _, err := s.Import(manyDocs(20, 0)); err != nil {
		t.Errorf("the same documents, corrected, are refused: %v", err)
	}
	assertCounts(t, s)
}

// TestOpenDropsLeftStaging: the staging area of an import that was killed
// goes when the project is next opened for writing, and the documents
// stay as they were.
func TestOpenDropsLeftStaging(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.spanmark")
	s := openProject(t, path, testOptions())
	addDoc(t, s, "old", "existing text")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	editBolt(t, path, func(tx *bolt.Tx) error {
		if err := startStaging(tx); err != nil {
			return err
		}
		texts, dirs, err := stagingBuckets(tx)
		if err != nil {
			return err
		}
		_, err = putContent(texts, dirs, prepare(importDoc("new", "new text"), t0), noCodes)
		return err
	})
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	left := hasStaging(t, ro)
	ro.Close()
	if !left {
		t.Fatal("the test's staging area is missing")
	}
	s = openProject(t, path, testOptions())
	if hasStaging(t, s) {
		t.Error("Open for writing left the staging area of a killed import")
	}
	if infos, _ := s.Documents(); len(infos) != 1 || infos[0].ID != "old" {
		t.Errorf("documents = %+v, want old only", infos)
	}
	if texts := countTexts(t, s); texts != 1 {
		t.Errorf("%d texts in the project, want 1: the killed import's text is left", texts)
	}
}

// countTexts counts the texts that s holds.
func countTexts(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.view(func(tx *bolt.Tx) error { n = tx.Bucket(bucketText).Stats().KeyN; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
