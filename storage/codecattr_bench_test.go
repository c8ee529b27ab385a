package storage

import (
	"testing"

	"spanmark/annotate"
)

// BenchmarkDecodeAttributes decodes annotation records with the values
// of BenchmarkProjectAttributes1M's project: an entity's text kb_id,
// which each record holds its own of, and a claim's coded verdict and
// check-worthiness, which records share (codecshared.go).
func BenchmarkDecodeAttributes(b *testing.B) {
	codes := defaultCodes()
	person := ann("p1", 3, 9, "PERSON")
	person.Attributes = annotate.Attributes{{Name: "kb_id", Value: annotate.StringValue("Q4711")}}
	claim := ann("c1", 3, 9, "CLAIM")
	claim.Attributes = annotate.Attributes{{Name: "checkworthy", Value: annotate.BoolValue(true)},
		{Name: "verdict", Value: annotate.StringValue("false")}}
	mixed := ann("c2", 3, 9, "CLAIM")
	mixed.Attributes = annotate.Attributes{{Name: "checkworthy", Value: annotate.BoolValue(true)},
		{Name: "note", Value: annotate.StringValue("see the report")}}
	for _, tt := range []struct {
		name string
		a    annotate.Annotation
	}{{"text", person}, {"coded", claim}, {"mixed", mixed}} {
		rec := encodeAnnotation(tt.a, codes)
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := decodeAnnotation("d1", []byte("a1"), rec, codes); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
