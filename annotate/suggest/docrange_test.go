package suggest

import (
	"slices"
	"testing"

	"spanmark/annotate"
)

// TestDocIn finds In returning, for ranges across a document, exactly the
// suggestions of Suggestions that overlap them.
func TestDocIn(t *testing.T) {
	text := "Sergei Shoigu met Kim. Later Shoigu and Sergei Shoigu left; Kim stayed with Shoigu."
	ix := annotate.NewIndex(text)
	d := &annotate.DocumentData{
		Document:    annotate.Document{ID: "d", Text: text},
		Annotations: []annotate.Annotation{{ID: "a", Start: 0, End: 13, Label: "PERSON"}, {ID: "b", Start: 18, End: 21, Label: "PERSON"}},
	}
	x := NewIndex(Options{})
	x.AddDocument(d)
	doc := x.Open(d, 0)
	all := doc.Suggestions()
	if len(all) == 0 {
		t.Fatal("no suggestions to find")
	}
	n := ix.Len()
	for _, r := range [][2]int{{0, n}, {0, 1}, {20, 40}, {31, 33}, {n - 7, n}, {50, 50}} {
		var want []annotate.Suggestion
		for _, s := range all {
			if s.End > r[0] && s.Start < r[1] {
				want = append(want, s)
			}
		}
		if got := doc.In(nil, r[0], r[1]); !slices.Equal(got, want) {
			t.Errorf("In(%d, %d) = %v, want %v", r[0], r[1], got, want)
		}
	}
}
