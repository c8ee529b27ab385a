package formats

import (
	"bufio"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// sameAsUnmarshal reports whether wl is what encoding/json decodes of
// line, without an error.
func sameAsUnmarshal(t testing.TB, line []byte, wl *wireLine) {
	t.Helper()
	want, err := unmarshalDocLine(line)
	if err != nil {
		t.Fatalf("the probe answers, but encoding/json fails: %v", err)
	}
	if !reflect.DeepEqual(wl, want) {
		t.Fatalf("probe gives %+v,\nencoding/json %+v", wl, want)
	}
}

func TestProbeDocLine(t *testing.T) {
	ann := `{"id":"a1","start":0,"end":3,"text":"Kim","label":"PERSON","kind":"entity","note":"","annotator":"x","created_at":"2026-01-02T03:04:05Z","updated_at":""}`
	tests := []struct {
		name string
		line string
		ok   bool // the probe answers (else encoding/json does)
	}{
		{"a document", `{"annotator":"x","id":"d","title":"T","text":"Kim met \"them\".\n\nThen — “left” ñ 🚀\\/\/\t\r\b\f","sha256":"ab","status":"done","source_path":"","created_at":"","updated_at":"","annotations":[` + ann + `],"relations":[{"id":"r","type":"attributed_to","from":"a","to":"b"}]}`, true},
		{"attributes", `{"id":"d","attributes":{"topic":"x"},"annotations":[{"id":"a","label":"CLAIM","attributes":{"verdict":"false","checkworthy":true}}]}`, true},
		{"null attributes", `{"attributes":null,"annotations":[{"attributes":null}]}`, true},
		{"null lists", `{"annotations":null,"relations":null}`, true},
		{"empty lists", `{"annotations":[],"relations":[]}`, true},
		{"empty", `{}`, true},
		{"unknown members", `{"meta":{"x":[1,-2.5e3,true,false,null]},"annotations":[{"id":"a","extra":[{}]}],"relations":[{"id":"r","w":1.5}]}`, true},
		{"spaces everywhere", " { \"id\" : \"d\" , \"annotations\" : [ { \"start\" : -0 , \"end\" : 12 } ] } \r", true},
		{"null fields", `{"id":null,"annotations":[{"label":null}]}`, true},
		{"\\u escape", `{"text":"caf\u00e9"}`, false},
		{"surrogate pair", `{"text":"\ud83d\ude80"}`, false},
		{"invalid UTF-8", "{\"text\":\"a\xffb\"}", false},
		{"invalid UTF-8 and an escape", "{\"text\":\"a\xff\\nb\"}", false},
		{"header members", `{"format":"spanmark","version":1,"annotator":"x","id":"d"}`, false},
		{"schema", `{"schema":null,"id":"d"}`, false},
		{"documents", `{"documents":[]}`, false},
		{"suggestions", `{"id":"d","suggestions":[]}`, false},
		{"key in other case", `{"ID":"d"}`, false},
		{"annotation key in other case", `{"annotations":[{"Label":"X"}]}`, false},
		{"relation key in other case", `{"relations":[{"From":"a"}]}`, false},
		{"Kelvin sign", "{\"annotations\":[{\"\u212aind\":\"entity\"}]}", false},
		{"escaped key", `{"t\u0065xt":"x"}`, false},
		{"member twice", `{"id":"a","id":"b"}`, false},
		{"annotation member twice", `{"annotations":[{"end":1,"end":2}]}`, false},
		{"list twice", `{"annotations":[],"annotations":[{"id":"a"}]}`, false},
		{"fraction", `{"annotations":[{"start":1.0}]}`, false},
		{"exponent", `{"annotations":[{"start":1e2}]}`, false},
		{"too big", `{"annotations":[{"end":99999999999999999999}]}`, false},
		{"null offset", `{"annotations":[{"start":null}]}`, false},
		{"string offset", `{"annotations":[{"start":"1"}]}`, false},
		{"number for a label", `{"annotations":[{"label":1}]}`, false},
		{"null element", `{"annotations":[null]}`, false},
		{"list of another type", `{"relations":{}}`, false},
		{"attributes of another type", `{"attributes":[1]}`, false},
		{"attribute of another type", `{"annotations":[{"attributes":{"n":1}}]}`, true},
		{"top-level array", `[{"id":"d"}]`, false},
		{"trailing comma", `{"id":"d",}`, false},
		{"two values", `{} {}`, false},
		{"bad escape", `{"text":"\q"}`, false},
		{"control character", "{\"text\":\"a\tb\"}", false},
		{"cut short", `{"annotations":[{"label":"X"`, false},
		{"deep", `{"x":` + strings.Repeat(`[`, 2000) + strings.Repeat(`]`, 2000) + `}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wl, ok := probeDocLine([]byte(tt.line))
			if ok != tt.ok {
				t.Fatalf("probe ok = %v, want %v", ok, tt.ok)
			}
			if ok {
				sameAsUnmarshal(t, []byte(tt.line), wl)
			}
		})
	}
}

// TestProbeReadsDocLines wants the probe to answer for every document
// line of a spanmark JSONL export, values included, with encoding/json's
// result.
func TestProbeReadsDocLines(t *testing.T) {
	docs := synthDocs(t, synth.Options{Docs: 30, WordsPerDoc: 200, AnnotationsPerDoc: 40, Annotator: "t", Seed: 3})
	schema := annotate.DefaultSchema()
	for _, d := range docs {
		for i := range d.Annotations {
			d.Annotations[i].Attributes = projectValues(schema.KindOf(d.Annotations[i].Label), d.Annotations[i].Label, i)
		}
	}
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, Header{Schema: schema, Annotator: "t"}, eachOf(docs)); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		if n == 0 && isHeaderText(t, line) {
			continue
		}
		wl, ok := probeDocLine(line)
		if !ok {
			t.Fatalf("line %d: the probe does not answer", n+1)
		}
		sameAsUnmarshal(t, line, wl)
		n++
	}
	if n != 30 {
		t.Fatalf("%d document lines, want 30", n)
	}
}

// isHeaderText reports whether line is a header line.
func isHeaderText(t testing.TB, line []byte) bool {
	wl, err := unmarshalDocLine(line)
	if err != nil {
		t.Fatal(err)
	}
	return wl.Format != ""
}

// FuzzProbeDocLine: where the probe answers, encoding/json agrees.
func FuzzProbeDocLine(f *testing.F) {
	addJSONLSeeds(f)
	f.Add([]byte(`{"id":"d","text":"a\nb","annotations":[{"id":"a","start":0,"end":1,"label":"X","attributes":{"v":"f","c":true}}],"relations":[{"type":"t","from":"a","to":"a"}]}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		if wl, ok := probeDocLine(line); ok {
			sameAsUnmarshal(t, line, wl)
		}
	})
}

// BenchmarkDecodeDocLine decodes the document lines of an export by the
// probe and by encoding/json alone.
func BenchmarkDecodeDocLine(b *testing.B) {
	buf, lines := benchExportLines(b)
	for _, bb := range []struct {
		name   string
		decode func([]byte) (*wireLine, error)
	}{{"probe", decodeDocLine}, {"encoding-json", unmarshalDocLine}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				for _, l := range lines {
					if _, err := bb.decode(l); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
