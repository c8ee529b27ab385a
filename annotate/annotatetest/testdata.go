// Package annotatetest holds the fixtures that the tests of several
// packages share, as net/http/httptest does for HTTP: the files of the
// repository's testdata folder as an import stores them, the spans that
// Python computed over the Unicode text, and small file helpers. Only
// tests import it; it imports neither Fyne nor bbolt.
package annotatetest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"spanmark/annotate"
)

// Path returns the path of name (slash-separated) in the repository's
// testdata folder, from whichever package's folder the test runs in: the
// folder is found beside go.mod, above the working directory.
func Path(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", filepath.FromSlash(name))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the working directory to find testdata/%s", name)
		}
		dir = parent
	}
}

// Read returns the bytes of the file name in testdata.
func Read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(Path(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Text returns the file name in testdata as an import stores it: UTF-8
// without a byte order mark, lines ending in \n.
func Text(t testing.TB, name string) string {
	t.Helper()
	text, err := annotate.NormalizeText(name, Read(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// Span is one span of testdata/unicode_annotations.json: code-point
// offsets into [Text] of "unicode.txt", computed by Python.
type Span struct {
	Start, End int
	Text       string
	Label      string
}

// UnicodeSpans returns the spans of testdata/unicode_annotations.json.
func UnicodeSpans(t testing.TB) []Span {
	t.Helper()
	var spans []Span
	if err := json.Unmarshal(Read(t, "unicode_annotations.json"), &spans); err != nil {
		t.Fatalf("unicode_annotations.json: %v", err)
	}
	return spans
}
