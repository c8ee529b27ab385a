package lint

import (
	"slices"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// synthDoc returns one synthetic document of about words words with n
// annotations.
func synthDoc(tb testing.TB, words, n int) *annotate.DocumentData {
	tb.Helper()
	for d, err := range synth.Documents(synth.Options{Docs: 1, WordsPerDoc: words, AnnotationsPerDoc: n, Annotator: "t", Seed: 1}) {
		if err != nil {
			tb.Fatal(err)
		}
		return d
	}
	tb.Fatal("synth made no document")
	return nil
}

// TestDocumentInIsDocument checks that a Text made beforehand gives the
// findings a check from scratch gives, on a document with findings of
// every kind synth plants and on the planted cases of the rules.
func TestDocumentInIsDocument(t *testing.T) {
	d := synthDoc(t, 3000, 400)
	// Plant a few problems synth does not make: a partial token, a
	// trailing space, a duplicate.
	a := d.Annotations[0]
	d.Annotations = append(d.Annotations,
		annotate.Annotation{ID: "part", DocumentID: a.DocumentID, Start: a.Start + 1, End: a.End, Label: "MISC"},
		annotate.Annotation{ID: "space", DocumentID: a.DocumentID, Start: a.Start, End: a.End + 1, Label: "ORG"},
		annotate.Annotation{ID: "dup", DocumentID: a.DocumentID, Start: a.Start, End: a.End, Label: a.Label},
	)
	annotate.SortAnnotations(d.Annotations)
	surfaces := NewSurfaces()
	surfaces.Add(d)
	l, err := New(annotate.DefaultSchema(), surfaces, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := got(d, l.Document(d))
	if len(want) < 3 {
		t.Fatalf("only %d findings: the planted ones are missing: %q", len(want), want)
	}
	if g := got(d, l.DocumentIn(d, NewText(d.Document.Text))); !slices.Equal(g, want) {
		t.Errorf("DocumentIn\n got %q\nwant %q", g, want)
	}
}

// TestSurfacesPerAnnotation checks that counting annotations one at a
// time, as the app does after each edit, keeps the index Add and Remove
// keep.
func TestSurfacesPerAnnotation(t *testing.T) {
	tests := []struct {
		name   string
		edits  [][3]string // op (+/-), text, label
		text   string
		labels []LabelCount
	}{
		{"added", [][3]string{{"+", "Shoigu", "PERSON"}, {"+", "Shoigu", "PERSON"}, {"+", "Shoigu", "ORG"}},
			"Shoigu", []LabelCount{{"PERSON", 2}, {"ORG", 1}}},
		{"relabelled", [][3]string{{"+", "Shoigu", "PERSON"}, {"-", "Shoigu", "PERSON"}, {"+", "Shoigu", "ORG"}},
			"Shoigu", []LabelCount{{"ORG", 1}}},
		{"all removed", [][3]string{{"+", "Apple", "ORG"}, {"-", "Apple", "ORG"}}, "Apple", nil},
		{"removing what was never added", [][3]string{{"-", "Apple", "ORG"}, {"+", "Apple", "ORG"}},
			"Apple", []LabelCount{{"ORG", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSurfaces()
			for _, e := range tt.edits {
				if e[0] == "+" {
					s.AddAnnotation(e[1], e[2])
				} else {
					s.RemoveAnnotation(e[1], e[2])
				}
			}
			if g := s.Labels(tt.text); !slices.Equal(g, tt.labels) {
				t.Errorf("Labels(%q) = %v, want %v", tt.text, g, tt.labels)
			}
			if tt.labels == nil && s.Len() != 0 {
				t.Errorf("Len = %d, want 0", s.Len())
			}
		})
	}
}

// BenchmarkDocument20000 checks a book-length document with 20,000
// annotations from scratch (index and tokens made each time) and with a
// Text made once, as the app's Problems list does after an edit.
func BenchmarkDocument20000(b *testing.B) {
	d := synthDoc(b, 170000, 20000)
	surfaces := NewSurfaces()
	surfaces.Add(d)
	l, err := New(annotate.DefaultSchema(), surfaces, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("scratch", func(b *testing.B) {
		for b.Loop() {
			l.Document(d)
		}
	})
	t := NewText(d.Document.Text)
	b.Run("prepared", func(b *testing.B) {
		for b.Loop() {
			l.DocumentIn(d, t)
		}
	})
}
