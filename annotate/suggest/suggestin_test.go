package suggest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/annotate/synth"
)

// randomSpans annotates text at n random places: most on whole tokens
// (1 to 120 of them, so that many patterns are longer than the trie,
// than inReach and than SuggestIn's first reach), some cutting words,
// with a few labels.
func randomSpans(rng *rand.Rand, text string, n int) []annotate.Annotation {
	toks := annotate.Tokenize(text)
	length := annotate.RuneLen(text)
	labels := []string{"PERSON", "ORG", "CLAIM"}
	var out []annotate.Annotation
	for k := range n {
		a := annotate.Annotation{ID: fmt.Sprint("r", k), Label: labels[rng.IntN(len(labels))]}
		if rng.IntN(5) == 0 {
			a.Start = rng.IntN(length)
			a.End = min(length, a.Start+1+rng.IntN(12))
		} else {
			i := rng.IntN(len(toks))
			j := min(len(toks)-1, i+rng.IntN(1+[]int{1, 3, 40, 120}[rng.IntN(4)]))
			a.Start, a.End = toks[i].Start, toks[j].End
		}
		out = append(out, a)
	}
	annotate.SortAnnotations(out)
	return out
}

// TestSuggestIn finds SuggestIn returning exactly what Open's Doc.In
// returns, for random ranges (cutting words, crossed by long matches) of
// a synthetic document and of the sample article, each annotated in part
// where the index learnt its strings from all of its annotations.
func TestSuggestIn(t *testing.T) {
	var synthetic *annotate.DocumentData
	for d, err := range synth.Documents(synth.Options{Docs: 1, WordsPerDoc: 3000, AnnotationsPerDoc: 300, Seed: 7}) {
		if err != nil {
			t.Fatal(err)
		}
		synthetic = d
	}
	texts := map[string]string{
		"synthetic": synthetic.Document.Text,
		"article":   annotatetest.Text(t, "article.txt"),
	}
	for name, text := range texts {
		for _, minScore := range []float64{0, 0.5} {
			t.Run(fmt.Sprint(name, "/min-score=", minScore), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(1, uint64(len(text))))
				anns := randomSpans(rng, text, 400)
				x := NewIndex(Options{})
				x.AddDocument(&annotate.DocumentData{Document: annotate.Document{ID: "src", Text: text}, Annotations: anns})
				// The document shown keeps a third of them: the rest are
				// suggested back, and the third still there cover some.
				d := &annotate.DocumentData{Document: annotate.Document{ID: "d", Text: text}}
				for _, a := range anns {
					if rng.IntN(3) == 0 {
						d.Annotations = append(d.Annotations, a)
					}
				}
				x.AddDocument(d)
				doc := x.Open(d, minScore)
				if doc.Len() == 0 {
					t.Fatal("no suggestions to find")
				}
				checkSuggestIn(t, rng, x, d, doc, minScore)
			})
		}
	}
}

// checkSuggestIn compares SuggestIn, and Range.In over ranges inside
// the Range, with doc.In over random ranges.
func checkSuggestIn(t *testing.T, rng *rand.Rand, x *Index, d *annotate.DocumentData, doc *Doc, minScore float64) {
	t.Helper()
	length := annotate.RuneLen(d.Document.Text)
	ranges := [][2]int{{0, 0}, {0, length}, {length, length}, {length - 1, length + 5}}
	for range 300 {
		a := rng.IntN(length)
		ranges = append(ranges, [2]int{a, min(length, a+rng.IntN([]int{3, 200, 3000}[rng.IntN(3)]))})
	}
	found := 0
	for _, r := range ranges {
		want := doc.In(nil, r[0], r[1])
		got := x.SuggestIn(d, r[0], r[1], minScore)
		if !slices.Equal(got, want) {
			t.Fatalf("SuggestIn(%d, %d) = %v,\nwant %v", r[0], r[1], show(d, got), show(d, want))
		}
		found += len(got)
		// A Range answers for the ranges inside it as Doc.In does.
		rg := x.Range(d, annotate.NewIndex(d.Document.Text), r[0], r[1], minScore)
		for range 3 {
			a := r[0] + rng.IntN(max(1, r[1]-r[0]))
			b := min(r[1], a+rng.IntN(max(1, r[1]-a+1)))
			if got, want := rg.In(nil, a, b), doc.In(nil, a, b); !rg.Contains(a, b) || !slices.Equal(got, want) {
				t.Fatalf("Range(%d, %d).In(%d, %d) = %v,\nwant %v", r[0], r[1], a, b, show(d, got), show(d, want))
			}
		}
	}
	if found == 0 {
		t.Fatal("no range had suggestions")
	}
}
