package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

func TestOpenCreates(t *testing.T) {
	s := newProject(t)
	meta, err := s.Meta()
	if err != nil {
		t.Fatal(err)
	}
	want := annotate.Meta{FormatVersion: FormatVersion, Annotator: "ada", Created: t0}
	if meta != want {
		t.Errorf("Meta() = %+v, want %+v", meta, want)
	}
	schema, err := s.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(schema, annotate.DefaultSchema()) {
		t.Errorf("Schema() = %+v, want the default schema", schema)
	}
	docs, err := s.Documents()
	if err != nil || len(docs) != 0 {
		t.Errorf("Documents() = %v, %v; want none", docs, err)
	}
	if s.ReadOnly() {
		t.Error("ReadOnly() = true for a project opened for writing")
	}
}

func TestOpenReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.spanmark")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	addDoc(t, s, "d1", "Some text.")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	later := func() time.Time { return t0.Add(time.Hour) }
	s = openProject(t, path, Options{Annotator: "someone else", Now: later})
	meta, err := s.Meta()
	if err != nil {
		t.Fatal(err)
	}
	if meta.Annotator != "ada" || !meta.Created.Equal(t0) {
		t.Errorf("Meta() after reopening = %+v, want annotator ada created %v", meta, t0)
	}
	if d := load(t, s, "d1"); d.Document.Text != "Some text." {
		t.Errorf("text after reopening = %q", d.Document.Text)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
}

func TestOpenMissing(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"without create", Options{}},
		{"read-only with create", Options{ReadOnly: true, Create: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "missing.spanmark")
			_, err := Open(path, tt.opts)
			if !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Open = %v, want fs.ErrNotExist", err)
			}
			if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Open created %s", path)
			}
		})
	}
}

func TestOpenCreateFailsInMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir.spanmark")
	if _, err := Open(path, testOptions()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open = %v, want fs.ErrNotExist", err)
	}
}

// TestOpenLocked shows that two bbolt handles on one file in one process
// conflict as two processes would: flock locks belong to the open file
// description, not to the process.
func TestOpenLocked(t *testing.T) {
	tests := []struct {
		name         string
		first, again bool // read-only
		wantErr      error
	}{
		{"write then write", false, false, annotate.ErrLocked},
		{"write then read", false, true, annotate.ErrLocked},
		{"read then write", true, false, annotate.ErrLocked},
		{"read then read", true, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.spanmark")
			s, err := Open(path, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			opts := testOptions()
			opts.ReadOnly = tt.first
			openProject(t, path, opts)

			opts.ReadOnly = tt.again
			start := time.Now()
			second, err := Open(path, opts)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("second Open = %v, want %v", err, tt.wantErr)
			}
			if err == nil {
				second.Close()
				return
			}
			if want := path + " is open in another Spanmark window"; err.Error() != want {
				t.Errorf("error text = %q, want %q", err, want)
			}
			if waited := time.Since(start); waited < opts.Timeout/2 {
				t.Errorf("gave up after %v, want about %v", waited, opts.Timeout)
			}
		})
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.spanmark")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	addDoc(t, s, "d1", "Alice met Bob.")
	apply(t, s, "d1", annotate.Edit{PutAnnotations: []annotate.Annotation{ann("a1", 0, 5, "PERSON")}})
	s.Close()
	before := readFile(t, path)

	opts := testOptions()
	opts.ReadOnly = true
	ro := openProject(t, path, opts)
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if _, err := ro.Load("d1"); err != nil {
		t.Errorf("Load on a read-only project: %v", err)
	}
	one := func(d *annotate.DocumentData) func(func(*annotate.DocumentData, error) bool) {
		return func(yield func(*annotate.DocumentData, error) bool) { yield(d, nil) }
	}
	writes := []struct {
		name string
		call func() error
	}{
		{"SetAnnotator", func() error { return ro.SetAnnotator("bob") }},
		{"SetSchema", func() error { return ro.SetSchema(annotate.DefaultSchema(), annotate.SchemaChange{}) }},
		{"AddDocument", func() error {
			_, err := ro.AddDocument(annotate.Document{Text: "new"})
			return err
		}},
		{"SetStatus", func() error { return ro.SetStatus("d1", annotate.StatusDone) }},
		{"SetTitle", func() error { return ro.SetTitle("d1", "x") }},
		{"DeleteDocument", func() error { return ro.DeleteDocument("d1") }},
		{"Apply", func() error {
			return ro.Apply("d1", annotate.Edit{DeleteAnnotations: []string{"a1"}})
		}},
		{"Apply empty", func() error { return ro.Apply("d1", annotate.Edit{}) }},
		{"Import", func() error {
			_, err := ro.Import(one(&annotate.DocumentData{Document: annotate.Document{Text: "new"}}))
			return err
		}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			if err := w.call(); !errors.Is(err, annotate.ErrReadOnly) {
				t.Errorf("%s = %v, want ErrReadOnly", w.name, err)
			}
		})
	}
	assertUnchanged(t, path, before)
}

// writeFile writes b to path.
func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeForeignBolt writes a bbolt file whose buckets fn makes.
func writeForeignBolt(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func TestOpenNotProject(t *testing.T) {
	tests := []struct {
		name  string
		write func(t *testing.T, path string)
	}{
		{"text file", func(t *testing.T, path string) {
			writeFile(t, path, []byte("Dear diary,\nnot a database.\n"))
		}},
		{"empty file", func(t *testing.T, path string) {
			writeFile(t, path, nil)
		}},
		{"long text file", func(t *testing.T, path string) {
			writeFile(t, path, []byte(strings.Repeat("0123456789abcdef", 4096)))
		}},
		{"foreign bbolt file", func(t *testing.T, path string) {
			writeForeignBolt(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("widgets"))
				if err != nil {
					return err
				}
				return b.Put([]byte("k"), []byte("v"))
			})
		}},
		{"empty bbolt file", func(t *testing.T, path string) {
			writeForeignBolt(t, path, func(tx *bolt.Tx) error { return nil })
		}},
		{"meta without version", func(t *testing.T, path string) {
			writeForeignBolt(t, path, func(tx *bolt.Tx) error {
				_, err := tx.CreateBucket(bucketMeta)
				return err
			})
		}},
		{"meta with a bad version", func(t *testing.T, path string) {
			writeForeignBolt(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket(bucketMeta)
				if err != nil {
					return err
				}
				return b.Put(keyVersion, []byte("one"))
			})
		}},
	}
	for _, tt := range tests {
		for _, ro := range []bool{false, true} {
			name := tt.name + map[bool]string{false: "/read-write", true: "/read-only"}[ro]
			t.Run(name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "file")
				tt.write(t, path)
				before := readFile(t, path)
				fi, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				opts := testOptions()
				opts.ReadOnly = ro
				_, err = Open(path, opts)
				if !errors.Is(err, annotate.ErrNotProject) {
					t.Fatalf("Open = %v, want ErrNotProject", err)
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error %q does not name %s", err, path)
				}
				assertUnchanged(t, path, before)
				after, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				if !after.ModTime().Equal(fi.ModTime()) {
					t.Errorf("modification time changed from %v to %v", fi.ModTime(), after.ModTime())
				}
			})
		}
	}
}

func TestOpenDirectory(t *testing.T) {
	if _, err := Open(t.TempDir(), testOptions()); !errors.Is(err, annotate.ErrNotProject) {
		t.Errorf("Open(directory) = %v, want ErrNotProject", err)
	}
}

// setVersion writes a format version into the project at path.
func setVersion(t *testing.T, path string, v string) {
	t.Helper()
	editBolt(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyVersion, []byte(v))
	})
}

// newClosedProject creates a project with one document and closes it.
func newClosedProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.spanmark")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	addDoc(t, s, "d1", "Alice met Bob.")
	apply(t, s, "d1", annotate.Edit{PutAnnotations: []annotate.Annotation{ann("a1", 0, 5, "PERSON")}})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenNewerVersion(t *testing.T) {
	for _, ro := range []bool{false, true} {
		t.Run(map[bool]string{false: "read-write", true: "read-only"}[ro], func(t *testing.T) {
			path := newClosedProject(t)
			setVersion(t, path, strconv.Itoa(FormatVersion+1))
			before := readFile(t, path)
			opts := testOptions()
			opts.ReadOnly = ro
			if _, err := Open(path, opts); !errors.Is(err, annotate.ErrNewerVersion) {
				t.Errorf("Open = %v, want ErrNewerVersion", err)
			}
			assertUnchanged(t, path, before)
		})
	}
}

// makeVersion0 turns the project at path into format version 0, whose
// meta data has no creation time.
func makeVersion0(t *testing.T, path string) {
	t.Helper()
	editBolt(t, path, func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if err := m.Delete(keyCreated); err != nil {
			return err
		}
		return m.Put(keyVersion, []byte("0"))
	})
}

func TestMigrate(t *testing.T) {
	path := newClosedProject(t)
	makeVersion0(t, path)
	upgraded := t0.Add(48 * time.Hour)
	opts := testOptions()
	opts.Now = func() time.Time { return upgraded }
	s := openProject(t, path, opts)
	meta, err := s.Meta()
	if err != nil {
		t.Fatal(err)
	}
	want := annotate.Meta{FormatVersion: FormatVersion, Annotator: "ada", Created: upgraded}
	if meta != want {
		t.Errorf("Meta() after upgrade = %+v, want %+v", meta, want)
	}
	if d := load(t, s, "d1"); len(d.Annotations) != 1 {
		t.Errorf("after upgrade the document has %d annotations, want 1", len(d.Annotations))
	}
}

func TestMigrateReadOnly(t *testing.T) {
	path := newClosedProject(t)
	makeVersion0(t, path)
	before := readFile(t, path)
	opts := testOptions()
	opts.ReadOnly = true
	if _, err := Open(path, opts); !errors.Is(err, annotate.ErrReadOnly) {
		t.Errorf("read-only Open of version 0 = %v, want ErrReadOnly", err)
	}
	assertUnchanged(t, path, before)
}

func TestMigrateFailureChangesNothing(t *testing.T) {
	path := newClosedProject(t)
	makeVersion0(t, path)
	before := readFile(t, path)

	saved := migrations
	t.Cleanup(func() { migrations = saved })
	errBroken := errors.New("broken migration")
	migrations = []migration{func(tx *bolt.Tx, now time.Time) error {
		if err := addCreated(tx, now); err != nil {
			return err
		}
		return errBroken
	}}
	if _, err := Open(path, testOptions()); !errors.Is(err, errBroken) {
		t.Fatalf("Open = %v, want the migration's error", err)
	}
	assertUnchanged(t, path, before)
	checkFile(t, path)
}

func TestMigrationsCoverEveryVersion(t *testing.T) {
	if len(migrations) != FormatVersion {
		t.Errorf("%d migrations for format version %d, want one per older version", len(migrations), FormatVersion)
	}
}

func TestRecoverDamage(t *testing.T) {
	s := newProject(t)
	err := s.view(func(*bolt.Tx) error { panic("bad page") })
	if !errors.Is(err, annotate.ErrDamaged) || !strings.Contains(err.Error(), "bad page") {
		t.Errorf("view after a panic = %v, want ErrDamaged naming the panic", err)
	}
	err = s.update(func(*bolt.Tx) error { panic("bad page") })
	if !errors.Is(err, annotate.ErrDamaged) || !strings.Contains(err.Error(), "bad page") {
		t.Errorf("update after a panic = %v, want ErrDamaged naming the panic", err)
	}
	if _, err := s.Meta(); err != nil {
		t.Errorf("Meta after a recovered panic: %v", err)
	}
}
