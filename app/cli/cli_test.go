package cli

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
	"spanmark/annotate/synth"
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
	code := Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr})
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

// testdata is the project's folder of fixtures.
var testdata = filepath.Join("..", "..", "testdata")

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testdata, name))
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
		"imported 2 of 2 files: 2 documents added, 0 skipped\n",
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
		{"import without paths", []string{"import"}, "spanmark import: no PATH to import"},
		{"flag without value", []string{"import", "--db"}, "flag needs an argument: -db"},
		{"unknown flag", []string{"export", "--bogus"}, "flag provided but not defined: -bogus"},
		{"unknown format", []string{"export", "--format", "xml"}, `spanmark export: unknown format "xml"`},
		{"export argument", []string{"export", "out.json"}, `spanmark export: unexpected "out.json"`},
		{"stats argument", []string{"stats", "x"}, `spanmark stats: unexpected "x"`},
		{"validate without paths", []string{"validate"}, "spanmark validate: no PATH to check"},
		{"unknown top flag", []string{"--bogus"}, "spanmark: unknown flag --bogus"},
		{"unknown command", []string{"frobnicate", "x"}, `spanmark: unknown command "frobnicate"`},
		{"mistyped command", []string{"improt"}, "spanmark: improt: no such project; a new project's name ends in .spanmark"},
		{"unknown import format", []string{"import", "--format", "xml", "x"}, `spanmark import: unknown format "xml": want brat, conll, doccano, labelstudio, spacy, w3c`},
		{"trust without format", []string{"import", "--trust-offsets", "x.json"}, "spanmark import: --trust-offsets needs --format"},
		{"format from stdin", []string{"import", "--format", "spacy", "-"}, "spanmark import: standard input is read in spanmark format only"},
		{"relations without doccano", []string{"export", "--format", "spacy", "--relations"}, "spanmark export: --relations is for --format doccano or w3c"},
		{"docstart without conll", []string{"export", "--format", "w3c", "--docstart", "none"}, "spanmark export: --docstart is for --format conll"},
		{"unknown docstart", []string{"export", "--format", "conll", "--docstart", "x"}, `spanmark export: --docstart "x": want conll2003 or none`},
		{"offsets without w3c", []string{"export", "--format", "spacy", "--offsets", "utf16"}, "spanmark export: --offsets is for --format w3c"},
		{"unknown offsets", []string{"export", "--format", "w3c", "--offsets", "bytes"}, `spanmark export: --offsets "bytes": want codepoints or utf16`},
		{"schema-out without jsonl", []string{"export", "--schema-out", "s.json"}, "spanmark export: --schema-out is for --format jsonl"},
		{"recover without out", []string{"recover", "--db", "x.spanmark"}, "spanmark recover: --db and --out are required"},
		{"kind without conll", []string{"export", "--format", "w3c", "--kind", "claim"}, "spanmark export: --kind is for --format conll"},
		{"unknown kind", []string{"export", "--format", "conll", "--kind", "event"}, `spanmark export: --kind "event": want entity, claim or source`},
		{"config without labelstudio", []string{"export", "--format", "brat", "--config"}, "spanmark export: --config is for --format labelstudio"},
		{"agree one file", []string{"agree", "a.spanmark"}, "spanmark agree: want two files, A and B; got 1"},
		{"merge one file", []string{"merge", "--out", "m.spanmark", "a.spanmark"}, "spanmark merge: want at least two files to merge; got 1"},
		{"merge without out", []string{"merge", "a.spanmark", "b.spanmark"}, "spanmark merge: --out is required"},
		{"unknown strategy", []string{"merge", "--strategy", "vote", "--out", "m.spanmark", "a", "b"}, `spanmark merge: --strategy "vote": want union, intersection or majority`},
		{"gen without out", []string{"gen", "--docs", "3"}, "spanmark gen: --out is required"},
		{"gen without documents", []string{"gen", "--out", "g.spanmark", "--docs", "0"}, "spanmark gen: --docs and --words-per-doc must be at least 1"},
		{"compact argument", []string{"compact", "p.spanmark"}, `spanmark compact: unexpected "p.spanmark"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := spanmark(t, "", tc.args...)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "Usage") {
				t.Errorf("got exit %d, stdout %q, stderr\n%s\nwant exit 2 and usage with %q", code, stdout, stderr, tc.want)
			}
			// A command's mistake shows that command's usage, not the list
			// of every command.
			if sub := strings.HasPrefix(tc.want, "spanmark "+tc.args[0]+":"); sub &&
				(!strings.Contains(stderr, "Usage: spanmark "+tc.args[0]+" ") || strings.Contains(stderr, "spanmark help")) {
				t.Errorf("stderr\n%s\nwant the usage of spanmark %s alone", stderr, tc.args[0])
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
	bad := filepath.Join(testdata, "json", "problems.jsonl")
	wantProblems := []string{
		bad + `:3 (id d2): annotation c1: kind "entity" does not match label CLAIM, which is claim`,
		bad + `:3 (id d2): annotation a1: text "Kurs" does not match [1,6) "Kursk"`,
		bad + `:4:28: JSON syntax error: invalid character '"' after object key:value pair`,
		bad + `:5 (id d3): annotation e1: label "EMOJI" is not in the schema`,
		bad + `:5 (id d3): relation r1: to annotation s9 does not exist`,
		bad + `:6 (id d1): document id d1 is already used by line 2`,
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
// the first and the third are imported, nothing of the second is, nor the
// labels its schema would add; the failure is named with its file and
// place, and the exit status is 1.
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
	writeFiles(t, dir, files)
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

// documentList lists the documents of the project at path.
func documentList(t *testing.T, path string) ([]annotate.DocumentInfo, error) {
	t.Helper()
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return st.Documents()
}

// loadProject reads the whole project at path and closes it again.
func loadProject(t *testing.T, path string) (formats.Header, []*annotate.DocumentData) {
	t.Helper()
	side, err := formats.ReadSide(path, OpenStore, nil)
	if err != nil {
		t.Fatal(err)
	}
	return formats.Header{Annotator: side.Name, Schema: side.Schema}, side.Docs
}

// spanKeys lists every annotation of the project at path as "text hash,
// start, end, label", sorted, and counts its relations.
func spanKeys(t *testing.T, path string) ([]string, int) {
	t.Helper()
	_, docs := loadProject(t, path)
	var keys []string
	rels := 0
	for _, d := range docs {
		for _, a := range d.Annotations {
			keys = append(keys, fmt.Sprintf("%s %d %d %s", d.Document.SHA256[:12], a.Start, a.End, a.Label))
		}
		rels += len(d.Relations)
	}
	slices.Sort(keys)
	return keys, rels
}

// labelTexts lists every annotation of the project at path as its label
// and the text it marks, sorted. squash removes white space from the
// texts, for formats that change the spacing of a text.
func labelTexts(t *testing.T, path string, squash bool) []string {
	t.Helper()
	_, docs := loadProject(t, path)
	var got []string
	for _, d := range docs {
		x := annotate.NewIndex(d.Document.Text)
		for _, a := range d.Annotations {
			got = append(got, labelText(a.Label, x.Slice(a.Start, a.End), squash))
		}
	}
	slices.Sort(got)
	return got
}

// labelText is one entry of labelTexts.
func labelText(label, text string, squash bool) string {
	if squash {
		text = strings.Join(strings.Fields(text), "")
	}
	return label + " " + strconv.Quote(text)
}

// articleSpans are the label and text of every annotation of the article
// in testdata/formats.
var articleSpans = [][2]string{
	{"MISC", "North Korean leader Kim Jong Un"}, {"PERSON", "Kim Jong Un"}, {"QUANTITY", "6,000 workers"},
	{"LOC", "Kursk"}, {"LOC", "Russia"}, {"ORG", "Security Council"}, {"PERSON", "Sergei Shoigu"},
	{"DATE", "Tuesday"}, {"ORG", "KCNA"}, {"LOC", "SEOUL"}, {"DATE", "June 18"}, {"ORG", "UPI"},
	{"LOC", "North Korea"},
	{"CLAIM", "has decided to send 1,000 sappers to Russia to clear mines on Russian territory, " +
		"as well as 5,000 military construction workers to restore infrastructure destroyed by the occupiers"},
	{"SOURCE", "Shoigu"}, {"ORG", "TASS"}, {"ORG", "RIA Novosti"}, {"PERSON", "Vladimir Putin"},
	{"CLAIM", "Pyongyang acknowledged sending the troops for the first time in April.\n\n" +
		"Moscow and Pyongyang are planning to create memorials for the Korean soldiers who died while fighting for Russia"},
	{"SOURCE", "Shoigu"}, {"ORG", "Multilateral Sanctions Monitoring Team"}, {"DATE", "April"},
	{"QUANTITY", "9 million rounds"}, {"ORG", "Foreign Ministry"},
	{"CLAIM", "We urge the North to stop such actions immediately"}, {"SOURCE", "the ministry"},
}

// fixtureSpans returns labelTexts of a project holding the article and
// the unicode document of testdata/formats. entitiesOnly keeps the
// entities that CoNLL can hold: no claims or sources, and not the one
// entity inside a longer one ("Kim Jong Un").
func fixtureSpans(t *testing.T, entitiesOnly bool) []string {
	t.Helper()
	var spans []struct{ Label, Text string }
	if err := json.Unmarshal([]byte(readTestdata(t, "unicode_annotations.json")), &spans); err != nil {
		t.Fatal(err)
	}
	for _, sp := range articleSpans {
		spans = append(spans, struct{ Label, Text string }{sp[0], sp[1]})
	}
	var want []string
	for _, sp := range spans {
		if entitiesOnly && (sp.Label == "CLAIM" || sp.Label == "SOURCE" || sp.Label == "PERSON" && sp.Text == "Kim Jong Un") {
			continue
		}
		want = append(want, labelText(sp.Label, sp.Text, entitiesOnly))
	}
	slices.Sort(want)
	return want
}

// formatFile returns the path of a file in testdata/formats.
func formatFile(name string) string {
	return filepath.Join(testdata, "formats", name)
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
			line := formatFile(tc.file) + ": added 1 documents, 5 annotations, 1 relations; skipped 0; 5 spans repaired\n"
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
		writeFiles(t, dir, map[string]string{"moved.json": `[{"data": {"text": "Kursk burns."}, "annotations": [{"result": [` +
			`{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 5, "text": "Kursk", "labels": ["LOC"]}},` +
			`{"id": "r2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 6, "end": 11, "text": "Moscow", "labels": ["LOC"]}}]}]}]`})
		file := filepath.Join(dir, "moved.json")
		_, stderr := mustRun(t, "", "import", "--db", db, "--format", "labelstudio", file)
		for _, want := range []string{
			file + ": added 1 documents, 1 annotations, 0 relations; skipped 0; 0 spans repaired\n",
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
			writeFiles(t, dir, map[string]string{"bad.jsonl": tc.content})
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

// snapshot returns the schema and documents of the project at path as
// text, to see whether a command changed them.
func snapshot(t *testing.T, path string) string {
	t.Helper()
	h, docs := loadProject(t, path)
	b, err := json.Marshal(struct {
		Schema annotate.Schema
		Docs   []*annotate.DocumentData
	}{h.Schema, docs})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExportFormats exports a project in each format through the command
// line and imports the result into a new project: the annotations and
// relations the format carries come back where they were.
func TestExportFormats(t *testing.T) {
	dir := isolate(t)
	src := filepath.Join(dir, "src.spanmark")
	mustRun(t, "", "import", "--db", src, "--format", "labelstudio", formatFile("article.labelstudio.json"), formatFile("unicode.labelstudio.json"))
	srcKeys, _ := spanKeys(t, src)
	tests := []struct {
		format, out string
		flags       []string
		conll       bool // entities only, on a text spaced anew
		relations   int
		notes       int // annotations the format cannot hold as they are
	}{
		{"spacy", "x.spacy.jsonl", nil, false, 0, 1},
		{"doccano", "x.doccano.jsonl", nil, false, 0, 0},
		{"doccano", "x.doccano-relations.jsonl", []string{"--relations"}, false, 4, 0},
		{"labelstudio", "x.labelstudio.json", nil, false, 4, 0},
		{"brat", "x.brat", nil, false, 4, 0},
		{"brat", "x.zip", nil, false, 4, 0},
		{"conll", "x.conll", nil, true, 0, 1},
		{"w3c", "x.w3c.jsonld", nil, false, 4, 0},
	}
	for _, tc := range tests {
		t.Run(tc.out, func(t *testing.T) {
			out := filepath.Join(dir, tc.out)
			args := append([]string{"export", "--db", src, "--format", tc.format, "--out", out}, tc.flags...)
			_, stderr := mustRun(t, "", args...)
			if got := strings.Count(stderr, "note: "); got != tc.notes {
				t.Errorf("got %d notes, want %d:\n%s", got, tc.notes, stderr)
			}
			if tc.notes > 0 && !strings.Contains(stderr, fmt.Sprintf("%d notes: what %s cannot hold", tc.notes, tc.format)) {
				t.Errorf("stderr lacks the count of notes:\n%s", stderr)
			}
			db := filepath.Join(dir, tc.out+".spanmark")
			mustRun(t, "", "import", "--db", db, "--format", tc.format, out)
			keys, rels := spanKeys(t, db)
			if tc.conll {
				if got, want := labelTexts(t, db, true), fixtureSpans(t, true); !slices.Equal(got, want) {
					t.Errorf("got %q\nwant %q", got, want)
				}
			} else if !slices.Equal(keys, srcKeys) {
				t.Errorf("got %q\nwant %q", keys, srcKeys)
			}
			if rels != tc.relations {
				t.Errorf("got %d relations, want %d", rels, tc.relations)
			}
		})
	}
	t.Run("brat folder", func(t *testing.T) {
		if fi, err := os.Stat(filepath.Join(dir, "x.brat")); err != nil || !fi.IsDir() {
			t.Fatalf("x.brat: %v; want a folder", err)
		}
		code, _, stderr := spanmark(t, "", "export", "--db", src, "--format", "brat", "--out", filepath.Join(dir, "x.brat"))
		if code != exitError || !strings.Contains(stderr, "is a folder that is not empty") {
			t.Errorf("export into a full folder: got exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("labelstudio config", func(t *testing.T) {
		want := formats.LabelStudioConfig(mustSchema(t, src))
		b, err := os.ReadFile(filepath.Join(dir, "x.labelstudio.config.xml"))
		if err != nil || string(b) != want {
			t.Errorf("config beside the export: got %q, %v; want %q", b, err, want)
		}
		if stdout, _ := mustRun(t, "", "export", "--db", src, "--format", "labelstudio", "--config"); stdout != want {
			t.Errorf("--config: got %q, want %q", stdout, want)
		}
	})
	t.Run("conll claims", func(t *testing.T) {
		want := 0
		for _, sp := range fixtureSpans(t, false) {
			if strings.HasPrefix(sp, "CLAIM ") {
				want++
			}
		}
		stdout, _ := mustRun(t, "", "export", "--db", src, "--format", "conll", "--kind", "claim")
		if got := strings.Count(stdout, "\tB-CLAIM\n"); got != want {
			t.Errorf("got %d claims, want %d:\n%s", got, want, stdout)
		}
	})
	noTemporaryFiles(t, dir)
}

// noTemporaryFiles fails the test when dir holds hidden files, as the
// temporary files of an atomic write are.
func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("%s left behind", e.Name())
		}
	}
}

// mustSchema returns the schema of the project at path.
func mustSchema(t *testing.T, path string) annotate.Schema {
	t.Helper()
	h, _ := loadProject(t, path)
	return h.Schema
}

// fileState returns the SHA-256 and the modification time of a file.
func fileState(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x %s", sha256.Sum256(b), fi.ModTime().Format(time.RFC3339Nano))
}

// agreePair makes two annotators' projects of the fixtures: ana's, as the
// files hold them, and ben's, with one annotation left out, one relabelled
// and one shorter.
func agreePair(t *testing.T, dir string) (a, b string) {
	t.Helper()
	a, b = filepath.Join(dir, "ana.spanmark"), filepath.Join(dir, "ben.spanmark")
	files := []string{formatFile("article.labelstudio.json"), formatFile("unicode.labelstudio.json")}
	mustRun(t, "", append([]string{"import", "--db", a, "--annotator", "ana", "--format", "labelstudio"}, files...)...)
	mustRun(t, "", append([]string{"import", "--db", b, "--annotator", "ben", "--format", "labelstudio"}, files...)...)
	st, err := storage.Open(b, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	infos, err := st.Documents()
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Load(infos[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	relabel, shorten := d.Annotations[1], d.Annotations[2]
	relabel.Label = "ORG"
	shorten.End--
	e := annotate.Edit{
		DeleteAnnotations: []string{d.Annotations[0].ID},
		PutAnnotations:    []annotate.Annotation{relabel, shorten},
	}
	if err := st.Apply(d.Document.ID, e); err != nil {
		t.Fatal(err)
	}
	return a, b
}

func TestAgree(t *testing.T) {
	dir := isolate(t)
	a, b := agreePair(t, dir)
	before := []string{fileState(t, a), fileState(t, b)}

	sideOf := func(path string) agree.Side {
		h, docs := loadProject(t, path)
		return agree.Side{Name: h.Annotator, Schema: h.Schema, Docs: docs}
	}
	r := agree.Compare(sideOf(a), sideOf(b))
	if r.Matched != 2 || r.Overall.A != 52 || r.Overall.B != 51 || r.Overall.Exact.F1() == 1 {
		t.Fatalf("the fixtures do not differ as meant: %+v", r)
	}
	wantJSON, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var wantTable bytes.Buffer
	if err := r.WriteTable(&wantTable); err != nil {
		t.Fatal(err)
	}

	aJSONL := filepath.Join(dir, "ana.jsonl")
	mustRun(t, "", "export", "--db", a, "--out", aJSONL)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"table", []string{"agree", a, b}, wantTable.String()},
		{"json", []string{"agree", "--json", a, b}, string(wantJSON)},
		{"json export", []string{"agree", aJSONL, b, "--json"}, string(wantJSON)},
		{"json export table", []string{"agree", aJSONL, b}, wantTable.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if stdout, _ := mustRun(t, "", tc.args...); stdout != tc.want {
				t.Errorf("got\n%s\nwant\n%s", stdout, tc.want)
			}
		})
	}
	if after := []string{fileState(t, a), fileState(t, b)}; !slices.Equal(after, before) {
		t.Errorf("agree changed its inputs: %q, want %q", after, before)
	}
}

// TestAgreeNames: sides are named after their annotators, or their files
// when those are missing or the same.
func TestAgreeNames(t *testing.T) {
	dir := isolate(t)
	a, _ := agreePair(t, dir)
	stdout, _ := mustRun(t, "", "agree", a, a)
	want := fmt.Sprintf("2 paired, 0 only in ana (%s), 0 only in ana (%s)", a, a)
	if !strings.Contains(stdout, want) {
		t.Errorf("got\n%s\nwant a line with %q", stdout, want)
	}
}

// mergeTrio makes three projects of one text, annotated by x (Alice, Bob,
// Paris), y (Alice, Bob) and z (Alice, Monday).
func mergeTrio(t *testing.T, dir string) []string {
	t.Helper()
	const text = "Alice met Bob in Paris on Monday."
	spans := map[string]annotate.Annotation{
		"Alice":  {Start: 0, End: 5, Label: "PERSON"},
		"Bob":    {Start: 10, End: 13, Label: "PERSON"},
		"Paris":  {Start: 17, End: 22, Label: "LOC"},
		"Monday": {Start: 26, End: 32, Label: "DATE"},
	}
	var paths []string
	for _, who := range []struct {
		name  string
		spans []string
	}{
		{"x", []string{"Alice", "Bob", "Paris"}},
		{"y", []string{"Alice", "Bob"}},
		{"z", []string{"Alice", "Monday"}},
	} {
		path := filepath.Join(dir, who.name+".spanmark")
		st, err := storage.Open(path, storage.Options{Create: true, Annotator: who.name})
		if err != nil {
			t.Fatal(err)
		}
		d := &annotate.DocumentData{Document: annotate.Document{Title: "Meeting", Text: text}}
		for _, s := range who.spans {
			a := spans[s]
			a.ID = annotate.NewID()
			d.Annotations = append(d.Annotations, a)
		}
		_, err = st.Import(formats.Seq([]*annotate.DocumentData{d}))
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

func TestMerge(t *testing.T) {
	dir := isolate(t)
	trio := mergeTrio(t, dir)
	tests := []struct {
		strategy string
		want     []string
	}{
		{"union", []string{"DATE \"Monday\"", "LOC \"Paris\"", "PERSON \"Alice\"", "PERSON \"Bob\""}},
		{"intersection", []string{"PERSON \"Alice\""}},
		{"majority", []string{"PERSON \"Alice\"", "PERSON \"Bob\""}},
	}
	for _, tc := range tests {
		t.Run(tc.strategy, func(t *testing.T) {
			out := filepath.Join(dir, tc.strategy+".spanmark")
			_, stderr := mustRun(t, "", append([]string{"merge", "--out", out, "--strategy", tc.strategy}, trio...)...)
			want := fmt.Sprintf("merged 3 files by %s into %s: 1 documents, %d annotations, 0 relations\n", tc.strategy, out, len(tc.want))
			if stderr != want {
				t.Errorf("stderr %q, want %q", stderr, want)
			}
			if got := labelTexts(t, out, false); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}

	t.Run("majority of two", func(t *testing.T) {
		out := filepath.Join(dir, "two.spanmark")
		code, _, stderr := spanmark(t, "", "merge", "--strategy", "majority", "--out", out, trio[0], trio[1])
		if _, err := os.Stat(out); code != exitUsage || !strings.Contains(stderr, "a majority needs at least three files") || err == nil {
			t.Errorf("got exit %d, stderr %q, project %v", code, stderr, err)
		}
	})
	t.Run("existing out", func(t *testing.T) {
		out := filepath.Join(dir, "union.spanmark")
		before := fileState(t, out)
		code, _, stderr := spanmark(t, "", "merge", "--strategy", "intersection", "--out", out, trio[0], trio[1])
		if code != exitError || !strings.Contains(stderr, "exists (--force replaces it)") || fileState(t, out) != before {
			t.Errorf("got exit %d, stderr %q; want the file kept", code, stderr)
		}
		mustRun(t, "", "merge", "--force", "--strategy", "intersection", "--out", out, trio[0], trio[1])
		if got, want := labelTexts(t, out, false), []string{"PERSON \"Alice\"", "PERSON \"Bob\""}; !slices.Equal(got, want) {
			t.Errorf("after --force: got %q, want %q", got, want)
		}
	})
	t.Run("out open elsewhere", func(t *testing.T) {
		out := filepath.Join(dir, "majority.spanmark")
		st, err := storage.Open(out, storage.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		code, _, stderr := spanmark(t, "", "merge", "--force", "--out", out, trio[0], trio[1])
		if code != exitError || !strings.Contains(stderr, annotate.ErrLocked.Error()) {
			t.Errorf("got exit %d, stderr %q", code, stderr)
		}
	})
	noTemporaryFiles(t, dir)
}

func TestGen(t *testing.T) {
	dir := isolate(t)
	out := filepath.Join(dir, "gen.spanmark")
	opts := synth.Options{Docs: 12, WordsPerDoc: 400, AnnotationsPerDoc: 30, Annotator: "gen", Seed: 5}
	var want []*annotate.DocumentData
	anns, rels := 0, 0
	for d, err := range synth.Documents(opts) {
		if err != nil {
			t.Fatal(err)
		}
		// The store orders annotations by start, then end.
		slices.SortStableFunc(d.Annotations, func(a, b annotate.Annotation) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.ID, b.ID))
		})
		want = append(want, d)
		anns += len(d.Annotations)
		rels += len(d.Relations)
	}
	_, stderr := mustRun(t, "", "gen", "--out", out, "--docs", "12", "--words-per-doc", "400",
		"--annotations-per-doc", "30", "--seed", "5", "--annotator", "gen")
	line := fmt.Sprintf("made %s: 12 documents, %d annotations, %d relations\n", out, anns, rels)
	if anns != 12*30 || !strings.HasPrefix(stderr, line) || !strings.Contains(stderr, " bytes per annotation, ") {
		t.Errorf("stderr %q, want it to start %q", stderr, line)
	}

	h, got := loadProject(t, out)
	if h.Annotator != "gen" || len(got) != len(want) {
		t.Fatalf("got annotator %q and %d documents, want gen and %d", h.Annotator, len(got), len(want))
	}
	for i := range want {
		if got[i].Document.ID != want[i].Document.ID || got[i].Document.Text != want[i].Document.Text ||
			!slices.EqualFunc(got[i].Annotations, want[i].Annotations, sameSpan) || len(got[i].Relations) != len(want[i].Relations) {
			t.Errorf("document %d differs from synth's", i)
		}
	}
	stats, _ := mustRun(t, "", "stats", "--db", out)
	for _, row := range [][]string{{"documents", "12"}, {"annotations", strconv.Itoa(anns)}, {"relations", strconv.Itoa(rels)}} {
		if !hasRow(stats, row) {
			t.Errorf("stats lacks %q:\n%s", row, stats)
		}
	}

	before := fileState(t, out)
	code, _, stderr := spanmark(t, "", "gen", "--out", out, "--docs", "1")
	if code != exitError || !strings.Contains(stderr, "exists (--force replaces it)") || fileState(t, out) != before {
		t.Errorf("gen over a project: got exit %d, stderr %q; want it refused", code, stderr)
	}
	mustRun(t, "", "gen", "--out", out, "--docs", "3", "--force")
	if _, docs := loadProject(t, out); len(docs) != 3 {
		t.Errorf("gen --force: got %d documents, want 3", len(docs))
	}
	noTemporaryFiles(t, dir)
}

// sameSpan reports whether two annotations mark the same span with the
// same label and id.
func sameSpan(a, b annotate.Annotation) bool {
	return a.ID == b.ID && a.Start == b.Start && a.End == b.End && a.Label == b.Label
}

func TestCompact(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "gen", "--out", db, "--docs", "20", "--words-per-doc", "2000", "--annotations-per-doc", "300")
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	infos, err := st.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range infos {
		d, err := st.Load(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		var e annotate.Edit
		for _, a := range d.Annotations[:len(d.Annotations)*9/10] {
			e.DeleteAnnotations = append(e.DeleteAnnotations, a.ID)
		}
		if err := st.Apply(in.ID, e); err != nil {
			t.Fatal(err)
		}
	}
	if infos, err = st.Documents(); err != nil {
		t.Fatal(err)
	}

	t.Run("open elsewhere", func(t *testing.T) {
		before := fileState(t, db)
		code, _, stderr := spanmark(t, "", "compact", "--db", db)
		if code != exitError || !strings.Contains(stderr, annotate.ErrLocked.Error()) || fileState(t, db) != before {
			t.Errorf("got exit %d, stderr %q; want the lock error and the file untouched", code, stderr)
		}
	})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, db)
	_, stderr := mustRun(t, "", "compact", "--db", db)
	after := fileSize(t, db)
	if after >= before/2 {
		t.Errorf("compact: %d bytes before, %d after; want less than half", before, after)
	}
	if want := fmt.Sprintf("compacted %s: %d bytes before, %d after", db, before, after); !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr %q, want it to start %q", stderr, want)
	}
	got, err := documentList(t, db)
	if err != nil || !reflect.DeepEqual(got, infos) {
		t.Errorf("after compact: got %+v, %v\nwant %+v", got, err, infos)
	}

	// A compacted project has nothing left to reclaim: the copy is no
	// smaller, and the project stays as it is.
	state := fileState(t, db)
	_, stderr = mustRun(t, "", "compact", "--db", db)
	if !strings.Contains(stderr, " has no space to reclaim: ") || fileState(t, db) != state {
		t.Errorf("compact again: stderr %q; want the project kept", stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "p.spanmark" && e.Name() != "home" && e.Name() != "data" {
			t.Errorf("compact left %s behind", e.Name())
		}
	}
}

// fileSize returns the size of the file at path.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// BenchmarkGen makes a project of 200 documents of 1,000 words and 100
// annotations each, as spanmark gen does, and reports the cost per
// annotation and the file size per annotation.
func BenchmarkGen(b *testing.B) {
	dir := b.TempDir()
	var size int64
	for i := 0; b.Loop(); i++ {
		out := filepath.Join(dir, fmt.Sprintf("gen%d.spanmark", i))
		var stdout, stderr bytes.Buffer
		if code := Run([]string{"gen", "--out", out, "--docs", "200", "--words-per-doc", "1000", "--annotations-per-doc", "100"},
			Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr}); code != exitOK {
			b.Fatalf("gen: exit %d: %s", code, stderr.String())
		}
		fi, err := os.Stat(out)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
		os.Remove(out)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*200*100), "ns/annotation")
	b.ReportMetric(float64(size)/(200*100), "bytes/annotation")
}

// TestFullDisk writes each command's output to a full disk: the command
// fails with the reason instead of saying nothing.
func TestFullDisk(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "import", "--db", db, filepath.Join(testdata, "article.txt"))
	export, _ := mustRun(t, "", "export", "--db", db)
	clean := filepath.Join(dir, "clean.json")
	os.WriteFile(clean, []byte(export), 0o644)
	for _, args := range [][]string{{"validate", clean}, {"export", "--db", db}, {"stats", "--db", db}, {"help"}} {
		var stderr strings.Builder
		code := Run(args, Env{Stdin: strings.NewReader(""), Stdout: full, Stderr: &stderr})
		if code != exitError || !strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("%v to a full disk: exit %d, stderr %q", args, code, stderr.String())
		}
	}
}
