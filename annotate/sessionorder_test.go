package annotate_test

import (
	"math/rand/v2"
	"testing"
)

// TestSessionOrderAcrossRandomEdits makes random tags, relabels, deletes,
// undos and redos, reading the annotations only now and then, as the app
// does once a burst of edits pauses, and wants the order and content the
// store has after each read, and Tag to find an existing annotation
// however recent.
func TestSessionOrderAcrossRandomEdits(t *testing.T) {
	s, st := openArticle(t)
	rng := rand.New(rand.NewPCG(8, 9))
	n := s.Index().Len()
	labels := []string{"PERSON", "ORG", "LOC", "CLAIM"}
	var ids []string
	for step := range 400 {
		switch k := rng.IntN(10); {
		case k < 5 || len(ids) == 0:
			start := rng.IntN(n - 20)
			label := labels[rng.IntN(len(labels))]
			a, err := s.Tag(start, start+1+rng.IntN(15), label)
			if err != nil {
				t.Fatal(err)
			}
			again, err := s.Tag(a.Start, a.End, label)
			if err != nil || again.ID != a.ID {
				t.Fatalf("step %d: tagging %v again gave %v, %v", step, a, again, err)
			}
			ids = append(ids, a.ID)
		case k < 7:
			id := ids[rng.IntN(len(ids))]
			if _, ok := s.Annotation(id); ok {
				if err := s.Relabel(id, labels[rng.IntN(len(labels))]); err != nil {
					t.Fatal(err)
				}
			}
		case k < 8:
			id := ids[rng.IntN(len(ids))]
			if _, ok := s.Annotation(id); ok {
				if err := s.Delete(id); err != nil {
					t.Fatal(err)
				}
			}
		case k < 9:
			if _, err := s.Undo(); err != nil {
				t.Fatal(err)
			}
		default:
			if _, err := s.Redo(); err != nil {
				t.Fatal(err)
			}
		}
		if rng.IntN(8) == 0 {
			assertOnDisk(t, s, st)
		}
	}
	assertOnDisk(t, s, st)
	if got := s.Len(); got != len(s.Annotations()) {
		t.Errorf("Len() = %d, Annotations() has %d", got, len(s.Annotations()))
	}
}
