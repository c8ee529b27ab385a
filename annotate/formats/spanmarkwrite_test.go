package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
)

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
