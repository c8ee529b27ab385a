package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"spanmark/annotate"
)

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gold.spanmark")
	fill := func(text string) func(*Store) error {
		return func(s *Store) error {
			_, err := s.AddDocument(annotate.Document{Title: text, Text: text})
			return err
		}
	}
	titles := func() []string {
		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		infos, err := s.Documents()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, in := range infos {
			out = append(out, in.Title)
		}
		return out
	}
	if err := Build(path, false, testOptions(), fill("first")); err != nil {
		t.Fatal(err)
	}
	if err := Build(path, false, testOptions(), fill("second")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Build over an existing file without replace: err = %v, want fs.ErrExist", err)
	}
	failing := errors.New("fill failed")
	if err := Build(path, true, testOptions(), func(*Store) error { return failing }); !errors.Is(err, failing) {
		t.Errorf("a failing fill: err = %v", err)
	}
	if got := fmt.Sprint(titles()); got != "[first]" {
		t.Errorf("after refused and failed builds the project holds %s, want [first]", got)
	}
	open := openProject(t, path, Options{Timeout: 100e6})
	if err := Build(path, true, testOptions(), fill("third")); !errors.Is(err, annotate.ErrLocked) {
		t.Errorf("replacing an open project: err = %v, want ErrLocked", err)
	}
	open.Close()
	if err := Build(path, true, testOptions(), fill("third")); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(titles()); got != "[third]" {
		t.Errorf("after replace the project holds %s, want [third]", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left in the folder, want only the project", len(entries))
	}
}

// TestCompactFile deletes most annotations, compacts the file in place and
// checks that it shrank and kept what was left.
func TestCompactFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.spanmark")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	text := string(make([]byte, 5000))
	var ids []string
	for d := range 40 {
		doc := addDoc(t, s, fmt.Sprintf("d%02d", d), fmt.Sprintf("%d%s", d, text))
		var e annotate.Edit
		for i := range 2000 {
			a := ann(fmt.Sprintf("d%02d-a%03d", d, i), i, i+5, "PERSON")
			e.PutAnnotations = append(e.PutAnnotations, a)
			ids = append(ids, a.ID)
		}
		if err := s.Apply(doc.ID, e); err != nil {
			t.Fatal(err)
		}
	}
	// Delete once everything is written, so that the freed pages are not
	// reused but left for compaction to drop.
	for d := range 40 {
		doc := fmt.Sprintf("d%02d", d)
		if err := s.Apply(doc, annotate.Edit{DeleteAnnotations: ids[d*2000+20 : (d+1)*2000]}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := CompactFile(path); !errors.Is(err, annotate.ErrLocked) {
		t.Errorf("compacting an open project: err = %v, want ErrLocked", err)
	}
	s.Close()
	before, after, err := CompactFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if after >= before {
		t.Errorf("compacted %d → %d bytes, want smaller", before, after)
	}
	if fi, _ := os.Stat(path); fi.Size() != after {
		t.Errorf("file is %d bytes, CompactFile said %d", fi.Size(), after)
	}
	s = openProject(t, path, Options{ReadOnly: true})
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range infos {
		if in.Annotations != 20 {
			t.Errorf("document %s has %d annotations after compacting, want 20", in.ID, in.Annotations)
		}
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the backup was left behind: %v", err)
	}
}
