package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/mock"
)

// exportedAt has nanoseconds, so that the round trip shows none are lost.
var exportedAt = time.Date(2025, 6, 18, 9, 30, 0, 123456789, time.UTC)

// fixtureText returns a file of the repository's testdata/ as an import
// would store it.
func fixtureText(t testing.TB, name string) string {
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

// spanOf returns the code-point span of the nth (from 0) occurrence of sub
// in text.
func spanOf(t testing.TB, text, sub string, nth int) (int, int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q: occurrence %d not in the text", sub, nth)
		}
		if i == nth {
			start := annotate.RuneLen(text[:off+j])
			return start, start + annotate.RuneLen(sub)
		}
		off += j + len(sub)
	}
}

// builder makes a document with annotations found by their text.
type builder struct {
	t    testing.TB
	d    *annotate.DocumentData
	when time.Time
}

func newBuilder(t testing.TB, id, title, text string, status annotate.Status) *builder {
	when := time.Date(2025, 6, 17, 8, 0, 0, 5000, time.UTC)
	return &builder{t: t, when: when, d: &annotate.DocumentData{Document: annotate.Document{
		ID: id, Title: title, Text: text, SHA256: annotate.SHA256Hex(text), Status: status,
		SourcePath: "in/" + id + ".txt", Created: when, Updated: when.Add(time.Hour),
	}}}
}

// span annotates the nth occurrence of sub and returns the annotation's id.
func (b *builder) span(id, sub string, nth int, label, note string) string {
	start, end := spanOf(b.t, b.d.Document.Text, sub, nth)
	b.spanAt(id, start, end, label, note)
	return id
}

func (b *builder) spanAt(id string, start, end int, label, note string) {
	b.d.Annotations = append(b.d.Annotations, annotate.Annotation{
		ID: id, DocumentID: b.d.Document.ID, Start: start, End: end, Label: label, Note: note,
		Annotator: "Ana", Created: b.when.Add(time.Duration(start) * time.Second),
		Updated: b.when.Add(time.Duration(end) * time.Millisecond),
	})
}

func (b *builder) relate(id, from, to string) {
	b.d.Relations = append(b.d.Relations, annotate.Relation{
		ID: id, DocumentID: b.d.Document.ID, Type: annotate.RelationAttributedTo, From: from, To: to,
	})
}

// testDocuments returns the sample article and the unicode fixture with
// annotations that start right after a curly quote, an em dash and an
// emoji, and with relations.
func testDocuments(t testing.TB) []*annotate.DocumentData {
	t.Helper()
	a := newBuilder(t, "d-article", "Kursk", fixtureText(t, "article.txt"), annotate.StatusDone)
	a.span("a-kim", "Kim Jong Un", 0, "PERSON", "")
	a.span("a-after-quote", "s incursion", 0, "MISC", "starts right after ’")
	a.span("a-after-dash", " North Korea", 1, "LOC", "starts right after —")
	claim := a.span("a-claim", "North Korea will send 6,000 military workers", 0, "CLAIM", "")
	src := a.span("a-source", "Moscow’s top security official", 0, "SOURCE", `<"quoted"> & more`)
	a.relate("r-article", claim, src)

	u := newBuilder(t, "d-unicode", "Orbita", fixtureText(t, "unicode.txt"), annotate.StatusInProgress)
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "unicode_annotations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spans []struct {
		Start, End int
		Label      string
	}
	if err := json.Unmarshal(b, &spans); err != nil {
		t.Fatal(err)
	}
	for i, s := range spans {
		u.spanAt(fmt.Sprintf("u%02d", i), s.Start, s.End, s.Label, "")
	}
	u.span("u-after-emoji", "Orbita-2", 0, "ORG", "right after 🚀")
	claim = u.span("u-claim", "“We are ready,”", 0, "CLAIM", "")
	src = u.span("u-source", "Ndiaye", 1, "SOURCE", "")
	u.relate("r-unicode", claim, src)
	return []*annotate.DocumentData{a.d, u.d}
}

// eachOf serves docs as annotate.Store.Each would.
func eachOf(docs []*annotate.DocumentData) EachFunc {
	return func(fn func(*annotate.DocumentData) error) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
}

var writers = []struct {
	name  string
	write func(io.Writer, Header, EachFunc) error
}{
	{"export.json", WriteJSON},
	{"export.jsonl", WriteJSONL},
}

// TestJSONLEveryLineADocument checks that every line of a JSONL export
// is a document with its annotations, and that an import of such a file,
// which gives no schema, learns the labels and relation types the
// project's schema has beyond the default one, with their kinds, when the
// file can be read twice.
func TestJSONLEveryLineADocument(t *testing.T) {
	schema := annotate.DefaultSchema()
	schema.Labels = append(schema.Labels,
		annotate.Label{Name: "WEAPON", Kind: annotate.KindEntity, Color: "#000000"},
		annotate.Label{Name: "QUOTE", Kind: annotate.KindClaim, Color: "#111111"})
	schema.Relations = append(schema.Relations, annotate.RelationType{Name: "quotes", FromKind: annotate.KindClaim, ToKind: annotate.KindSource})
	text := "Bo said: rockets work."
	doc := func(id string) *annotate.DocumentData {
		return &annotate.DocumentData{
			Document: annotate.Document{ID: id, Title: "t", Text: text, SHA256: annotate.SHA256Hex(text), Status: annotate.StatusTodo},
			Annotations: []annotate.Annotation{
				{ID: id + "s", DocumentID: id, Start: 0, End: 2, Label: "SOURCE", Annotator: "ann"},
				{ID: id + "q", DocumentID: id, Start: 9, End: 21, Label: "QUOTE", Annotator: "ann"},
				{ID: id + "w", DocumentID: id, Start: 9, End: 16, Label: "WEAPON", Annotator: "ann"},
			},
			Relations: []annotate.Relation{{ID: id + "r", DocumentID: id, Type: "quotes", From: id + "q", To: id + "s"}},
		}
	}
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, Header{Annotator: "ann", Schema: schema}, eachOf([]*annotate.DocumentData{doc("d1"), doc("d2")})); err != nil {
		t.Fatal(err)
	}
	for n, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		var doc struct {
			Annotations []json.RawMessage `json:"annotations"`
		}
		if err := json.Unmarshal([]byte(line), &doc); err != nil || len(doc.Annotations) != 3 {
			t.Errorf("line %d: %d annotations (%v), want 3: %s", n+1, len(doc.Annotations), err, line)
		}
	}
	path := filepath.Join(t.TempDir(), "x.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := OpenPath(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	got := in.Header().Schema
	for _, want := range []string{"WEAPON", "QUOTE"} {
		wl, _ := schema.Label(want)
		if l, ok := got.Label(want); !ok || l.Kind != wl.Kind {
			t.Errorf("label %s: %+v, %v; want kind %s", want, l, ok, wl.Kind)
		}
	}
	if rt, ok := got.RelationType("quotes"); !ok || rt != schema.Relations[1] {
		t.Errorf("relation type quotes: %+v, %v; want %+v", rt, ok, schema.Relations[1])
	}
	n := 0
	for doc, err := range in.Documents() {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if len(doc.Annotations) != 3 || len(doc.Relations) != 1 {
			t.Errorf("document %d: %d annotations, %d relations; want 3 and 1", n, len(doc.Annotations), len(doc.Relations))
		}
	}
	if n != 2 || in.Header().Annotator != "ann" {
		t.Errorf("%d documents by %q, want 2 by ann", n, in.Header().Annotator)
	}
}

// readAll reads every document of a spanmark file.
func readAll(t testing.TB, b []byte, name string) (Header, []*annotate.DocumentData) {
	t.Helper()
	rd, err := ReadSpanmark(bytes.NewReader(b), name)
	if err != nil {
		t.Fatalf("ReadSpanmark: %v", err)
	}
	var docs []*annotate.DocumentData
	for d, err := range rd.Documents() {
		if err != nil {
			t.Fatalf("Documents: %v", err)
		}
		docs = append(docs, d)
	}
	return rd.Header(), docs
}

func TestRoundTrip(t *testing.T) {
	docs := testDocuments(t)
	h := Header{Annotator: "Ana Ruiz", ExportedAt: exportedAt, Schema: annotate.DefaultSchema()}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			var first bytes.Buffer
			if err := w.write(&first, h, eachOf(docs)); err != nil {
				t.Fatal(err)
			}
			gotHeader, got := readAll(t, first.Bytes(), w.name)
			want := h
			if w.name == "export.jsonl" {
				want.ExportedAt = time.Time{} // JSONL lines are documents alone
			}
			if !reflect.DeepEqual(gotHeader, want) {
				t.Errorf("header: got %+v, want %+v", gotHeader, h)
			}
			if !reflect.DeepEqual(got, docs) {
				for i := range min(len(got), len(docs)) {
					if !reflect.DeepEqual(got[i], docs[i]) {
						t.Errorf("document %d:\ngot  %+v\nwant %+v", i, got[i], docs[i])
					}
				}
				t.Fatalf("got %d documents, want %d", len(got), len(docs))
			}
			var second bytes.Buffer
			if err := w.write(&second, gotHeader, eachOf(got)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("write → read → write changed the bytes:\nfirst  %s\nsecond %s", first.Bytes(), second.Bytes())
			}
		})
	}
}

// TestWriteShape pins the exact bytes of both formats: member names and
// order, one document a line, no HTML escaping, empty arrays not null.
func TestWriteShape(t *testing.T) {
	text := "“Kursk is ours,” said Shoigu 🚀 <on> Tuesday."
	sha := annotate.SHA256Hex(text)
	d := &annotate.DocumentData{
		Document: annotate.Document{ID: "d1", Title: "Kursk", Text: text},
		Annotations: []annotate.Annotation{
			{ID: "a1", Start: 1, End: 6, Label: "LOC", Annotator: "ann",
				Created: time.Date(2025, 6, 18, 10, 0, 0, 0, time.FixedZone("CEST", 7200))},
		},
	}
	schema := annotate.Schema{
		Labels:    []annotate.Label{{Name: "LOC", Kind: annotate.KindEntity, Color: "#31a354", Key: "l"}},
		Relations: []annotate.RelationType{{Name: "attributed_to", FromKind: annotate.KindClaim, ToKind: annotate.KindSource}},
	}
	h := Header{Annotator: "ann", ExportedAt: exportedAt, Schema: schema}
	header := `{"format":"spanmark","version":1,"annotator":"ann","exported_at":"2025-06-18T09:30:00.123456789Z",` +
		`"schema":{"labels":[{"name":"LOC","kind":"entity","color":"#31a354","key":"l"}],` +
		`"relations":[{"name":"attributed_to","from_kind":"claim","to_kind":"source"}]}`
	doc := `"id":"d1","title":"Kursk","text":"“Kursk is ours,” said Shoigu 🚀 <on> Tuesday.","sha256":"` + sha + `",` +
		`"status":"todo","source_path":"","created_at":"","updated_at":"",` +
		`"annotations":[{"id":"a1","start":1,"end":6,"text":"Kursk","label":"LOC","kind":"entity","note":"",` +
		`"annotator":"ann","created_at":"2025-06-18T08:00:00Z","updated_at":""}],"relations":[]}`
	tests := []struct {
		name  string
		write func(io.Writer, Header, EachFunc) error
		docs  []*annotate.DocumentData
		want  string
	}{
		{"json", WriteJSON, []*annotate.DocumentData{d}, header + `,"documents":[` + "\n{" + doc + "\n]}\n"},
		{"json two", WriteJSON, []*annotate.DocumentData{d, d}, header + `,"documents":[` + "\n{" + doc + ",\n{" + doc + "\n]}\n"},
		{"json empty", WriteJSON, nil, header + `,"documents":[` + "\n]}\n"},
		{"jsonl", WriteJSONL, []*annotate.DocumentData{d}, `{"annotator":"ann",` + doc + "\n"},
		{"jsonl empty", WriteJSONL, nil, ""},
		{"schema", func(w io.Writer, h Header, _ EachFunc) error { return WriteSchema(w, h) }, nil, header + `,"documents":[` + "\n]}\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf, h, eachOf(tc.docs)); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestWriteRefusesWhatCannotBeReadBack(t *testing.T) {
	text := "Kursk"
	tests := []struct {
		name string
		ann  annotate.Annotation
		want string
	}{
		{"beyond the text", annotate.Annotation{ID: "a1", Start: 2, End: 9, Label: "LOC"}, "document d1: annotation a1: end 9 beyond text length 5"},
		{"label not in schema", annotate.Annotation{ID: "a1", Start: 0, End: 5, Label: "PLACE"}, `document d1: annotation a1: label "PLACE" is not in the schema`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &annotate.DocumentData{
				Document:    annotate.Document{ID: "d1", Text: text},
				Annotations: []annotate.Annotation{tc.ann},
			}
			for _, w := range writers {
				err := w.write(io.Discard, Header{Schema: annotate.DefaultSchema()}, eachOf([]*annotate.DocumentData{d}))
				if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, annotate.ErrInvalid) {
					t.Errorf("%s: got %v, want an ErrInvalid containing %q", w.name, err, tc.want)
				}
			}
		})
	}
}

// The documents of the read tests: text is
// "“Kursk is ours,” said Shoigu 🚀 on Tuesday." (42 code points).
const (
	okHeader = `{"format":"spanmark","version":1,"annotator":"ann","exported_at":"2025-06-18T09:30:00Z","documents":[`
	okDoc    = `{"id":"d1","title":"Kursk","text":"“Kursk is ours,” said Shoigu 🚀 on Tuesday.","sha256":"",` +
		`"status":"done","created_at":"2025-06-18T09:30:00Z","annotations":[` +
		`{"id":"c1","start":0,"end":16,"text":"“Kursk is ours,”","label":"CLAIM","kind":"claim"},` +
		`{"id":"a1","start":1,"end":6,"text":"Kursk","label":"LOC","kind":"entity","updated_at":"2025-06-18T09:30:00.5Z"},` +
		`{"id":"s1","start":22,"end":28,"text":"Shoigu","label":"SOURCE","kind":"source"},` +
		`{"id":"e1","start":29,"end":30,"text":"🚀","label":"MISC","kind":"entity"}],` +
		`"relations":[{"id":"r1","type":"attributed_to","from":"c1","to":"s1"}]}`
	okJSONLHeader = `{"format":"spanmark","version":1,"annotator":"ann","exported_at":""}`
)

// jsonOf returns a JSON file of docs.
func jsonOf(docs ...string) string {
	return okHeader + "\n" + strings.Join(docs, ",\n") + "\n]}\n"
}

// edit returns okDoc with old replaced by new, which must be there.
func edit(old, new string) string {
	if !strings.Contains(okDoc, old) {
		panic("edit: " + old + " not in okDoc")
	}
	return strings.Replace(okDoc, old, new, 1)
}

func TestReadValid(t *testing.T) {
	tests := []struct {
		name, file, input string
		docs, anns        int
	}{
		{"json", "x.json", jsonOf(okDoc, edit(`"d1"`, `"d2"`)), 2, 8},
		{"jsonl", "x.jsonl", okJSONLHeader + "\n" + okDoc + "\n\n" + edit(`"d1"`, `"d2"`), 2, 8},
		{"jsonl without header", "x.jsonl", okDoc + "\r\n" + edit(`"d1"`, `"d2"`) + "\r\n", 2, 8},
		{"sniffed json", "stdin", jsonOf(okDoc), 1, 4},
		{"sniffed json on one line", "stdin", strings.ReplaceAll(jsonOf(okDoc), "\n", ""), 1, 4},
		{"sniffed jsonl", "stdin", okJSONLHeader + "\n" + okDoc + "\n", 1, 4},
		{"sniffed jsonl without header", "", okDoc, 1, 4},
		{"byte order mark", "x.json", "\uFEFF" + jsonOf(okDoc), 1, 4},
		{"pretty", "x.json", "{\n  \"format\": \"spanmark\",\n  \"version\": 1,\n  \"documents\": [\n    " + okDoc + "\n  ]\n}\n", 1, 4},
		{"members after documents", "x.json", strings.TrimSuffix(jsonOf(okDoc), "}\n") + `,"extra":[1,2]}`, 1, 4},
		{"unknown members", "x.json", strings.Replace(jsonOf(edit(`"status"`, `"colour":{"a":1},"status"`)), `"version"`, `"tool":"x","version"`, 1), 1, 4},
		{"no documents", "x.json", okHeader + "]}", 0, 0},
		{"empty jsonl", "x.jsonl", "", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum, problems := Check(strings.NewReader(tc.input), tc.file)
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			if sum.Documents != tc.docs || sum.Annotations != tc.anns {
				t.Errorf("got %d documents, %d annotations; want %d, %d", sum.Documents, sum.Annotations, tc.docs, tc.anns)
			}
		})
	}
}

// TestReadDocument checks what a read document holds, including the
// members a file may leave out.
func TestReadDocument(t *testing.T) {
	input := jsonOf(okDoc, `{"text":"Only a text\r\nwith CRLF.","annotations":[],"relations":[]}`)
	h, docs := readAll(t, []byte(input), "x.json")
	if h.Annotator != "ann" || !h.ExportedAt.Equal(time.Date(2025, 6, 18, 9, 30, 0, 0, time.UTC)) ||
		!reflect.DeepEqual(h.Schema, annotate.DefaultSchema()) {
		t.Errorf("header: got %+v", h)
	}
	text := "“Kursk is ours,” said Shoigu 🚀 on Tuesday."
	when := time.Date(2025, 6, 18, 9, 30, 0, 0, time.UTC)
	want := []*annotate.DocumentData{
		{
			Document: annotate.Document{ID: "d1", Title: "Kursk", Text: text, SHA256: annotate.SHA256Hex(text),
				Status: annotate.StatusDone, Created: when},
			Annotations: []annotate.Annotation{
				{ID: "c1", DocumentID: "d1", Start: 0, End: 16, Label: "CLAIM"},
				{ID: "a1", DocumentID: "d1", Start: 1, End: 6, Label: "LOC", Updated: when.Add(500 * time.Millisecond)},
				{ID: "s1", DocumentID: "d1", Start: 22, End: 28, Label: "SOURCE"},
				{ID: "e1", DocumentID: "d1", Start: 29, End: 30, Label: "MISC"},
			},
			Relations: []annotate.Relation{{ID: "r1", DocumentID: "d1", Type: "attributed_to", From: "c1", To: "s1"}},
		},
		{
			// The text stays exactly as given, CRLF and all.
			Document: annotate.Document{Title: "Only a text", Text: "Only a text\r\nwith CRLF.",
				SHA256: annotate.SHA256Hex("Only a text\r\nwith CRLF."), Status: annotate.StatusTodo},
			Annotations: []annotate.Annotation{},
			Relations:   []annotate.Relation{},
		},
	}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("got\n%+v\n%+v\nwant\n%+v\n%+v", docs[0], docs[1], want[0], want[1])
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, input string
		want              string // the message, place first, or its start where annotate words the rest
		is                error
	}{
		{"not an object", "x.json", `[1]`,
			`x.json:1:1: found "[" where a spanmark file starts with {`, annotate.ErrInvalid},
		{"empty json", "x.json", "",
			`x.json:1:1: JSON ends too early`, annotate.ErrInvalid},
		{"bad format", "x.json", `{"format":"doccano","version":1,"documents":[]}`,
			`x.json: not a spanmark file: format is "doccano", want "spanmark"`, annotate.ErrInvalid},
		{"no format", "x.json", `{"version":1,"documents":[]}`,
			`x.json: not a spanmark file: no "format" before "documents"`, annotate.ErrInvalid},
		{"newer version", "x.json", `{"format":"spanmark","version":2,"documents":[]}`,
			`x.json: format version 2, newer than version 1 that this Spanmark reads: written by a newer Spanmark`, annotate.ErrNewerVersion},
		{"no version", "x.json", `{"format":"spanmark","documents":[]}`,
			`x.json: format version 0: want 1`, annotate.ErrInvalid},
		{"no documents", "x.json", `{"format":"spanmark","version":1}`,
			`x.json: no "documents" array`, annotate.ErrInvalid},
		{"documents not an array", "x.json", `{"format":"spanmark","version":1,"documents":{}}`,
			`x.json:1:46: found "{" where "documents" is an array`, annotate.ErrInvalid},
		{"bad schema", "x.json", `{"format":"spanmark","version":1,"schema":{"labels":[{"name":"LOC","kind":"place","color":"#000000"}],"relations":[]},"documents":[]}`,
			`x.json: schema: label "LOC": unknown kind "place"`, annotate.ErrInvalid},
		{"header after documents", "x.json", `{"format":"spanmark","version":1,"documents":[],` + "\n" + `"schema":null}`,
			`x.json:2:1: "schema" comes after "documents"; it must come before`, annotate.ErrInvalid},
		{"data after the end", "x.json", jsonOf(okDoc) + "{}",
			`x.json:4:1: data after the end of the JSON object`, annotate.ErrInvalid},
		{"syntax error", "x.json", okHeader + "\n" + `{"id":"d1" "title":"x"}` + "\n]}",
			`x.json:2:12: JSON syntax error: invalid character '"' after object key:value pair`, annotate.ErrInvalid},
		{"syntax error in sniffed json", "stdin", okHeader + "\n" + `{"id":"d1" "title":"x"}` + "\n]}",
			`stdin:2:12: JSON syntax error: invalid character '"' after object key:value pair`, annotate.ErrInvalid},
		{"sniffed jsonl line number", "stdin", okJSONLHeader + "\n" + okDoc + "\n" + edit(`"label":"LOC"`, `"label":"PLACE"`),
			`stdin:3 (id d1): annotation a1: label "PLACE" is not in the schema`, annotate.ErrInvalid},
		{"syntax error deep in a document", "x.json", jsonOf(okDoc, edit(`"end":6,`, `"end":6,,`)),
			`x.json:3:287: JSON syntax error: invalid character ',' looking for beginning of object key string`, annotate.ErrInvalid},
		{"syntax error in the header", "x.json", "{\"format\":\"spanmark\",\n\"version\":1,\n\"annotator\":\"a\\q\",\"documents\":[]}",
			`x.json:3:16: JSON syntax error: invalid character 'q' in string escape code`, annotate.ErrInvalid},
		{"missing comma", "x.json", okHeader + "\n" + okDoc + "\n" + edit(`"d1"`, `"d2"`) + "]}",
			`x.json:3:1: JSON syntax error: expected comma after array element`, annotate.ErrInvalid},
		{"truncated", "x.json", okHeader + "\n" + okDoc,
			`x.json:2:601: JSON ends too early`, annotate.ErrInvalid},
		{"wrong type", "x.json", jsonOf(edit(`"start":1,`, `"start":"1",`)),
			`x.json: document 1 (id d1): annotations.start: want an integer, found JSON string`, annotate.ErrInvalid},
		{"wrong type in JSON Lines", "x.jsonl", edit(`"start":1,`, `"start":"1",`),
			`x.jsonl:1 (id d1): annotations.start: want an integer, found JSON string`, annotate.ErrInvalid},
		{"document not an object", "x.json", jsonOf(`"text"`),
			`x.json: document 1: value: want an object, found JSON string`, annotate.ErrInvalid},
		{"text mismatch", "x.json", jsonOf(edit(`"text":"Kursk"`, `"text":"Kurs"`)),
			`x.json: document 1 (id d1): annotation a1: text "Kurs" does not match [1,6) "Kursk"`, annotate.ErrInvalid},
		{"text missing", "x.json", jsonOf(edit(`"text":"Kursk",`, ``)),
			`x.json: document 1 (id d1): annotation a1: text "" does not match [1,6) "Kursk"`, annotate.ErrInvalid},
		{"text in bytes not code points", "x.json", jsonOf(edit(`"start":29,"end":30`, `"start":33,"end":37`)),
			`x.json: document 1 (id d1): annotation e1: text "🚀" does not match [33,37) " Tue"`, annotate.ErrInvalid},
		{"kind mismatch", "x.json", jsonOf(edit(`"label":"LOC","kind":"entity"`, `"label":"LOC","kind":"source"`)),
			`x.json: document 1 (id d1): annotation a1: kind "source" does not match label LOC, which is entity`, annotate.ErrInvalid},
		{"bad sha256", "x.json", jsonOf(edit(`"sha256":""`, `"sha256":"00ff"`)),
			`x.json: document 1 (id d1): sha256 00ff does not match the text, whose SHA-256 is ` +
				annotate.SHA256Hex("“Kursk is ours,” said Shoigu 🚀 on Tuesday.") + ``, annotate.ErrInvalid},
		{"end beyond the text", "x.json", jsonOf(edit(`"start":29,"end":30`, `"start":29,"end":43`)),
			`x.json: document 1 (id d1): annotation e1: end 43 beyond text length 42`, annotate.ErrInvalid},
		{"negative start", "x.json", jsonOf(edit(`"start":1,`, `"start":-1,`)),
			`x.json: document 1 (id d1): annotation a1: start -1 is negative`, annotate.ErrInvalid},
		{"empty span", "x.json", jsonOf(edit(`"start":1,"end":6`, `"start":6,"end":6`)),
			`x.json: document 1 (id d1): annotation a1: end 6 not after start 6`, annotate.ErrInvalid},
		{"unknown label", "x.json", jsonOf(edit(`"label":"LOC"`, `"label":"PLACE"`)),
			`x.json: document 1 (id d1): annotation a1: label "PLACE" is not in the schema`, annotate.ErrInvalid},
		{"missing relation end", "x.json", jsonOf(edit(`"to":"s1"`, `"to":"zz"`)),
			`x.json: document 1 (id d1): relation r1: to annotation zz does not exist`, annotate.ErrInvalid},
		{"relation of the wrong kinds", "x.json", jsonOf(edit(`"from":"c1"`, `"from":"a1"`)),
			`x.json: document 1 (id d1): relation r1: attributed_to `, annotate.ErrInvalid},
		{"unknown relation type", "x.json", jsonOf(edit(`"type":"attributed_to"`, `"type":"cites"`)),
			`x.json: document 1 (id d1): relation r1: type "cites" is not in the schema`, annotate.ErrInvalid},
		{"duplicate annotation id", "x.json", jsonOf(edit(`"id":"s1"`, `"id":"a1"`)),
			`x.json: document 1 (id d1): annotation a1 appears twice`, annotate.ErrInvalid},
		{"duplicate document id", "x.json", jsonOf(okDoc, okDoc),
			`x.json: document 2 (id d1): document id d1 is already used by document 1`, annotate.ErrInvalid},
		{"bad status", "x.json", jsonOf(edit(`"status":"done"`, `"status":"finished"`)),
			`x.json: document 1 (id d1): unknown status "finished"`, annotate.ErrInvalid},
		{"bad time", "x.json", jsonOf(edit(`"updated_at":"2025-06-18T09:30:00.5Z"`, `"updated_at":"18/06/2025"`)),
			`x.json: document 1 (id d1): annotation a1: updated_at "18/06/2025" is not an RFC 3339 time`, annotate.ErrInvalid},
		{"no text", "x.json", jsonOf(`{"id":"d9","text":" \n"}`),
			`x.json: document 1 (id d9): document has no text`, annotate.ErrInvalid},
		{"jsonl line number", "x.jsonl", okJSONLHeader + "\n" + okDoc + "\n\n" + edit(`"id":"d1"`, `"id":"d2"`) + "\n" + edit(`"label":"LOC"`, `"label":"PLACE"`),
			`x.jsonl:5 (id d1): annotation a1: label "PLACE" is not in the schema`, annotate.ErrInvalid},
		{"jsonl syntax error", "x.jsonl", okJSONLHeader + "\n" + okDoc + "\n" + `{"id":"d2",}`,
			`x.jsonl:3:12: JSON syntax error: invalid character '}' looking for beginning of object key string`, annotate.ErrInvalid},
		{"jsonl newer version", "x.jsonl", `{"format":"spanmark","version":3}` + "\n" + okDoc,
			`x.jsonl:1: format version 3, newer than version 1 that this Spanmark reads: written by a newer Spanmark`, annotate.ErrNewerVersion},
		{"jsonl newer version on a document line", "x.jsonl", okJSONLHeader + "\n" + strings.Replace(okDoc, "{", `{"format":"spanmark","version":2,`, 1),
			`x.jsonl:2 (id d1): format version 2, newer than version 1 that this Spanmark reads: written by a newer Spanmark`, annotate.ErrNewerVersion},
		{"jsonl header not first", "x.jsonl", okDoc + "\n" + okJSONLHeader,
			`x.jsonl:2: a header line; it belongs on the first line`, annotate.ErrInvalid},
		{"jsonl schema differs", "x.jsonl", okJSONLHeader + "\n" + strings.Replace(okDoc, "{", `{"schema":{"labels":[],"relations":[]},`, 1),
			`x.jsonl:2 (id d1): its schema differs from the file's`, annotate.ErrInvalid},
		{"json file named jsonl", "x.jsonl", strings.ReplaceAll(jsonOf(okDoc), "\n", ""),
			`x.jsonl:1: a whole spanmark JSON file on one line; name the file .json`, annotate.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := readErr(tc.input, tc.file)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || !errors.Is(err, tc.is) {
				t.Fatalf("got  %v\nwant %s (is %v)", err, tc.want, tc.is)
			}
			// Check reports the same problem, in the same words.
			_, problems := Check(strings.NewReader(tc.input), tc.file)
			if len(problems) == 0 || problems[0].String() != err.Error() {
				t.Errorf("Check: got %v, want first %s", problems, tc.want)
			}
		})
	}
}

// readErr reads a whole file and returns the first error.
func readErr(input, name string) error {
	rd, err := ReadSpanmark(strings.NewReader(input), name)
	if err != nil {
		return err
	}
	for _, err := range rd.Documents() {
		if err != nil {
			return err
		}
	}
	return nil
}

func TestCheckListsEveryProblem(t *testing.T) {
	tests := []struct {
		name, file, input string
		want              []string
	}{
		{
			name: "jsonl",
			file: "many.jsonl",
			input: strings.Join([]string{
				okJSONLHeader,
				okDoc,
				edit(`"id":"d1"`, `"id":"d2"`),
				strings.Replace(edit(`"text":"Kursk"`, `"text":"Kurs"`), `"label":"MISC"`, `"label":"EMOJI"`, 1),
				`{"id":"d4", "text": }`,
				edit(`"to":"s1"`, `"to":"gone"`),
			}, "\n"),
			want: []string{
				`many.jsonl:4 (id d1): annotation a1: text "Kurs" does not match [1,6) "Kursk"`,
				`many.jsonl:4 (id d1): annotation e1: label "EMOJI" is not in the schema`,
				`many.jsonl:4 (id d1): document id d1 is already used by line 2`,
				`many.jsonl:5:21: JSON syntax error: invalid character '}' looking for beginning of value`,
				`many.jsonl:6 (id d1): relation r1: to annotation gone does not exist`,
				`many.jsonl:6 (id d1): document id d1 is already used by line 2`,
			},
		},
		{
			name:  "json",
			file:  "many.json",
			input: jsonOf(edit(`"kind":"claim"`, `"kind":"entity"`), edit(`"id":"d1"`, `"id":"d2"`), `{"id":"d3","text":"x","status":"?"}`) + "]",
			want: []string{
				`many.json: document 1 (id d1): annotation c1: kind "entity" does not match label CLAIM, which is claim`,
				`many.json: document 3 (id d3): unknown status "?"`,
				`many.json:6:1: data after the end of the JSON object`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Check(strings.NewReader(tc.input), tc.file)
			got := make([]string, len(problems))
			for i, p := range problems {
				got[i] = p.String()
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if v := Validate(strings.NewReader(tc.input), tc.file); !reflect.DeepEqual(v, problems) {
				t.Errorf("Validate: got %v, want %v", v, problems)
			}
		})
	}
}

// TestLongLine reads a JSONL document of a megabyte, far beyond
// bufio.Scanner's 64 KB line limit.
func TestLongLine(t *testing.T) {
	text := strings.Repeat("Zoë’s 🚀 flew — far. ", 1<<20/25)
	d := &annotate.DocumentData{
		Document:    annotate.Document{ID: "big", Title: "Big", Text: text, Status: annotate.StatusTodo},
		Annotations: []annotate.Annotation{{ID: "a", DocumentID: "big", Start: annotate.RuneLen(text) - 6, End: annotate.RuneLen(text) - 2, Label: "MISC"}},
	}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := w.write(&buf, Header{Schema: annotate.DefaultSchema()}, eachOf([]*annotate.DocumentData{d})); err != nil {
				t.Fatal(err)
			}
			_, docs := readAll(t, buf.Bytes(), w.name)
			if len(docs) != 1 || docs[0].Document.Text != text || len(docs[0].Annotations) != 1 {
				t.Fatalf("got %d documents, want the one of %d bytes", len(docs), len(text))
			}
		})
	}
}

// TestDocumentsStopsWhenAsked breaks out of the loop early.
func TestDocumentsStopsWhenAsked(t *testing.T) {
	rd, err := ReadSpanmark(strings.NewReader(jsonOf(okDoc, edit(`"d1"`, `"d2"`), "garbage")), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, err := range rd.Documents() {
		if err != nil {
			t.Fatal(err)
		}
		n++
		break
	}
	if n != 1 {
		t.Errorf("got %d documents, want 1", n)
	}
}

// TestPythonAgrees has Python, whose str is indexed by code points, check
// that text[start:end] is each annotation's "text" in both exports, and
// that it notices when it is not.
func TestPythonAgrees(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH")
	}
	script := filepath.Join("..", "..", "testdata", "check_offsets.py")
	docs := testDocuments(t)
	h := Header{Annotator: "Ana", ExportedAt: exportedAt, Schema: annotate.DefaultSchema()}
	dir := t.TempDir()
	var good, bad []string
	for _, w := range writers {
		var buf bytes.Buffer
		if err := w.write(&buf, h, eachOf(docs)); err != nil {
			t.Fatal(err)
		}
		// Shift one span by a code point, keeping its text.
		shifted := strings.Replace(buf.String(), `"text":"s incursion"`, `"text":"’s incursio"`, 1)
		good = append(good, filepath.Join(dir, w.name))
		bad = append(bad, filepath.Join(dir, "bad-"+w.name))
		for path, content := range map[string]string{good[len(good)-1]: buf.String(), bad[len(bad)-1]: shifted} {
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	out, err := exec.Command(python, append([]string{script}, good...)...).CombinedOutput()
	want := fmt.Sprintf("ok: %d annotations\n", len(writers)*(len(docs[0].Annotations)+len(docs[1].Annotations)))
	if err != nil || string(out) != want {
		t.Errorf("good exports: %v: got %q, want %q", err, out, want)
	}
	out, err = exec.Command(python, append([]string{script}, bad...)...).CombinedOutput()
	if err == nil || strings.Count(string(out), "annotation a-after-quote") != len(bad) {
		t.Errorf("shifted exports: got %v, %q; want a failure naming a-after-quote in each", err, out)
	}
}

// bigDocument is a megabyte of text with an annotation every 20 code
// points.
func bigDocument(b *testing.B) *annotate.DocumentData {
	text := strings.Repeat("Zoë’s 🚀 flew — far. ", 1<<20/25)
	d := &annotate.DocumentData{Document: annotate.Document{ID: "big", Title: "Big", Text: text, Status: annotate.StatusTodo}}
	for start, n := 0, annotate.RuneLen(text); start+5 < n; start += 20 {
		d.Annotations = append(d.Annotations, annotate.Annotation{
			ID: fmt.Sprintf("a%d", start), DocumentID: "big", Start: start, End: start + 5, Label: "MISC",
		})
	}
	return d
}

func BenchmarkWriteJSON(b *testing.B) {
	d := bigDocument(b)
	h := Header{Schema: annotate.DefaultSchema()}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteJSON(&buf, h, eachOf([]*annotate.DocumentData{d})); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkReadJSON(b *testing.B) {
	d := bigDocument(b)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, Header{Schema: annotate.DefaultSchema()}, eachOf([]*annotate.DocumentData{d})); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		rd, err := ReadSpanmark(bytes.NewReader(buf.Bytes()), "big.json")
		if err != nil {
			b.Fatal(err)
		}
		for _, err := range rd.Documents() {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestExport(t *testing.T) {
	docs := testDocuments(t)
	st := &mock.Store{
		MetaFn:   func() (annotate.Meta, error) { return annotate.Meta{Annotator: "Ana Ruiz"}, nil },
		SchemaFn: func() (annotate.Schema, error) { return annotate.DefaultSchema(), nil },
	}
	h := Header{Annotator: "Ana Ruiz", ExportedAt: exportedAt, Schema: annotate.DefaultSchema()}
	tool := func(name string) func(io.Writer) error {
		return func(w io.Writer) error {
			return Exporters[name](w, documentsOf(eachOf(docs)), ExportOptions{Schema: h.Schema, Annotator: h.Annotator})
		}
	}
	tests := []struct {
		format string
		want   func(io.Writer) error
	}{
		{ExportJSON, func(w io.Writer) error { return WriteJSON(w, h, eachOf(docs)) }},
		{"json", func(w io.Writer) error { return WriteJSON(w, h, eachOf(docs)) }},
		{ExportJSONL, func(w io.Writer) error { return WriteJSONL(w, h, eachOf(docs)) }},
		{"jsonl", func(w io.Writer) error { return WriteJSONL(w, h, eachOf(docs)) }},
		{"spacy", tool("spacy")},
		{"doccano", tool("doccano")},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := exportAt(&got, tc.format, st, eachOf(docs), nil, exportedAt.In(time.FixedZone("X", 3600))); err != nil {
				t.Fatal(err)
			}
			if err := tc.want(&want); err != nil {
				t.Fatal(err)
			}
			if got.Len() == 0 || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("got\n%s\nwant\n%s", got.Bytes(), want.Bytes())
			}
		})
	}
	broken := errors.New("disk on fire")
	failing := func(fn func(*annotate.DocumentData) error) error {
		if err := fn(docs[0]); err != nil {
			return err
		}
		return broken
	}
	for _, format := range []string{ExportJSON, ExportJSONL, "spacy"} {
		if err := Export(io.Discard, format, st, failing, nil); !errors.Is(err, broken) {
			t.Errorf("%s: a failing walk gave %v, want %v", format, err, broken)
		}
	}
	if err := Export(io.Discard, "xml", st, eachOf(docs), nil); err == nil || !strings.Contains(err.Error(), `unknown export format "xml"`) {
		t.Errorf("xml: got %v", err)
	}
}
