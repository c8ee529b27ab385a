package annotate_test

import (
	"errors"
	"slices"
	"testing"

	"spanmark/annotate"
)

// TestSessionResize grows a linked source with a note by a word, undoes
// and redoes it: the id, label, note and relation stay, the store holds
// what the session shows, and the step is one undo.
func TestSessionResize(t *testing.T) {
	s, st := openArticle(t)
	cs, ce := span(t, s, "has decided to send 1,000 sappers to Russia")
	ss, se := span(t, s, "Shoigu said")
	claim, err := s.Tag(cs, ce, "CLAIM")
	if err != nil {
		t.Fatal(err)
	}
	source, err := s.Tag(ss, ss+6, "SOURCE")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(source.ID, "the minister"); err != nil {
		t.Fatal(err)
	}
	rel, err := s.Link(annotate.RelationAttributedTo, claim.ID, source.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Resize(source.ID, ss, se); err != nil {
		t.Fatal(err)
	}
	check := func(when string, start, end int) {
		t.Helper()
		a, ok := s.Annotation(source.ID)
		if !ok {
			t.Fatalf("%s: the source is gone", when)
		}
		if a.Start != start || a.End != end || a.Label != "SOURCE" || a.Note != "the minister" {
			t.Errorf("%s: source = [%d,%d) %s %q, want [%d,%d) SOURCE %q", when, a.Start, a.End, a.Label, a.Note, start, end, "the minister")
		}
		if got := s.Relations(); len(got) != 1 || !equalRelation(got[0], rel) {
			t.Errorf("%s: relations = %+v, want %+v", when, got, rel)
		}
		if n := s.Len(); n != 2 {
			t.Errorf("%s: %d annotations, want 2", when, n)
		}
		assertOnDisk(t, s, st)
	}
	check("after resize", ss, se)
	if name, ok := s.CanUndo(); !ok || name != "resize SOURCE" {
		t.Errorf("CanUndo = %q, %v; want resize SOURCE", name, ok)
	}
	if ok, err := s.Undo(); !ok || err != nil {
		t.Fatalf("Undo = %v, %v", ok, err)
	}
	check("after undo", ss, ss+6)
	if name, _ := s.CanUndo(); name != "link" {
		t.Errorf("after one undo CanUndo = %q, want link: the resize was more than one step", name)
	}
	if ok, err := s.Redo(); !ok || err != nil {
		t.Fatalf("Redo = %v, %v", ok, err)
	}
	check("after redo", ss, se)
}

// TestSessionResizeRefuses asks for ranges that break the rules: each is
// refused with an error and leaves the session, the store and the
// history as they were.
func TestSessionResizeRefuses(t *testing.T) {
	s, st := openArticle(t)
	n := s.Index().Len()
	a, err := s.Tag(10, 20, "ORG")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		id         string
		start, end int
		want       error
	}{
		{"empty", a.ID, 15, 15, annotate.ErrInvalid},
		{"reversed", a.ID, 20, 10, annotate.ErrInvalid},
		{"negative start", a.ID, -1, 20, annotate.ErrInvalid},
		{"past the text", a.ID, 10, n + 1, annotate.ErrInvalid},
		{"no such annotation", "nope", 10, 12, annotate.ErrNotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := s.Annotations()
			if err := s.Resize(c.id, c.start, c.end); !errors.Is(err, c.want) {
				t.Errorf("Resize(%d, %d) = %v, want %v", c.start, c.end, err, c.want)
			}
			if got := s.Annotations(); !slices.EqualFunc(got, before, annotate.Annotation.Equal) {
				t.Errorf("annotations = %+v, want %+v", got, before)
			}
			if name, _ := s.CanUndo(); name != "tag ORG" {
				t.Errorf("CanUndo = %q, want tag ORG", name)
			}
			assertOnDisk(t, s, st)
		})
	}
	if err := s.Resize(a.ID, 10, n); err != nil {
		t.Errorf("Resize to the end of the text = %v", err)
	}
}
