package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/formats"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

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
	ws.exportTo(out, "json", formats.ExportOptions{})
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
	ws.exportTo(ls, "labelstudio", formats.ExportOptions{})
	for _, f := range []string{ls, filepath.Join(dir, "p.labelstudio.config.xml")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("Label Studio export: %v", err)
		}
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
	ws.exportChecked(path, "json", formats.ExportOptions{})
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
	ws.exportTo(path, "json", formats.ExportOptions{Replace: true})
	if got := dialogText(ws); !strings.Contains(got, "is a Spanmark project") {
		t.Errorf("exporting onto the project with replace says %q", got)
	}

	out := filepath.Join(t.TempDir(), "old.json")
	if err := os.WriteFile(out, []byte("keep"), 0o640); err != nil {
		t.Fatal(err)
	}
	ws.exportChecked(out, "json", formats.ExportOptions{})
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
