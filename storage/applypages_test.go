package storage

import (
	"fmt"
	"testing"

	"spanmark/annotate"
)

// TestApplyPagesWritten counts the pages one tag writes to a document of
// 20,000 annotations: bbolt copies every page on the path from the root
// to the changed key, so each level of nesting costs a page per edit.
// The path is the meta page, the free list, the root page (which holds
// the small index buckets inline), the page of bucketDocs, and the
// document's bucket: its root, a branch, and the leaf. A split of a
// full leaf may add a page or two to one edit, which the average over
// many edits hides.
func TestApplyPagesWritten(t *testing.T) {
	s := newProject(t)
	importInto(t, s, seq(nil, bigDoc("big", 20000)))
	const edits = 50
	writes := func() int64 { st := s.db.Stats(); return st.TxStats.GetWrite() }
	before := writes()
	for i := range edits {
		start := (i * 7919) % 190000
		apply(t, s, "big", annotate.Edit{PutAnnotations: []annotate.Annotation{ann(fmt.Sprintf("t%d", i), start, start+5, "PERSON")}})
	}
	perEdit := float64(writes()-before) / edits
	t.Logf("%.2f pages per tag", perEdit)
	if perEdit > 7.5 {
		t.Errorf("a tag writes %.2f pages, want at most 7.5", perEdit)
	}
}
