package formats

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
)

// toolImporter is the signature of the importers of one stream.
type toolImporter func(io.Reader, string, ImportOptions) ([]*annotate.DocumentData, Report, error)

// toolImportErrors runs a table of bad inputs through imp: each must fail
// with an error that contains want, and return no documents.
func toolImportErrors(t *testing.T, imp toolImporter, name string, tests []struct{ name, in, want string }) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, _, err := imp(strings.NewReader(tt.in), name, toolImportOptions())
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if got := err.Error(); !strings.Contains(got, tt.want) {
				t.Errorf("error %q, want it to contain %q", got, tt.want)
			}
			if docs != nil {
				t.Errorf("got %d documents with the error", len(docs))
			}
		})
	}
}

// toolFuzz checks the invariants every importer keeps on any input: no
// panic; on error no documents; on success documents that are valid
// against the schema with the new labels.
func toolFuzz(t *testing.T, docs []*annotate.DocumentData, rep Report, err error) {
	if err != nil {
		if docs != nil {
			t.Fatalf("error %v with %d documents", err, len(docs))
		}
		return
	}
	toolCheckValid(t, docs, rep, annotate.DefaultSchema())
}

// toolExport runs an exporter on docs with the golden options.
func toolExport(t *testing.T, exp ExportFunc, docs ...*annotate.DocumentData) ([]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	var warnings []string
	if err := exp(&buf, toolSeq(docs...), toolExportOptions(&warnings)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warnings
}

func TestSpacyOverlapWarning(t *testing.T) {
	_, warnings := toolExport(t, ExportSpacy, toolArticle(t))
	want := `spacy: document d000000000000001 (North Korean leader Kim Jong Un (R) plans to send 6,000 workers to help rebuild the Kursk region of…): ` +
		`entity PERSON [20,31) "Kim Jong Un" overlaps MISC [0,31) "North Korean leader Kim Jong Un": left out of entities, kept in spans.sc`
	if len(warnings) != 1 || warnings[0] != want {
		t.Errorf("warnings %q\nwant [%q]", warnings, want)
	}
}

func TestSpacyRoundTrip(t *testing.T) {
	want := toolFixtures(t)
	out, _ := toolExport(t, ExportSpacy, want...)
	got, rep, err := ImportSpacy(bytes.NewReader(out), "x.jsonl", toolImportOptions())
	if err != nil {
		t.Fatal(err)
	}
	toolCheckValid(t, got, rep, annotate.DefaultSchema())
	toolCompare(t, got, want, false, false)
	for i := range want {
		g, w := got[i].Document, want[i].Document
		if g.ID != w.ID || g.Title != w.Title || g.Status != w.Status || g.SHA256 != w.SHA256 {
			t.Errorf("document %d: got %s %q %s %s, want %s %q %s %s",
				i, g.ID, g.Title, g.Status, g.SHA256, w.ID, w.Title, w.Status, w.SHA256)
		}
	}
	if rep.Repaired != 0 || len(rep.Notes) != 0 || len(rep.NewLabels) != 0 {
		t.Errorf("report %+v, want nothing repaired, noted or new", rep)
	}
}

func TestSpacyImport(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"entities", `{"text": "Ana met Bo.", "entities": [[0, 3, "PERSON"], [8, 10, "PERSON"]]}`,
			[]string{`PERSON [0,3) "Ana"`, `PERSON [8,10) "Bo"`}},
		{"spans and entities merged", `{"text": "Ana met Bo.", "entities": [[0, 3, "PERSON"]], "spans": {"sc": [[0, 3, "PERSON"], [0, 10, "CLAIM"]]}}`,
			[]string{`CLAIM [0,10) "Ana met Bo"`, `PERSON [0,3) "Ana"`}},
		{"to_json shape", `{"text": "Ana met Bo.", "ents": [{"start": 0, "end": 3, "label": "PERSON"}], "spans": {"x": [{"start": 8, "end": 10, "label": "ORG", "kb_id": ""}]}}`,
			[]string{`ORG [8,10) "Bo"`, `PERSON [0,3) "Ana"`}},
		{"no spans", `{"text": "Ana met Bo."}`, nil},
		{"byte order mark and blank lines", "\uFEFF\n" + `{"text": "Ana"}` + "\n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, rep, err := ImportSpacy(strings.NewReader(tt.in), "x.jsonl", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			toolCheckValid(t, docs, rep, annotate.DefaultSchema())
			if got := toolViewOf(docs[0], false, false).Spans; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("spans %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSpacyImportErrors(t *testing.T) {
	ok := `{"text": "Ana met Bo."}` + "\n"
	toolImportErrors(t, ImportSpacy, "data.jsonl", []struct{ name, in, want string }{
		{"syntax", ok + `{"text": "Ana" "entities"}`, `import data.jsonl: line 2: invalid JSON: invalid character '"' after object key:value pair`},
		{"not an object", `[1, 2]`, `import data.jsonl: line 1: unexpected JSON array`},
		{"no text", ok + ok + `{"entities": []}`, `import data.jsonl: line 3: no "text"`},
		{"text not a string", `{"text": 7}`, `import data.jsonl: line 1: text: unexpected JSON number`},
		{"bad triple", `{"text": "Ana", "entities": [[0, 3, "PERSON"], [0, "3", "PERSON"]]}`,
			`import data.jsonl: line 1: entity 2: want [start, end, "LABEL"], got [0, "3", "PERSON"]`},
		{"float offset", `{"text": "Ana", "entities": [[0, 2.5, "PERSON"]]}`, `line 1: entity 1: want [start, end, "LABEL"]`},
		{"beyond the text", ok + `{"text": "Ana", "spans": {"sc": [[0, 120, "PERSON"]]}}`,
			`import data.jsonl: line 2: spans.sc 1: end 120 beyond text length 3`},
		{"negative", `{"text": "Ana", "entities": [[-1, 2, "PERSON"]]}`, `line 1: entity 1: start -1 is negative`},
		{"empty", `{"text": "Ana", "entities": [[2, 2, "PERSON"]]}`, `line 1: entity 1: end 2 not after start 2`},
		{"empty label", `{"text": "Ana", "entities": [[0, 2, ""]]}`, `line 1: entity 1: label is empty`},
	})
}

// TestSpacyUTF16 checks that offsets a browser counted in UTF-16 units are
// recognised, in a document with emoji, when they fit words only that way.
func TestSpacyUTF16(t *testing.T) {
	// "🚀 Launch by NASA 🇺🇸 in Houston": code points NASA [12,16),
	// Houston [23,30); UTF-16 NASA [13,17), Houston [26,33).
	tests := []struct {
		name     string
		spans    string
		trust    bool
		want     []string
		repaired int
	}{
		{"code points", `[[12, 16, "ORG"], [23, 30, "LOC"]]`, false,
			[]string{`LOC [23,30) "Houston"`, `ORG [12,16) "NASA"`}, 0},
		{"UTF-16", `[[13, 17, "ORG"], [26, 33, "LOC"]]`, false,
			[]string{`LOC [23,30) "Houston"`, `ORG [12,16) "NASA"`}, 2},
		{"UTF-16 beyond the code points", `[[26, 32, "LOC"], [31, 33, "LOC"]]`, false,
			[]string{`LOC [23,29) "Housto"`, `LOC [28,30) "on"`}, 2},
		{"trusted", `[[13, 17, "ORG"]]`, true, []string{`ORG [13,17) "ASA "`}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := `{"text": "🚀 Launch by NASA 🇺🇸 in Houston", "entities": ` + tt.spans + `}`
			o := toolImportOptions()
			o.TrustOffsets = tt.trust
			docs, rep, err := ImportSpacy(strings.NewReader(in), "x.jsonl", o)
			if err != nil {
				t.Fatal(err)
			}
			if got := toolViewOf(docs[0], false, false).Spans; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("spans %q, want %q", got, tt.want)
			}
			if rep.Repaired != tt.repaired {
				t.Errorf("repaired %d, want %d", rep.Repaired, tt.repaired)
			}
		})
	}
}

func FuzzImportSpacy(f *testing.F) {
	f.Add([]byte(`{"text": "Ana met Bo.", "entities": [[0, 3, "PERSON"]], "spans": {"sc": [[0, 10, "CLAIM"]]}, "meta": {"id": "0123456789abcdef"}}`))
	f.Add([]byte(`{"text": "🚀 NASA", "ents": [{"start": 3, "end": 7, "label": "ORG"}]}`))
	f.Add([]byte("{\"text\": \"a\\r\\nb\", \"entities\": [[3, 4, \"X\"]]}\n{\"text\": \"\"}"))
	for _, g := range []string{"article.spacy.jsonl", "unicode.spacy.jsonl"} {
		if b, err := readGoldenSeed(g); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, rep, err := ImportSpacy(bytes.NewReader(data), "fuzz.jsonl", toolImportOptions())
		toolFuzz(t, docs, rep, err)
	})
}
