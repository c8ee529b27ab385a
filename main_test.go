package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/storage"
)

// isolate points the default project into a fresh folder, so that no test
// touches the real one.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("HOME", filepath.Join(dir, "home"))
	return dir
}

// spanmark runs the command line with stdin and returns its exit status,
// standard output and standard error.
func spanmark(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// mustRun runs the command line and fails the test unless it succeeds.
func mustRun(t *testing.T, stdin string, args ...string) (string, string) {
	t.Helper()
	code, stdout, stderr := spanmark(t, stdin, args...)
	if code != exitOK {
		t.Fatalf("spanmark %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stdout, stderr
}

// writeFiles creates files (slash path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// annotateProject adds annotations and a relation to every document of
// the project at path, the way the app would.
func annotateProject(t *testing.T, path string) {
	t.Helper()
	st, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	infos, err := st.Documents()
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2025, 6, 18, 9, 30, 0, 250, time.UTC)
	for _, in := range infos {
		d, err := st.Load(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		text := d.Document.Text
		span := func(id, sub, label string) annotate.Annotation {
			i := strings.Index(text, sub)
			if i < 0 {
				t.Fatalf("%q not in %s", sub, in.Title)
			}
			start := annotate.RuneLen(text[:i])
			return annotate.Annotation{ID: id, DocumentID: in.ID, Start: start, End: start + annotate.RuneLen(sub),
				Label: label, Annotator: "Ana", Created: when, Updated: when}
		}
		var e annotate.Edit
		if strings.Contains(text, "Kursk") {
			e.PutAnnotations = []annotate.Annotation{
				span(in.ID+"-loc", "s incursion", "MISC"),
				span(in.ID+"-claim", "North Korea will send 6,000 military workers", "CLAIM"),
				span(in.ID+"-source", "Moscow’s top security official", "SOURCE"),
			}
		} else {
			e.PutAnnotations = []annotate.Annotation{
				span(in.ID+"-loc", "Orbita-2", "ORG"),
				span(in.ID+"-claim", "“We are ready,”", "CLAIM"),
				span(in.ID+"-source", "Ndiaye told", "SOURCE"),
			}
		}
		e.PutRelations = []annotate.Relation{{ID: in.ID + "-rel", DocumentID: in.ID, Type: annotate.RelationAttributedTo,
			From: in.ID + "-claim", To: in.ID + "-source"}}
		if err := st.Apply(in.ID, e); err != nil {
			t.Fatal(err)
		}
	}
}

// documentsOf reads an export's header and documents.
func documentsOf(t *testing.T, export, name string) (formats.Header, []*annotate.DocumentData) {
	t.Helper()
	rd, err := formats.ReadSpanmark(strings.NewReader(export), name)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*annotate.DocumentData
	for d, err := range rd.Documents() {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return rd.Header(), docs
}

// TestRoundTrip imports texts, annotates them, exports, imports the
// export into a new project and exports that: the two exports hold the
// same documents, annotations and relations, byte for byte.
func TestRoundTrip(t *testing.T) {
	dir := isolate(t)
	writeFiles(t, dir, map[string]string{
		"texts/article.txt":     readTestdata(t, "article.txt"),
		"texts/sub/unicode.txt": readTestdata(t, "unicode.txt"),
		"texts/.draft.txt":      "not this",
		"texts/notes.pdf":       "nor this",
	})
	first := filepath.Join(dir, "first.spanmark")
	_, stderr := mustRun(t, "", "import", "--db", first, filepath.Join(dir, "texts"), "--annotator", "Ana")
	for _, want := range []string{
		"skipped " + filepath.Join(dir, "texts", ".draft.txt") + ": hidden\n",
		"skipped " + filepath.Join(dir, "texts", "notes.pdf") + ": not .txt, .md, .json or .jsonl\n",
		filepath.Join(dir, "texts", "article.txt") + ": added 1, skipped 0\n",
		filepath.Join(dir, "texts", "sub", "unicode.txt") + ": added 1, skipped 0\n",
		"imported 2 files: 2 documents added, 0 skipped\n",
		"created project " + first + "\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("import: stderr lacks %q:\n%s", want, stderr)
		}
	}
	annotateProject(t, first)

	for _, format := range []string{"json", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(dir, "first."+format)
			if stdout, _ := mustRun(t, "", "export", "--db", first, "--out", out); stdout != "" {
				t.Errorf("export --out wrote to stdout: %q", stdout)
			}
			exported, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			second := filepath.Join(dir, "second-"+format+".spanmark")
			mustRun(t, "", "import", "--db", second, out)
			again, _ := mustRun(t, "", "export", "--db", second, "--format", format)

			h1, docs1 := documentsOf(t, string(exported), out)
			h2, docs2 := documentsOf(t, again, "stdout."+format)
			if h1.Annotator != "Ana" || h2.Annotator != "Ana" || !reflect.DeepEqual(h1.Schema, h2.Schema) {
				t.Errorf("headers differ: %+v, %+v", h1, h2)
			}
			if len(docs1) != 2 || len(docs1[0].Annotations) != 3 || len(docs1[1].Relations) != 1 {
				t.Fatalf("first export: got %d documents: %+v", len(docs1), docs1)
			}
			if !reflect.DeepEqual(docs1, docs2) {
				t.Errorf("documents differ:\n%+v\n%+v", docs1, docs2)
			}
			// Past the header line, which holds the export time, the
			// files are the same bytes.
			_, rest1, _ := strings.Cut(string(exported), "\n")
			_, rest2, _ := strings.Cut(again, "\n")
			if rest1 != rest2 {
				t.Errorf("exports differ:\n%s\n%s", rest1, rest2)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	isolate(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"import without paths", []string{"import"}, "spanmark: import: no PATH to import"},
		{"flag without value", []string{"import", "--db"}, "flag needs an argument: -db"},
		{"unknown flag", []string{"export", "--bogus"}, "flag provided but not defined: -bogus"},
		{"unknown format", []string{"export", "--format", "xml"}, `spanmark: export: unknown format "xml"`},
		{"export argument", []string{"export", "out.json"}, `spanmark: export: unexpected "out.json"`},
		{"stats argument", []string{"stats", "x"}, `spanmark: stats: unexpected "x"`},
		{"validate without paths", []string{"validate"}, "spanmark: validate: no PATH to check"},
		{"unknown top flag", []string{"--bogus"}, "spanmark: unknown flag --bogus"},
		{"unknown command", []string{"frobnicate", "x"}, `spanmark: unknown command "frobnicate"`},
		{"mistyped command", []string{"improt"}, "spanmark: improt: no such project; a new project's name ends in .spanmark"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := spanmark(t, "", tc.args...)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "Usage") {
				t.Errorf("got exit %d, stdout %q, stderr\n%s\nwant exit 2 and usage with %q", code, stdout, stderr, tc.want)
			}
		})
	}
	if _, err := os.Stat("improt"); err == nil {
		t.Error("a mistyped command made a project")
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		code, stdout, stderr := spanmark(t, "", args...)
		if code != exitOK || !strings.HasPrefix(stdout, "Usage:\n") || stderr != "" {
			t.Errorf("%v: got exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	code, stdout, stderr := spanmark(t, "", "export", "-h")
	if code != exitOK || stdout != "" || !strings.HasPrefix(stderr, "Usage: spanmark export") || !strings.Contains(stderr, "-out PATH") {
		t.Errorf("export -h: got exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestMissingProject(t *testing.T) {
	dir := isolate(t)
	missing := filepath.Join(dir, "missing.spanmark")
	def, err := defaultProjectPath()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export", "--db", missing}, "spanmark: export: no project at " + missing + " (spanmark import creates one)\n"},
		{[]string{"stats", "--db", missing}, "spanmark: stats: no project at " + missing + " (spanmark import creates one)\n"},
		{[]string{"export"}, "spanmark: export: no project at " + def + " (spanmark import creates one)\n"},
	}
	for _, tc := range tests {
		code, stdout, stderr := spanmark(t, "", tc.args...)
		if code != exitError || stdout != "" || stderr != tc.want {
			t.Errorf("%v: got exit %d, stdout %q, stderr %q; want exit 1 and %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
	for _, path := range []string{missing, def} {
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%s was created", path)
		}
	}
}

func TestValidate(t *testing.T) {
	dir := isolate(t)
	bad := filepath.Join("testdata", "json", "problems.jsonl")
	wantProblems := []string{
		bad + `:3 (id d2): annotation c1: kind "entity" does not match label CLAIM, which is claim: invalid`,
		bad + `:3 (id d2): annotation a1: text "Kurs" does not match [1,6) "Kursk": invalid`,
		bad + `:4:28: JSON syntax error: invalid character '"' after object key:value pair: invalid`,
		bad + `:5 (id d3): annotation e1: label "EMOJI" is not in the schema: invalid`,
		bad + `:5 (id d3): relation r1: to annotation s9 does not exist: invalid`,
		bad + `:6 (id d1): document id d1 is already used by line 2: invalid`,
	}
	t.Run("problems", func(t *testing.T) {
		code, stdout, stderr := spanmark(t, "", "validate", bad)
		want := strings.Join(wantProblems, "\n") + "\n"
		if code != exitError || stdout != want || stderr != "spanmark: validate: 6 problems\n" {
			t.Errorf("got exit %d, stdout\n%s\nstderr %q; want exit 1, stdout\n%s", code, stdout, stderr, want)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		code, stdout, _ := spanmark(t, readTestdata(t, "json/problems.jsonl"), "validate", "-")
		if code != exitError || strings.Count(stdout, "\nstdin:") != len(wantProblems)-1 {
			t.Errorf("got exit %d, stdout\n%s", code, stdout)
		}
	})
	t.Run("ok", func(t *testing.T) {
		good := filepath.Join(dir, "good.jsonl")
		lines := strings.Split(readTestdata(t, "json/problems.jsonl"), "\n")
		writeFiles(t, dir, map[string]string{"good.jsonl": lines[0] + "\n" + lines[1] + "\n"})
		code, stdout, stderr := spanmark(t, "", "validate", good, good)
		if code != exitOK || stdout != "ok: 2 documents, 8 annotations\n" || stderr != "" {
			t.Errorf("got exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		code, stdout, stderr := spanmark(t, "", "validate", filepath.Join(dir, "nope.json"))
		if code != exitError || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "nope.json: no such file") {
			t.Errorf("got exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
	})
}

// TestImportAllOrNothing imports three files, the second of which is bad:
// the first stays imported, nothing of the second is, the labels its
// schema would add are not, and the third is not tried.
func TestImportAllOrNothing(t *testing.T) {
	dir := isolate(t)
	lines := strings.Split(readTestdata(t, "json/problems.jsonl"), "\n")
	header := strings.Replace(lines[0], `}`, `, "schema": {"labels": [{"name": "EVENT", "kind": "entity", "color": "#123456", "key": "e"}, `+
		`{"name": "LOC", "kind": "entity", "color": "#31a354", "key": "l"}, {"name": "CLAIM", "kind": "claim", "color": "#d62728", "key": "c"}, `+
		`{"name": "SOURCE", "kind": "source", "color": "#17becf", "key": "s"}, {"name": "MISC", "kind": "entity", "color": "#888888", "key": "m"}], `+
		`"relations": [{"name": "attributed_to", "from_kind": "claim", "to_kind": "source"}]}}`, 1)
	writeFiles(t, dir, map[string]string{
		"a.txt":   "First text.",
		"b.jsonl": header + "\n" + lines[1] + "\n" + lines[2] + "\n",
		"c.txt":   "Third text.",
	})
	db := filepath.Join(dir, "p.spanmark")
	code, _, stderr := spanmark(t, "", "import", "--db", db, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "c.txt"))
	want := "spanmark: " + filepath.Join(dir, "b.jsonl") + `:3 (id d2): annotation c1: kind "entity" does not match label CLAIM, which is claim: invalid` + "\n"
	if code != exitError || !strings.HasSuffix(stderr, want) {
		t.Fatalf("got exit %d, stderr\n%s\nwant exit 1, ending %q", code, stderr, want)
	}
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	infos, err := st.Documents()
	if err != nil || len(infos) != 1 || infos[0].Title != "First text." {
		t.Errorf("documents: got %+v, %v; want only the first file's", infos, err)
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
	writeFiles(t, dir, files)
	db := filepath.Join(dir, "p.spanmark")
	_, stderr := mustRun(t, "", "import", "--db", db, filepath.Join(dir, "texts"))
	for _, want := range []string{
		"imported 20/26 files\n",
		"imported 26/26 files\n",
		filepath.Join(dir, "texts", "00-again.txt") + ": added 1, skipped 0\n",
		filepath.Join(dir, "texts", "00.txt") + ": added 0, skipped 1\n",
		`  skipped "Text number 0.": same text as document `,
		"imported 26 files: 25 documents added, 1 skipped\n",
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
	lines := strings.Split(readTestdata(t, "json/problems.jsonl"), "\n")
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
	if err != nil || !strings.HasPrefix(string(b), `{"format":"spanmark","version":1,"annotator":"ann",`) || strings.Count(string(b), "\n") != 2 {
		t.Errorf("export --out x.jsonl: got %q, %v; want a header line and a document line", b, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("export left %s behind", e.Name())
		}
	}
	spacy, _ := mustRun(t, "", "export", "--format", "spacy")
	if !strings.Contains(spacy, "Shoigu") {
		t.Errorf("export --format spacy: got %q", spacy)
	}

	code, _, stderr := spanmark(t, "", "export", "--out", filepath.Join(dir, "no", "such", "dir", "x.json"))
	if code != exitError || strings.Count(stderr, "\n") != 1 {
		t.Errorf("export into a missing folder: got exit %d, stderr %q", code, stderr)
	}
}

// hasRow reports whether table has a line whose fields are row.
func hasRow(table string, row []string) bool {
	for line := range strings.Lines(table) {
		if slices.Equal(strings.Fields(line), row) {
			return true
		}
	}
	return false
}

func TestDefaultProject(t *testing.T) {
	dir := isolate(t)
	tests := []struct {
		name, xdg, want string
	}{
		{"XDG_DATA_HOME", filepath.Join(dir, "xdg"), filepath.Join(dir, "xdg", "spanmark", "default.spanmark")},
		{"unset", "", filepath.Join(dir, "home", ".local", "share", "spanmark", "default.spanmark")},
		{"relative", "rel/dir", filepath.Join(dir, "home", ".local", "share", "spanmark", "default.spanmark")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", tc.xdg)
			got, err := defaultProjectPath()
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}

	path, err := defaultProjectPath()
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := ensureDefaultProject(path); err != nil {
			t.Fatal(err)
		}
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	infos, err := st.Documents()
	if err != nil || len(infos) != 1 || !strings.HasPrefix(infos[0].Title, "North Korean leader Kim Jong Un") {
		t.Errorf("got %+v, %v; want the sample article alone", infos, err)
	}
}
