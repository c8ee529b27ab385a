package formats

import (
	"io"
	"strconv"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// BenchmarkWriteJSONLAttributes measures what attribute values cost a
// JSONL export: the same synthetic documents are written with no values
// and with values on every annotation (a claim's verdict and
// check-worthiness, a source's type, an entity's knowledge-base id),
// taking turns so that both see the same machine. time-ratio and
// size-ratio are the export with values over the one without; the issue
// asks for at most 1.15.
func BenchmarkWriteJSONLAttributes(b *testing.B) {
	opts := synth.Options{Docs: 300, WordsPerDoc: 800, AnnotationsPerDoc: 100, Annotator: "bench", Seed: 1}
	var bare, valued []*annotate.DocumentData
	schema := annotate.DefaultSchema()
	for d, err := range synth.Documents(opts) {
		if err != nil {
			b.Fatal(err)
		}
		bare = append(bare, d)
		v := *d
		v.Annotations = make([]annotate.Annotation, len(d.Annotations))
		for i, a := range d.Annotations {
			a.Attributes = sampleValues(schema.KindOf(a.Label), i)
			v.Annotations[i] = a
		}
		valued = append(valued, &v)
	}
	h := Header{Annotator: "bench", ExportedAt: exportedAt, Schema: schema}
	var bareBytes, valuedBytes countingWriter
	if err := WriteJSONL(&bareBytes, h, eachOf(bare)); err != nil {
		b.Fatal(err)
	}
	if err := WriteJSONL(&valuedBytes, h, eachOf(valued)); err != nil {
		b.Fatal(err)
	}
	var without, with time.Duration
	for b.Loop() {
		t0 := time.Now()
		if err := WriteJSONL(io.Discard, h, eachOf(bare)); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := WriteJSONL(io.Discard, h, eachOf(valued)); err != nil {
			b.Fatal(err)
		}
		without += t1.Sub(t0)
		with += time.Since(t1)
	}
	b.ReportMetric(float64(with)/float64(without), "time-ratio")
	b.ReportMetric(float64(valuedBytes.n)/float64(bareBytes.n), "size-ratio")
}

// sampleValues returns values of the default schema's attributes for an
// annotation of kind k, varied by i.
func sampleValues(k annotate.Kind, i int) annotate.Attributes {
	switch k {
	case annotate.KindClaim:
		verdicts := annotate.DefaultAttributes()[0].Values
		return annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue(verdicts[i%len(verdicts)].Name),
			"checkworthy": annotate.BoolValue(i%2 == 0)})
	case annotate.KindSource:
		return annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("named_person")})
	}
	return annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": annotate.StringValue("Q" + strconv.Itoa(1000+i))})
}
