package cli

import (
	"bytes"
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
	"spanmark/annotate/annotatetest"
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

// testdata is the project's folder of fixtures.
var testdata = filepath.Join("..", "..", "testdata")

// annotateProject adds annotations and a relation to every document of
// the project at path, the way the app would.
func annotateProject(t *testing.T, path string) {
	t.Helper()
	st, infos := openDocuments(t, path, storage.Options{})
	defer st.Close()
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
	annotatetest.WriteFiles(t, dir, map[string]string{
		"texts/article.txt":     string(annotatetest.Read(t, "article.txt")),
		"texts/sub/unicode.txt": string(annotatetest.Read(t, "unicode.txt")),
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
		{"zip-limit without brat", []string{"import", "--format", "conll", "--zip-limit", "10", "x"}, "spanmark import: --zip-limit is for --format brat"},
		{"zip-limit without format", []string{"import", "--zip-limit", "10", "x.json"}, "spanmark import: --zip-limit is for --format brat"},
		{"agree one file", []string{"agree", "a.spanmark"}, "spanmark agree: want two files or more; got 1"},
		{"merge one file", []string{"merge", "--out", "m.spanmark", "a.spanmark"}, "spanmark merge: want at least two files to merge; got 1"},
		{"merge without out", []string{"merge", "a.spanmark", "b.spanmark"}, "spanmark merge: --out is required"},
		{"unknown strategy", []string{"merge", "--strategy", "vote", "--out", "m.spanmark", "a", "b"}, `spanmark merge: --strategy "vote": want union, intersection or majority`},
		{"gen without out", []string{"gen", "--docs", "3"}, "spanmark gen: --out is required"},
		{"gen without documents", []string{"gen", "--out", "g.spanmark", "--docs", "0"}, "spanmark gen: --docs and --words-per-doc must be at least 1"},
		{"compact argument", []string{"compact", "p.spanmark"}, `spanmark compact: unexpected "p.spanmark"`},
		{"progress without folder", []string{"progress"}, "spanmark progress: want one DIR; got 0"},
		{"version argument", []string{"version", "x"}, `spanmark version: unexpected "x"`},
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

// hasRow reports whether table has a line whose fields are row.
func hasRow(table string, row []string) bool {
	for line := range strings.Lines(table) {
		if slices.Equal(strings.Fields(line), row) {
			return true
		}
	}
	return false
}

// openDocuments opens the project at path with opts and lists its
// documents; the caller closes it.
func openDocuments(t *testing.T, path string, opts storage.Options) (*storage.Store, []annotate.DocumentInfo) {
	t.Helper()
	st, err := storage.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	infos, err := st.Documents()
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	return st, infos
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
	spans := annotatetest.UnicodeSpans(t)
	for _, sp := range articleSpans {
		spans = append(spans, annotatetest.Span{Label: sp[0], Text: sp[1]})
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

// sameSpan reports whether two annotations mark the same span with the
// same label and id.
func sameSpan(a, b annotate.Annotation) bool {
	return a.ID == b.ID && a.Start == b.Start && a.End == b.End && a.Label == b.Label
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
