package storage

import (
	"errors"
	"reflect"
	"testing"

	"spanmark/annotate"
)

func TestAddDocumentFillsIn(t *testing.T) {
	s := newProject(t)
	text := "Grüße aus Köln 👋"
	got, err := s.AddDocument(annotate.Document{Title: "Köln", Text: text, SourcePath: "/tmp/koeln.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.ID) != 16 {
		t.Errorf("ID = %q, want 16 hex digits", got.ID)
	}
	want := annotate.Document{
		ID: got.ID, Title: "Köln", Text: text, SHA256: annotate.SHA256Hex(text),
		Status: annotate.StatusTodo, SourcePath: "/tmp/koeln.txt", Created: t0, Updated: t0,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AddDocument = %+v, want %+v", got, want)
	}
	if d := load(t, s, got.ID); !reflect.DeepEqual(d.Document, want) {
		t.Errorf("Load = %+v, want %+v", d.Document, want)
	}
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	wantInfo := annotate.DocumentInfo{
		ID: got.ID, Title: "Köln", SHA256: want.SHA256, Status: annotate.StatusTodo,
		SourcePath: "/tmp/koeln.txt", Runes: 16, Created: t0, Updated: t0,
	}
	if len(infos) != 1 || !reflect.DeepEqual(infos[0], wantInfo) {
		t.Errorf("Documents() = %+v, want [%+v]", infos, wantInfo)
	}
}

func TestAddDocumentErrors(t *testing.T) {
	tests := []struct {
		name    string
		doc     annotate.Document
		wantErr error
	}{
		{"same text", annotate.Document{Text: "first"}, annotate.ErrDuplicateDocument},
		{"id taken", annotate.Document{ID: "d1", Text: "other"}, annotate.ErrInvalid},
		{"wrong sha256", annotate.Document{Text: "other", SHA256: annotate.SHA256Hex("else")}, annotate.ErrInvalid},
		{"invalid utf-8", annotate.Document{Text: "bad \xff byte"}, annotate.ErrInvalid},
		{"unknown status", annotate.Document{Text: "other", Status: "lost"}, annotate.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newProject(t)
			addDoc(t, s, "d1", "first")
			if _, err := s.AddDocument(tt.doc); !errors.Is(err, tt.wantErr) {
				t.Errorf("AddDocument = %v, want %v", err, tt.wantErr)
			}
			if infos, _ := s.Documents(); len(infos) != 1 {
				t.Errorf("%d documents after a refused add, want 1", len(infos))
			}
		})
	}
}
