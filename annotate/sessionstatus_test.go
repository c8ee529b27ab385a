package annotate_test

import (
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/mock"
)

// TestFirstEditMarksInProgress opens a document still to do: opening it
// changes nothing, its first edit carries the new status in the same
// Apply (one transaction; SetStatus is never called), later edits and
// undo leave the status alone.
func TestFirstEditMarksInProgress(t *testing.T) {
	doc := annotate.Document{ID: "d1", Text: "Kim met Shoigu.", Status: annotate.StatusTodo}
	var got []annotate.Status
	st := &mock.Store{
		LoadFn:   func(string) (*annotate.DocumentData, error) { return &annotate.DocumentData{Document: doc}, nil },
		SchemaFn: func() (annotate.Schema, error) { return annotate.DefaultSchema(), nil },
		MetaFn:   func() (annotate.Meta, error) { return annotate.Meta{Annotator: "tess"}, nil },
		ApplyFn: func(_ string, e annotate.Edit) error {
			got = append(got, e.Status)
			return nil
		},
	}
	s, err := annotate.OpenSession(st, "d1")
	if err != nil {
		t.Fatal(err)
	}
	if s.Document().Status != annotate.StatusTodo || len(got) != 0 {
		t.Fatalf("opening: status %q, %d writes; want todo and none", s.Document().Status, len(got))
	}
	if _, err := s.Tag(0, 3, "PERSON"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tag(8, 14, "PERSON"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	want := []annotate.Status{annotate.StatusInProgress, "", ""}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("the edits' statuses = %q, want %q", got, want)
	}
	if s.Document().Status != annotate.StatusInProgress {
		t.Errorf("status after editing = %q, want in_progress", s.Document().Status)
	}
}
