package formats

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
)

func TestW3CGolden(t *testing.T) {
	for _, f := range toolNamed(t) {
		t.Run(f.name, func(t *testing.T) {
			out, warnings := toolExport(t, ExportW3C, f.doc)
			toolGolden(t, f.name+".w3c.jsonld", out)
			if len(warnings) != 0 {
				t.Errorf("warnings %q, want none", warnings)
			}
			var v map[string]any
			if err := json.Unmarshal(out, &v); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
		})
	}
}

// TestW3CRoundTrip checks that everything Spanmark keeps of an annotation
// but its kind survives: ids, offsets, labels, notes, annotators, times
// and relations with their ids.
func TestW3CRoundTrip(t *testing.T) {
	want := toolFixtures(t)
	out, _ := toolExport(t, ExportW3C, want...)
	got, rep, err := ImportW3C(bytes.NewReader(out), "x.jsonld", toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	toolCheckValid(t, got, rep, annotate.DefaultSchema())
	for i := range want {
		w, g := *want[i], *got[i]
		w.Annotations, g.Annotations = sortedAnnotations(w.Annotations), sortedAnnotations(g.Annotations)
		w.Document.Status, w.Document.SourcePath = annotate.StatusTodo, ""
		w.Document.Created, w.Document.Updated = g.Document.Created, g.Document.Updated
		if !reflect.DeepEqual(g, w) {
			t.Errorf("document %d:\ngot  %+v\nwant %+v", i, g, w)
		}
	}
	if rep.Repaired != 0 || len(rep.Notes) != 0 || len(rep.Unconfirmed) != 0 {
		t.Errorf("report %+v, want nothing repaired, noted or unconfirmed", rep)
	}
}

// TestW3CEmptyDocument checks that a document without annotations is
// listed after the page, outside the items, and comes back on import,
// after the annotated ones.
func TestW3CEmptyDocument(t *testing.T) {
	var buf bytes.Buffer
	d := &annotate.DocumentData{Document: annotate.Document{ID: "00000000000000d1", Title: "t", Text: "nothing"}}
	if err := ExportW3C(&buf, toolSeq(d), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","label":"Spanmark export",` +
		`"first":{"type":"AnnotationPage","items":[` + "\n]}," + `"spanmark:documents":[` + "\n" +
		`{"id":"urn:spanmark:doc:00000000000000d1","type":"Text","format":"text/plain","spanmark:title":"t","spanmark:text":"nothing"}` +
		"\n],\"total\":0}\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	docs := append(toolFixtures(t), d)
	buf.Reset()
	if err := ExportW3C(&buf, toolSeq(d, docs[0], docs[1]), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	got, rep, err := ImportW3C(&buf, "x.jsonld", toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	toolCheckValid(t, got, rep, annotate.DefaultSchema())
	if len(got) != len(docs) {
		t.Fatalf("import: %d documents, want %d", len(got), len(docs))
	}
	for i, w := range docs {
		if g := got[i].Document; g.ID != w.Document.ID || g.Text != w.Document.Text || g.Title != w.Document.Title {
			t.Errorf("document %d: %s %q, want %s %q", i, g.ID, g.Title, w.Document.ID, w.Document.Title)
		}
	}
}

// TestW3CUTF16 checks that Offsets "utf16" counts positions in UTF-16
// code units, marks the collection so, and that the import reads them
// back to the same code points; and that OmitRelations leaves out the
// linking annotations.
func TestW3CUTF16(t *testing.T) {
	docs := toolFixtures(t)
	var buf bytes.Buffer
	if err := ExportW3C(&buf, toolSeq(docs...), ExportOptions{Offsets: OffsetsUTF16, OmitRelations: true}); err != nil {
		t.Fatal(err)
	}
	var coll struct {
		Offsets string `json:"spanmark:offsets"`
		First   struct {
			Items []struct {
				Motivation string `json:"motivation"`
				Target     struct {
					Selector []w3cSelectorIn `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(buf.Bytes(), &coll); err != nil {
		t.Fatal(err)
	}
	if coll.Offsets != "utf16" {
		t.Errorf("spanmark:offsets %q, want utf16", coll.Offsets)
	}
	var positions [][2]int
	for _, it := range coll.First.Items {
		if it.Motivation != "tagging" {
			t.Fatalf("an item with motivation %q, want only tagging", it.Motivation)
		}
		positions = append(positions, [2]int{*it.Target.Selector[1].Start, *it.Target.Selector[1].End})
	}
	var want [][2]int
	for _, d := range docs {
		x := annotate.NewIndex(d.Document.Text)
		for _, a := range sortedAnnotations(d.Annotations) {
			want = append(want, [2]int{x.UTF16Offset(a.Start), x.UTF16Offset(a.End)})
		}
	}
	if !reflect.DeepEqual(positions, want) {
		t.Errorf("positions\n%v\nwant UTF-16\n%v", positions, want)
	}
	got, rep, err := ImportW3C(&buf, "x.jsonld", toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Repaired != 0 || len(rep.Unconfirmed) != 0 {
		t.Errorf("report %+v, want nothing repaired or unconfirmed", rep)
	}
	for i, d := range docs {
		w, g := sortedAnnotations(d.Annotations), sortedAnnotations(got[i].Annotations)
		if len(g) != len(w) {
			t.Fatalf("document %d: %d annotations, want %d", i, len(g), len(w))
		}
		for j := range w {
			if g[j].Start != w[j].Start || g[j].End != w[j].End {
				t.Errorf("document %d: [%d,%d), want [%d,%d)", i, g[j].Start, g[j].End, w[j].Start, w[j].End)
			}
		}
		if len(got[i].Relations) != 0 {
			t.Errorf("document %d: %d relations, want none", i, len(got[i].Relations))
		}
	}
}

// w3cSource is a source with text, as the first annotation of a document
// carries it.
const w3cTestSource = `{"id": "urn:spanmark:doc:0123456789abcdef", "type": "Text", "spanmark:text": "Bo said so. So said Bo."}`

// w3cTag returns a tagging annotation with the given target.
func w3cTag(id, label, target string) string {
	return `{"id": "` + id + `", "type": "Annotation", "motivation": "tagging", ` +
		`"body": {"type": "TextualBody", "purpose": "tagging", "value": "` + label + `"}, "target": ` + target + `}`
}

// w3cTarget returns a target with selectors.
func w3cTarget(source, selectors string) string {
	return `{"source": ` + source + `, "selector": [` + selectors + `]}`
}

func TestW3CImport(t *testing.T) {
	src := `"urn:spanmark:doc:0123456789abcdef"`
	first := w3cTag("urn:spanmark:ann:00000000000000a1", "SOURCE", w3cTarget(w3cTestSource,
		`{"type": "TextPositionSelector", "start": 0, "end": 2}, {"type": "TextQuoteSelector", "exact": "Bo"}`))
	tests := []struct {
		name                  string
		in                    string
		spans                 []string
		relations             int
		repaired, unconfirmed int
		notes                 int
	}{
		{"array", `[` + first + `]`, []string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"page", `{"type": "AnnotationPage", "items": [` + first + `]}`, []string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"one annotation", first, []string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"quote with suffix", `[` + first + `,` + w3cTag("b", "PERSON", w3cTarget(src,
			`{"type": "TextQuoteSelector", "exact": "Bo", "prefix": "said "}`)) + `]`,
			[]string{`PERSON [20,22) "Bo"`, `SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"quote not found", `[` + first + `,` + w3cTag("b", "PERSON", w3cTarget(src, `{"type": "TextQuoteSelector", "exact": "Al"}`)) + `]`,
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 1, 0},
		{"position repaired", `[` + first + `,` + w3cTag("b", "PERSON", w3cTarget(src,
			`{"type": "TextPositionSelector", "start": 21, "end": 23}, {"type": "TextQuoteSelector", "exact": "Bo"}`)) + `]`,
			[]string{`PERSON [20,22) "Bo"`, `SOURCE [0,2) "Bo"`}, 0, 1, 0, 0},
		{"position only", `[` + first + `,` + w3cTag("b", "CLAIM", w3cTarget(src, `{"type": "TextPositionSelector", "start": 8, "end": 10}`)) + `]`,
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"link as a plain array", `[` + first + `,` + w3cTag("urn:spanmark:ann:00000000000000a2", "CLAIM", w3cTarget(src,
			`{"type": "TextPositionSelector", "start": 8, "end": 10}`)) + `, {"type": "Annotation", "motivation": "linking", ` +
			`"body": {"type": "TextualBody", "value": "attributed_to"}, "target": ["urn:spanmark:ann:00000000000000a2", {"id": "urn:spanmark:ann:00000000000000a1"}]}]`,
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 1, 0, 0, 0},
		{"link to nothing", `[` + first + `, {"type": "Annotation", "motivation": ["linking"], ` +
			`"body": {"type": "TextualBody", "value": "attributed_to"}, "target": {"type": "List", "items": ["x", "urn:spanmark:ann:00000000000000a1"]}}]`,
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 1},
		{"whole document", `[` + first + `,` + w3cTag("c", "MISC", src) + `]`, []string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 1},
		{"no label", `[` + first + `, {"type": "Annotation", "body": {"type": "TextualBody", "purpose": "commenting", "value": "hm"}, "target": ` +
			w3cTarget(src, `{"type": "TextPositionSelector", "start": 8, "end": 10}`) + `}]`,
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := ImportW3C(strings.NewReader(tt.in), "x.jsonld", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckImport(t, docs, rep, false, toolImported{tt.spans, tt.relations, tt.repaired, tt.unconfirmed, tt.notes})
		})
	}
}

func TestW3CImportErrors(t *testing.T) {
	web := w3cTag("a", "PERSON", w3cTarget(`"https://example.com/news/1"`, `{"type": "TextQuoteSelector", "exact": "Bo"}`))
	toolImportErrors(t, ImportW3C, "x.jsonld", []struct{ name, in, want string }{
		{"not JSON", "{\"type\": \n", `import x.jsonld: line 2: invalid JSON: unexpected end of JSON input`},
		{"not an annotation", `{"type": "Person"}`, `import x.jsonld: not a W3C AnnotationCollection, AnnotationPage or Annotation`},
		{"page by reference", `{"type": "AnnotationCollection", "first": "https://example.com/page1"}`,
			`import x.jsonld: "first" is not an embedded AnnotationPage`},
		{"page without items", `{"type": "AnnotationPage"}`, `import x.jsonld: the page has no items`},
		{"more pages", `{"type": "AnnotationCollection", "first": {"items": [], "next": "https://example.com/page2"}}`,
			`import x.jsonld: the collection has further pages`},
		{"no text", "[\n" + web + "\n]", `import x.jsonld: line 2: annotation 1: no text for source https://example.com/news/1`},
		{"two texts", `[` + w3cTag("a", "X", w3cTarget(`{"id": "s", "spanmark:text": "one"}`, `{"type": "TextQuoteSelector", "exact": "one"}`)) + `,` +
			w3cTag("b", "X", w3cTarget(`{"id": "s", "spanmark:text": "two"}`, `{"type": "TextQuoteSelector", "exact": "two"}`)) + `]`,
			`import x.jsonld: line 1: annotation 2: source s is given two different texts`},
		{"bad time", `[{"type": "Annotation", "created": "yesterday"}]`, `import x.jsonld: line 1: annotation 1: created: parsing time "yesterday"`},
		{"position out of range", `[` + w3cTag("a", "X", w3cTarget(w3cTestSource, `{"type": "TextPositionSelector", "start": 0, "end": 99}`)) + `]`,
			`import x.jsonld: line 1: annotation 1: end 99 beyond text length 23`},
		{"bad link", `[{"type": "Annotation", "motivation": "linking", "body": {"value": "r"}, "target": {"type": "List", "items": [1, 2]}}]`,
			`import x.jsonld: line 1: annotation 1: target: item 1 is not an annotation's IRI`},
		{"bad source", `[` + w3cTag("a", "X", w3cTarget(`7`, `{"type": "TextQuoteSelector", "exact": "one"}`)) + `]`,
			`import x.jsonld: line 1: annotation 1: target source is neither an IRI nor a resource with an id`},
	})
}

func FuzzImportW3C(f *testing.F) {
	f.Add([]byte(`[` + w3cTag("urn:spanmark:ann:00000000000000a1", "SOURCE", w3cTarget(w3cTestSource,
		`{"type": "TextPositionSelector", "start": 0, "end": 2}, {"type": "TextQuoteSelector", "exact": "Bo", "prefix": "", "suffix": " said"}`)) + `]`))
	f.Add([]byte(`{"type": "AnnotationPage", "items": [` + w3cTag("b", "X", w3cTarget(w3cTestSource, `{"type": "TextQuoteSelector", "exact": "so"}`)) + `]}`))
	for _, g := range []string{"article.w3c.jsonld", "unicode.w3c.jsonld"} {
		if b, err := readGoldenSeed(g); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, rep, err := ImportW3C(bytes.NewReader(data), "fuzz.jsonld", toolImportOptions())
		toolFuzz(t, docs, rep, err)
	})
}
