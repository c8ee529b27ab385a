package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// Documents lists every document in the order they were added. It reads
// only the small info records, never texts or annotations.
func (s *Store) Documents() ([]annotate.DocumentInfo, error) {
	var list []annotate.DocumentInfo
	err := s.view(func(tx *bolt.Tx) error {
		codes, err := codesIn(tx)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketInfo).ForEach(func(_, v []byte) error {
			in, err := decodeInfo(v, codes)
			if err != nil {
				return err
			}
			list = append(list, in)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list documents of %s: %w", s.path, err)
	}
	return list, nil
}

// Load reads one document with its annotations, in
// [annotate.CompareAnnotations] order, and its relations, ordered by id.
// A missing document is annotate.ErrNotFound.
func (s *Store) Load(docID string) (*annotate.DocumentData, error) {
	var d *annotate.DocumentData
	err := s.view(func(tx *bolt.Tx) error {
		ref, err := findDoc(tx, docID)
		if err != nil {
			return err
		}
		d, err = ref.read(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	return d, nil
}

// Each calls fn for every document in the order of Documents, from one
// read transaction, decoding one document at a time. An error from fn
// stops the walk and is returned as it is. fn must not change the store.
func (s *Store) Each(fn func(*annotate.DocumentData) error) error {
	return s.EachText(func(_ annotate.DocumentInfo, _ string, load func() (*annotate.DocumentData, error)) error {
		d, err := load()
		if err != nil {
			return err
		}
		return fn(d)
	})
}

// read decodes the whole document, copying everything out of the
// transaction.
func (ref *docRef) read(tx *bolt.Tx) (*annotate.DocumentData, error) {
	return ref.readText(tx, string(tx.Bucket(bucketText).Get([]byte(ref.info.ID))))
}

// readText is read for a caller that has copied the text out already.
func (ref *docRef) readText(tx *bolt.Tx, text string) (*annotate.DocumentData, error) {
	in := ref.info
	d := &annotate.DocumentData{
		Document: annotate.Document{
			ID:         in.ID,
			Title:      in.Title,
			Text:       text,
			SHA256:     in.SHA256,
			Status:     in.Status,
			SourcePath: in.SourcePath,
			Attributes: in.Attributes.Clone(),
			Created:    in.Created,
			Updated:    in.Updated,
		},
		Annotations: make([]annotate.Annotation, 0, in.Annotations),
		Relations:   make([]annotate.Relation, 0, in.Relations),
	}
	err := ref.ann.ForEach(func(k, v []byte) error {
		a, err := decodeAnnotation(in.ID, k, v, ref.codes)
		d.Annotations = append(d.Annotations, a)
		return err
	})
	if err != nil {
		return nil, err
	}
	annotate.SortAnnotations(d.Annotations)
	err = ref.rel.ForEach(func(k, v []byte) error {
		r, err := decodeRelation(in.ID, k, v)
		d.Relations = append(d.Relations, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}
