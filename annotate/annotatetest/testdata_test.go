package annotatetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPathFindsTheRepositorysTestdata checks, from this package's folder
// two levels down, that Path names the top-level testdata folder.
func TestPathFindsTheRepositorysTestdata(t *testing.T) {
	want, err := filepath.Abs(filepath.Join("..", "..", "testdata", "formats", "article.conll"))
	if err != nil {
		t.Fatal(err)
	}
	if got := Path(t, "formats/article.conll"); got != want {
		t.Errorf("Path = %s, want %s", got, want)
	}
}

// TestTextAndUnicodeSpans reads the Unicode fixture as an import stores
// it and checks that every span of the JSON slices to its text.
func TestTextAndUnicodeSpans(t *testing.T) {
	text := Text(t, "unicode.txt")
	if strings.ContainsAny(text, "\r\uFEFF") {
		t.Error("Text kept a CR or a BOM")
	}
	spans := UnicodeSpans(t)
	if len(spans) == 0 {
		t.Fatal("no spans")
	}
	runes := []rune(text)
	for _, sp := range spans {
		if got := string(runes[sp.Start:sp.End]); got != sp.Text || sp.Label == "" {
			t.Errorf("[%d,%d) %s is %q, want %q", sp.Start, sp.End, sp.Label, got, sp.Text)
		}
	}
}

func TestFileStateSeesAWrite(t *testing.T) {
	dir := t.TempDir()
	WriteFiles(t, dir, map[string]string{"a/b.txt": "one"})
	path := filepath.Join(dir, "a", "b.txt")
	before := FileState(t, path)
	if err := os.WriteFile(path, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	if FileState(t, path) == before {
		t.Error("FileState did not change when the file did")
	}
}
