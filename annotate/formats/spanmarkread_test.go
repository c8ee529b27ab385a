package formats

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
)

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
