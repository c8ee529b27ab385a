package suggest

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// TestAddDocumentKeysAsAdd checks AddDocument's shortcut (an annotation
// on token boundaries keyed by the document's own tokens) against Add of
// each annotation's text, over random spans of the sample article and of
// synth's text (numbers, emoji, curly quotes, apostrophes): the same
// patterns with the same counts.
func TestAddDocumentKeysAsAdd(t *testing.T) {
	article, err := os.ReadFile("../../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	texts = append(texts, string(article), "6,000. 1.5% U.S. don't ’s Ukraine’s 👩‍🔬 👍🏽 🇺🇦 x-y")
	for d := range synth.Documents(synth.Options{Docs: 2, WordsPerDoc: 300, Seed: 4}) {
		texts = append(texts, d.Document.Text)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for n, text := range texts {
		for _, fold := range []bool{false, true} {
			t.Run(fmt.Sprint(n, "/fold=", fold), func(t *testing.T) {
				d := &annotate.DocumentData{Document: annotate.Document{ID: "d", Text: text}}
				ix := annotate.NewIndex(text)
				toks := annotate.Tokenize(text)
				for range 400 {
					var a annotate.Annotation
					if i := rng.IntN(len(toks)); rng.IntN(4) > 0 {
						// On token boundaries, as most annotations are.
						j := min(i+rng.IntN(4), len(toks)-1)
						a = annotate.Annotation{Start: toks[i].Start, End: toks[j].End}
					} else {
						s := rng.IntN(ix.Len())
						a = annotate.Annotation{Start: s, End: min(s+1+rng.IntN(12), ix.Len())}
					}
					a.Label = []string{"ORG", "LOC"}[rng.IntN(2)]
					d.Annotations = append(d.Annotations, a)
				}
				fast, slow := NewIndex(Options{CaseInsensitive: fold}), NewIndex(Options{CaseInsensitive: fold})
				fast.AddDocument(d)
				for _, a := range d.Annotations {
					slow.Add(ix.Slice(a.Start, a.End), a.Label)
				}
				if got, want := summary(fast), summary(slow); !slices.Equal(got, want) {
					t.Errorf("AddDocument:\n%q\nAdd:\n%q", got, want)
				}
			})
		}
	}
}

// summary lists an index's patterns with their token counts and labels.
func summary(x *Index) []string {
	var out []string
	for i := range x.pats {
		if p := &x.pats[i]; p.total > 0 {
			var labels []string
			x.eachLabel(p, func(label string, n int32) { labels = append(labels, fmt.Sprint(label, n)) })
			out = append(out, fmt.Sprintf("%q/%d/%d%v", x.key(p), p.ntok, p.total, labels))
		}
	}
	slices.Sort(out)
	return out
}

// TestBuildIndexesEveryDocument checks Build, which tokenizes and indexes
// on two goroutines, against AddDocument of each document in turn, and
// that an error of the walk stops it.
func TestBuildIndexesEveryDocument(t *testing.T) {
	opts := synth.Options{Docs: 40, WordsPerDoc: 300, AnnotationsPerDoc: 30, Seed: 8}
	each := synthEach(opts)
	x, err := Build(each, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	one := NewIndex(Options{})
	if err := each(func(d *annotate.DocumentData) error { one.AddDocument(d); return nil }); err != nil {
		t.Fatal(err)
	}
	if got, want := summary(x), summary(one); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("Build: %d patterns, AddDocument: %d; first differences:\n%q\n%q", len(got), len(want), head(got), head(want))
	}
	bad := errors.New("unreadable")
	_, err = Build(func(fn func(*annotate.DocumentData) error) error {
		return errors.Join(each(fn), bad)
	}, nil, Options{})
	if !errors.Is(err, bad) {
		t.Errorf("Build of a walk that fails: %v, want %v", err, bad)
	}
}

// head returns the first few of ss.
func head(ss []string) []string { return ss[:min(len(ss), 5)] }
