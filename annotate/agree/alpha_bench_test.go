package agree

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"spanmark/annotate"
)

// BenchmarkAlphaTally counts α among raters of 200-annotation documents,
// each rater a perturbed copy of the first, against Cohen's kappa of two
// of them over the same documents (a Tally does the F1 too).
func BenchmarkAlphaTally(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	const docs = 50
	for _, raters := range []int{2, 3, 5} {
		copies := make([][]*annotate.DocumentData, docs)
		for i := range copies {
			d := benchDocument(rng, fmt.Sprintf("d%d", i), 200)
			copies[i] = []*annotate.DocumentData{d}
			for range raters - 1 {
				copies[i] = append(copies[i], perturb(rng, d))
			}
		}
		b.Run(fmt.Sprintf("raters=%d", raters), func(b *testing.B) {
			for b.Loop() {
				t := NewAlphaTally(annotate.DefaultSchema())
				for _, c := range copies {
					t.Add(c...)
				}
				_ = t.Figures()
			}
		})
	}
}
