package storage

import (
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"testing"

	"spanmark/annotate"
)

func TestCompact(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.spanmark")
	s, err := Open(src, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"d1", "d2", "d3"} {
		addDoc(t, s, id, "text of "+id)
		apply(t, s, id, annotate.Edit{PutAnnotations: []annotate.Annotation{ann("a"+id, 0, 4, "MISC")}})
	}
	if err := s.DeleteDocument("d2"); err != nil {
		t.Fatal(err)
	}
	wantDocs, _ := s.Documents()
	wantD3 := load(t, s, "d3")
	s.Close()

	dst := filepath.Join(dir, "dst.spanmark")
	if err := Compact(src, dst); err != nil {
		t.Fatal(err)
	}
	c := openProject(t, dst, testOptions())
	if got, _ := c.Documents(); !reflect.DeepEqual(got, wantDocs) {
		t.Errorf("Documents() of the copy = %+v, want %+v", got, wantDocs)
	}
	if got := load(t, c, "d3"); !reflect.DeepEqual(got, wantD3) {
		t.Errorf("Load(d3) of the copy = %+v, want %+v", got, wantD3)
	}
	// The creation sequence carries over: a new document goes last.
	addDoc(t, c, "d4", "text of d4")
	if got, _ := c.Documents(); got[len(got)-1].ID != "d4" {
		t.Errorf("new document in the copy is not last: %+v", got)
	}
}

func TestCompactErrors(t *testing.T) {
	dir := t.TempDir()
	src := newClosedProject(t)
	text := filepath.Join(dir, "notes.txt")
	writeFile(t, text, []byte("not a project"))
	existing := filepath.Join(dir, "existing")
	writeFile(t, existing, []byte("keep me"))

	tests := []struct {
		name     string
		src, dst string
		wantErr  error
	}{
		{"source missing", filepath.Join(dir, "missing"), filepath.Join(dir, "a"), fs.ErrNotExist},
		{"source not a project", text, filepath.Join(dir, "b"), annotate.ErrNotProject},
		{"destination exists", src, existing, fs.ErrExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Compact(tt.src, tt.dst); !errors.Is(err, tt.wantErr) {
				t.Errorf("Compact = %v, want %v", err, tt.wantErr)
			}
		})
	}
	assertUnchanged(t, existing, []byte("keep me"))
}
