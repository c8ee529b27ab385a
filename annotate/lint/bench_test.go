package lint

import (
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// BenchmarkLintSynth lints 1,000 synthetic news-length documents of 100
// annotations (a tenth of the benchmark project) as spanmark lint does:
// a first pass counts the Surfaces, a second checks every document. It
// reports each pass per document; the project's 10,000 documents take
// ten thousand times as long, plus reading them.
func BenchmarkLintSynth(b *testing.B) {
	var docs []*annotate.DocumentData
	for d, err := range synth.Documents(synth.Options{Docs: 1000, WordsPerDoc: 800, AnnotationsPerDoc: 100, Seed: 1}) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	perDoc := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
	}
	var surfaces *Surfaces
	b.Run("count", func(b *testing.B) {
		for b.Loop() {
			surfaces = NewSurfaces()
			for _, d := range docs {
				surfaces.Add(d)
			}
		}
		perDoc(b)
	})
	l, err := New(annotate.DefaultSchema(), surfaces, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("check", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, d := range docs {
				n += len(l.Document(d))
			}
		}
		perDoc(b)
		b.ReportMetric(float64(n)/float64(b.N*len(docs)), "findings/doc")
	})
}
