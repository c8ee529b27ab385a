package lint

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSurfacesModel counts and uncounts random annotations and compares
// the index with a map of maps after every change, with the real hash and
// with one under which every string collides, so that strings are told
// apart only by their bytes in the chain of one hash.
func TestSurfacesModel(t *testing.T) {
	for _, tt := range []struct {
		name string
		hash func(string) uint64
	}{
		{"maphash", nil},
		{"every string collides", func(string) uint64 { return 7 }},
		{"two hashes", func(s string) uint64 { return uint64(len(s) % 2) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSurfaces()
			if tt.hash != nil {
				s.hash = tt.hash
			}
			model := make(map[string]map[string]int)
			rng := rand.New(rand.NewPCG(1, 2))
			texts := []string{"", "a", "ab", "Shoigu", "Shoigu’s", "北京", "Kyiv", "kyiv", "Kyi"}
			labels := []string{"PERSON", "ORG", "LOC"}
			for step := range 3000 {
				text, label := texts[rng.IntN(len(texts))], labels[rng.IntN(len(labels))]
				op := "+"
				if rng.IntN(5) < 2 {
					op = "-"
					s.RemoveAnnotation(text, label)
					if model[text][label] > 0 {
						model[text][label]--
					}
				} else {
					s.AddAnnotation(text, label)
					if model[text] == nil {
						model[text] = make(map[string]int)
					}
					model[text][label]++
				}
				if err := sameAsModel(s, model, texts); err != nil {
					t.Fatalf("step %d (%s %q %s): %v", step, op, text, label, err)
				}
			}
		})
	}
}

// sameAsModel compares s with model on every text.
func sameAsModel(s *Surfaces, model map[string]map[string]int, texts []string) error {
	n := 0
	for _, text := range texts {
		var want []LabelCount
		for label, c := range model[text] {
			if c > 0 {
				want = append(want, LabelCount{label, c})
			}
		}
		sortCounts(want)
		if len(want) > 0 {
			n++
		}
		if got := s.Labels(text); !slices.Equal(got, want) {
			return fmt.Errorf("Labels(%q) = %v, want %v", text, got, want)
		}
	}
	if s.Len() != n {
		return fmt.Errorf("Len() = %d, want %d", s.Len(), n)
	}
	return nil
}
