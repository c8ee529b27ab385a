package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
			ws.importFormat(c.format, filepath.Join("..", "testdata", "formats", c.file), false)
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

// TestExportFormatsFromApp exports a tagged document in spanmark JSON and
// in Label Studio format (with its labelling configuration beside it) and
// slices the text by the exported offsets.
func TestExportFormatsFromApp(t *testing.T) {
	ws, _ := newTestWorkspace(t, "unicode.txt")
	var want []string
	for _, w := range []string{"🚀", "北京"} {
		start := offsetOf(t, ws, w, 0)
		end := start + annotate.RuneLen(w)
		if _, err := ws.sess.Tag(start, end, "MISC"); err != nil {
			t.Fatal(err)
		}
		want = append(want, w)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "p.json")
	ws.exportTo(out, "spanmark JSON", false)
	var doc struct {
		Documents []struct {
			Text        string `json:"text"`
			Annotations []struct {
				Start, End int
				Text       string
			} `json:"annotations"`
		} `json:"documents"`
	}
	b, _ := os.ReadFile(out)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	text := []rune(doc.Documents[0].Text)
	for i, a := range doc.Documents[0].Annotations {
		if got := string(text[a.Start:a.End]); got != a.Text || got != want[i] {
			t.Errorf("text[%d:%d] = %q, export says %q, want %q", a.Start, a.End, got, a.Text, want[i])
		}
	}

	ls := filepath.Join(dir, "p.labelstudio.json")
	ws.exportTo(ls, "labelstudio", false)
	for _, f := range []string{ls, filepath.Join(dir, "p.labelstudio.config.xml")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("Label Studio export: %v", err)
		}
	}
}

// TestCompactFromApp compacts the open project through File → Compact:
// the window closes the file, compacts it and opens it again on the same
// document with everything in place.
func TestCompactFromApp(t *testing.T) {
	ws, path := newTestWorkspace(t, "article.txt", "unicode.txt")
	ws.cfg.Compact = storage.CompactFile
	start := offsetOf(t, ws, "Pyongyang", 0)
	if _, err := ws.sess.Tag(start, start+9, "LOC"); err != nil {
		t.Fatal(err)
	}
	doc := ws.sess.Document().ID
	ws.compactProject()
	if ws.store == nil || ws.store.Path() != path || ws.sess == nil || ws.sess.Document().ID != doc {
		t.Fatal("after compacting, the project is not open again on the same document")
	}
	if got := ws.sess.Annotations(); len(got) != 1 || ws.sess.Text(got[0].Start, got[0].End) != "Pyongyang" {
		t.Errorf("after compacting the document has %+v", got)
	}
}

// TestExportNeverReplacesTheProject exports onto the open project's own
// file and onto a file that exists: the project stays byte for byte and
// keeps working, and an existing file is replaced only after the person
// says so.
func TestExportNeverReplacesTheProject(t *testing.T) {
	ws, path := newTestWorkspace(t, "article.txt")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ws.exportChecked(path, "spanmark JSON")
	if got := dialogText(ws); !strings.Contains(got, "is a Spanmark project") {
		t.Errorf("exporting onto the project says %q", got)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the project file changed")
	}
	if _, err := ws.sess.Tag(0, 5, "MISC"); err != nil {
		t.Fatalf("tagging after the refused export: %v", err)
	}

	// The worker refuses the project too, whatever it is told.
	ws.exportTo(path, "spanmark JSON", true)
	if got := dialogText(ws); !strings.Contains(got, "is a Spanmark project") {
		t.Errorf("exporting onto the project with replace says %q", got)
	}

	out := filepath.Join(t.TempDir(), "old.json")
	if err := os.WriteFile(out, []byte("keep"), 0o640); err != nil {
		t.Fatal(err)
	}
	ws.exportChecked(out, "spanmark JSON")
	if got := dialogText(ws); !strings.Contains(got, "Replace it?") {
		t.Fatalf("exporting onto an existing file asks %q", got)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep" {
		t.Fatalf("the file changed before the person said so: %q", b)
	}
	test.Tap(findButton(t, ws.win.Canvas().Overlays().Top(), "Yes"))
	b, _ := os.ReadFile(out)
	if !bytes.Contains(b, []byte(`"documents"`)) {
		t.Errorf("the replaced file holds %q", first([]string{string(b)}, 1))
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("the replaced file's mode: %v, %v; want 0640 kept", fi.Mode(), err)
	}
}

// findButton returns the button labelled text inside o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button", text)
	return nil
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
	if !strings.Contains(got, "2 documents added") || !strings.Contains(got, "1 files not imported") ||
		!strings.Contains(got, "b.json") || !strings.Contains(got, "1 empty files passed over") {
		t.Errorf("the import says %q", got)
	}
	infos, err := ws.store.Documents()
	if err != nil || len(infos) != 3 {
		t.Errorf("the project has %d documents (%v), want the article and two texts", len(infos), err)
	}
}
