package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate"
)

// TestImportOtherFormats imports another tool's file into an empty
// project through the app, and checks every span's text.
func TestImportOtherFormats(t *testing.T) {
	for _, c := range []struct{ format, file string }{
		{"doccano", "article.doccano-relations.jsonl"},
		{"labelstudio", "article.labelstudio.json"},
		{"labelstudio", "utf16.labelstudio.json"},
		{"brat", "unicode.brat"},
		{"spacy", "unicode.spacy.jsonl"},
		{"w3c", "article.w3c.jsonld"},
		{"conll", "article.conll"},
	} {
		t.Run(c.file, func(t *testing.T) {
			ws, _ := newTestWorkspace(t)
			ws.importFormat(c.format, []string{filepath.Join("..", "testdata", "formats", c.file)}, false)
			if ws.sess == nil {
				t.Fatal("the import did not open its first document")
			}
			infos, _ := ws.store.Documents()
			n := 0
			for _, info := range infos {
				data, err := ws.store.Load(info.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, a := range data.Annotations {
					if a.End > annotate.RuneLen(data.Document.Text) {
						t.Fatalf("annotation %+v beyond the text", a)
					}
					n++
				}
			}
			if n == 0 {
				t.Errorf("%s: no annotations imported", c.file)
			}
		})
	}
}

// TestImportFolderGoesOn imports a folder with a bad file between good
// ones through the app: the good files are imported, the bad one is
// named, and nothing of it is written.
func TestImportFolderGoesOn(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	dir := t.TempDir()
	for name, content := range map[string]string{"a.txt": "First text.", "b.json": `{"format":"spanmark","version":1,"documents":[{"text":"x","annotations":[{"id":"a","start":0,"end":5,"label":"LOC","text":"x"}]}]}`, "c.txt": "Third text.", "d.txt": ""} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws.importPaths([]string{dir})
	got := dialogText(ws)
	if !strings.Contains(got, "2 documents added") || !strings.Contains(got, "1 file not imported") ||
		!strings.Contains(got, "b.json") || !strings.Contains(got, "1 empty file passed over") {
		t.Errorf("the import says %q", got)
	}
	infos, err := ws.store.Documents()
	if err != nil || len(infos) != 3 {
		t.Errorf("the project has %d documents (%v), want the article and two texts", len(infos), err)
	}
}
