package formats

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"spanmark/annotate"
)

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
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 3},
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
