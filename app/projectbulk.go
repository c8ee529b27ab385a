package app

import (
	"fmt"

	"spanmark/annotate"
	"spanmark/annotate/search"
)

// bulkTag is one "Tag all results" across documents, undoable as one
// step of the project (Edit → Undo tag all results). Each document's
// part is one transaction, and one step of that document's own undo
// history too; the project's undo deletes exactly the annotations the
// step added that are still there, again one transaction per document,
// as a new step of each document's history (so that document's Undo
// would bring them back, as it redoes any other step).
type bulkTag struct {
	label string
	added map[string][]string // annotation ids by document id
	n     int
}

// name is the step as the menu shows it.
func (b *bulkTag) name() string { return fmt.Sprintf("Tag %d results", b.n) }

// tagResults tags every result with label, one transaction per
// document, and remembers the step for undoTagResults. A failure stops
// at its document: the documents before it keep their tags, and the
// step undoes those.
func (ws *workspace) tagResults(rs []search.Result, label string) (*bulkTag, error) {
	byDoc := make(map[string][][2]int)
	var order []string
	for _, r := range rs {
		if _, ok := byDoc[r.DocumentID]; !ok {
			order = append(order, r.DocumentID)
		}
		byDoc[r.DocumentID] = append(byDoc[r.DocumentID], [2]int{r.Start, r.End})
	}
	b := &bulkTag{label: label, added: make(map[string][]string)}
	for _, id := range order {
		s, err := ws.session(id)
		if err != nil {
			return b, err
		}
		n, err := s.TagAll(byDoc[id], label)
		if err != nil {
			return b, fmt.Errorf("tag results in %s: %w", s.Document().Title, err)
		}
		if n == 0 {
			continue
		}
		put, _ := s.LastChange()
		for _, a := range put {
			b.added[id] = append(b.added[id], a.ID)
		}
		b.n += n
		ws.afterBulk(s)
	}
	return b, nil
}

// undoTagResults deletes the annotations b added that are still there.
func (ws *workspace) undoTagResults(b *bulkTag) error {
	for id, ids := range b.added {
		s, err := ws.session(id)
		if err != nil {
			return err
		}
		var there []string
		for _, a := range ids {
			if _, ok := s.Annotation(a); ok {
				there = append(there, a)
			}
		}
		if len(there) == 0 {
			continue
		}
		if err := s.Delete(there...); err != nil {
			return fmt.Errorf("undo tag results in %s: %w", s.Document().Title, err)
		}
		delete(b.added, id)
		ws.afterBulk(s)
	}
	return nil
}

// afterBulk shows a bulk edit of s: in full when s is the open
// document's session, as counts in the document list otherwise.
func (ws *workspace) afterBulk(s *annotate.Session) {
	if s == ws.sess {
		if _, ok := s.Annotation(ws.active); !ok {
			ws.active = ""
		}
		ws.saved()
		return
	}
	doc := s.Document()
	ws.docs.setCounts(doc.ID, s.Len(), len(s.Relations()))
	ws.docs.setStatus(doc.ID, doc.Status)
}
