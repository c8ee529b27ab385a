package formats

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
)

// toolReadDir returns the files of a folder by name.
func toolReadDir(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(fsys, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBratGolden(t *testing.T) {
	for _, f := range toolNamed(t) {
		t.Run(f.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			var warnings []string
			if err := ExportBrat(dir, toolSeq(f.doc), toolExportOptions(&warnings)); err != nil {
				t.Fatal(err)
			}
			if len(warnings) != 0 {
				t.Errorf("warnings %q, want none", warnings)
			}
			got := toolReadDir(t, os.DirFS(dir))
			golden := f.name + ".brat"
			if toolUpdate() {
				os.RemoveAll(filepath.Join(toolGoldenDir, golden))
			} else if want := toolReadDir(t, os.DirFS(filepath.Join(toolGoldenDir, golden))); !reflect.DeepEqual(
				slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
				t.Errorf("files %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
			}
			for name, b := range got {
				toolGolden(t, filepath.Join(golden, name), b)
			}
		})
	}
}

// TestBratMultiLine checks that the article's claim across a paragraph
// break is written as one fragment per line, as brat wants it.
func TestBratMultiLine(t *testing.T) {
	d := toolArticle(t)
	ann := testBratAnn(t, d, ExportOptions{})
	want := "\tCLAIM 1372 1442;1444 1556\tPyongyang acknowledged sending the troops for the first time in April. " +
		"Moscow and Pyongyang are planning to create memorials for the Korean soldiers who died while fighting for Russia\n"
	if !strings.Contains(ann, want) {
		t.Errorf(".ann lacks %q:\n%s", want, ann)
	}
}

func TestBratZip(t *testing.T) {
	docs := toolFixtures(t)
	dir := t.TempDir()
	if err := ExportBrat(dir, toolSeq(docs...), ExportOptions{Schema: annotate.DefaultSchema()}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ExportBratZip(&buf, toolSeq(docs...), ExportOptions{Schema: annotate.DefaultSchema()}); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := toolReadDir(t, z), toolReadDir(t, os.DirFS(dir)); !reflect.DeepEqual(got, want) {
		t.Errorf("the zip holds %v, the folder %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
}

func TestBratRoundTrip(t *testing.T) {
	want := toolFixtures(t)
	dir := t.TempDir()
	if err := ExportBrat(dir, toolSeq(want...), ExportOptions{Schema: annotate.DefaultSchema()}); err != nil {
		t.Fatal(err)
	}
	got, rep, err := ImportBrat(os.DirFS(dir), dir, toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	toolCheckValid(t, got, rep, annotate.DefaultSchema())
	// Files are read in name order: the article's title sorts first.
	toolCompare(t, got, want, true, true)
	for i := range want {
		if got[i].Document.Title != want[i].Document.Title {
			t.Errorf("document %d is titled %q, want %q", i, got[i].Document.Title, want[i].Document.Title)
		}
	}
	if rep.Repaired != 0 || len(rep.Notes) != 0 || len(rep.NewLabels) != 0 {
		t.Errorf("report %+v, want nothing repaired, noted or new", rep)
	}
}

func TestBratRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	docs := toolSeq(toolArticle(t))
	if err := ExportBrat(dir, docs, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	err := ExportBrat(dir, docs, ExportOptions{})
	if err == nil || !strings.Contains(err.Error(), "annotation.conf: file exists") {
		t.Errorf("second export into the same folder: %v, want an error that annotation.conf exists", err)
	}
}

func TestBratFileName(t *testing.T) {
	used := map[string]bool{}
	tests := []struct{ title, id, want string }{
		{"North Korea sends 6,000 workers", "d1", "North_Korea_sends_6_000_workers"},
		{"north korea sends 6,000 workers", "d2", "north_korea_sends_6_000_workers_2"},
		{"  «Zoë» — 北京/ירושלים  ", "d3", "Zoë_北京_ירושלים"},
		{"🚀🚀", "d4", "document_d4"},
		{"", "d5", "document_d5"},
		{strings.Repeat("ab ", 40), "d6", strings.Repeat("ab_", 19) + "ab"},
		{"../etc/passwd", "d7", "etc_passwd"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := bratFileName(annotate.Document{ID: tt.id, Title: tt.title}, used); got != tt.want {
				t.Errorf("bratFileName(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

func TestBratNoteWarning(t *testing.T) {
	d := &annotate.DocumentData{
		Document:    annotate.Document{ID: "d", Title: "t", Text: "Ana\nmet Bo."},
		Annotations: []annotate.Annotation{{ID: "a", Start: 0, End: 3, Label: "PERSON", Note: "line one\nline\ttwo"}, {ID: "b", Start: 3, End: 4, Label: "X"}},
	}
	var warnings []string
	ann := testBratAnn(t, d, ExportOptions{Warn: func(m string) { warnings = append(warnings, m) }})
	want := "T1\tPERSON 0 3\tAna\n#1\tAnnotatorNotes T1\tline one line two\n"
	if ann != want {
		t.Errorf(".ann %q, want %q", ann, want)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "written as spaces") || !strings.Contains(warnings[1], `holds only line breaks`) {
		t.Errorf("warnings %q, want one for the note and one for the line break span", warnings)
	}
}

// testBratAnn returns the .ann file bratExport writes for d.
func testBratAnn(t *testing.T, d *annotate.DocumentData, o ExportOptions) string {
	t.Helper()
	text, err := newAnchor("test", d.Document.Text)
	if err != nil {
		t.Fatal(err)
	}
	return string(bratAnn(d, text, o, &attrTally{}))
}

// TestBratCRLF checks that a text with CRLF line ends is written with LF
// ones, as brat's server reads it, and that every T's offsets fit that
// text, spans with a CR inside or at an end too.
func TestBratCRLF(t *testing.T) {
	text := "Kim\r\nsaid: \"War\r\nnow\".\r\n\r\nBo 😀 left.\r\nEnd\r"
	ann := func(id string, start, end int, label string) annotate.Annotation {
		return annotate.Annotation{ID: id, Start: start, End: end, Label: label}
	}
	d := &annotate.DocumentData{
		Document: annotate.Document{ID: "d", Title: "crlf", Text: text},
		Annotations: []annotate.Annotation{
			ann("a", 0, 3, "PERSON"),   // Kim
			ann("b", 0, 4, "MISC"),     // Kim and the CR of its CRLF
			ann("c", 12, 20, "CLAIM"),  // War\r\nnow across a line break
			ann("d", 26, 28, "PERSON"), // Bo, after two CRLFs
			ann("e", 38, 42, "MISC"),   // End and a lone CR
		},
	}
	dir := t.TempDir()
	if err := ExportBrat(dir, toolSeq(d), ExportOptions{Schema: annotate.DefaultSchema()}); err != nil {
		t.Fatal(err)
	}
	txt, err := os.ReadFile(filepath.Join(dir, "crlf.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Kim\nsaid: \"War\nnow\".\n\nBo 😀 left.\nEnd\n"; string(txt) != want {
		t.Fatalf(".txt %q, want %q", txt, want)
	}
	annFile, err := os.ReadFile(filepath.Join(dir, "crlf.ann"))
	if err != nil {
		t.Fatal(err)
	}
	want := "T1\tPERSON 0 3\tKim\nT2\tMISC 0 3\tKim\nT3\tCLAIM 11 14;15 18\tWar now\nT4\tPERSON 22 24\tBo\nT5\tMISC 33 36\tEnd\n"
	if string(annFile) != want {
		t.Errorf(".ann\n%s\nwant\n%s", annFile, want)
	}
	docs, rep, err := ImportBrat(os.DirFS(dir), dir, toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Repaired != 0 || len(rep.Unconfirmed) != 0 || len(docs) != 1 || len(docs[0].Annotations) != 5 {
		t.Errorf("import: %d documents, report %+v; want 1 document with 5 spans, none repaired", len(docs), rep)
	}
}
