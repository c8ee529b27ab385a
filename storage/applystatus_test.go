package storage

import (
	"testing"

	"spanmark/annotate"
)

// TestApplySetsStatus sets a document's status with an edit, in its
// transaction; an unknown status fails the whole edit.
func TestApplySetsStatus(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "d1", "one two")
	apply(t, s, "d1", annotate.Edit{
		PutAnnotations: []annotate.Annotation{ann("a1", 0, 3, "MISC")},
		Status:         annotate.StatusInProgress,
	})
	if d := load(t, s, "d1"); d.Document.Status != annotate.StatusInProgress || len(d.Annotations) != 1 {
		t.Errorf("after the edit: status %q, %d annotations; want in_progress, 1", d.Document.Status, len(d.Annotations))
	}
	err := s.Apply("d1", annotate.Edit{
		PutAnnotations: []annotate.Annotation{ann("a2", 4, 7, "MISC")},
		Status:         "finished",
	})
	if err == nil {
		t.Fatal("an unknown status was accepted")
	}
	if d := load(t, s, "d1"); d.Document.Status != annotate.StatusInProgress || len(d.Annotations) != 1 {
		t.Errorf("after the failed edit: status %q, %d annotations; want in_progress, 1", d.Document.Status, len(d.Annotations))
	}
}
