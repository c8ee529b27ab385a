package formats

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"spanmark/annotate"
)

// spanmark_test.go may define -update too, and a flag defined twice
// panics; package variables are set before any init runs, so this defines
// it only when no variable has.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata/formats")
	}
}

// toolUpdate reports whether the tests should rewrite their golden files.
func toolUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// toolTime is when every fixture annotation was made.
var toolTime = time.Date(2025, 6, 18, 10, 0, 0, 0, time.UTC)

// toolGoldenDir holds the golden files of the tool formats.
var toolGoldenDir = filepath.Join("..", "..", "testdata", "formats")

// toolReadText reads a file of testdata/ as an import would store it.
func toolReadText(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	text, err := annotate.NormalizeText(name, b)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// toolFind returns the code point span of sub within ctx, which must occur
// exactly once in text; it counts with package utf8, not with the code
// under test.
func toolFind(t testing.TB, text, ctx, sub string) (int, int) {
	t.Helper()
	if n := strings.Count(text, ctx); n != 1 {
		t.Fatalf("%q occurs %d times in the text, want once", ctx, n)
	}
	if sub == "" {
		sub = ctx
	}
	in := strings.Index(ctx, sub)
	if in < 0 {
		t.Fatalf("%q is not in %q", sub, ctx)
	}
	b := strings.Index(text, ctx) + in
	start := utf8.RuneCountInString(text[:b])
	return start, start + utf8.RuneCountInString(sub)
}

// toolSpec is a fixture annotation: sub (or the whole ctx) within ctx.
type toolSpec struct {
	label, ctx, sub, note string
}

// toolDocument builds a fixture document whose annotation and relation
// ids are a and b, the last 12 digits of its id and a count. rels are
// pairs of indexes into specs.
func toolDocument(t testing.TB, id, text string, status annotate.Status, specs []toolSpec, rels [][2]int) *annotate.DocumentData {
	t.Helper()
	d := &annotate.DocumentData{Document: annotate.Document{
		ID: id, Title: annotate.TitleFromText(text, id), Text: text, SHA256: annotate.SHA256Hex(text),
		Status: status, Created: toolTime, Updated: toolTime,
	}}
	for i, sp := range specs {
		start, end := toolFind(t, text, sp.ctx, sp.sub)
		d.Annotations = append(d.Annotations, annotate.Annotation{
			ID: fmt.Sprintf("a%s%03x", id[4:], i+1), DocumentID: id, Start: start, End: end,
			Label: sp.label, Note: sp.note, Annotator: "ana", Created: toolTime, Updated: toolTime.Add(time.Minute),
		})
	}
	for i, r := range rels {
		d.Relations = append(d.Relations, annotate.Relation{
			ID: fmt.Sprintf("b%s%03x", id[4:], i+1), DocumentID: id, Type: annotate.RelationAttributedTo,
			From: d.Annotations[r[0]].ID, To: d.Annotations[r[1]].ID, Created: toolTime,
		})
	}
	if err := annotate.ValidateDocumentData(d, annotate.DefaultSchema()); err != nil {
		t.Fatal(err)
	}
	return d
}

// toolArticle is the seed article with entities, claims attributed to
// sources, spans right after a curly quote and an em dash, a claim across
// a paragraph break, notes, and an entity inside a longer one.
func toolArticle(t testing.TB) *annotate.DocumentData {
	text := toolReadText(t, "article.txt")
	claim2 := "Pyongyang acknowledged sending the troops for the first time in April.\n\n" +
		"Moscow and Pyongyang are planning to create memorials for the Korean soldiers who died while fighting for Russia"
	specs := []toolSpec{
		{"MISC", "North Korean leader Kim Jong Un (R) plans", "North Korean leader Kim Jong Un", ""},
		{"PERSON", "North Korean leader Kim Jong Un (R) plans", "Kim Jong Un", "Leader of North Korea since 2011"},
		{"QUANTITY", "to send 6,000 workers", "6,000 workers", ""},
		{"LOC", "rebuild the Kursk region of Russia after", "Kursk", ""},
		{"LOC", "rebuild the Kursk region of Russia after", "Russia", ""},
		{"ORG", "Russia’s Security Council Secretary Sergei Shoigu (L)", "Security Council", ""},
		{"PERSON", "Secretary Sergei Shoigu (L)", "Sergei Shoigu", ""},
		{"DATE", "Russian state media Tuesday. Photo", "Tuesday", ""},
		{"ORG", "Photo by KCNA/EPA-EFE", "KCNA", ""},
		{"LOC", "SEOUL, June 18 (UPI)", "SEOUL", ""},
		{"DATE", "SEOUL, June 18 (UPI)", "June 18", ""},
		{"ORG", "SEOUL, June 18 (UPI)", "UPI", ""},
		{"LOC", "(UPI) — North Korea will send", "North Korea", "right after an em dash"},
		{"CLAIM", "has decided to send 1,000 sappers to Russia to clear mines on Russian territory, " +
			"as well as 5,000 military construction workers to restore infrastructure destroyed by the occupiers", "", ""},
		{"SOURCE", "occupiers,” Shoigu said, according", "Shoigu", ""},
		{"ORG", "Russian state media TASS", "TASS", ""},
		{"ORG", "Russian news agency RIA Novosti", "RIA Novosti", ""},
		{"PERSON", "Russian President Vladimir Putin", "Vladimir Putin", ""},
		{"CLAIM", claim2, "", ""},
		{"SOURCE", "fighting for Russia, Shoigu said Tuesday", "Shoigu", ""},
		{"ORG", "Multilateral Sanctions Monitoring Team", "", ""},
		{"DATE", "first time in April.", "April", ""},
		{"QUANTITY", "as many as 9 million rounds", "9 million rounds", ""},
		{"ORG", "Seoul’s Foreign Ministry", "Foreign Ministry", ""},
		{"CLAIM", "We urge the North to stop such actions immediately", "", "right after a curly quote"},
		{"SOURCE", "the ministry said in a statement", "the ministry", ""},
	}
	d := toolDocument(t, "d000000000000001", text, annotate.StatusDone, specs, [][2]int{{13, 14}, {18, 19}, {24, 25}})
	d.Document.SourcePath = "testdata/article.txt"
	return d
}

// toolUnicode is testdata/unicode.txt with the annotations of
// testdata/unicode_annotations.json (emoji, ZWJ sequences, flags,
// combining marks, CJK, Hebrew, Arabic, a span across a line break), a
// relation and a note.
func toolUnicode(t testing.TB) *annotate.DocumentData {
	text := toolReadText(t, "unicode.txt")
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "unicode_annotations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spans []struct {
		Start, End  int
		Text, Label string
	}
	if err := json.Unmarshal(b, &spans); err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	var specs []toolSpec
	claim, source := -1, -1
	for i, sp := range spans {
		if got := string(runes[sp.Start:sp.End]); got != sp.Text {
			t.Fatalf("unicode_annotations.json: [%d,%d) is %q, want %q", sp.Start, sp.End, got, sp.Text)
		}
		// Give each span enough context to be found once.
		ctx := string(runes[max(sp.Start-12, 0):min(sp.End+12, len(runes))])
		note := ""
		if sp.Text == "Zoë Ndiaye" {
			note = "Zoë, with a combining diaeresis"
		}
		specs = append(specs, toolSpec{sp.Label, ctx, sp.Text, note})
		switch {
		case sp.Label == "CLAIM" && strings.HasPrefix(sp.Text, "“We"):
			claim = i
		case sp.Label == "SOURCE":
			source = i
		}
	}
	return toolDocument(t, "d000000000000002", text, annotate.StatusInProgress, specs, [][2]int{{claim, source}})
}

// toolFixtures returns the documents every format is tested on.
func toolFixtures(t testing.TB) []*annotate.DocumentData {
	t.Helper()
	return []*annotate.DocumentData{toolArticle(t), toolUnicode(t)}
}

// toolFixture is a fixture document with the name of its golden files.
type toolFixture struct {
	name string
	doc  *annotate.DocumentData
}

// toolNamed returns the fixtures by name.
func toolNamed(t testing.TB) []toolFixture {
	t.Helper()
	return []toolFixture{{"article", toolArticle(t)}, {"unicode", toolUnicode(t)}}
}

// toolSeq serves docs as an exporter takes them.
func toolSeq(docs ...*annotate.DocumentData) iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

// toolExportOptions returns the options of the golden exports, with the
// warnings collected in *warnings.
func toolExportOptions(warnings *[]string) ExportOptions {
	return ExportOptions{
		Schema:    annotate.DefaultSchema(),
		Annotator: "ana",
		Warn:      func(msg string) { *warnings = append(*warnings, msg) },
	}
}

// toolImportOptions returns import options whose ids count up.
func toolImportOptions() ImportOptions {
	n := 0
	return ImportOptions{
		Schema:    annotate.DefaultSchema(),
		Annotator: "importer",
		NewID: func() string {
			n++
			return fmt.Sprintf("%016x", 0xf000000000000000+uint64(n))
		},
	}
}

// toolGolden compares got with the golden file name in testdata/formats,
// or rewrites it with -update.
func toolGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(toolGoldenDir, name)
	if toolUpdate() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to make it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, toolClip(got))
	}
}

// toolClip shortens output for a failure message.
func toolClip(b []byte) string {
	if len(b) > 3000 {
		return string(b[:3000]) + "…"
	}
	return string(b)
}

// toolView is what a round trip through a format can keep of a document:
// its text, its spans with their labels and notes, and its relations by
// the spans they link.
type toolView struct {
	Text      string
	Spans     []string
	Relations []string
}

// toolViewOf returns the view of d; notes and relations only when the
// format carries them.
func toolViewOf(d *annotate.DocumentData, notes, relations bool) toolView {
	v := toolView{Text: d.Document.Text}
	runes := []rune(d.Document.Text)
	span := map[string]string{}
	for _, a := range d.Annotations {
		s := fmt.Sprintf("%s [%d,%d) %q", a.Label, a.Start, a.End, string(runes[a.Start:a.End]))
		if notes && a.Note != "" {
			s += " note " + a.Note
		}
		span[a.ID] = s
		v.Spans = append(v.Spans, s)
	}
	if relations {
		for _, r := range d.Relations {
			v.Relations = append(v.Relations, fmt.Sprintf("%s → %s %s", span[r.From], r.Type, span[r.To]))
		}
	}
	slices.Sort(v.Spans)
	slices.Sort(v.Relations)
	return v
}

// toolCompare checks that got keeps what the format can carry of want.
func toolCompare(t *testing.T, got, want []*annotate.DocumentData, notes, relations bool) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d documents, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := toolViewOf(got[i], notes, relations), toolViewOf(want[i], notes, relations)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("document %d:\ngot  %+v\nwant %+v", i+1, g, w)
		}
	}
}

// toolCheckValid checks that every document of an import is valid
// against the schema with the report's new labels, as Store.Import will
// check it, and that the report counts them.
func toolCheckValid(t testing.TB, docs []*annotate.DocumentData, rep Report, s annotate.Schema) {
	t.Helper()
	s.Labels = append(slices.Clone(s.Labels), rep.NewLabels...)
	s.Relations = append(slices.Clone(s.Relations), rep.NewRelations...)
	if err := s.Validate(); err != nil {
		t.Fatalf("schema with the new labels and relation types: %v", err)
	}
	anns, rels := 0, 0
	for _, d := range docs {
		if err := annotate.ValidateDocumentData(d, s); err != nil {
			t.Fatalf("imported document: %v", err)
		}
		anns += len(d.Annotations)
		rels += len(d.Relations)
	}
	if rep.Documents != len(docs) || rep.Annotations != anns || rep.Relations != rels {
		t.Fatalf("report counts %d documents, %d annotations, %d relations; got %d, %d, %d",
			rep.Documents, rep.Annotations, rep.Relations, len(docs), anns, rels)
	}
}

// toolExpected writes, for check_formats.py, each fixture document's text
// and its spans [start, end, label, text] in code points.
func toolExpected(t *testing.T, docs []*annotate.DocumentData) string {
	t.Helper()
	type doc struct {
		Text  string  `json:"text"`
		Spans [][]any `json:"spans"`
	}
	var out struct {
		Documents []doc `json:"documents"`
	}
	for _, d := range docs {
		runes := []rune(d.Document.Text)
		e := doc{Text: d.Document.Text}
		for _, a := range d.Annotations {
			e.Spans = append(e.Spans, []any{a.Start, a.End, a.Label, string(runes[a.Start:a.End])})
		}
		out.Documents = append(out.Documents, e)
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "expected.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// toolGoldenFiles lists the golden exports of each fixture by format.
var toolGoldenFiles = []struct{ format, suffix string }{
	{"spacy", ".spacy.jsonl"}, {"doccano", ".doccano.jsonl"}, {"doccano", ".doccano-relations.jsonl"},
	{"labelstudio", ".labelstudio.json"}, {"brat", ".brat"}, {"conll", ".conll"}, {"w3c", ".w3c.jsonld"},
}

// toolPython runs testdata/check_formats.py with the expected documents
// and pairs of format and path; it skips the test without python3.
func toolPython(t *testing.T, docs []*annotate.DocumentData, pairs ...string) (string, error) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH")
	}
	args := append([]string{filepath.Join("..", "..", "testdata", "check_formats.py"), toolExpected(t, docs)}, pairs...)
	out, err := exec.Command(python, args...).CombinedOutput()
	return string(out), err
}

// TestPythonSlicesExports runs testdata/check_formats.py on every golden
// export: Python's text[start:end] must give each annotation's text.
func TestPythonSlicesExports(t *testing.T) {
	for _, f := range toolNamed(t) {
		t.Run(f.name, func(t *testing.T) {
			var pairs []string
			for _, g := range toolGoldenFiles {
				pairs = append(pairs, g.format, filepath.Join(toolGoldenDir, f.name+g.suffix))
			}
			out, err := toolPython(t, []*annotate.DocumentData{f.doc}, pairs...)
			if err != nil {
				t.Fatalf("check_formats.py: %v\n%s", err, out)
			}
			for i := 1; i < len(pairs); i += 2 {
				if !strings.Contains(out, "ok: "+pairs[i]+": ") {
					t.Errorf("check_formats.py did not pass %s:\n%s", pairs[i], out)
				}
			}
		})
	}
}

// TestPythonCheckerFails makes sure check_formats.py can fail: spans
// moved by one code point must be reported.
func TestPythonCheckerFails(t *testing.T) {
	doc := toolUnicode(t)
	moved := *doc
	moved.Annotations = slices.Clone(doc.Annotations)
	for i := range moved.Annotations {
		moved.Annotations[i].Start++
		moved.Annotations[i].End++
	}
	var buf bytes.Buffer
	if err := ExportSpacy(&buf, toolSeq(&moved), ExportOptions{Schema: annotate.DefaultSchema()}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "moved.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := toolPython(t, []*annotate.DocumentData{doc}, "spacy", path)
	if err == nil || !strings.Contains(out, "was not exported") {
		t.Fatalf("check_formats.py passed a file with every span moved:\n%s", out)
	}
}

// TestRegistry checks that every format can be exported and imported by
// name, through files, and that the names match.
func TestRegistry(t *testing.T) {
	if !reflect.DeepEqual(slices.Sorted(maps.Keys(Exporters)), slices.Sorted(maps.Keys(Importers))) {
		t.Fatalf("exporters %v and importers %v differ", slices.Sorted(maps.Keys(Exporters)), slices.Sorted(maps.Keys(Importers)))
	}
	docs := toolFixtures(t)
	carries := map[string][2]bool{ // notes, relations
		"spacy": {false, false}, "doccano": {false, false}, "labelstudio": {true, true},
		"brat": {true, true}, "w3c": {true, true},
	}
	for _, name := range slices.Sorted(maps.Keys(Exporters)) {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "export."+name)
			if name == "brat" {
				path += ".zip"
			}
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			if err := Exporters[name](f, toolSeq(docs...), toolExportOptions(&warnings)); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			got, rep, err := Importers[name](path, toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, got, rep, annotate.DefaultSchema())
			if name == "conll" {
				if len(got) != len(docs) {
					t.Fatalf("got %d documents, want %d", len(got), len(docs))
				}
				return
			}
			c := carries[name]
			toolCompare(t, got, docs, c[0], c[1])
		})
	}
}

// TestImportersNameMissingFiles checks that a path that cannot be read
// is an error naming it.
func TestImportersNameMissingFiles(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.json")
	for name, imp := range Importers {
		t.Run(name, func(t *testing.T) {
			docs, _, err := imp(missing, toolImportOptions())
			if err == nil || !strings.Contains(err.Error(), missing) {
				t.Fatalf("got %v, want an error naming %s", err, missing)
			}
			if docs != nil {
				t.Errorf("got %d documents with the error", len(docs))
			}
		})
	}
}

// TestExportersStopAtIteratorError checks that an error from the
// documents' iterator ends every export with that error.
func TestExportersStopAtIteratorError(t *testing.T) {
	broken := func(yield func(*annotate.DocumentData, error) bool) {
		if yield(toolArticle(t), nil) {
			yield(nil, io.ErrUnexpectedEOF)
		}
	}
	for name, exp := range Exporters {
		t.Run(name, func(t *testing.T) {
			err := exp(io.Discard, broken, ExportOptions{Schema: annotate.DefaultSchema()})
			if err == nil || !strings.Contains(err.Error(), io.ErrUnexpectedEOF.Error()) {
				t.Fatalf("got %v, want the iterator's error", err)
			}
		})
	}
}

func TestKeepLongest(t *testing.T) {
	ann := func(id string, start, end int) annotate.Annotation {
		return annotate.Annotation{ID: id, Start: start, End: end, Label: "X"}
	}
	tests := []struct {
		name          string
		anns          []annotate.Annotation
		kept, dropped []string
	}{
		{"none", nil, nil, nil},
		{"apart", []annotate.Annotation{ann("a", 0, 3), ann("b", 3, 5)}, []string{"a", "b"}, nil},
		{"nested", []annotate.Annotation{ann("in", 2, 4), ann("out", 0, 10)}, []string{"out"}, []string{"in"}},
		{"crossing", []annotate.Annotation{ann("a", 0, 5), ann("b", 3, 10)}, []string{"b"}, []string{"a"}},
		{"tie keeps the earlier", []annotate.Annotation{ann("b", 3, 8), ann("a", 0, 5)}, []string{"a"}, []string{"b"}},
		{"chain", []annotate.Annotation{ann("a", 0, 4), ann("b", 3, 9), ann("c", 8, 12)}, []string{"b"}, []string{"a", "c"}},
		{"long between two", []annotate.Annotation{ann("a", 0, 2), ann("long", 1, 9), ann("c", 9, 11)}, []string{"long", "c"}, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, dropped := keepLongest(tt.anns)
			var gotKept, gotDropped []string
			for _, a := range kept {
				gotKept = append(gotKept, a.ID)
			}
			for _, d := range dropped {
				gotDropped = append(gotDropped, d.dropped.ID)
			}
			if !reflect.DeepEqual(gotKept, tt.kept) || !reflect.DeepEqual(gotDropped, tt.dropped) {
				t.Errorf("kept %v dropped %v, want kept %v dropped %v", gotKept, gotDropped, tt.kept, tt.dropped)
			}
		})
	}
}

func TestNewLabels(t *testing.T) {
	in := `{"text": "Ana met Bo in Oslo.", "label": [[0, 3, "PERSON"], [8, 10, "Named Entity"], [14, 18, "claim"], [0, 18, "Source"]]}`
	docs, rep, err := ImportDoccano(strings.NewReader(in), "new.jsonl", toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	toolCheckValid(t, docs, rep, annotate.DefaultSchema())
	var got []string
	for _, l := range rep.NewLabels {
		got = append(got, fmt.Sprintf("%s %s %s", l.Name, l.Kind, l.Color))
	}
	want := []string{"Named_Entity entity #8c564b", "claim claim #e377c2", "Source source #bcbd22"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("new labels %q, want %q", got, want)
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], `label "Named Entity" renamed "Named_Entity"`) {
		t.Errorf("notes %q, want one about the renamed label", rep.Notes)
	}
}

// TestNewRelations checks that relation types the schema lacks are added
// as labels are, with the kinds of their first relation's ends, rather
// than their relations left out (issue 9: brat's example-data lost all
// its relations).
func TestNewRelations(t *testing.T) {
	bratTxt := "Ana met Bo in Oslo. Bo said so."
	tests := []struct {
		name      string
		read      func() ([]*annotate.DocumentData, Report, error)
		want      []string // the new relation types, "name from→to"
		relations int
		notes     []string // what each note holds
	}{
		{"brat", func() ([]*annotate.DocumentData, Report, error) {
			return toolBrat(bratTxt, "T1\tPERSON 0 3\tAna\nT2\tPERSON 8 10\tBo\nT3\tLOC 14 18\tOslo\nT4\tCLAIM 28 30\tso\n"+
				"R1\tMet Arg1:T1 Arg2:T2\nR2\tIn Arg1:T1 Arg2:T3\nR3\tMet Arg1:T2 Arg2:T1\nR4\tCites Arg1:T4 Arg2:T2\n", toolImportOptions())
		}, []string{"Met entity→entity", "In entity→entity", "Cites claim→entity"}, 4, nil},
		{"doccano", func() ([]*annotate.DocumentData, Report, error) {
			in := `{"text": "Google was founded by Larry Page.", "entities": [{"id": 0, "start_offset": 0, "end_offset": 6, "label": "ORG"},` +
				` {"id": 1, "start_offset": 22, "end_offset": 32, "label": "PERSON"}], "relations": [{"from_id": 0, "to_id": 1, "type": "foundedBy"}]}`
			return ImportDoccano(strings.NewReader(in), "x.jsonl", toolImportOptions())
		}, []string{"foundedBy entity→entity"}, 1, nil},
		{"label studio", func() ([]*annotate.DocumentData, Report, error) {
			in := lsTaskJSON("Bo said so.", lsRegionJSON("a", 0, 2, "Bo", "SOURCE")+","+lsRegionJSON("b", 8, 10, "so", "CLAIM")+
				`,{"from_id": "b", "to_id": "a", "type": "relation", "direction": "right", "labels": ["quotes", "attributed_to"]}`)
			return ImportLabelStudio(strings.NewReader(in), "x.json", toolImportOptions())
		}, []string{"quotes claim→source"}, 2, nil},
		{"renamed, and ends of other kinds left out", func() ([]*annotate.DocumentData, Report, error) {
			return toolBrat(bratTxt, "T1\tPERSON 0 3\tAna\nT2\tPERSON 8 10\tBo\nT4\tCLAIM 28 30\tso\n"+
				"R1\tpart:of Arg1:T1 Arg2:T2\nR2\tpart_of Arg1:T4 Arg2:T2\n", toolImportOptions())
		}, []string{"part_of entity→entity"}, 1,
			[]string{`relation type "part:of" renamed "part_of"`, "R2: relation left out: part_of must start from kind entity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, docs, rep, annotate.DefaultSchema())
			var got []string
			for _, rt := range rep.NewRelations {
				got = append(got, fmt.Sprintf("%s %s→%s", rt.Name, rt.FromKind, rt.ToKind))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("new relation types %q, want %q", got, tt.want)
			}
			if rep.Relations != tt.relations {
				t.Errorf("%d relations, want %d; notes %q", rep.Relations, tt.relations, rep.Notes)
			}
			if len(rep.Notes) != len(tt.notes) {
				t.Fatalf("notes %q, want %d", rep.Notes, len(tt.notes))
			}
			for i, n := range tt.notes {
				if !strings.Contains(rep.Notes[i], n) {
					t.Errorf("note %q, want it to hold %q", rep.Notes[i], n)
				}
			}
		})
	}
}

func TestIDs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"spanmark", "0123456789abcdef", true},
		{"upper case", "0123456789ABCDEF", false},
		{"short", "0123", false},
		{"not hex", "0123456789abcdeg", false},
		{"label studio", "Dx_aB91ISN", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isSpanmarkID(tt.in); got != tt.want {
				t.Errorf("isSpanmarkID(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	ti := newToolImport("x", toolImportOptions())
	first := ti.id("0123456789abcdef")
	second := ti.id("0123456789abcdef")
	if first != "0123456789abcdef" || second == first {
		t.Errorf("ids %q, %q: want the first kept and the repeat replaced", first, second)
	}
}

// readGoldenSeed reads a golden file for a fuzz test's seed corpus.
func readGoldenSeed(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(toolGoldenDir, name))
}

// itoa formats n for expected output.
func itoa(n int) string {
	return fmt.Sprint(n)
}

// toolIDs returns the spans of d's annotations by id, for formats that
// keep annotation ids.
func toolIDs(d *annotate.DocumentData) map[string]string {
	ids := make(map[string]string, len(d.Annotations))
	for _, a := range d.Annotations {
		ids[a.ID] = fmt.Sprintf("%s [%d,%d)", a.Label, a.Start, a.End)
	}
	return ids
}

// toolSliced is a span as an export gives it: its document's text, its
// offsets and label, and its text as the export quotes it, if it does.
type toolSliced struct {
	text       string
	start, end int
	label      string
	quote      *string
}

// toolReadExport reads the spans of a golden export without the
// package's importers, so that a bug shared by an exporter and its
// importer cannot hide.
func toolReadExport(t *testing.T, format, path string) []toolSliced {
	t.Helper()
	var out []toolSliced
	num := func(v any) int { return int(v.(float64)) }
	quote := func(v any) *string { s := v.(string); return &s }
	switch format {
	case "spacy", "doccano":
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var rec map[string]any
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatal(err)
			}
			text := rec["text"].(string)
			var spans []any
			switch {
			case rec["spans"] != nil:
				spans = append(rec["spans"].(map[string]any)["sc"].([]any), rec["entities"].([]any)...)
			case rec["label"] != nil:
				spans = rec["label"].([]any)
			}
			for _, s := range spans {
				s := s.([]any)
				out = append(out, toolSliced{text, num(s[0]), num(s[1]), s[2].(string), nil})
			}
			if ents, ok := rec["entities"].([]any); ok && rec["spans"] == nil {
				for _, e := range ents {
					e := e.(map[string]any)
					out = append(out, toolSliced{text, num(e["start_offset"]), num(e["end_offset"]), e["label"].(string), nil})
				}
			}
		}
	case "labelstudio":
		var tasks []map[string]any
		toolReadJSON(t, path, &tasks)
		for _, task := range tasks {
			text := task["data"].(map[string]any)["text"].(string)
			for _, a := range task["annotations"].([]any) {
				for _, r := range a.(map[string]any)["result"].([]any) {
					r := r.(map[string]any)
					if r["type"] == "labels" {
						v := r["value"].(map[string]any)
						out = append(out, toolSliced{text, num(v["start"]), num(v["end"]), v["labels"].([]any)[0].(string), quote(v["text"])})
					}
				}
			}
		}
	case "w3c":
		var coll map[string]any
		toolReadJSON(t, path, &coll)
		var text string
		for _, it := range coll["first"].(map[string]any)["items"].([]any) {
			it := it.(map[string]any)
			if it["motivation"] != "tagging" {
				continue
			}
			target := it["target"].(map[string]any)
			if src, ok := target["source"].(map[string]any); ok {
				text = src["spanmark:text"].(string)
			}
			body, ok := it["body"].(map[string]any)
			if !ok {
				body = it["body"].([]any)[0].(map[string]any)
			}
			sels := target["selector"].([]any)
			q, pos := sels[0].(map[string]any), sels[1].(map[string]any)
			out = append(out, toolSliced{text, num(pos["start"]), num(pos["end"]), body["value"].(string), quote(q["exact"])})
		}
	case "brat":
		entries, err := os.ReadDir(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			stem, ok := strings.CutSuffix(e.Name(), ".txt")
			if !ok {
				continue
			}
			txt, err := os.ReadFile(filepath.Join(path, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			ann, err := os.ReadFile(filepath.Join(path, stem+".ann"))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(ann), "\n") {
				if !strings.HasPrefix(line, "T") {
					continue
				}
				f := strings.Split(line, "\t")
				label, offs, _ := strings.Cut(f[1], " ")
				var texts []string
				var first, last int
				for i, frag := range strings.Split(offs, ";") {
					var s, e int
					fmt.Sscanf(frag, "%d %d", &s, &e)
					if i == 0 {
						first = s
					}
					last = e
					texts = append(texts, string([]rune(string(txt))[s:e]))
				}
				if got := strings.Join(texts, " "); got != f[2] {
					t.Errorf("%s: fragments give %q, the line quotes %q", line, got, f[2])
				}
				whole := string([]rune(string(txt))[first:last])
				out = append(out, toolSliced{string(txt), first, last, label, &whole})
			}
		}
	default:
		t.Fatalf("no reader for %s", format)
	}
	return out
}

// toolReadJSON decodes a JSON file.
func toolReadJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

// TestGoSlicesExports checks every golden export with offsets: slicing
// the exported text by the exported code points gives the text the
// export quotes, and each span is one of the fixture's.
func TestGoSlicesExports(t *testing.T) {
	for _, f := range toolNamed(t) {
		want := map[string]bool{}
		runes := []rune(f.doc.Document.Text)
		for _, a := range f.doc.Annotations {
			want[fmt.Sprintf("%s [%d,%d) %q", a.Label, a.Start, a.End, string(runes[a.Start:a.End]))] = true
		}
		for _, g := range toolGoldenFiles {
			if g.format == "conll" {
				continue // no offsets; TestCoNLLRoundTrip checks its tags
			}
			t.Run(f.name+g.suffix, func(t *testing.T) {
				spans := toolReadExport(t, g.format, filepath.Join(toolGoldenDir, f.name+g.suffix))
				if len(spans) == 0 {
					t.Fatal("no spans")
				}
				for _, s := range spans {
					r := []rune(s.text)
					if s.start < 0 || s.end > len(r) || s.start >= s.end {
						t.Errorf("%s [%d,%d) is out of the text", s.label, s.start, s.end)
						continue
					}
					got := string(r[s.start:s.end])
					if s.quote != nil && got != *s.quote {
						t.Errorf("%s [%d,%d) is %q, the export quotes %q", s.label, s.start, s.end, got, *s.quote)
					}
					if key := fmt.Sprintf("%s [%d,%d) %q", s.label, s.start, s.end, got); !want[key] {
						t.Errorf("%s is not a fixture annotation", key)
					}
				}
			})
		}
	}
}

// toolBig returns the fixture article repeated to about 1 MB, with its
// annotations and relations repeated too.
func toolBig(b testing.TB) *annotate.DocumentData {
	a := toolArticle(b)
	n := 1<<20/len(a.Document.Text) + 1
	runes := utf8.RuneCountInString(a.Document.Text) + 2
	var text strings.Builder
	big := &annotate.DocumentData{Document: a.Document}
	for i := range n {
		text.WriteString(a.Document.Text)
		text.WriteString("\n\n")
		ids := map[string]string{}
		for j, ann := range a.Annotations {
			ids[ann.ID] = fmt.Sprintf("a%07x%08x", j, i)
			ann.ID = ids[ann.ID]
			ann.Start += i * runes
			ann.End += i * runes
			big.Annotations = append(big.Annotations, ann)
		}
		for j, r := range a.Relations {
			r.ID, r.From, r.To = fmt.Sprintf("b%07x%08x", j, i), ids[r.From], ids[r.To]
			big.Relations = append(big.Relations, r)
		}
	}
	big.Document.Text = text.String()
	big.Document.SHA256 = annotate.SHA256Hex(big.Document.Text)
	return big
}

func BenchmarkExport(b *testing.B) {
	d := toolBig(b)
	o := ExportOptions{Schema: annotate.DefaultSchema(), Annotator: "ana"}
	for _, name := range slices.Sorted(maps.Keys(Exporters)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(d.Document.Text)))
			for b.Loop() {
				if err := Exporters[name](io.Discard, toolSeq(d), o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkImport(b *testing.B) {
	d := toolBig(b)
	o := ExportOptions{Schema: annotate.DefaultSchema(), Annotator: "ana", Relations: true}
	importers := map[string]toolImporter{
		"spacy": ImportSpacy, "doccano": ImportDoccano, "labelstudio": ImportLabelStudio,
		"conll": ImportCoNLL, "w3c": ImportW3C,
		"brat": func(r io.Reader, name string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
			data, err := io.ReadAll(r)
			if err != nil {
				return nil, Report{}, err
			}
			z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return nil, Report{}, err
			}
			return ImportBrat(z, name, o)
		},
	}
	for _, name := range slices.Sorted(maps.Keys(importers)) {
		b.Run(name, func(b *testing.B) {
			var buf bytes.Buffer
			if err := Exporters[name](&buf, toolSeq(d), o); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(d.Document.Text)))
			for b.Loop() {
				if _, _, err := importers[name](bytes.NewReader(buf.Bytes()), name, toolImportOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// toolImported is what a test expects of an import of one document: its
// spans as toolViewOf writes them, and the counts of its relations and
// of the report's repairs, unconfirmed spans and notes.
type toolImported struct {
	spans                                   []string
	relations, repaired, unconfirmed, notes int
}

// toolCheckImport checks that an import gave valid documents and that
// the first one and the report are as want says; notes shows the
// annotations' notes in the spans.
func toolCheckImport(t *testing.T, docs []*annotate.DocumentData, rep Report, notes bool, want toolImported) {
	t.Helper()
	toolCheckValid(t, docs, rep, annotate.DefaultSchema())
	if got := toolViewOf(docs[0], notes, false).Spans; !reflect.DeepEqual(got, want.spans) {
		t.Errorf("spans %q, want %q", got, want.spans)
	}
	if len(docs[0].Relations) != want.relations || rep.Repaired != want.repaired ||
		len(rep.Unconfirmed) != want.unconfirmed || len(rep.Notes) != want.notes {
		t.Errorf("%d relations, %d repaired, unconfirmed %q, notes %q; want %d, %d, %d, %d",
			len(docs[0].Relations), rep.Repaired, rep.Unconfirmed, rep.Notes,
			want.relations, want.repaired, want.unconfirmed, want.notes)
	}
}

// TestOverlapDroppingGoldens compares the exports of the formats that
// cannot hold overlapping entities with their golden files, and checks
// that each drop is reported.
func TestOverlapDroppingGoldens(t *testing.T) {
	for _, format := range []struct {
		ext    string
		export ExportFunc
	}{
		{".spacy.jsonl", ExportSpacy},
		{".conll", ExportCoNLL},
	} {
		for _, f := range toolNamed(t) {
			t.Run(f.name+format.ext, func(t *testing.T) {
				out, warnings := toolExport(t, format.export, f.doc)
				toolGolden(t, f.name+format.ext, out)
				want := 0
				if f.name == "article" {
					want = 1 // Kim Jong Un inside "North Korean leader Kim Jong Un"
				}
				if len(warnings) != want {
					t.Errorf("warnings %q, want %d", warnings, want)
				}
			})
		}
	}
}
