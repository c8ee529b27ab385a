package storage

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// synthProject makes a closed project of 300 synthetic documents, about
// 2 MB, and returns its path.
func synthProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "synth.spanmark")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	docs := synth.Documents(synth.Options{Docs: 300, WordsPerDoc: 150, AnnotationsPerDoc: 15, Annotator: "ada", Seed: 1})
	if _, err := s.Import(docs); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// copyFile copies src into a temporary folder.
func copyFile(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), filepath.Base(src))
	writeFile(t, path, readFile(t, src))
	return path
}

// A damage changes a project file the way a failing disk or an
// interrupted copy would.
// openSays is the reason Open gives, or "" when Open does not read the
// damaged pages.
type damage struct {
	name     string
	do       func(t *testing.T, path string)
	openSays string
}

func truncateTo(size int64) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.Truncate(path, size); err != nil {
			t.Fatal(err)
		}
	}
}

// overwritePages fills the pages that pick chooses with random bytes.
func overwritePages(pick func(m boltMeta) []uint64) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		pf, err := openPageFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m := pf.meta
		pf.Close()
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rng := rand.New(rand.NewPCG(1, 2))
		junk := make([]byte, m.pageSize)
		for _, id := range pick(m) {
			for i := range junk {
				junk[i] = byte(rng.Uint32())
			}
			if _, err := f.WriteAt(junk, int64(id*m.pageSize)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

var damages = []damage{
	{"cut to 8 KiB", truncateTo(8 << 10), "cut short"},
	{"cut to 64 KiB", truncateTo(64 << 10), "cut short"},
	{"cut to 100,000 B", truncateTo(100_000), "cut short"},
	{"cut to 200,000 B", truncateTo(200_000), "cut short"},
	{"cut to 3,000 B", truncateTo(3_000), "cut short"},
	{"root page overwritten", overwritePages(func(m boltMeta) []uint64 { return []uint64{m.root} }), "root: page"},
	{"free list overwritten", overwritePages(func(m boltMeta) []uint64 { return []uint64{m.freelist} }), "free list: page"},
	{"data pages overwritten", overwritePages(func(m boltMeta) []uint64 {
		return []uint64{m.pgid / 5, m.pgid / 3, m.pgid / 2, 2 * m.pgid / 3}
	}), ""},
}

// openAndRead opens path and reads everything in it, returning the first
// error.
func openAndRead(path string, readOnly bool) error {
	s, err := Open(path, Options{ReadOnly: readOnly})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Documents(); err != nil {
		return err
	}
	if err := s.Each(func(*annotate.DocumentData) error { return nil }); err != nil {
		return err
	}
	return s.Verify()
}

// TestOpenDamaged opens damaged copies of a project: every one is
// annotate.ErrDamaged, at Open when the file is cut short or its root or
// free list is gone, else at the latest when the damaged pages are read;
// never a panic or a crash.
func TestOpenDamaged(t *testing.T) {
	src := synthProject(t)
	for _, d := range damages {
		for _, ro := range []bool{false, true} {
			t.Run(d.name+map[bool]string{false: "/read-write", true: "/read-only"}[ro], func(t *testing.T) {
				path := copyFile(t, src)
				d.do(t, path)
				err := openAndRead(path, ro)
				if !errors.Is(err, annotate.ErrDamaged) {
					t.Fatalf("opening and reading: %v, want ErrDamaged", err)
				}
				if !strings.Contains(err.Error(), path+" is damaged: ") {
					t.Errorf("error %q does not say %s is damaged", err, path)
				}
				if d.openSays == "" {
					return
				}
				want := "open " + path + ": " + path + " is damaged: "
				_, err = Open(path, Options{ReadOnly: ro})
				if !errors.Is(err, annotate.ErrDamaged) || !strings.HasPrefix(err.Error(), want) ||
					!strings.Contains(err.Error(), d.openSays) {
					t.Errorf("Open = %v, want %q…%q", err, want, d.openSays)
				}
			})
		}
	}
}

// TestOpenDamagedKeepsLock checks that a damaged free list, which bbolt
// meets inside its Open, does not leave the file locked.
func TestOpenDamagedKeepsLock(t *testing.T) {
	path := newClosedProject(t)
	pf, err := openPageFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := pf.meta
	pf.Close()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The free list page says it is a leaf: bbolt panics reading it.
	flags := order.AppendUint16(nil, flagLeaf)
	if _, err := f.WriteAt(flags, int64(m.freelist*m.pageSize+8)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := openBolt(path, Options{Timeout: defaultTimeout}, false); !errors.Is(err, annotate.ErrDamaged) {
		t.Fatalf("openBolt = %v, want ErrDamaged", err)
	}
	_, err = Open(path, Options{ReadOnly: true, Timeout: 100e6})
	if !errors.Is(err, annotate.ErrDamaged) {
		t.Errorf("Open after the failed open = %v, want ErrDamaged (not ErrLocked)", err)
	}
}
