package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/storage"
)

// TestImportAllOrNothing imports three files, the second of which is bad:
// the first and the third are imported, nothing of the second is, nor the
// labels its schema would add; the failure is named with its file and
// place, and the exit status is 1.
func TestImportAllOrNothing(t *testing.T) {
	dir := isolate(t)
	lines := strings.Split(string(annotatetest.Read(t, "json/problems.jsonl")), "\n")
	header := strings.Replace(lines[0], `}`, `, "schema": {"labels": [{"name": "EVENT", "kind": "entity", "color": "#123456", "key": "e"}, `+
		`{"name": "LOC", "kind": "entity", "color": "#31a354", "key": "l"}, {"name": "CLAIM", "kind": "claim", "color": "#d62728", "key": "c"}, `+
		`{"name": "SOURCE", "kind": "source", "color": "#17becf", "key": "s"}, {"name": "MISC", "kind": "entity", "color": "#888888", "key": "m"}], `+
		`"relations": [{"name": "attributed_to", "from_kind": "claim", "to_kind": "source"}]}}`, 1)
	annotatetest.WriteFiles(t, dir, map[string]string{
		"a.txt":   "First text.",
		"b.jsonl": header + "\n" + lines[1] + "\n" + lines[2] + "\n",
		"c.txt":   "Third text.",
	})
	db := filepath.Join(dir, "p.spanmark")
	code, _, stderr := spanmark(t, "", "import", "--db", db, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "c.txt"))
	want := "not imported: " + filepath.Join(dir, "b.jsonl") + `:3 (id d2): annotation c1: kind "entity" does not match label CLAIM, which is claim` + "\n"
	end := "spanmark: import: 1 of 3 files not imported (see above); each of them changed nothing\n"
	if code != exitError || !strings.Contains(stderr, want) || !strings.HasSuffix(stderr, end) {
		t.Fatalf("got exit %d, stderr\n%s\nwant exit 1, with %q, ending %q", code, stderr, want, end)
	}
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	infos, err := st.Documents()
	if err != nil || len(infos) != 2 || infos[0].Title != "First text." || infos[1].Title != "Third text." {
		t.Errorf("documents: got %+v, %v; want the first and third files'", infos, err)
	}
	if schema, err := st.Schema(); err != nil || !reflect.DeepEqual(schema, annotate.DefaultSchema()) {
		t.Errorf("schema: got %+v, %v; want the default one", schema, err)
	}

	t.Run("a new project that gets nothing is removed", func(t *testing.T) {
		db := filepath.Join(dir, "new.spanmark")
		code, _, _ := spanmark(t, "", "import", "--db", db, filepath.Join(dir, "b.jsonl"))
		if _, err := os.Stat(db); code != exitError || err == nil {
			t.Errorf("got exit %d and the project %v", code, err)
		}
	})
}

func TestImportProgress(t *testing.T) {
	dir := isolate(t)
	files := map[string]string{}
	for i := range 25 {
		files[fmt.Sprintf("texts/%02d.txt", i)] = fmt.Sprintf("Text number %d.", i)
	}
	files["texts/00-again.txt"] = "Text number 0."
	annotatetest.WriteFiles(t, dir, files)
	db := filepath.Join(dir, "p.spanmark")
	_, stderr := mustRun(t, "", "import", "--db", db, filepath.Join(dir, "texts"))
	for _, want := range []string{
		"imported 20/26 files\n",
		"imported 26/26 files\n",
		filepath.Join(dir, "texts", "00-again.txt") + ": added 1, skipped 0\n",
		filepath.Join(dir, "texts", "00.txt") + ": added 0, skipped 1\n",
		`  skipped "Text number 0.": same text as document `,
		"imported 26 of 26 files: 25 documents added, 1 skipped\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	_, stderr = mustRun(t, "", "import", "--db", db, filepath.Join(dir, "texts", "01.txt"))
	if strings.Contains(stderr, "imported 1/1") {
		t.Errorf("progress for one file:\n%s", stderr)
	}
}

func TestImportStdinAndExportFormats(t *testing.T) {
	dir := isolate(t)
	lines := strings.Split(string(annotatetest.Read(t, "json/problems.jsonl")), "\n")
	_, stderr := mustRun(t, lines[0]+"\n"+lines[1]+"\n", "import", "-")
	def, err := defaultProjectPath()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "stdin: added 1, skipped 0\n") || !strings.Contains(stderr, "created project "+def) {
		t.Errorf("import -: stderr\n%s", stderr)
	}

	stats, _ := mustRun(t, "", "stats")
	for _, want := range [][]string{{"documents", "1"}, {"done", "1"}, {"annotations", "4"}, {"CLAIM", "claim", "1"}, {"relations", "1"}} {
		if !hasRow(stats, want) {
			t.Errorf("stats lacks the row %q:\n%s", want, stats)
		}
	}

	jsonl := filepath.Join(dir, "out.jsonl")
	mustRun(t, "", "export", "--out", jsonl)
	b, err := os.ReadFile(jsonl)
	if err != nil || !strings.HasPrefix(string(b), `{"annotator":"ann","id":"d1",`) || strings.Count(string(b), "\n") != 1 {
		t.Errorf("export --out x.jsonl: got %q, %v; want one document line", b, err)
	}
	noTemporaryFiles(t, dir)
	spacy, _ := mustRun(t, "", "export", "--format", "spacy")
	if !strings.Contains(spacy, "Shoigu") {
		t.Errorf("export --format spacy: got %q", spacy)
	}

	code, _, stderr := spanmark(t, "", "export", "--out", filepath.Join(dir, "no", "such", "dir", "x.json"))
	if code != exitError || strings.Count(stderr, "\n") != 1 {
		t.Errorf("export into a missing folder: got exit %d, stderr %q", code, stderr)
	}
}

func TestImportFormats(t *testing.T) {
	dir := isolate(t)
	tests := []struct {
		format, article, unicode string
		conll                    bool
		relations                int
	}{
		{"spacy", "article.spacy.jsonl", "unicode.spacy.jsonl", false, 0},
		{"doccano", "article.doccano.jsonl", "unicode.doccano.jsonl", false, 0},
		{"doccano", "article.doccano-relations.jsonl", "unicode.doccano-relations.jsonl", false, 4},
		{"labelstudio", "article.labelstudio.json", "unicode.labelstudio.json", false, 4},
		{"brat", "article.brat", "unicode.brat", false, 4},
		{"conll", "article.conll", "unicode.conll", true, 0},
		{"w3c", "article.w3c.jsonld", "unicode.w3c.jsonld", false, 4},
	}
	for _, tc := range tests {
		t.Run(tc.article, func(t *testing.T) {
			db := filepath.Join(dir, tc.article+".spanmark")
			_, stderr := mustRun(t, "", "import", "--db", db, "--format", tc.format, formatFile(tc.article), formatFile(tc.unicode))
			want := fmt.Sprintf("imported 2 of 2 %s files: 2 documents added, 0 skipped\n", tc.format)
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
			got := labelTexts(t, db, tc.conll)
			if wantSpans := fixtureSpans(t, tc.conll); !slices.Equal(got, wantSpans) {
				t.Errorf("got %d annotations\n%s\nwant %d\n%s", len(got), strings.Join(got, "\n"), len(wantSpans), strings.Join(wantSpans, "\n"))
			}
			if _, rels := spanKeys(t, db); rels != tc.relations {
				t.Errorf("got %d relations, want %d", rels, tc.relations)
			}
		})
	}
}

// TestImportFormatRepairs imports files whose offsets count UTF-16 units:
// the spans land on their texts, and the repairs are reported.
func TestImportFormatRepairs(t *testing.T) {
	dir := isolate(t)
	want := []string{
		labelText("CLAIM", "“We are ready,”", false), labelText("DATE", "March 3", false),
		labelText("LOC", "Kyiv", false), labelText("ORG", "Orbita-2", false),
		labelText("SOURCE", "Zoë Ndiaye", false),
	}
	for _, tc := range []struct{ format, file string }{
		{"doccano", "utf16.doccano.jsonl"},
		{"labelstudio", "utf16.labelstudio.json"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			db := filepath.Join(dir, tc.format+".spanmark")
			_, stderr := mustRun(t, "", "import", "--db", db, "--format", tc.format, formatFile(tc.file))
			line := formatFile(tc.file) + ": added 1 document, 5 annotations, 1 relation; skipped 0; 5 spans repaired\n"
			if !strings.Contains(stderr, line) {
				t.Errorf("stderr lacks %q:\n%s", line, stderr)
			}
			if got := labelTexts(t, db, false); !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
	t.Run("unconfirmed", func(t *testing.T) {
		db := filepath.Join(dir, "unconfirmed.spanmark")
		annotatetest.WriteFiles(t, dir, map[string]string{"moved.json": `[{"data": {"text": "Kursk burns."}, "annotations": [{"result": [` +
			`{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 5, "text": "Kursk", "labels": ["LOC"]}},` +
			`{"id": "r2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 6, "end": 11, "text": "Moscow", "labels": ["LOC"]}}]}]}]`})
		file := filepath.Join(dir, "moved.json")
		_, stderr := mustRun(t, "", "import", "--db", db, "--format", "labelstudio", file)
		for _, want := range []string{
			file + ": added 1 document, 1 annotation, 0 relations; skipped 0; 0 spans repaired\n",
			"  unconfirmed, left out: " + file + ": ",
			`text "Moscow" not found at [6,11)`,
		} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
		}
	})
	t.Run("trust offsets", func(t *testing.T) {
		db := filepath.Join(dir, "trusted.spanmark")
		_, stderr := mustRun(t, "", "import", "--db", db, "--format", "doccano", "--trust-offsets", formatFile("utf16.doccano.jsonl"))
		if !strings.Contains(stderr, "; 0 spans repaired\n") {
			t.Errorf("stderr:\n%s", stderr)
		}
		if got := labelTexts(t, db, false); slices.Equal(got, want) {
			t.Errorf("UTF-16 offsets taken as given still fit: %q", got)
		}
	})
}

// TestImportFormatFails imports bad files in another tool's format into a
// project: each is refused with the place named, and the project's
// schema and documents stay as they were.
func TestImportFormatFails(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "import", "--db", db, filepath.Join(testdata, "article.txt"))
	annotateProject(t, db)
	_, _ = loadProject(t, db)
	before := snapshot(t, db)
	tests := []struct {
		name, content, want string
	}{
		{"bad line", `{"text": "A text.", "label": [[0, 1, "EVENT"]]}` + "\n" + `{"text": "B", "label": [[0, 9]]}` + "\n",
			"bad.jsonl: line 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, "bad.jsonl")
			annotatetest.WriteFiles(t, dir, map[string]string{"bad.jsonl": tc.content})
			code, _, stderr := spanmark(t, "", "import", "--db", db, "--format", "doccano", file)
			if code != exitError || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, file) {
				t.Errorf("got exit %d, stderr\n%s\nwant exit 1 naming %s and %q", code, stderr, file, tc.want)
			}
			if after := snapshot(t, db); after != before {
				t.Errorf("the project changed:\n%s\nwant\n%s", after, before)
			}
		})
	}
}
