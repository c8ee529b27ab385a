package formats

import (
	"bufio"
	"bytes"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// sameSchemaLine compares two decoded lines, a missing list or map and an
// empty one alike (inferSchema learns nothing from either).
func sameSchemaLine(a, b *schemaLine) bool {
	if a == nil || b == nil {
		return a == b
	}
	return reflect.DeepEqual(normSchemaLine(*a), normSchemaLine(*b))
}

// normSchemaLine returns sl with its empty lists and maps nil.
func normSchemaLine(sl schemaLine) schemaLine {
	if len(sl.Annotations) == 0 {
		sl.Annotations = nil
	}
	if len(sl.Relations) == 0 {
		sl.Relations = nil
	}
	if len(sl.Attributes) == 0 {
		sl.Attributes = nil
	}
	anns := slices.Clone(sl.Annotations)
	for i := range anns {
		if len(anns[i].Attributes) == 0 {
			anns[i].Attributes = nil
		}
	}
	sl.Annotations = anns
	return sl
}

func TestProbeSchemaLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		ok   bool // the probe answers (else encoding/json does)
	}{
		{"a record", `{"id":"d","text":"Kim met \"them\".","annotations":[{"id":"a","start":0,"end":3,"label":"PERSON","kind":"entity","text":"Kim","note":null}],"relations":[{"id":"r","type":"attributed_to","from":"a","to":"b"}],"meta":{"x":[1,-2.5e3,true,false,null]}}`, true},
		{"escapes and non-ASCII in values", `{"annotations":[{"id":"\u00e9","label":"LÖC","kind":"entity"}]}`, true},
		{"null lists", `{"annotations":null,"relations":null}`, true},
		{"empty", `{}`, true},
		{"spaces everywhere", " { \"annotations\" : [ { \"label\" : \"X\" , \"kind\" : \"entity\" } ] } \r", true},
		{"null field", `{"annotations":[{"label":null,"kind":"entity"}]}`, true},
		{"key in other case", `{"Annotations":[{"label":"X","kind":"entity"}]}`, false},
		{"field key in other case", `{"annotations":[{"Label":"X","kind":"entity"}]}`, false},
		{"Kelvin sign", "{\"annotations\":[{\"label\":\"X\",\"\u212aind\":\"entity\"}]}", false},
		{"escaped key", `{"annot\u0061tions":[]}`, false},
		{"list twice", `{"annotations":[],"annotations":[{"label":"X"}]}`, false},
		{"list of another type", `{"annotations":{}}`, false},
		{"null element", `{"annotations":[null]}`, false},
		{"number for a label", `{"annotations":[{"label":1}]}`, false},
		{"top-level array", `[{"annotations":[]}]`, false},
		{"trailing comma", `{"annotations":[],}`, false},
		{"two values", `{} {}`, false},
		{"bad escape", `{"x":"\q"}`, false},
		{"control character", "{\"x\":\"a\tb\"}", false},
		{"leading zero", `{"x":01}`, false},
		{"bare minus", `{"x":-}`, false},
		{"cut short", `{"annotations":[{"label":"X"`, false},
		{"attributes", `{"attributes":{"topic":"x","n":1},"annotations":[{"label":"CLAIM","attributes":{"verdict":"false","hedged":true,"o":{"a":[1]},"x":null}}]}`, true},
		{"attributes of another type", `{"attributes":[1],"annotations":[{"label":"CLAIM","attributes":"x"}]}`, true},
		{"null attributes", `{"attributes":null,"annotations":[{"label":"CLAIM","attributes":null}]}`, true},
		{"attributes twice", `{"attributes":{"a":true},"attributes":{"b":"x"}}`, true},
		{"attributes key in other case", `{"Attributes":{"a":true}}`, false},
		{"escaped attribute name", `{"attributes":{"\u0061":true}}`, false},
		{"deep", strings.Repeat(`{"a":`, 2000) + "1" + strings.Repeat("}", 2000), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sl, ok := probeSchemaLine([]byte(tt.line))
			if ok != tt.ok {
				t.Fatalf("probe ok = %v, want %v", ok, tt.ok)
			}
			if ok && !sameSchemaLine(sl, unmarshalSchemaLine([]byte(tt.line))) {
				t.Errorf("probe gives %+v, encoding/json %+v", sl, unmarshalSchemaLine([]byte(tt.line)))
			}
		})
	}
}

// TestProbeReadsExports wants the probe to answer for every line of a
// spanmark JSONL export, with encoding/json's result.
func TestProbeReadsExports(t *testing.T) {
	docs := synthDocs(t, synth.Options{Docs: 30, WordsPerDoc: 200, AnnotationsPerDoc: 40, Annotator: "t", Seed: 3})
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, Header{Schema: annotate.DefaultSchema(), Annotator: "t"}, eachOf(docs)); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		sl, ok := probeSchemaLine(line)
		if !ok {
			t.Fatalf("line %d: the probe does not answer", n+1)
		}
		if !sameSchemaLine(sl, unmarshalSchemaLine(line)) {
			t.Fatalf("line %d: probe and encoding/json differ", n+1)
		}
		n++
	}
	if n != 30 {
		t.Fatalf("%d lines, want 30", n)
	}
}

// addJSONLSeeds adds the lines of two JSONL test files to f's corpus.
func addJSONLSeeds(f *testing.F) {
	for _, name := range []string{"../../testdata/json/problems.jsonl", "../../testdata/formats/article.doccano.jsonl"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for line := range bytes.Lines(b) {
			f.Add(bytes.TrimRight(line, "\n"))
		}
	}
}

// FuzzProbeSchemaLine: where the probe answers, encoding/json agrees.
func FuzzProbeSchemaLine(f *testing.F) {
	addJSONLSeeds(f)
	f.Add([]byte(`{"annotations":[{"id":"a","label":"X","kind":"entity"}],"relations":[{"type":"t","from":"a","to":"a"}]}`))
	f.Add([]byte(`{"annotations":[{"id":"\ud83d\ude80","label":"\u00ff","kind":"claim"}]}`))
	f.Add([]byte(`{"attributes":{"t":"x"},"annotations":[{"label":"CLAIM","attributes":{"v":"false","c":true,"n":1}}]}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		sl, ok := probeSchemaLine(line)
		if !ok {
			return
		}
		if want := unmarshalSchemaLine(line); !sameSchemaLine(sl, want) {
			t.Fatalf("probe gives %+v, encoding/json %+v", sl, want)
		}
	})
}

// benchExportLines returns the JSONL export of 50 synthetic documents
// and its lines, which the probe benchmarks decode.
func benchExportLines(b *testing.B) (*bytes.Buffer, [][]byte) {
	docs := synthDocs(b, synth.Options{Docs: 50, WordsPerDoc: 800, AnnotationsPerDoc: 100, Annotator: "b", Seed: 1})
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, Header{Schema: annotate.DefaultSchema(), Annotator: "t"}, eachOf(docs)); err != nil {
		b.Fatal(err)
	}
	return &buf, bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
}

// BenchmarkDecodeSchemaLine decodes the lines of an export by the schema
// probe and by encoding/json alone.
func BenchmarkDecodeSchemaLine(b *testing.B) {
	buf, lines := benchExportLines(b)
	for _, bb := range []struct {
		name   string
		decode func([]byte) *schemaLine
	}{{"probe", decodeSchemaLine}, {"encoding-json", unmarshalSchemaLine}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				for _, l := range lines {
					bb.decode(l)
				}
			}
		})
	}
}

// synthDocs makes the synthetic documents of o.
func synthDocs(t testing.TB, o synth.Options) []*annotate.DocumentData {
	var docs []*annotate.DocumentData
	for d, err := range synth.Documents(o) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}
