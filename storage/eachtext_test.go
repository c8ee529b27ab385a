package storage

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"spanmark/annotate"
)

func TestEachText(t *testing.T) {
	s := newProject(t)
	for i, id := range []string{"c", "a", "b"} {
		addDoc(t, s, id, "text of "+id)
		apply(t, s, id, annotate.Edit{
			PutAnnotations: []annotate.Annotation{ann("x"+id, 0, 4, "CLAIM"), ann("y"+id, 5, 7+i%2, "SOURCE")},
			PutRelations:   []annotate.Relation{rel("r"+id, "x"+id, "y"+id)},
		})
	}
	want := make(map[string]*annotate.DocumentData)
	for _, id := range []string{"a", "b", "c"} {
		want[id] = load(t, s, id)
	}
	var order []string
	loaded := make(map[string]*annotate.DocumentData)
	err := s.EachText(func(in annotate.DocumentInfo, text string, load func() (*annotate.DocumentData, error)) error {
		order = append(order, in.ID)
		if text != "text of "+in.ID || in.Annotations != 2 || in.Title != in.ID {
			t.Errorf("EachText gave %+v, %q", in, text)
		}
		if in.ID == "a" {
			return nil // a walk need not load a document
		}
		d, err := load()
		loaded[in.ID] = d
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if w := []string{"c", "a", "b"}; !slices.Equal(order, w) {
		t.Errorf("EachText order = %v, want %v", order, w)
	}
	for _, id := range []string{"b", "c"} {
		if !reflect.DeepEqual(loaded[id], want[id]) {
			t.Errorf("load of %s = %+v, want what Load gives, %+v", id, loaded[id], want[id])
		}
	}
	if _, ok := loaded["a"]; ok {
		t.Errorf("document a was loaded without asking")
	}
}

func TestEachTextStopsAndGuardsLoad(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "one")
	addDoc(t, s, "d2", "two")
	stop := errors.New("stop")
	calls := 0
	var late func() (*annotate.DocumentData, error)
	err := s.EachText(func(_ annotate.DocumentInfo, _ string, load func() (*annotate.DocumentData, error)) error {
		calls++
		late = load
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("EachText with a failing fn = %v after %d calls, want stop after 1", err, calls)
	}
	// The transaction is over: a load kept past its turn must refuse,
	// not read pages that may be unmapped.
	if d, err := late(); !errors.Is(err, errLoadAfterWalk) {
		t.Errorf("load after the walk = %+v, %v, want errLoadAfterWalk", d, err)
	}
}

func TestEachTextCopiesOutOfTheFile(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "Alice met Bob.")
	var text string
	err := s.EachText(func(_ annotate.DocumentInfo, t string, _ func() (*annotate.DocumentData, error)) error {
		text = t
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// After Close the file is unmapped: a string that still pointed into
	// it would crash.
	s.Close()
	if text != "Alice met Bob." {
		t.Errorf("text after Close = %q", text)
	}
}
