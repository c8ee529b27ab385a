package formats

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// TestJSONLWithoutSchemaLearnsAttributes reads a JSONL file that gives
// no schema and values of attributes the default schema lacks: each is
// defined, bool for a bool and text for a string, for the label whose
// annotation has it or for the document, and the documents read.
func TestJSONLWithoutSchemaLearnsAttributes(t *testing.T) {
	text := "Bo said so."
	sum := annotate.SHA256Hex(text)
	lines := []string{
		`{"id":"d1","text":"Bo said so.","sha256":"` + sum + `","attributes":{"topic":"x","reviewed":true},` +
			`"annotations":[{"id":"a1","start":8,"end":10,"label":"CLAIM","kind":"claim","text":"so",` +
			`"attributes":{"verdict":"false","hedged":false,"reason":"“quoted” — text"}},` +
			`{"id":"a2","start":0,"end":2,"label":"PET","kind":"entity","text":"Bo","attributes":{"kb_id":"Q1","species":"dog"}}]}`,
		`{"id":"d2","text":"Bo said so.","sha256":"` + sum + `","annotations":[{"id":"b1","start":8,"end":10,"label":"CLAIM","kind":"claim","text":"so","attributes":{"hedged":true}}]}`,
	}
	rd, err := ReadSpanmark(strings.NewReader(strings.Join(lines, "\n")+"\n"), "x.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	got := rd.Header().Schema
	def := annotate.DefaultSchema()
	var added []string
	for _, a := range got.Attributes[len(def.Attributes):] {
		added = append(added, a.Label+"."+a.Name+":"+string(a.Type))
	}
	want := []string{"CLAIM.hedged:bool", "CLAIM.reason:text", "PET.species:text", ".reviewed:bool"}
	if strings.Join(added, " ") != strings.Join(want, " ") {
		t.Errorf("attributes added %q, want %q", added, want)
	}
	n := 0
	for d, err := range rd.Documents() {
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, a := range d.Annotations {
			if a.ID == "a2" && !a.Attributes.Equal(annotate.AttributesOf(map[string]annotate.AttrValue{
				"kb_id": annotate.StringValue("Q1"), "species": annotate.StringValue("dog")})) {
				t.Errorf("PET values %v", a.Attributes)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
}

// TestJSONLWithoutSchemaRefusesMixedTypes: a name given a bool and then
// a string is defined by the first, and the second is refused at its
// place.
func TestJSONLWithoutSchemaRefusesMixedTypes(t *testing.T) {
	text := "Bo said so."
	line := func(id, v string) string {
		return `{"id":"` + id + `","text":"` + text + `","annotations":[{"id":"` + id + `a","start":8,"end":10,"label":"CLAIM","kind":"claim","text":"so","attributes":{"hedged":` + v + `}}]}`
	}
	rd, err := ReadSpanmark(strings.NewReader(line("d1", "true")+"\n"+line("d2", `"often"`)+"\n"), "x.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var last error
	for _, err := range rd.Documents() {
		last = err
	}
	if last == nil || !strings.Contains(last.Error(), "x.jsonl:2 (id d2): annotation d2a") || !strings.Contains(last.Error(), "hedged") {
		t.Errorf("error %v, want one naming x.jsonl:2, annotation d2a and hedged", last)
	}
}

// BenchmarkInferSchemaAttributes measures what attribute values cost the
// first pass over a JSONL file without a schema (inferSchema), which now
// reads them: the same synthetic documents with no values and with values
// on every annotation and document, taking turns. time-ratio is the pass
// over the file with values over the one without, size-ratio the files'
// sizes.
func BenchmarkInferSchemaAttributes(b *testing.B) {
	opts := synth.Options{Docs: 300, WordsPerDoc: 800, AnnotationsPerDoc: 100, Annotator: "bench", Seed: 1}
	var bare, valued []*annotate.DocumentData
	schema := annotate.DefaultSchema()
	for d, err := range synth.Documents(opts) {
		if err != nil {
			b.Fatal(err)
		}
		bare = append(bare, d)
		v := *d
		v.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("war — “Kursk”")})
		v.Annotations = make([]annotate.Annotation, len(d.Annotations))
		for i, a := range d.Annotations {
			a.Attributes = sampleValues(schema.KindOf(a.Label), i)
			v.Annotations[i] = a
		}
		valued = append(valued, &v)
	}
	var bareFile, valuedFile bytes.Buffer
	h := Header{Annotator: "bench", ExportedAt: exportedAt, Schema: schema}
	if err := WriteJSONL(&bareFile, h, eachOf(bare)); err != nil {
		b.Fatal(err)
	}
	if err := WriteJSONL(&valuedFile, h, eachOf(valued)); err != nil {
		b.Fatal(err)
	}
	var without, with time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := inferSchema(bytes.NewReader(bareFile.Bytes()), 0); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := inferSchema(bytes.NewReader(valuedFile.Bytes()), 0); err != nil {
			b.Fatal(err)
		}
		without += t1.Sub(t0)
		with += time.Since(t1)
	}
	b.ReportMetric(float64(with)/float64(without), "time-ratio")
	b.ReportMetric(float64(valuedFile.Len())/float64(bareFile.Len()), "size-ratio")
}
