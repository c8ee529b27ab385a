package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// makeTemp makes the temporary folder name beside the project at path
// with a bbolt file named like the project in it (unless empty), last
// changed age ago.
func makeTemp(t *testing.T, path, name string, empty bool, age time.Duration) string {
	t.Helper()
	dir := filepath.Join(filepath.Dir(path), name)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if !empty {
		file := filepath.Join(dir, filepath.Base(path))
		db, err := bolt.Open(file, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		past := time.Now().Add(-age)
		if err := os.Chtimes(file, past, past); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-age)
	if err := os.Chtimes(dir, past, past); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestStaleTemps leaves the temporary folders a killed compaction leaves
// and checks which the next open for writing, and the next compaction,
// remove: only this project's, and only those nobody is writing.
func TestStaleTemps(t *testing.T) {
	for _, next := range []string{"open", "compact"} {
		t.Run(next, func(t *testing.T) {
			path := newClosedProject(t)
			old := 2 * staleAge
			stale := makeTemp(t, path, ".p.spanmark.123.tmp", false, old)
			staleEmpty := makeTemp(t, path, ".p.spanmark.456.tmp", true, old)
			live := makeTemp(t, path, ".p.spanmark.789.tmp", false, old)
			fresh := makeTemp(t, path, ".p.spanmark.321.tmp", false, 0)
			other := makeTemp(t, path, ".p.spanmark.bak.1.tmp", false, old)
			extra := makeTemp(t, path, ".p.spanmark.654.tmp", false, old)
			writeFile(t, filepath.Join(extra, "notes.txt"), []byte("keep"))

			db, err := bolt.Open(filepath.Join(live, "p.spanmark"), 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			past := time.Now().Add(-old)
			os.Chtimes(filepath.Join(live, "p.spanmark"), past, past)

			ro, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			ro.Close()
			if _, err := os.Stat(stale); err != nil {
				t.Errorf("a read-only open removed %s: %v", stale, err)
			}
			switch next {
			case "open":
				s, err := Open(path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				s.Close()
			case "compact":
				if _, _, err := CompactFile(path); err != nil {
					t.Fatal(err)
				}
			}
			for _, dir := range []string{stale, staleEmpty} {
				if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("stale %s was kept: %v", filepath.Base(dir), err)
				}
			}
			for _, dir := range []string{live, fresh, other, extra} {
				if _, err := os.Stat(dir); err != nil {
					t.Errorf("%s was removed: %v", filepath.Base(dir), err)
				}
			}
		})
	}
}

// TestFileMode checks that project files, compacted and recovered copies
// are readable by their owner only.
func TestFileMode(t *testing.T) {
	dir := t.TempDir()
	path := newClosedProject(t)
	// A project made by an older Spanmark was readable by everyone.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	compacted := filepath.Join(dir, "compacted.spanmark")
	if err := Compact(path, compacted); err != nil {
		t.Fatal(err)
	}
	recovered := filepath.Join(dir, "recovered.spanmark")
	if _, err := Recover(path, recovered); err != nil {
		t.Fatal(err)
	}
	built := filepath.Join(dir, "built.spanmark")
	if err := Build(built, false, testOptions(), func(*Store) error { return nil }); err != nil {
		t.Fatal(err)
	}
	// Deleting makes room for CompactFile to shrink the file and swap it in.
	s := openProject(t, path, testOptions())
	for i := range 200 {
		addDoc(t, s, "x"+string(rune('a'+i%26))+string(rune('a'+i/26)), string(make([]byte, 3000+i)))
	}
	for i := range 200 {
		if err := s.DeleteDocument("x" + string(rune('a'+i%26)) + string(rune('a'+i/26))); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	before, after, err := CompactFile(path)
	if err != nil || after >= before {
		t.Fatalf("CompactFile = %d, %d, %v; want a smaller file", before, after, err)
	}
	created := filepath.Join(dir, "created.spanmark")
	openProject(t, created, testOptions())
	for _, p := range []string{created, compacted, recovered, built, path} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != 0o600 {
			t.Errorf("%s has mode %v, want 0600", filepath.Base(p), got)
		}
	}
}
