package suggest

import (
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// BenchmarkRange computes the suggestions of the part of the 1 MB
// document of 20,000 annotations (app's BenchmarkOpenDocument20000's)
// that the app draws before Open is done (app/suggestearly.go), against
// Open of the whole document.
func BenchmarkRange(b *testing.B) {
	var d *annotate.DocumentData
	for doc, err := range synth.Documents(synth.Options{Docs: 1, WordsPerDoc: 170000, AnnotationsPerDoc: 20000, Seed: 1}) {
		if err != nil {
			b.Fatal(err)
		}
		d = doc
	}
	annotate.SortAnnotations(d.Annotations)
	x := NewIndex(Options{})
	x.AddDocument(d)
	ix := annotate.NewIndex(d.Document.Text) // the app's session has it
	b.Run("range", func(b *testing.B) {
		for b.Loop() {
			x.Range(d, ix, 0, 18432, DefaultMinScore)
		}
	})
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			x.Open(d, DefaultMinScore)
		}
	})
}
