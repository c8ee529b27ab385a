package storage

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// Apply makes one edit to one document's annotations and relations in one
// transaction. Deletions come first: relations, then annotations, each of
// which takes the relations that name it along. Then puts: annotations,
// then relations.
//
// Only what the edit touches is read and checked, so that an edit does
// not get slower as a document collects annotations: a put annotation
// against the text length and the schema, a put relation against its two
// ends, and the relations of an annotation whose label changed kind
// against the new kind. The document's relations, which are few, are
// walked to find those a deletion takes along and to refuse a second
// relation of one type between the same two annotations. Deleting an id
// that does not exist is annotate.ErrNotFound.
//
// An edit that sets the document's attribute values writes them into the
// info record, checked against the schema's document attributes.
//
// Timestamps are stored as given, so that undo restores an annotation
// exactly. A zero Updated becomes now, and so does a zero Created, except
// that an annotation or relation already stored keeps its Created.
func (s *Store) Apply(docID string, e annotate.Edit) error {
	if e.Empty() && !s.readOnly {
		return nil
	}
	now := s.now().UTC()
	err := s.update(func(tx *bolt.Tx) error { return s.applyTx(tx, docID, e, now) })
	if err != nil {
		return fmt.Errorf("apply to document %s: %w", docID, err)
	}
	return nil
}

// applyTx is Apply inside the write transaction tx, for the methods
// that make an edit together with something else (Accept).
func (s *Store) applyTx(tx *bolt.Tx, docID string, e annotate.Edit, now time.Time) error {
	ref, err := findDoc(tx, docID)
	if err != nil {
		return err
	}
	schema, err := s.schemaIn(tx)
	if err != nil {
		return err
	}
	ed := &editor{ref: ref, schema: schema, now: now}
	if err := ed.apply(e); err != nil {
		return err
	}
	if e.Status != "" {
		if !e.Status.Valid() {
			return annotate.Invalidf("unknown status %q", e.Status)
		}
		ref.info.Status = e.Status
	}
	if e.SetDocumentAttributes {
		if err := setDocumentAttributes(&ref.info, e.DocumentAttributes, schema); err != nil {
			return err
		}
	}
	ref.info.Updated = now
	return ref.saveInfo(tx)
}

// editor applies one Edit to one document inside a write transaction,
// keeping the counts in the document's info record.
type editor struct {
	ref    *docRef
	schema annotate.Schema
	now    time.Time
}

// link is what two relations must not share.
type link struct{ typ, from, to string }

func linkOf(r annotate.Relation) link { return link{r.Type, r.From, r.To} }

func (ed *editor) apply(e annotate.Edit) error {
	if err := ed.deleteRelations(e.DeleteRelations); err != nil {
		return err
	}
	if err := ed.deleteAnnotations(e.DeleteAnnotations); err != nil {
		return err
	}
	rekinded, err := ed.putAnnotations(e.PutAnnotations)
	if err != nil {
		return err
	}
	return ed.putRelations(e.PutRelations, rekinded)
}

func (ed *editor) deleteRelations(ids []string) error {
	gone, err := deleteIDs(ed.ref.rel, ids, "relation")
	ed.ref.info.Relations -= len(gone)
	return err
}

// deleteAnnotations deletes annotations and every relation that names one
// of them. A document has few relations, so finding them by walking the
// relation bucket is cheap.
func (ed *editor) deleteAnnotations(ids []string) error {
	gone, err := deleteIDs(ed.ref.ann, ids, "annotation")
	ed.ref.info.Annotations -= len(gone)
	if err != nil || len(gone) == 0 {
		return err
	}
	var dangling []string
	err = ed.ref.rel.ForEach(func(k, v []byte) error {
		r, err := decodeRelation(ed.ref.info.ID, k, v)
		if err == nil && (gone[r.From] || gone[r.To]) {
			dangling = append(dangling, r.ID)
		}
		return err
	})
	if err != nil {
		return err
	}
	return ed.deleteRelations(dangling)
}

// deleteIDs deletes the keys ids from b and returns those it deleted. An
// id that is not in b is annotate.ErrNotFound; an id named twice is
// deleted once.
func deleteIDs(b records, ids []string, what string) (map[string]bool, error) {
	gone := make(map[string]bool, len(ids))
	for _, id := range ids {
		if gone[id] {
			continue
		}
		k := []byte(id)
		if b.Get(k) == nil {
			return gone, fmt.Errorf("delete %s %s: %w", what, id, annotate.ErrNotFound)
		}
		if err := b.Delete(k); err != nil {
			return gone, fmt.Errorf("delete %s %s: %w", what, id, err)
		}
		gone[id] = true
	}
	return gone, nil
}

// putAnnotations validates and writes annotations. It returns the ids of
// stored annotations whose label changed to one of another kind, whose
// relations may no longer fit.
func (ed *editor) putAnnotations(list []annotate.Annotation) (map[string]bool, error) {
	rekinded := make(map[string]bool)
	seen := make(map[string]bool, len(list))
	for _, a := range list {
		if err := ed.own(&a.DocumentID, "annotation", a.ID); err != nil {
			return nil, err
		}
		if seen[a.ID] {
			return nil, annotate.Invalidf("annotation %s appears twice in one edit", a.ID)
		}
		seen[a.ID] = true
		old, err := ed.annotation(a.ID)
		if err != nil {
			return nil, err
		}
		if old != nil {
			a.Created = orTime(a.Created, old.Created)
			if ed.schema.KindOf(old.Label) != ed.schema.KindOf(a.Label) {
				rekinded[a.ID] = true
			}
		} else {
			a.Created = orTime(a.Created, ed.now)
		}
		a.Updated = orTime(a.Updated, ed.now)
		if err := annotate.ValidateAnnotation(a, ed.ref.info.Runes, ed.schema); err != nil {
			return nil, err
		}
		if err := ed.ref.ann.Put([]byte(a.ID), encodeAnnotation(a, ed.ref.codes)); err != nil {
			return nil, fmt.Errorf("annotation %s: %w", a.ID, err)
		}
		if old == nil {
			ed.ref.info.Annotations++
		}
	}
	return rekinded, nil
}

// putRelations validates and writes relations, and checks again the
// stored relations that name an annotation in rekinded.
func (ed *editor) putRelations(list []annotate.Relation, rekinded map[string]bool) error {
	if len(list) == 0 && len(rekinded) == 0 {
		return nil
	}
	putting := make(map[string]bool, len(list))
	for _, r := range list {
		putting[r.ID] = true
	}
	links := make(map[link]string)
	var recheck []annotate.Relation
	err := ed.ref.rel.ForEach(func(k, v []byte) error {
		r, err := decodeRelation(ed.ref.info.ID, k, v)
		if err != nil {
			return err
		}
		links[linkOf(r)] = r.ID
		if (rekinded[r.From] || rekinded[r.To]) && !putting[r.ID] {
			recheck = append(recheck, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range recheck {
		if err := ed.validateRelation(r); err != nil {
			return err
		}
	}
	seen := make(map[string]bool, len(list))
	for _, r := range list {
		if err := ed.putRelation(r, seen, links); err != nil {
			return err
		}
	}
	return nil
}

// putRelation validates and writes one relation. seen holds the ids put
// so far in this edit, links the id of the relation of every link.
func (ed *editor) putRelation(r annotate.Relation, seen map[string]bool, links map[link]string) error {
	if err := ed.own(&r.DocumentID, "relation", r.ID); err != nil {
		return err
	}
	if seen[r.ID] {
		return annotate.Invalidf("relation %s appears twice in one edit", r.ID)
	}
	seen[r.ID] = true
	k := []byte(r.ID)
	var old *annotate.Relation
	if v := ed.ref.rel.Get(k); v != nil {
		o, err := decodeRelation(ed.ref.info.ID, k, v)
		if err != nil {
			return err
		}
		old = &o
		r.Created = orTime(r.Created, o.Created)
		delete(links, linkOf(o))
	} else {
		r.Created = orTime(r.Created, ed.now)
	}
	if err := ed.validateRelation(r); err != nil {
		return err
	}
	if other, ok := links[linkOf(r)]; ok {
		return annotate.Invalidf("relation %s: repeats relation %s (%s %s→%s)",
			r.ID, other, r.Type, r.From, r.To)
	}
	links[linkOf(r)] = r.ID
	if err := ed.ref.rel.Put(k, encodeRelation(r)); err != nil {
		return fmt.Errorf("relation %s: %w", r.ID, err)
	}
	if old == nil {
		ed.ref.info.Relations++
	}
	return nil
}

// validateRelation checks r against the current state of its two ends.
func (ed *editor) validateRelation(r annotate.Relation) error {
	ends := make(map[string]annotate.Annotation, 2)
	for _, id := range []string{r.From, r.To} {
		a, err := ed.annotation(id)
		if err != nil {
			return err
		}
		if a != nil {
			ends[id] = *a
		}
	}
	return annotate.ValidateRelation(r, ends, ed.schema)
}

// annotation returns the stored annotation with the given id, or nil.
func (ed *editor) annotation(id string) (*annotate.Annotation, error) {
	k := []byte(id)
	v := ed.ref.ann.Get(k)
	if v == nil {
		return nil, nil
	}
	a, err := decodeAnnotation(ed.ref.info.ID, k, v, ed.ref.codes)
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// own sets an empty document id to the edited document's and refuses
// another document's.
func (ed *editor) own(docID *string, what, id string) error {
	switch *docID {
	case "":
		*docID = ed.ref.info.ID
	case ed.ref.info.ID:
	default:
		return annotate.Invalidf("%s %s belongs to document %s", what, id, *docID)
	}
	return nil
}
