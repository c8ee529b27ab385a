package synth

import (
	"testing"

	"spanmark/annotate"
)

func TestDocumentsAreValid(t *testing.T) {
	schema := annotate.DefaultSchema()
	opts := Options{Docs: 5, WordsPerDoc: 2000, AnnotationsPerDoc: 200, Annotator: "gen", Seed: 7}
	n := 0
	for d, err := range Documents(opts) {
		if err != nil {
			t.Fatal(err)
		}
		if err := annotate.ValidateDocumentData(d, schema); err != nil {
			t.Fatalf("document %d: %v", n, err)
		}
		if got := len(d.Annotations); got != opts.AnnotationsPerDoc {
			t.Errorf("document %d: %d annotations, want %d", n, got, opts.AnnotationsPerDoc)
		}
		if len(d.Relations) == 0 {
			t.Errorf("document %d: no relations", n)
		}
		if annotate.RuneLen(d.Document.Text) == len(d.Document.Text) {
			t.Errorf("document %d: all ASCII; want some non-ASCII text", n)
		}
		n++
	}
	if n != opts.Docs {
		t.Errorf("got %d documents, want %d", n, opts.Docs)
	}
}

// TestDeterministic: the same seed makes the same project, so benchmark
// data sets can be rebuilt anywhere.
func TestDeterministic(t *testing.T) {
	opts := Options{Docs: 2, WordsPerDoc: 300, AnnotationsPerDoc: 40, Seed: 42}
	var a, b []string
	for d := range Documents(opts) {
		a = append(a, d.Document.SHA256)
	}
	for d := range Documents(opts) {
		b = append(b, d.Document.SHA256)
	}
	if len(a) != 2 || a[0] != b[0] || a[1] != b[1] {
		t.Errorf("two runs with one seed differ: %v vs %v", a, b)
	}
	opts.Seed = 43
	for d := range Documents(opts) {
		if d.Document.SHA256 == a[0] {
			t.Error("another seed made the same text")
		}
		break
	}
}

func BenchmarkDocuments(b *testing.B) {
	opts := Options{Docs: 1, WordsPerDoc: 170000, AnnotationsPerDoc: 20000, Seed: 1}
	for b.Loop() {
		for range Documents(opts) {
		}
	}
}
