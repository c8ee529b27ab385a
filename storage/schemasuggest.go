package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// A schema change renames or removes labels under the suggestions and
// rejections too: a suggestion keeps the name its label had when it was
// made, so a rename would leave it under a name the schema no longer has
// (spanmark accept would skip it, the app would draw it without a
// colour), and a rejection would stop keeping its span from being
// suggested again.

// suggestLabels returns, for each label of old whose name changes from
// old to schema, its new name, or "" when schema no longer has it. It is
// empty when every label keeps its name, and then no suggestion changes.
func suggestLabels(old, schema annotate.Schema, c annotate.SchemaChange) map[string]string {
	m := make(map[string]string)
	for _, l := range old.Labels {
		switch to, renamed := c.Labels[l.Name]; {
		case renamed && to != l.Name:
			m[l.Name] = to
		case !renamed:
			if _, ok := schema.Label(l.Name); !ok {
				m[l.Name] = ""
			}
		}
	}
	return m
}

// relabelSuggestions carries every document's suggestions and rejections
// to the label names of m (suggestLabels): renamed ones take the new name,
// those of removed labels are deleted.
func relabelSuggestions(tx *bolt.Tx, m map[string]string) error {
	top := tx.Bucket(bucketSuggest)
	if len(m) == 0 || top == nil {
		return nil
	}
	return top.ForEachBucket(func(id []byte) error {
		docID := string(id)
		sug, rej, err := suggestBuckets(tx, docID, false)
		if err != nil {
			return err
		}
		if err := relabelPacked(tx, docID, sug, m); err != nil {
			return fmt.Errorf("document %s: %w", docID, err)
		}
		if err := relabelRejections(rej, m); err != nil {
			return fmt.Errorf("document %s: rejections: %w", docID, err)
		}
		return nil
	})
}

// relabelPacked rewrites the values of sug, one per source, whose
// suggestions m relabels, and counts the document's suggestions again.
func relabelPacked(tx *bolt.Tx, docID string, sug *bolt.Bucket, m map[string]string) error {
	return rewritePacked(tx, sug, docID, func(ss []annotate.Suggestion) ([]annotate.Suggestion, bool) {
		kept, touched := ss[:0], false
		for _, s := range ss {
			to, ok := m[s.Label]
			touched = touched || ok
			if ok && to == "" {
				continue
			}
			if ok {
				s.Label = to
			}
			kept = append(kept, s)
		}
		return kept, touched
	})
}

// relabelRejections moves each rejection m relabels to its new label's
// key, or deletes it when its label was removed.
func relabelRejections(rej *bolt.Bucket, m map[string]string) error {
	type move struct {
		from, to []byte // to is nil for a removed label
		text     []byte
	}
	var moves []move
	err := rej.ForEach(func(k, v []byte) error {
		sl, err := decodeSpanKey(k)
		if err != nil {
			return err
		}
		to, ok := m[sl.Label]
		if !ok {
			return nil
		}
		mv := move{from: append([]byte(nil), k...), text: append([]byte(nil), v...)}
		if to != "" {
			sl.Label = to
			mv.to = spanKey(nil, sl)
		}
		moves = append(moves, mv)
		return nil
	})
	if err != nil {
		return err
	}
	for _, mv := range moves {
		if err := rej.Delete(mv.from); err != nil {
			return err
		}
	}
	for _, mv := range moves {
		if mv.to == nil {
			continue
		}
		if err := rej.Put(mv.to, mv.text); err != nil {
			return err
		}
	}
	return nil
}
