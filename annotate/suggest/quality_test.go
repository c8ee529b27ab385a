package suggest

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"spanmark/annotate"
)

// goldArticle is testdata/suggest/article_entities.json: the entities of
// the sample article, annotated by hand, and where its second half
// starts.
type goldArticle struct {
	Split    int `json:"split"`
	Entities []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		Label string `json:"label"`
	} `json:"entities"`
}

// TestQualityOnArticle annotates the first half of the sample article by
// the hand annotation, computes the string suggestions of the second
// half, and logs their precision and recall against the hand annotation
// of the second half (exact span and label). No suggestion may start or
// end inside a word.
func TestQualityOnArticle(t *testing.T) {
	text, err := os.ReadFile("../../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../../testdata/suggest/article_entities.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold goldArticle
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	ix := annotate.NewIndex(string(text))
	d := &annotate.DocumentData{Document: annotate.Document{ID: "article", Text: string(text)}}
	want := make(map[annotate.SpanLabel]bool)
	for k, e := range gold.Entities {
		if got := ix.Slice(e.Start, e.End); got != e.Text {
			t.Fatalf("entity %d [%d,%d) is %q in the article, the fixture says %q", k, e.Start, e.End, got, e.Text)
		}
		if e.Start >= gold.Split {
			want[annotate.SpanLabel{Start: e.Start, End: e.End, Label: e.Label}] = true
			continue
		}
		d.Annotations = append(d.Annotations, annotate.Annotation{ID: fmt.Sprint(k),
			DocumentID: "article", Start: e.Start, End: e.End, Label: e.Label})
	}
	bounds := tokenBounds(string(text))
	for _, opts := range []Options{{}, {CaseInsensitive: true}} {
		for _, minScore := range []float64{0, DefaultMinScore} {
			x := NewIndex(opts)
			x.AddDocument(d)
			var hits, n int
			for _, s := range x.Suggest(d, minScore) {
				if !bounds.starts[s.Start] || !bounds.ends[s.End] {
					t.Errorf("%s %q [%d,%d) starts or ends inside a word", s.Label, ix.Slice(s.Start, s.End), s.Start, s.End)
				}
				if s.Start < gold.Split {
					continue
				}
				n++
				if want[s.Key()] {
					hits++
				} else {
					t.Logf("not in the hand annotation: %s %q at %d", s.Label, ix.Slice(s.Start, s.End), s.Start)
				}
			}
			precision, recall := float64(hits)/float64(max(n, 1)), float64(hits)/float64(len(want))
			t.Logf("case-insensitive %v, min-score %v: %d suggestions in the second half, %d right: precision %.2f, recall %.2f (%d entities)",
				opts.CaseInsensitive, minScore, n, hits, precision, recall, len(want))
			// Floors, not the figures: a change that makes suggestions
			// much worse on real text fails here.
			if precision < 0.9 || recall < 0.5 {
				t.Errorf("precision %.2f, recall %.2f: want at least 0.9 and 0.5", precision, recall)
			}
		}
	}
}

// tokenBounds is where a text's tokens start and end, in code points.
type bounds struct{ starts, ends map[int]bool }

func tokenBounds(text string) bounds {
	b := bounds{make(map[int]bool), make(map[int]bool)}
	for _, tk := range annotate.Tokenize(text) {
		b.starts[tk.Start], b.ends[tk.End] = true, true
	}
	return b
}
