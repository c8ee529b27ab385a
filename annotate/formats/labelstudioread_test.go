package formats

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// lsTaskJSON returns a task with text and the given results.
func lsTaskJSON(text, results string) string {
	return `[{"data": {"text": "` + text + `"}, "annotations": [{"result": [` + results + `]}]}]`
}

// lsRegionJSON returns a labels result.
func lsRegionJSON(id string, start, end int, text, label string) string {
	return `{"id": "` + id + `", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": ` +
		itoa(start) + `, "end": ` + itoa(end) + `, "text": "` + text + `", "labels": ["` + label + `"]}}`
}

func TestLabelStudioImport(t *testing.T) {
	bo, so := lsRegionJSON("s", 0, 2, "Bo", "SOURCE"), lsRegionJSON("c", 8, 10, "so", "CLAIM")
	tests := []struct {
		name        string
		in          string
		spans       []string
		relations   int
		repaired    int
		unconfirmed int
		notes       int
	}{
		{"right", lsTaskJSON("Bo said so.", bo+","+so+`, {"from_id": "c", "to_id": "s", "type": "relation", "direction": "right", "labels": ["attributed_to"]}`),
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 1, 0, 0, 0},
		{"left", lsTaskJSON("Bo said so.", bo+","+so+`, {"from_id": "s", "to_id": "c", "type": "relation", "direction": "left", "labels": ["attributed_to"]}`),
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 1, 0, 0, 0},
		{"relation without label", lsTaskJSON("Bo said so.", `{"from_id": "c", "to_id": "s", "type": "relation"},`+bo+","+so),
			[]string{`CLAIM [8,10) "so"`, `SOURCE [0,2) "Bo"`}, 1, 0, 0, 0},
		{"single task", `{"data": {"text": "Bo said so."}, "predictions": [{"result": [` + bo + `]}]}`,
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"other data key", `[{"data": {"body": "Bo said so.", "n": 1}, "annotations": [{"result": [` + bo + `]}]}]`,
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"two labels", lsTaskJSON("Bo said so.", `{"id": "x", "type": "labels", "value": {"start": 0, "end": 2, "text": "Bo", "labels": ["PERSON", "SOURCE"]}}`),
			[]string{`PERSON [0,2) "Bo"`, `SOURCE [0,2) "Bo"`}, 0, 0, 0, 0},
		{"note", lsTaskJSON("Bo said so.", `{"id": "x", "type": "labels", "value": {"start": 0, "end": 2, "text": "Bo", "labels": ["PERSON"]}, "meta": {"text": ["the author"]}}`),
			[]string{`PERSON [0,2) "Bo"`}, 0, 0, 0, 0},
		{"moved", lsTaskJSON("Bo said so. So said Bo.", lsRegionJSON("x", 18, 20, "Bo", "PERSON")),
			[]string{`PERSON [20,22) "Bo"`}, 0, 1, 0, 0},
		{"CRLF counted as LF", lsTaskJSON(`Bo\r\nsaid so.`, lsRegionJSON("x", 8, 10, "so", "CLAIM")),
			[]string{`CLAIM [8,10) "so"`}, 0, 1, 0, 0},
		{"CRLF counted", lsTaskJSON(`Bo\r\nsaid so.`, lsRegionJSON("x", 9, 11, "so", "CLAIM")),
			[]string{`CLAIM [8,10) "so"`}, 0, 0, 0, 0},
		// Label Studio's own frontend saves a region across lines without
		// its line breaks, while its offsets count them.
		{"line break left out of the text", lsTaskJSON(`Bo said\nso.`, bo+","+lsRegionJSON("c", 3, 10, "saidso", "CLAIM")+
			`, {"from_id": "c", "to_id": "s", "type": "relation", "direction": "right", "labels": ["attributed_to"]}`),
			[]string{"CLAIM [3,10) \"said\\nso\"", `SOURCE [0,2) "Bo"`}, 1, 0, 0, 0},
		{"not found", lsTaskJSON("Bo said so.", lsRegionJSON("x", 0, 2, "Al", "PERSON")+","+so),
			[]string{`CLAIM [8,10) "so"`}, 0, 0, 1, 0},
		{"relation to a region not found", lsTaskJSON("Bo said so.", lsRegionJSON("s", 0, 2, "Al", "SOURCE")+","+so+
			`, {"from_id": "c", "to_id": "s", "type": "relation", "labels": ["attributed_to"]}`),
			[]string{`CLAIM [8,10) "so"`}, 0, 0, 1, 1},
		{"rating left out", lsTaskJSON("Bo said so.", bo+`, {"id": "y", "from_name": "stars", "type": "rating", "value": {"rating": 3}}`),
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 1},
		{"choices without from_name left out", lsTaskJSON("Bo said so.", bo+`, {"id": "y", "type": "choices", "value": {"choices": ["news"]}}`),
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 1},
		{"hypertext left out", lsTaskJSON("Bo said so.", `{"id": "x", "type": "labels", "value": {"start": "/p[1]", "end": "/p[1]", "labels": ["PERSON"]}}`),
			nil, 0, 0, 0, 1},
		{"cancelled and second annotations", `[{"data": {"text": "Bo said so."}, "annotations": [{"was_cancelled": true, "result": [` + so + `]},` +
			`{"result": [` + bo + `]}, {"result": [` + so + `]}]}]`,
			[]string{`SOURCE [0,2) "Bo"`}, 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := ImportLabelStudio(strings.NewReader(tt.in), "x.json", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckImport(t, docs, rep, false, toolImported{tt.spans, tt.relations, tt.repaired, tt.unconfirmed, tt.notes})
		})
	}
}

func TestLabelStudioTrustOffsets(t *testing.T) {
	in := lsTaskJSON("Bo said so.", lsRegionJSON("x", 0, 2, "Al", "PERSON"))
	o := toolImportOptions()
	o.TrustOffsets = true
	docs, rep, err := ImportLabelStudio(strings.NewReader(in), "x.json", o)
	if err != nil {
		t.Fatal(err)
	}
	if got := toolViewOf(docs[0], false, false).Spans; !reflect.DeepEqual(got, []string{`PERSON [0,2) "Bo"`}) || len(rep.Unconfirmed) != 0 {
		t.Errorf("spans %q, unconfirmed %q; want the span as given", got, rep.Unconfirmed)
	}
}

func TestLabelStudioImportErrors(t *testing.T) {
	bo := lsRegionJSON("s", 0, 2, "Bo", "SOURCE")
	toolImportErrors(t, ImportLabelStudio, "tasks.json", []struct{ name, in, want string }{
		{"empty", ``, `import tasks.json: line 1: empty: want a JSON array of tasks`},
		{"not an array", `"tasks"`, `import tasks.json: line 1: want a JSON array of tasks`},
		{"syntax", "[\n" + lsTaskJSON("Bo", "")[1:len(lsTaskJSON("Bo", ""))-1] + ",\n{\"data\": x}\n]", `import tasks.json: line 3: task 2: invalid JSON`},
		{"after the array", lsTaskJSON("Bo", "") + "\n[]", `import tasks.json: line 2: more after the array of tasks`},
		{"no text", "[\n{\"data\": {}}]", `import tasks.json: line 2: task 1: no data.text`},
		{"text not a string", `[{"data": {"text": 1}}]`, `line 1: task 1: data.text is not a string`},
		{"result not an object", lsTaskJSON("Bo", `7`), `line 1: task 1: annotation result 1: unexpected JSON number`},
		{"value", lsTaskJSON("Bo", `{"type": "labels", "value": 3}`), `line 1: task 1: annotation result 1: value: unexpected JSON number`},
		{"beyond the text, as given", lsTaskJSON("Bo", `{"type": "labels", "value": {"start": 0, "end": 5, "labels": ["X"]}}`),
			`line 1: task 1: annotation result 1: end 5 beyond text length 2`},
		{"empty label", lsTaskJSON("Bo said", bo[:len(bo)-len(`"SOURCE"]}}`)]+`""]}}`), `line 1: task 1: annotation result 1: label is empty`},
	})
}

func FuzzImportLabelStudio(f *testing.F) {
	f.Add([]byte(lsTaskJSON("Bo said so.", lsRegionJSON("s", 0, 2, "Bo", "SOURCE")+","+lsRegionJSON("c", 8, 10, "so", "CLAIM")+
		`, {"from_id": "c", "to_id": "s", "type": "relation", "direction": "right", "labels": ["attributed_to"]}`)))
	f.Add([]byte(`{"data": {"text": "🚀 NASA"}, "predictions": [{"result": [{"id": "x", "type": "labels", "value": {"start": 3, "end": 7, "text": "NASA", "labels": ["ORG"]}}]}]}`))
	for _, g := range []string{"article.labelstudio.json", "unicode.labelstudio.json", "utf16.labelstudio.json"} {
		if b, err := readGoldenSeed(g); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, rep, err := ImportLabelStudio(bytes.NewReader(data), "fuzz.json", toolImportOptions())
		toolFuzz(t, docs, rep, err)
	})
}
