package formats

import (
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
)

// TestImportFiles checks that a folder import goes on past a file that
// fails, with each file all or nothing (issue 9: an empty file stopped
// it half way), and passes over files without text.
func TestImportFiles(t *testing.T) {
	dir := t.TempDir()
	annotatetest.WriteFiles(t, dir, map[string]string{
		"a.txt":      "Alpha",
		"empty.txt":  "",
		"b.md":       "Beta",
		"bad.json":   okHeader + okDoc + `,{"id": ]}`, // its first document must not be written either
		"latin1.txt": "caf\xe9",
		"c.txt":      "Gamma",
	})
	names := []string{"a.txt", "empty.txt", "b.md", "bad.json", "latin1.txt", "c.txt"}
	files := make([]string, len(names))
	for i, n := range names {
		files[i] = filepath.Join(dir, n)
	}
	st := newImportStore(nil)
	var seen []int
	got, err := ImportFiles(st, files, FilesOptions{Each: func(n int, f FileImport) bool {
		seen = append(seen, n)
		return true
	}})
	if !slices.Equal(seen, []int{1, 2, 3, 4, 5, 6}) {
		t.Errorf("Each saw files %v, want 1 to 6", seen)
	}
	var texts []string
	for _, d := range st.imported {
		texts = append(texts, d.Document.Text)
	}
	if want := []string{"Alpha", "Beta", "Gamma"}; !slices.Equal(texts, want) {
		t.Errorf("imported %q, want %q", texts, want)
	}
	if len(got) != len(files) {
		t.Fatalf("%d results, want %d", len(got), len(files))
	}
	for i, f := range got {
		failed := names[i] == "bad.json" || names[i] == "latin1.txt"
		if f.Path != files[i] || (f.Err != nil) != failed || f.Empty != (names[i] == "empty.txt") {
			t.Errorf("file %d = %+v, want %s, failed %v", i+1, f, names[i], failed)
		}
		if f.Err != nil && !strings.Contains(f.Err.Error(), files[i]) {
			t.Errorf("error %q does not name %s", f.Err, files[i])
		}
		if !failed && !f.Empty && len(f.Result.Added) != 1 {
			t.Errorf("%s added %d documents, want 1", names[i], len(f.Result.Added))
		}
	}
	if err == nil || !strings.Contains(err.Error(), "bad.json") || !strings.Contains(err.Error(), "latin1.txt") {
		t.Errorf("error %v, want one naming bad.json and latin1.txt", err)
	}
}

func TestImportFilesCancel(t *testing.T) {
	dir := t.TempDir()
	annotatetest.WriteFiles(t, dir, map[string]string{"a.txt": "Alpha", "b.txt": "Beta", "c.txt": "Gamma"})
	files := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")}
	st := newImportStore(nil)
	got, err := ImportFiles(st, files, FilesOptions{Each: func(n int, f FileImport) bool { return n < 2 }})
	if err != nil || len(got) != 2 || len(st.imported) != 2 {
		t.Errorf("got %d results, %d imported, %v; want 2 and 2, no error", len(got), len(st.imported), err)
	}
}

func TestImportFilesFormat(t *testing.T) {
	dir := t.TempDir()
	annotatetest.WriteFiles(t, dir, map[string]string{
		"a.jsonl": `{"text": "Kursk burns.", "label": [[0, 5, "LOC"], [6, 11, "EVENT"]]}`,
		"b.jsonl": `{"text": "Oslo", "label": [[0, 9, "LOC"]]}`,
		"c.jsonl": `{"text": "Bo said so.", "label": [[0, 2, "PERSON"]]}`,
	})
	st := newImportStore(nil)
	st.MetaFn = func() (annotate.Meta, error) { return annotate.Meta{Annotator: "ana"}, nil }
	files := []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "c.jsonl")}
	got, err := ImportFiles(st, files, FilesOptions{Format: "doccano"})
	if err == nil || !strings.Contains(err.Error(), "b.jsonl: line 1: label 1: end 9 beyond text length 4") {
		t.Errorf("error %v, want the one of b.jsonl", err)
	}
	if len(got) != 3 || got[0].Err != nil || got[1].Err == nil || got[2].Err != nil {
		t.Fatalf("got %+v, want b.jsonl alone failed", got)
	}
	if len(got[0].Report.NewLabels) != 1 || len(st.imported) != 2 {
		t.Errorf("new labels %+v, %d imported; want EVENT, 2", got[0].Report.NewLabels, len(st.imported))
	}
	for _, d := range st.imported {
		if d.Annotations[0].Annotator != "ana" {
			t.Errorf("annotator %q, want the project's, ana", d.Annotations[0].Annotator)
		}
	}
}

// TestImportFilesOpen checks that a file can come from elsewhere than
// a path, as standard input does on the command line.
func TestImportFilesOpen(t *testing.T) {
	st := newImportStore(nil)
	closed := false
	open := func(path string) (Source, func() error, error) {
		src, err := ReadSpanmark(strings.NewReader(okHeader+okDoc+"]}"), "stdin")
		return src, func() error { closed = true; return nil }, err
	}
	got, err := ImportFiles(st, []string{"-"}, FilesOptions{Open: open})
	if err != nil || len(got) != 1 || got[0].Header.Annotator != "ann" || !closed || len(st.imported) != 1 {
		t.Errorf("got %+v, %v, closed %v; want stdin imported with its header, and closed", got, err, closed)
	}
}

// errReader fails every read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadTextNoText(t *testing.T) {
	for _, in := range []string{"", " \r\n\t\n", "\uFEFF"} {
		if _, err := ReadText(strings.NewReader(in), "x.txt"); !errors.Is(err, ErrNoText) || !errors.Is(err, annotate.ErrInvalid) {
			t.Errorf("ReadText(%q) = %v, want ErrNoText", in, err)
		}
	}
	if _, err := ReadText(errReader{}, "x.txt"); err == nil || errors.Is(err, ErrNoText) {
		t.Errorf("ReadText of a failing reader = %v, want an error other than ErrNoText", err)
	}
}
