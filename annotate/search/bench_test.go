package search

import (
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// BenchmarkSearchSynth searches 1,000 synthetic news-length documents
// (a tenth of the benchmark project) for a word, whole words only, and
// reports the time per document.
func BenchmarkSearchSynth(b *testing.B) {
	var docs []*annotate.DocumentData
	for d, err := range synth.Documents(synth.Options{Docs: 1000, WordsPerDoc: 800, AnnotationsPerDoc: 100, Seed: 1}) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	for _, bc := range []struct {
		name string
		q    Query
	}{
		{"word", Query{Text: "donterol", WholeWord: true}},
		{"case-sensitive", Query{Text: "donterol", CaseSensitive: true}},
		{"regex", Query{Text: `k[a-z]+o\b`, Regex: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s, err := New(bc.q, annotate.DefaultSchema())
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for b.Loop() {
				for _, d := range docs {
					s.Document(d, func(Result) bool { n++; return true })
				}
			}
			b.ReportMetric(float64(n)/float64(b.N), "results/op")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
		})
	}
}
