package storage

import (
	"reflect"
	"testing"

	"spanmark/annotate"
)

// TestDeletedDocumentComesBack is how the app undoes deleting a document:
// it loads the document before deleting it, and gives Import what Load
// returned. The document comes back under its own id with its title,
// status, annotations, relations and times.
func TestDeletedDocumentComesBack(t *testing.T) {
	s := newProject(t)
	if _, err := s.Import(seq(nil, importDoc("d1", "one two"), importDoc("d2", "three"))); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus("d1", annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	before := load(t, s, "d1")
	if err := s.DeleteDocument("d1"); err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(seq(nil, before))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 1 || res.Added[0].ID != "d1" || len(res.Renamed) != 0 || len(res.Skipped) != 0 {
		t.Fatalf("Import = %+v, want d1 added under its own id", res)
	}
	if after := load(t, s, "d1"); !reflect.DeepEqual(after, before) {
		t.Errorf("after restoring:\n%+v\nwant\n%+v", after, before)
	}
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 2 || infos[0].Status != annotate.StatusDone && infos[1].Status != annotate.StatusDone {
		t.Errorf("Documents() = %+v, want both, d1 done", infos)
	}
}
