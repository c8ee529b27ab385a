package annotate_test

import (
	"math/rand/v2"
	"spanmark/annotate"
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
		if id := ids[rng.IntN(len(ids))]; rng.IntN(4) == 0 {
			assertOver(t, s, id)
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

// assertOver checks Over, which reads the order without merging the edits
// since, against the merged order, over the range of annotation id (if
// it is still there).
func assertOver(t *testing.T, s *annotate.Session, id string) {
	t.Helper()
	a, ok := s.Annotation(id)
	if !ok {
		return
	}
	got := s.Over(a.Start, a.End)
	var want []annotate.Annotation
	for _, b := range s.Annotations() {
		if b.Start == a.Start && b.End == a.End {
			want = append(want, b)
		}
	}
	if !equalAnnotations(got, want) {
		t.Fatalf("Over(%d, %d) = %+v, want %+v", a.Start, a.End, got, want)
	}
}

// TestSessionOrderLongBurst tags many times without reading the order,
// past the point where pending edits are merged, and checks Over and the
// order against the store.
func TestSessionOrderLongBurst(t *testing.T) {
	s, st := openArticle(t)
	n := s.Index().Len()
	for i := range 700 {
		start := (i * 7919) % (n - 10)
		a, err := s.Tag(start, start+1+i%7, "MISC")
		if err != nil {
			t.Fatal(err)
		}
		if i%97 == 0 {
			assertOver(t, s, a.ID)
		}
	}
	assertOnDisk(t, s, st)
}
