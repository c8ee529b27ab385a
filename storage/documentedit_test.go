package storage

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"spanmark/annotate"
)

func TestSetStatusAndTitle(t *testing.T) {
	later := t0.Add(1)
	tests := []struct {
		name    string
		call    func(s *Store) error
		want    func(in *annotate.DocumentInfo)
		wantErr error
	}{
		{"status", func(s *Store) error { return s.SetStatus("d1", annotate.StatusDone) },
			func(in *annotate.DocumentInfo) { in.Status = annotate.StatusDone; in.Updated = later }, nil},
		{"unknown status", func(s *Store) error { return s.SetStatus("d1", "finished") },
			nil, annotate.ErrInvalid},
		{"status of missing document", func(s *Store) error { return s.SetStatus("d9", annotate.StatusDone) },
			nil, annotate.ErrNotFound},
		{"title", func(s *Store) error { return s.SetTitle("d1", "Köln") },
			func(in *annotate.DocumentInfo) { in.Title = "Köln"; in.Updated = later }, nil},
		{"title of missing document", func(s *Store) error { return s.SetTitle("d9", "x") },
			nil, annotate.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newProject(t)
			addDoc(t, s, "d1", "text")
			s.now = func() time.Time { return later }
			before, _ := s.Documents()
			err := tt.call(s)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			want := before[0]
			if tt.want != nil {
				tt.want(&want)
			}
			after, _ := s.Documents()
			if !reflect.DeepEqual(after[0], want) {
				t.Errorf("info = %+v, want %+v", after[0], want)
			}
			if d := load(t, s, "d1"); d.Document.Title != want.Title || d.Document.Status != want.Status {
				t.Errorf("Load = %+v, want title %q status %q", d.Document, want.Title, want.Status)
			}
		})
	}
}

func TestDeleteDocument(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "one")
	addDoc(t, s, "d2", "two")
	apply(t, s, "d1", annotate.Edit{PutAnnotations: []annotate.Annotation{ann("a1", 0, 3, "MISC")}})
	if err := s.DeleteDocument("d1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load("d1"); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("Load of a deleted document = %v, want ErrNotFound", err)
	}
	infos, _ := s.Documents()
	if len(infos) != 1 || infos[0].ID != "d2" {
		t.Errorf("Documents() = %+v, want only d2", infos)
	}
	if err := s.DeleteDocument("d1"); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("second delete = %v, want ErrNotFound", err)
	}
	// The text and the id are free again.
	addDoc(t, s, "d1", "one")
	if d := load(t, s, "d1"); len(d.Annotations) != 0 {
		t.Errorf("re-added document has %d annotations, want 0", len(d.Annotations))
	}
}
