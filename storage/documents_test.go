package storage

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"

	"spanmark/annotate"
)

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
