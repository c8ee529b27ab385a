package formats

import (
	"bytes"
	"encoding/json"
	"reflect"
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
