package agree

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"spanmark/annotate/synth"
)

// synthSides returns A, synthetic documents in synth's three overlapping
// layers (entities, claims over entities, sources), and B, a perturbation
// of each as perturb makes it.
func synthSides(b *testing.B, opts synth.Options) (Side, Side) {
	b.Helper()
	rng := rand.New(rand.NewPCG(opts.Seed, 3))
	sa, sb := side("A"), side("B")
	for d, err := range synth.Documents(opts) {
		if err != nil {
			b.Fatal(err)
		}
		sa.Docs = append(sa.Docs, d)
		sb.Docs = append(sb.Docs, perturb(rng, d))
	}
	return sa, sb
}

// BenchmarkCompareSynth measures Compare at the scale budget's size,
// 100,000 annotations on each side, on synth's text and layers: as many
// news articles, and as a few book-length documents whose claims overlap
// hundreds of entities each.
func BenchmarkCompareSynth(b *testing.B) {
	for _, size := range []struct{ docs, words, perDoc int }{{1000, 800, 100}, {5, 170000, 20000}} {
		b.Run(fmt.Sprintf("%dx%d", size.docs, size.perDoc), func(b *testing.B) {
			sa, sb := synthSides(b, synth.Options{
				Docs: size.docs, WordsPerDoc: size.words, AnnotationsPerDoc: size.perDoc, Annotator: "bench", Seed: 1,
			})
			var r Report
			for b.Loop() {
				r = Compare(sa, sb)
			}
			if r.Matched != size.docs {
				b.Fatalf("Compare paired %d documents, want %d", r.Matched, size.docs)
			}
			b.ReportMetric(float64(annotationsOf(sa)), "annotations-A")
			b.ReportMetric(float64(annotationsOf(sb)), "annotations-B")
			b.ReportMetric(r.Overall.Exact.F1(), "exactF1")
		})
	}
}

// annotationsOf counts the annotations of s.
func annotationsOf(s Side) int {
	n := 0
	for _, d := range s.Docs {
		n += len(d.Annotations)
	}
	return n
}
