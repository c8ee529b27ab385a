package formats

import (
	"bytes"
	"strings"
	"testing"
)

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
