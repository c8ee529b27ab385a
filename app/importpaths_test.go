package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/formats"
)

// TestImportBratZipRoundTrip exports a project as brat from the app,
// which writes a .zip, and imports that .zip into a new project through
// File → Import: the spans come back with their texts.
func TestImportBratZipRoundTrip(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	for _, c := range []struct{ text, label string }{
		{"Kim Jong Un", "PERSON"}, {"6,000", "QUANTITY"}, {"Russia’s Kursk region", "LOC"}, {"SEOUL", "LOC"},
	} {
		start := offsetOf(t, ws, c.text, 0)
		if _, err := ws.sess.Tag(start, start+annotate.RuneLen(c.text), c.label); err != nil {
			t.Fatal(err)
		}
	}
	zip := filepath.Join(t.TempDir(), "p.zip")
	ws.exportTo(zip, "brat", formats.ExportOptions{})
	want := spansOf(t, ws.store)

	into, _ := newTestWorkspace(t)
	submitImport(t, into, "brat", zip)
	if got := dialogText(into); !strings.Contains(got, "1 document added") || !strings.Contains(got, "4 annotations") {
		t.Errorf("the import says %q", got)
	}
	if got := spansOf(t, into.store); !slices.Equal(got, want) {
		t.Errorf("imported spans\n%q\nwant\n%q", got, want)
	}
}

// TestImportSeveralPaths imports, by extension, a folder, a file named
// relative to the project's folder and a blank line, typed one a line.
func TestImportSeveralPaths(t *testing.T) {
	ws, project := newTestWorkspace(t)
	dir := t.TempDir()
	for name, path := range map[string]string{"a.txt": dir, "b.md": dir, "c.txt": filepath.Dir(project)} {
		if err := os.WriteFile(filepath.Join(path, name), []byte("Text of "+name+"."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	submitImport(t, ws, autoFormat, dir+"\n\n  c.txt \n")
	if got := dialogText(ws); !strings.Contains(got, "3 documents added") {
		t.Errorf("the import says %q", got)
	}
	infos, err := ws.store.Documents()
	if err != nil || len(infos) != 3 {
		t.Errorf("the project has %d documents (%v), want 3", len(infos), err)
	}
}

// TestImportNothingGiven confirms the dialog with no path: it says so.
func TestImportNothingGiven(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	submitImport(t, ws, autoFormat, " \n")
	if got := dialogText(ws); !strings.Contains(got, "no file or folder given") {
		t.Errorf("the import says %q", got)
	}
}

// TestImportFolderButton checks that Folder… is offered for the formats
// that take a folder (files by extension, brat) and for no other.
func TestImportFolderButton(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	ws.importDialog()
	top := ws.win.Canvas().Overlays().Top()
	choice := findWidget[*widget.Select](t, top)
	folder := findButton(t, top, "Folder…")
	for _, c := range []struct {
		title string
		want  bool
	}{{autoFormat, true}, {"brat", true}, {"doccano", false}, {"spaCy", false}, {"brat", true}} {
		choice.SetSelected(c.title)
		if got := !folder.Disabled(); got != c.want {
			t.Errorf("%s: Folder… enabled %v, want %v", c.title, got, c.want)
		}
	}
}

func TestAddLine(t *testing.T) {
	for _, c := range []struct{ before, want string }{
		{"", "/p"},
		{"/a", "/a\n/p"},
		{"/a\n\n", "/a\n/p"},
	} {
		e := widget.NewMultiLineEntry()
		e.SetText(c.before)
		addLine(e, "/p")
		if e.Text != c.want {
			t.Errorf("addLine(%q) = %q, want %q", c.before, e.Text, c.want)
		}
	}
}

// submitImport opens File → Import, chooses the format titled title,
// types paths and presses Import.
func submitImport(t *testing.T, ws *workspace, title, paths string) {
	t.Helper()
	ws.importDialog()
	top := ws.win.Canvas().Overlays().Top()
	findWidget[*widget.Select](t, top).SetSelected(title)
	test.Type(findWidget[*widget.Entry](t, top), paths)
	test.Tap(findButton(t, top, "Import"))
}

// findWidget returns the first object of type T laid out inside o.
func findWidget[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject) T {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if w, ok := c.(T); ok {
			return w
		}
	}
	var zero T
	t.Fatalf("no %T in the dialog", zero)
	return zero
}

// spansOf lists every annotation of st by the start of its document's
// text, its offsets, label and the text they cover, sorted, to compare
// projects whose ids differ.
func spansOf(t *testing.T, st annotate.Store) []string {
	t.Helper()
	infos, err := st.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var spans []string
	for _, info := range infos {
		data, err := st.Load(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		text := []rune(data.Document.Text)
		for _, a := range data.Annotations {
			spans = append(spans, fmt.Sprintf("%.20s|%d-%d %s %q", data.Document.Text, a.Start, a.End, a.Label, string(text[a.Start:a.End])))
		}
	}
	slices.Sort(spans)
	return spans
}
