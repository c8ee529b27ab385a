package storage

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

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
	if got != want {
		t.Errorf("AddDocument = %+v, want %+v", got, want)
	}
	if d := load(t, s, got.ID); d.Document != want {
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
	if len(infos) != 1 || infos[0] != wantInfo {
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

func TestDocumentsInCreationOrder(t *testing.T) {
	s := newProject(t)
	ids := []string{"zz", "aa", "mm", "b"}
	for i, id := range ids {
		addDoc(t, s, id, "text "+id+string(rune('0'+i)))
	}
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range infos {
		got = append(got, in.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("Documents() order = %v, want %v", got, ids)
	}
}

func TestLoadOrdersAnnotations(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "Alice met Bob in Paris.")
	apply(t, s, "d1", annotate.Edit{PutAnnotations: []annotate.Annotation{
		ann("c", 10, 13, "PERSON"),
		ann("b", 0, 5, "PERSON"),
		ann("a", 0, 5, "MISC"),
		ann("d", 0, 3, "MISC"),
		ann("e", 17, 22, "LOC"),
	}})
	d := load(t, s, "d1")
	var got []string
	for _, a := range d.Annotations {
		got = append(got, a.ID)
	}
	if want := []string{"d", "a", "b", "c", "e"}; !slices.Equal(got, want) {
		t.Errorf("annotation order = %v, want %v", got, want)
	}
	for _, a := range d.Annotations {
		if a.DocumentID != "d1" {
			t.Errorf("annotation %s has DocumentID %q, want d1", a.ID, a.DocumentID)
		}
	}
}

func TestLoadCopiesOutOfTheFile(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "Alice met Bob.")
	apply(t, s, "d1", annotate.Edit{
		PutAnnotations: []annotate.Annotation{ann("a1", 0, 5, "CLAIM"), ann("a2", 10, 13, "SOURCE")},
		PutRelations:   []annotate.Relation{rel("r1", "a1", "a2")},
	})
	d := load(t, s, "d1")
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	// After Close the file is unmapped: reading a string that still
	// pointed into it would crash.
	s.Close()
	if d.Document.Text != "Alice met Bob." || d.Annotations[1].Label != "SOURCE" ||
		d.Relations[0].To != "a2" || infos[0].Title != "d1" || d.Annotations[0].ID != "a1" {
		t.Errorf("data after Close = %+v, %+v", d, infos)
	}
}

func TestLoadMissing(t *testing.T) {
	s := newProject(t)
	if _, err := s.Load("nope"); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("Load(nope) = %v, want ErrNotFound", err)
	}
}

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
			if after[0] != want {
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

func TestEach(t *testing.T) {
	s := newProject(t)
	for _, id := range []string{"c", "a", "b"} {
		addDoc(t, s, id, "text of "+id)
		apply(t, s, id, annotate.Edit{PutAnnotations: []annotate.Annotation{ann("x"+id, 0, 4, "MISC")}})
	}
	var got []string
	err := s.Each(func(d *annotate.DocumentData) error {
		got = append(got, d.Document.ID)
		if d.Document.Text != "text of "+d.Document.ID || len(d.Annotations) != 1 {
			t.Errorf("Each gave %+v", d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"c", "a", "b"}; !slices.Equal(got, want) {
		t.Errorf("Each order = %v, want %v", got, want)
	}

	stop := errors.New("stop")
	calls := 0
	err = s.Each(func(*annotate.DocumentData) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("Each with a failing fn = %v after %d calls, want stop after 1", err, calls)
	}
}

func TestSchemaIsACopy(t *testing.T) {
	s := newProject(t)
	a, _ := s.Schema()
	a.Labels[0].Name = "CHANGED"
	b, _ := s.Schema()
	if !reflect.DeepEqual(b, annotate.DefaultSchema()) {
		t.Errorf("changing a returned schema changed the store's: %+v", b)
	}
}

func TestSetAnnotator(t *testing.T) {
	s := newProject(t)
	if err := s.SetAnnotator("Grace"); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.Meta(); m.Annotator != "Grace" {
		t.Errorf("Annotator = %q, want Grace", m.Annotator)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", applyText)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 10 {
				id := fmt.Sprintf("g%di%d", g, i)
				if err := s.Apply("d1", annotate.Edit{PutAnnotations: []annotate.Annotation{ann(id, i, i+1, "MISC")}}); err != nil {
					t.Error(err)
				}
				if _, err := s.Load("d1"); err != nil {
					t.Error(err)
				}
				if _, err := s.Schema(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if d := load(t, s, "d1"); len(d.Annotations) != 40 {
		t.Errorf("%d annotations after 40 concurrent puts, want 40", len(d.Annotations))
	}
	assertCounts(t, s)
}
