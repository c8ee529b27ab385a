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
	"testing/fstest"

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
	return string(bratAnn(d, text, o))
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

// toolBrat imports one brat document.
func toolBrat(txt, ann string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	return ImportBrat(fstest.MapFS{
		"doc.txt": {Data: []byte(txt)},
		"doc.ann": {Data: []byte(ann)},
	}, "in", o)
}

func TestBratImport(t *testing.T) {
	tests := []struct {
		name                                    string
		txt, ann                                string
		spans                                   []string
		relations, repaired, unconfirmed, notes int
	}{
		{"lines joined", "Ana met\n\nBo there.", "T1\tCLAIM 4 7;9 11\tmet Bo\n",
			[]string{"CLAIM [4,11) \"met\\n\\nBo\""}, 0, 0, 0, 0},
		{"discontinuous", "Ana met Bo there.", "T1\tPERSON 0 3;8 10\tAna Bo\n#1\tAnnotatorNotes T1\tboth\n",
			[]string{`PERSON [0,3) "Ana" note fragment 1 of 2 of brat T1` + "\nboth", `PERSON [8,10) "Bo" note fragment 2 of 2 of brat T1` + "\nboth"}, 0, 0, 0, 1},
		{"relation", "Bo said so.", "T1\tSOURCE 0 2\tBo\nT2\tCLAIM 8 10\tso\nR1\tattributed_to Arg1:T2 Arg2:T1\t\n",
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 1, 0, 0, 0},
		{"CRLF text counted as LF", "Bo\r\nsaid so.", "T1\tCLAIM 8 10\tso\n",
			[]string{`CLAIM [8,10) "so"`}, 0, 1, 0, 0},
		{"CRLF text counted", "Bo\r\nsaid so.", "T1\tCLAIM 9 11\tso\n",
			[]string{`CLAIM [8,10) "so"`}, 0, 0, 0, 0},
		{"CRLF .ann", "Bo said so.", "T1\tCLAIM 8 10\tso\r\nT2\tSOURCE 0 2\tBo\r\n",
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"UTF-16", "🚀 Bo said so.", "T1\tSOURCE 3 5\tBo\n",
			[]string{`SOURCE [2,4) "Bo"`}, 0, 1, 0, 0},
		{"not found", "Bo said so.", "T1\tSOURCE 0 2\tAl\nT2\tCLAIM 8 10\tso\nR1\tattributed_to Arg1:T2 Arg2:T1\n",
			[]string{`CLAIM [8,10) "so"`}, 0, 0, 1, 1},
		{"fragments not found", "Ana met Bo there.", "T1\tPERSON 0 3;8 10\tAl Bo\n",
			nil, 0, 0, 1, 0},
		{"events and attributes", "Bo said so.", "T1\tSOURCE 0 2\tBo\nE1\tSay:T1\nA1\tNeg E1\nA2\tNeg E1\n",
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 2},
		{"other notes", "Bo said so.", "T1\tSOURCE 0 2\tBo\n#1\tReview T1\tok\n#2\tAnnotatorNotes T9\tgone\n",
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 2},
		{"no .ann", "Bo said so.", "", nil, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"doc.txt": {Data: []byte(tt.txt)}}
			if tt.ann != "" {
				fsys["doc.ann"] = &fstest.MapFile{Data: []byte(tt.ann)}
			}
			docs, rep, err := ImportBrat(fsys, "in", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckImport(t, docs, rep, true, toolImported{tt.spans, tt.relations, tt.repaired, tt.unconfirmed, tt.notes})
		})
	}
}

// TestBratKindsFromConf checks that labels the schema lacks take their
// kind from the group annotation.conf puts them in.
func TestBratKindsFromConf(t *testing.T) {
	conf := "[entities]\n!claim\n\tASSERTION\n!entity\n\tGPE\n\t\tCITY\nWORK\n[relations]\nx\tArg1:ASSERTION\n"
	fsys := fstest.MapFS{
		"annotation.conf": {Data: []byte(conf)},
		"a/doc.txt":       {Data: []byte("Oslo is big. Ana wrote.")},
		"a/doc.ann":       {Data: []byte("T1\tASSERTION 0 11\tOslo is big\nT2\tCITY 0 4\tOslo\nT3\tWORK 13 16\tAna\n")},
		".hidden/x.ann":   {Data: []byte("not read")},
	}
	docs, rep, err := ImportBrat(fsys, "in", toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	toolCheckValid(t, docs, rep, annotate.DefaultSchema())
	var got []string
	for _, l := range rep.NewLabels {
		got = append(got, l.Name+" "+string(l.Kind))
	}
	if want := []string{"ASSERTION claim", "CITY entity", "WORK entity"}; !reflect.DeepEqual(got, want) {
		t.Errorf("new labels %q, want %q", got, want)
	}
	if docs[0].Document.SourcePath != "in/a/doc.txt" || docs[0].Document.Title != "Oslo is big. Ana wrote." {
		t.Errorf("document %q from %q", docs[0].Document.Title, docs[0].Document.SourcePath)
	}
}

func TestBratImportErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"no texts", fstest.MapFS{"x.conf": {}}, "import in: no .txt files"},
		{"ann alone", fstest.MapFS{"a.txt": {}, "sub/b.ann": {}}, "import in: sub/b.ann: no b.txt beside it"},
		{"bad UTF-8", fstest.MapFS{"a.txt": {Data: []byte("ok\xff")}}, "import in: a.txt: text: invalid UTF-8 at byte 2"},
		{"bad line", fstest.MapFS{"a.txt": {Data: []byte("Bo")}, "a.ann": {Data: []byte("T1\tX 0 2\tBo\nQ1\tx\n")}},
			`import in: a.ann: line 2: not a brat annotation: "Q1\tx"`},
		{"no offsets", fstest.MapFS{"a.txt": {Data: []byte("Bo")}, "a.ann": {Data: []byte("T1\tX\tBo\n")}},
			"import in: a.ann: line 1: T1: want LABEL START END"},
		{"bad offsets", fstest.MapFS{"a.txt": {Data: []byte("Bo")}, "a.ann": {Data: []byte("T1\tX 0 b\tBo\n")}},
			`import in: a.ann: line 1: T1: offsets "0 b" are not numbers`},
		{"beyond the text, trusted", fstest.MapFS{"a.txt": {Data: []byte("Bo")}, "a.ann": {Data: []byte("T1\tX 0 5\n")}},
			"import in: a.ann: line 1: T1: end 5 beyond text length 2"},
		{"repeated T", fstest.MapFS{"a.txt": {Data: []byte("Bo")}, "a.ann": {Data: []byte("T1\tX 0 2\tBo\nT1\tX 0 1\tB\n")}},
			"import in: a.ann: line 2: T1 repeats"},
		{"relation to nothing", fstest.MapFS{"a.txt": {Data: []byte("Bo")}, "a.ann": {Data: []byte("T1\tX 0 2\tBo\nR1\tr Arg1:T1 Arg2:T2\n")}},
			"import in: a.ann: line 2: R1: Arg2:T2 is not a T annotation of this file"},
		{"bad relation", fstest.MapFS{"a.txt": {Data: []byte("Bo")}, "a.ann": {Data: []byte("R1\tr Arg1:T1\n")}},
			`import in: a.ann: line 1: R1: want TYPE Arg1:T<id> Arg2:T<id>, got "r Arg1:T1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, _, err := ImportBrat(tt.fsys, "in", toolImportOptions())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
			if docs != nil {
				t.Errorf("got %d documents with the error", len(docs))
			}
		})
	}
}

func TestImportBratPath(t *testing.T) {
	dir := t.TempDir()
	if err := ExportBrat(dir, toolSeq(toolArticle(t)), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "annotation.conf")
	if _, _, err := importBratPath(file, toolImportOptions()); err == nil || !strings.Contains(err.Error(), "brat needs a folder") {
		t.Errorf("importing a file: %v, want an error asking for a folder", err)
	}
	if docs, _, err := importBratPath(dir, toolImportOptions()); err != nil || len(docs) != 1 {
		t.Errorf("importing the folder: %d documents, %v", len(docs), err)
	}
}

func FuzzImportBrat(f *testing.F) {
	f.Add([]byte("Bo said so."), []byte("T1\tSOURCE 0 2\tBo\nT2\tCLAIM 8 10\tso\nR1\tattributed_to Arg1:T2 Arg2:T1\n#1\tAnnotatorNotes T1\tnote\n"))
	f.Add([]byte("Ana met\n\nBo there."), []byte("T1\tCLAIM 4 7;9 11\tmet Bo\nT2\tPERSON 0 3;8 10\tAna B\n"))
	f.Add([]byte("🚀 Bo\r\nsaid"), []byte("T1\tSOURCE 3 5\tBo\nE1\tX:T1\n"))
	for _, name := range []string{"article", "unicode"} {
		golden := filepath.Join(toolGoldenDir, name+".brat")
		entries, err := os.ReadDir(golden)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if stem, ok := strings.CutSuffix(e.Name(), ".txt"); ok {
				txt, _ := os.ReadFile(filepath.Join(golden, e.Name()))
				ann, _ := os.ReadFile(filepath.Join(golden, stem+".ann"))
				f.Add(txt, ann)
			}
		}
	}
	f.Fuzz(func(t *testing.T, txt, ann []byte) {
		docs, rep, err := toolBrat(string(txt), string(ann), toolImportOptions())
		toolFuzz(t, docs, rep, err)
	})
}
