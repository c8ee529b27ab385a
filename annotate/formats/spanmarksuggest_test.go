package formats

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
)

// TestWriteSuggestions writes a document with Header.Suggestions in
// JSON and JSONL: each gets its suggestions, with their texts, and reads
// back with its annotations alone; without Header.Suggestions there is
// no "suggestions" member.
func TestWriteSuggestions(t *testing.T) {
	text := "“Bo” said so 🚀 in Paris."
	d := &annotate.DocumentData{
		Document:    annotate.Document{ID: "d1", Title: "t", Text: text, Status: annotate.StatusTodo},
		Annotations: []annotate.Annotation{{ID: "a", DocumentID: "d1", Start: 1, End: 3, Label: "PERSON"}},
	}
	ss := []annotate.Suggestion{
		{DocumentID: "d1", Start: 18, End: 23, Label: "LOC", Source: "strings", Score: 0.5},
		{DocumentID: "d1", Start: 13, End: 14, Label: "MISC", Source: "ner", Score: 1},
	}
	want := `"suggestions":[{"start":18,"end":23,"text":"Paris","label":"LOC","source":"strings","score":0.5},` +
		`{"start":13,"end":14,"text":"🚀","label":"MISC","source":"ner","score":1}]`
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer, Header) error
	}{
		{"json", func(b *bytes.Buffer, h Header) error { return WriteJSON(b, h, eachOf([]*annotate.DocumentData{d})) }},
		{"jsonl", func(b *bytes.Buffer, h Header) error { return WriteJSONL(b, h, eachOf([]*annotate.DocumentData{d})) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := Header{Annotator: "ann", Schema: annotate.DefaultSchema()}
			var plain bytes.Buffer
			if err := tt.write(&plain, h); err != nil || strings.Contains(plain.String(), "suggestions") {
				t.Errorf("without Header.Suggestions: %v\n%s", err, plain.String())
			}
			h.Suggestions = func(id string) ([]annotate.Suggestion, error) {
				if id != "d1" {
					t.Errorf("suggestions of %q asked for", id)
				}
				return ss, nil
			}
			var buf bytes.Buffer
			if err := tt.write(&buf, h); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), want) {
				t.Errorf("got\n%s\nwant it to hold %s", buf.String(), want)
			}
			rd, err := ReadSpanmark(&buf, "x."+tt.name)
			if err != nil {
				t.Fatal(err)
			}
			for got, err := range rd.Documents() {
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Annotations, d.Annotations) {
					t.Errorf("annotations read back: got %+v, want %+v", got.Annotations, d.Annotations)
				}
			}
		})
	}
}

// TestReadSuggestionsChecked reads documents whose suggestions do not fit
// their text: each is refused, naming the document and the suggestion.
func TestReadSuggestionsChecked(t *testing.T) {
	line := func(sugg string) string {
		return `{"id": "d1", "text": "Bo said so.", "annotations": [], "relations": [], "suggestions": [` + sugg + `]}` + "\n"
	}
	tests := []struct{ name, sugg, want string }{
		{"text", `{"start": 0, "end": 2, "text": "Al", "label": "PERSON", "source": "m", "score": 1}`,
			`x.jsonl:1 (id d1): suggestion 1: text "Al" does not match [0,2) "Bo"`},
		{"beyond the text", `{"start": 8, "end": 20, "text": "so.", "label": "PERSON", "source": "m", "score": 1}`,
			`x.jsonl:1 (id d1): suggestion 1: suggestion [8,20) is not a span of a 11-character text`},
		{"score", `{"start": 0, "end": 2, "text": "Bo", "label": "PERSON", "source": "m", "score": 2}`,
			`suggestion 1: suggestion [0,2) has score 2, outside [0,1]`},
		{"no source", `{"start": 0, "end": 2, "text": "Bo", "label": "PERSON", "score": 1}`,
			`suggestion 1: suggestion [0,2) has no usable source name ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd, err := ReadSpanmark(strings.NewReader(line(tt.sugg)), "x.jsonl")
			if err != nil {
				t.Fatal(err)
			}
			var got error
			for _, err := range rd.Documents() {
				got = err
			}
			if got == nil || !strings.Contains(got.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", got, tt.want)
			}
		})
	}
}
