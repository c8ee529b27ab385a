package formats

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
)

func TestDoccanoGolden(t *testing.T) {
	for _, f := range toolNamed(t) {
		for _, rel := range []bool{false, true} {
			name := f.name + ".doccano.jsonl"
			if rel {
				name = f.name + ".doccano-relations.jsonl"
			}
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				var warnings []string
				o := toolExportOptions(&warnings)
				o.Relations = rel
				if err := ExportDoccano(&buf, toolSeq(f.doc), o); err != nil {
					t.Fatal(err)
				}
				toolGolden(t, name, buf.Bytes())
				if len(warnings) != 0 {
					t.Errorf("warnings %q, want none", warnings)
				}
			})
		}
	}
}

func TestDoccanoRoundTrip(t *testing.T) {
	want := toolFixtures(t)
	for _, rel := range []bool{false, true} {
		t.Run(map[bool]string{false: "labels", true: "relations"}[rel], func(t *testing.T) {
			var buf bytes.Buffer
			o := ExportOptions{Schema: annotate.DefaultSchema(), Relations: rel}
			if err := ExportDoccano(&buf, toolSeq(want...), o); err != nil {
				t.Fatal(err)
			}
			got, rep, err := ImportDoccano(&buf, "x.jsonl", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, got, rep, annotate.DefaultSchema())
			toolCompare(t, got, want, false, rel)
			for i := range want {
				if got[i].Document.ID != want[i].Document.ID || got[i].Document.Title != want[i].Document.Title {
					t.Errorf("document %d is %s %q, want %s %q", i, got[i].Document.ID, got[i].Document.Title,
						want[i].Document.ID, want[i].Document.Title)
				}
			}
			if rep.Repaired != 0 || len(rep.Notes) != 0 {
				t.Errorf("report %+v, want nothing repaired or noted", rep)
			}
		})
	}
}

// TestDoccanoRelationIDs checks that entity and relation ids count up
// through the whole file, as doccano's own ids do.
func TestDoccanoRelationIDs(t *testing.T) {
	var buf bytes.Buffer
	o := ExportOptions{Schema: annotate.DefaultSchema(), Relations: true}
	if err := ExportDoccano(&buf, toolSeq(toolFixtures(t)...), o); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	n := len(toolArticle(t).Annotations)
	if want := `{"id":1,"label":"MISC"`; !strings.Contains(lines[0], want) {
		t.Errorf("line 1 lacks %s", want)
	}
	if want := `"entities":[{"id":` + itoa(n+1) + `,`; !strings.Contains(lines[1], want) {
		t.Errorf("line 2 lacks %s", want)
	}
	if want := `"relations":[{"id":4,`; !strings.Contains(lines[1], want) {
		t.Errorf("line 2 lacks %s", want)
	}
}

func TestDoccanoImport(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		spans     []string
		relations int
		notes     int
	}{
		{"labels", `{"text": "Ana met Bo.", "label": [[0, 3, "PERSON"]]}`, []string{`PERSON [0,3) "Ana"`}, 0, 0},
		{"old labels key", `{"text": "Ana met Bo.", "labels": [[8, 10, "PERSON"]]}`, []string{`PERSON [8,10) "Bo"`}, 0, 0},
		// doccano's own intent-detection files (its data_import fixture
		// intent/example.jsonl) give entities as triples.
		{"triple entities", `{"text": "Fly from Oslo to Bergen", "entities": [[9, 13, "LOC"], [17, 23, "LOC"]], "cats": ["flight"]}`,
			[]string{`LOC [17,23) "Bergen"`, `LOC [9,13) "Oslo"`}, 0, 0},
		{"entity objects as labels", `{"text": "Ana met Bo.", "label": [{"start_offset": 0, "end_offset": 3, "label": "PERSON"}]}`,
			[]string{`PERSON [0,3) "Ana"`}, 0, 0},
		{"triples beside entities with ids", `{"text": "Bo said so.", "entities": [[0, 2, "PERSON"], {"id": 7, "label": "CLAIM", "start_offset": 8, "end_offset": 10},` +
			` {"id": 8, "label": "SOURCE", "start_offset": 0, "end_offset": 2}], "relations": [{"from_id": 7, "to_id": 8, "type": "attributed_to"}]}`,
			[]string{`CLAIM [8,10) "so"`, `PERSON [0,2) "Bo"`, `SOURCE [0,2) "Bo"`}, 1, 0},
		{"string ids", `{"text": "Bo said so.", "entities": [{"id": "a", "label": "SOURCE", "start_offset": 0, "end_offset": 2},` +
			` {"id": "b", "label": "CLAIM", "start_offset": 8, "end_offset": 10}], "relations": [{"id": 1, "from_id": "b", "to_id": "a", "type": "attributed_to"}]}`,
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 1, 0},
		{"unknown relation type", `{"text": "Bo said so.", "entities": [{"id": 1, "label": "SOURCE", "start_offset": 0, "end_offset": 2},` +
			` {"id": 2, "label": "CLAIM", "start_offset": 8, "end_offset": 10}], "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "cites"}]}`,
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 1, 0},
		{"relation of the wrong kinds", `{"text": "Bo said so.", "entities": [{"id": 1, "label": "SOURCE", "start_offset": 0, "end_offset": 2},` +
			` {"id": 2, "label": "CLAIM", "start_offset": 8, "end_offset": 10}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "attributed_to"}]}`,
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 0, 1},
		{"repeated relation", `{"text": "Bo said so.", "entities": [{"id": 1, "label": "SOURCE", "start_offset": 0, "end_offset": 2},` +
			` {"id": 2, "label": "CLAIM", "start_offset": 8, "end_offset": 10}], "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "attributed_to"},` +
			` {"id": 2, "from_id": 2, "to_id": 1, "type": "attributed_to"}]}`,
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 1, 1},
		{"CRLF counted", "{\"text\": \"Ana\\r\\nBo\", \"label\": [[5, 7, \"PERSON\"]]}", []string{`PERSON [4,6) "Bo"`}, 0, 0},
		{"CRLF as LF", "{\"text\": \"Ana\\r\\nBo said\", \"label\": [[4, 6, \"PERSON\"]]}", []string{`PERSON [4,6) "Bo"`}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := ImportDoccano(strings.NewReader(tt.in), "x.jsonl", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, docs, rep, annotate.DefaultSchema())
			if got := toolViewOf(docs[0], false, false).Spans; !reflect.DeepEqual(got, tt.spans) {
				t.Errorf("spans %q, want %q", got, tt.spans)
			}
			if len(docs[0].Relations) != tt.relations || len(rep.Notes) != tt.notes {
				t.Errorf("%d relations, notes %q; want %d relations, %d notes", len(docs[0].Relations), rep.Notes, tt.relations, tt.notes)
			}
		})
	}
}

func TestDoccanoImportErrors(t *testing.T) {
	ok := `{"text": "Ana met Bo."}` + "\n"
	ents := `"entities": [{"id": 1, "label": "SOURCE", "start_offset": 0, "end_offset": 3}]`
	toolImportErrors(t, ImportDoccano, "data.jsonl", []struct{ name, in, want string }{
		{"syntax", ok + `{"text": }`, `import data.jsonl: line 2: invalid JSON`},
		{"no text", `{"label": []}`, `import data.jsonl: line 1: no "text"`},
		{"classification labels", `{"text": "Ana", "label": ["positive"]}`, `line 1: label 1: want [start, end, "LABEL"], got "positive"`},
		{"beyond the text", ok + ok + ok + ok + ok + ok + `{"text": "` + strings.Repeat("x", 98) + `", "label": [[0, 120, "PERSON"]]}`,
			`import data.jsonl: line 7: label 1: end 120 beyond text length 98`},
		{"bad entity", `{"text": "Ana", "entities": [{"id": 1, "label": "X", "start": 0, "end": 3}]}`,
			`line 1: entity 1: want {"id", "label", "start_offset", "end_offset"}`},
		{"entity beyond the text", `{"text": "Ana", "entities": [{"id": 1, "label": "X", "start_offset": 0, "end_offset": 4}]}`,
			`line 1: entity 1: end 4 beyond text length 3`},
		{"repeated entity id", `{"text": "Ana", "entities": [{"id": 1, "label": "X", "start_offset": 0, "end_offset": 1}, {"id": 1, "label": "X", "start_offset": 1, "end_offset": 2}]}`,
			`line 1: entity 2: id 1 repeats`},
		{"relation to nothing", `{"text": "Ana", ` + ents + `, "relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "attributed_to"}]}`,
			`line 1: relation 1: to_id 9 is not an entity of this line`},
		{"relation without type", `{"text": "Ana", ` + ents + `, "relations": [{"id": 1, "from_id": 1, "to_id": 1}]}`,
			`line 1: relation 1: want {"id", "from_id", "to_id", "type"}`},
		{"invalid UTF-8", "{\"text\": \"Ana\"}\n\xff", `import data.jsonl: line 2: invalid JSON`},
	})
}

func FuzzImportDoccano(f *testing.F) {
	f.Add([]byte(`{"text": "Ana met Bo.", "label": [[0, 3, "PERSON"]], "meta": {"id": "0123456789abcdef", "title": "t"}}`))
	f.Add([]byte(`{"text": "Bo said so.", "entities": [{"id": 1, "label": "SOURCE", "start_offset": 0, "end_offset": 2},` +
		` {"id": 2, "label": "CLAIM", "start_offset": 8, "end_offset": 10}], "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "attributed_to"}]}`))
	for _, g := range []string{"article.doccano.jsonl", "unicode.doccano-relations.jsonl", "utf16.doccano.jsonl"} {
		if b, err := readGoldenSeed(g); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, rep, err := ImportDoccano(bytes.NewReader(data), "fuzz.jsonl", toolImportOptions())
		toolFuzz(t, docs, rep, err)
	})
}
