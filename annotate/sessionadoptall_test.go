package annotate_test

import (
	"errors"
	"testing"

	"spanmark/annotate"
)

// TestSessionAdoptAll takes annotations, replaces one and deletes one
// with its relation in one step, and undoes and redoes that step whole.
func TestSessionAdoptAll(t *testing.T) {
	s, st := openArticle(t)
	claim, source, _ := linkedClaim(t, s)
	ks, ke := span(t, s, "Kim Jong Un")
	kim, err := s.Tag(ks, ke, "PERSON")
	if err != nil {
		t.Fatal(err)
	}
	ps, pe := span(t, s, "Pyongyang")
	added := annotate.Annotation{ID: annotate.NewID(), Start: ps, End: pe, Label: "LOC"}
	shorter := kim
	shorter.Start += 4
	if err := s.AdoptAll("accept majority", []annotate.Annotation{added, shorter}, nil, []string{source.ID}); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{claim.ID: {claim.Start, claim.End}, kim.ID: {ks + 4, ke}, added.ID: {ps, pe}}
	if got := s.Annotations(); len(got) != len(want) {
		t.Errorf("annotations = %+v, want %d", got, len(want))
	}
	for id, r := range want {
		if a, ok := s.Annotation(id); !ok || a.Start != r[0] || a.End != r[1] {
			t.Errorf("annotation %s = %+v (present %v), want [%d,%d)", id, a, ok, r[0], r[1])
		}
	}
	if n := len(s.Relations()); n != 0 {
		t.Errorf("%d relations left, want the deleted source's gone", n)
	}
	if name, _ := s.CanUndo(); name != "accept majority" {
		t.Errorf("undo step = %q, want %q", name, "accept majority")
	}
	assertOnDisk(t, s, st)
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if n, m := len(s.Annotations()), len(s.Relations()); n != 3 || m != 1 {
		t.Errorf("after one undo %d annotations and %d relations, want 3 and 1", n, m)
	}
	if a, _ := s.Annotation(kim.ID); a.Start != ks {
		t.Errorf("after undo Kim starts at %d, want %d", a.Start, ks)
	}
	assertOnDisk(t, s, st)
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if n, m := len(s.Annotations()), len(s.Relations()); n != 3 || m != 0 {
		t.Errorf("after redo %d annotations and %d relations, want 3 and 0", n, m)
	}
	assertOnDisk(t, s, st)
}

func TestSessionAdoptAllRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(claim, source annotate.Annotation, rel annotate.Relation) ([]annotate.Annotation, []annotate.Relation, []string)
		want error
	}{
		{"unknown annotation", func(_, _ annotate.Annotation, _ annotate.Relation) ([]annotate.Annotation, []annotate.Relation, []string) {
			return nil, nil, []string{"nope"}
		}, annotate.ErrNotFound},
		{"taken and deleted", func(claim, _ annotate.Annotation, _ annotate.Relation) ([]annotate.Annotation, []annotate.Relation, []string) {
			return []annotate.Annotation{claim}, nil, []string{claim.ID}
		}, annotate.ErrInvalid},
		{"relation to a deleted one", func(claim, source annotate.Annotation, rel annotate.Relation) ([]annotate.Annotation, []annotate.Relation, []string) {
			rel.ID = annotate.NewID()
			return nil, []annotate.Relation{rel}, []string{source.ID}
		}, annotate.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, st := openArticle(t)
			claim, source, rel := linkedClaim(t, s)
			anns, rels, drop := tt.edit(claim, source, rel)
			if err := s.AdoptAll("accept majority", anns, rels, drop); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if name, _ := s.CanUndo(); name != "link" || len(s.Annotations()) != 2 || len(s.Relations()) != 1 {
				t.Errorf("a refused AdoptAll changed the document (last step %q)", name)
			}
			assertOnDisk(t, s, st)
		})
	}
}

// TestSessionAdoptAllRelabelAndDelete relabels one end of a relation so
// that it no longer fits and deletes the other end: the relation goes
// once, and comes back once on undo.
func TestSessionAdoptAllRelabelAndDelete(t *testing.T) {
	s, st := openArticle(t)
	claim, source, _ := linkedClaim(t, s)
	org := claim
	org.Label = "ORG"
	if err := s.AdoptAll("accept majority", []annotate.Annotation{org}, nil, []string{source.ID}); err != nil {
		t.Fatal(err)
	}
	if n, m := len(s.Annotations()), len(s.Relations()); n != 1 || m != 0 {
		t.Errorf("%d annotations and %d relations, want 1 and 0", n, m)
	}
	assertOnDisk(t, s, st)
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if n, m := len(s.Annotations()), len(s.Relations()); n != 2 || m != 1 {
		t.Errorf("after undo %d annotations and %d relations, want 2 and 1", n, m)
	}
	assertOnDisk(t, s, st)
}
