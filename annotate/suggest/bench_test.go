package suggest

import (
	"fmt"
	"runtime"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// synthEach walks a synthetic project, generating it again on each walk
// so that the benchmark holds one document at a time, as a store's Each
// does.
func synthEach(opts synth.Options) EachFunc {
	return func(fn func(*annotate.DocumentData) error) error {
		for d, err := range synth.Documents(opts) {
			if err != nil {
				return err
			}
			annotate.SortAnnotations(d.Annotations)
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
}

// BenchmarkFromScratch computes the string suggestions of a synthetic
// project of benchDocs documents of 100 annotations: one walk to
// index, one to match. Generating the documents twice is part of the
// time; BenchmarkGenerate measures it alone. heap-MB is the largest heap
// in use after a run, as
// runtime.MemStats reports it.
func BenchmarkFromScratch(b *testing.B) {
	opts := synth.Options{Docs: benchDocs, WordsPerDoc: 800, AnnotationsPerDoc: 100, Seed: 1}
	each := synthEach(opts)
	for _, minScore := range []float64{0, 0.5} {
		b.Run(fmt.Sprint("min-score=", minScore), func(b *testing.B) {
			var n, patterns int
			var heap uint64
			for b.Loop() {
				x, err := Build(each, nil, Options{})
				if err != nil {
					b.Fatal(err)
				}
				patterns, n = x.Patterns(), 0
				err = x.All(each, minScore, func(_ string, s []annotate.Suggestion) error {
					n += len(s)
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heap = max(heap, ms.HeapInuse)
			}
			b.ReportMetric(float64(n), "suggestions")
			b.ReportMetric(float64(patterns), "patterns")
			b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
		})
	}
}

// BenchmarkGenerate is the cost of generating BenchmarkFromScratch's
// project twice, to subtract from it.
func BenchmarkGenerate(b *testing.B) {
	each := synthEach(synth.Options{Docs: benchDocs, WordsPerDoc: 800, AnnotationsPerDoc: 100, Seed: 1})
	for b.Loop() {
		for range 2 {
			if err := each(func(*annotate.DocumentData) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTag is what one tag and its undo (two edits) cost the open document's
// suggestions when it holds 20,000 annotations, in a project of 100
// such documents' worth of strings: Doc.Edit adding an annotation of a
// string that occurs across the document, then removing it.
func BenchmarkTag(b *testing.B) {
	opts := synth.Options{Docs: 1, WordsPerDoc: 100000, AnnotationsPerDoc: 20000, Seed: 3}
	var d *annotate.DocumentData
	for doc := range synth.Documents(opts) {
		d = doc
	}
	annotate.SortAnnotations(d.Annotations)
	x := NewIndex(Options{})
	x.AddDocument(d)
	open := x.Open(d, 0)
	w := newWords(d.Document.Text)
	b.ReportMetric(float64(open.Len()), "suggestions")
	// Eight words, most not yet annotated, so that a tag makes a new
	// pattern.
	var tags []annotate.Annotation
	for k := range 8 {
		t := w.toks[(k*7919+13)%len(w.toks)]
		tags = append(tags, annotate.Annotation{ID: "bench", DocumentID: d.Document.ID, Start: t.start, End: t.end, Label: "ORG"})
	}
	i := 0
	for b.Loop() {
		t := tags[i%len(tags)]
		i++
		open.Edit(nil, []annotate.Annotation{t})
		open.Edit([]annotate.Annotation{t}, nil)
	}
}

// benchDocs is the size of BenchmarkFromScratch's project, a hundred
// annotations each.
const benchDocs = 1000
