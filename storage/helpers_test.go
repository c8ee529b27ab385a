package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// t0 is the time of the test clock.
var t0 = time.Date(2025, 3, 14, 15, 9, 26, 535897932, time.UTC)

func clock() time.Time { return t0 }

// testOptions creates projects with the test clock and a short lock wait.
func testOptions() Options {
	return Options{Create: true, Annotator: "ada", Timeout: 200 * time.Millisecond, Now: clock}
}

// newProject creates a project in a temporary directory. On cleanup it is
// closed and the file is checked for consistency.
func newProject(t testing.TB) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "project.spanmark")
	return openProject(t, path, testOptions())
}

// openProject opens path and, on cleanup, closes it and checks the file.
func openProject(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		checkFile(t, path)
	})
	return s
}

// checkFile opens the project file at path read-only with bbolt and runs
// the consistency check.
func checkFile(t testing.TB, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Errorf("check %s: %v", path, err)
		return
	}
	defer db.Close()
	s := &Store{db: db, path: path}
	if err := s.Verify(); err != nil {
		t.Errorf("check %s: %v", path, err)
	}
}

// readFile returns the bytes of path.
func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// assertUnchanged fails unless path still holds want.
func assertUnchanged(t testing.TB, path string, want []byte) {
	t.Helper()
	if got := readFile(t, path); !bytes.Equal(got, want) {
		t.Errorf("%s changed: %d bytes before, %d after", path, len(want), len(got))
	}
}

// addDoc adds a document with the given id and text.
func addDoc(t testing.TB, s *Store, id, text string) annotate.Document {
	t.Helper()
	d, err := s.AddDocument(annotate.Document{ID: id, Title: id, Text: text})
	if err != nil {
		t.Fatalf("AddDocument(%s): %v", id, err)
	}
	return d
}

// ann returns an annotation stamped with the test clock.
func ann(id string, start, end int, label string) annotate.Annotation {
	return annotate.Annotation{ID: id, Start: start, End: end, Label: label, Annotator: "ada", Created: t0, Updated: t0}
}

// rel returns an attributed_to relation stamped with the test clock.
func rel(id, from, to string) annotate.Relation {
	return annotate.Relation{ID: id, Type: annotate.RelationAttributedTo, From: from, To: to, Created: t0}
}

// apply applies e and fails the test on error.
func apply(t testing.TB, s *Store, docID string, e annotate.Edit) {
	t.Helper()
	if err := s.Apply(docID, e); err != nil {
		t.Fatalf("Apply: %v", err)
	}
}

// load loads a document and fails the test on error.
func load(t testing.TB, s *Store, docID string) *annotate.DocumentData {
	t.Helper()
	d, err := s.Load(docID)
	if err != nil {
		t.Fatalf("Load(%s): %v", docID, err)
	}
	return d
}

// assertCounts fails unless every document's info record counts the
// annotations and relations that Load returns.
func assertCounts(t testing.TB, s *Store) {
	t.Helper()
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range infos {
		d := load(t, s, in.ID)
		if in.Annotations != len(d.Annotations) || in.Relations != len(d.Relations) {
			t.Errorf("document %s: info counts %d annotations, %d relations; Load has %d, %d",
				in.ID, in.Annotations, in.Relations, len(d.Annotations), len(d.Relations))
		}
		if in.Runes != annotate.RuneLen(d.Document.Text) {
			t.Errorf("document %s: info has %d runes, text %d", in.ID, in.Runes, annotate.RuneLen(d.Document.Text))
		}
	}
}

// editBolt changes the project file at path directly with bbolt.
func editBolt(t testing.TB, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}
