package suggest

import (
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// BenchmarkDocLen is what the status line's count costs in the open
// document of BenchmarkTag: Len applies the longest-match rule to every
// suggestion of the document.
func BenchmarkDocLen(b *testing.B) {
	var d *annotate.DocumentData
	for doc := range synth.Documents(synth.Options{Docs: 1, WordsPerDoc: 100000, AnnotationsPerDoc: 20000, Seed: 3}) {
		d = doc
	}
	annotate.SortAnnotations(d.Annotations)
	x := NewIndex(Options{})
	x.AddDocument(d)
	open := x.Open(d, 0)
	n := 0
	for b.Loop() {
		n = open.Len()
	}
	b.ReportMetric(float64(n), "suggestions")
}
