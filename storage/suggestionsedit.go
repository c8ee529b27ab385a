package storage

import (
	"fmt"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// PutSuggestions replaces source's suggestions of every document in
// byDoc, in one transaction, leaving out those a rejection names.
func (s *Store) PutSuggestions(source string, byDoc map[string][]annotate.Suggestion) error {
	err := s.update(func(tx *bolt.Tx) error {
		// A batch comes from reading its documents (Load) between two
		// puts: spanmark suggest would otherwise hold every page of the
		// project file in its resident memory by the end, as much again
		// as its heap (see dropResident).
		dropResident(tx)
		// In id order, so that the nested buckets are written in key order.
		for _, id := range slices.Sorted(maps.Keys(byDoc)) {
			if err := putSuggestionsOf(tx, id, source, byDoc[id]); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("put suggestions of %s: %w", source, err)
	}
	return nil
}

// putSuggestionsOf replaces one document's suggestions of source.
func putSuggestionsOf(tx *bolt.Tx, docID, source string, ss []annotate.Suggestion) error {
	ref, err := findDoc(tx, docID)
	if err != nil {
		return err
	}
	for _, sg := range ss {
		if sg.DocumentID != docID || sg.Source != source {
			return annotate.Invalidf("suggestion [%d,%d) of %q from %q put under %q from %q",
				sg.Start, sg.End, sg.DocumentID, sg.Source, docID, source)
		}
		if err := annotate.CheckSuggestion(sg, ref.info.Runes); err != nil {
			return err
		}
	}
	sug, rej, err := suggestBuckets(tx, docID, len(ss) > 0)
	if err != nil || sug == nil {
		return err
	}
	kept := make([]annotate.Suggestion, 0, len(ss))
	for _, sg := range ss {
		if rej.Get(spanKey(nil, sg.Key())) == nil {
			kept = append(kept, sg)
		}
	}
	if err := putPacked(sug, source, kept); err != nil {
		return err
	}
	return countSuggestions(tx, docID, sug)
}

// putPacked makes ss (of one source) the value of source in sug, or
// deletes it when ss is empty.
func putPacked(sug *bolt.Bucket, source string, ss []annotate.Suggestion) error {
	if len(ss) == 0 {
		return sug.Delete([]byte(source))
	}
	return sug.Put([]byte(source), packSuggestions(ss))
}

// deleteAt deletes the suggestions of every source at a span and label.
func deleteAt(tx *bolt.Tx, sug *bolt.Bucket, docID string, keys []annotate.SpanLabel) error {
	if sug == nil || len(keys) == 0 {
		return nil
	}
	gone := make(map[annotate.SpanLabel]bool, len(keys))
	for _, k := range keys {
		gone[k] = true
	}
	return rewritePacked(tx, sug, docID, func(ss []annotate.Suggestion) ([]annotate.Suggestion, bool) {
		n := len(ss)
		kept := slices.DeleteFunc(ss, func(s annotate.Suggestion) bool { return gone[s.Key()] })
		return kept, len(kept) < n
	})
}

// rewritePacked rewrites the value of each source in sug, a document's,
// whose suggestions edit changes (it returns them as they are to be, and
// whether they changed), and then counts the document's suggestions
// again if any did.
func rewritePacked(tx *bolt.Tx, sug *bolt.Bucket, docID string, edit func([]annotate.Suggestion) ([]annotate.Suggestion, bool)) error {
	type change struct {
		source string
		kept   []annotate.Suggestion
	}
	var changes []change
	err := sug.ForEach(func(k, v []byte) error {
		ss, err := unpackSuggestions(nil, docID, string(k), v)
		if err != nil {
			return err
		}
		if kept, changed := edit(ss); changed {
			changes = append(changes, change{string(k), kept})
		}
		return nil
	})
	if err != nil || len(changes) == 0 {
		return err
	}
	// Written after the walk: a bucket must not change under ForEach.
	for _, c := range changes {
		if err := putPacked(sug, c.source, c.kept); err != nil {
			return err
		}
	}
	return countSuggestions(tx, docID, sug)
}

// Rejections returns every rejection of the project.
func (s *Store) Rejections() ([]annotate.Rejection, error) {
	var out []annotate.Rejection
	err := s.view(func(tx *bolt.Tx) error {
		top := tx.Bucket(bucketSuggest)
		if top == nil {
			return nil
		}
		return top.ForEachBucket(func(id []byte) error {
			_, rej, err := suggestBuckets(tx, string(id), false)
			if err != nil {
				return err
			}
			return rej.ForEach(func(k, v []byte) error {
				sl, err := decodeSpanKey(k)
				out = append(out, annotate.Rejection{DocumentID: string(id),
					Start: sl.Start, End: sl.End, Label: sl.Label, Text: string(v)})
				return err
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read rejections: %w", err)
	}
	return out, nil
}

// Reject records r and deletes the suggestions it names.
func (s *Store) Reject(r annotate.Rejection) error {
	err := s.update(func(tx *bolt.Tx) error {
		ref, err := findDoc(tx, r.DocumentID)
		if err != nil {
			return err
		}
		probe := annotate.Suggestion{Start: r.Start, End: r.End, Label: r.Label, Source: "rejection"}
		if err := annotate.CheckSuggestion(probe, ref.info.Runes); err != nil {
			return err
		}
		sug, rej, err := suggestBuckets(tx, r.DocumentID, true)
		if err != nil {
			return err
		}
		if err := rej.Put(spanKey(nil, r.Key()), []byte(r.Text)); err != nil {
			return err
		}
		return deleteAt(tx, sug, r.DocumentID, []annotate.SpanLabel{r.Key()})
	})
	if err != nil {
		return fmt.Errorf("reject suggestion in document %s: %w", r.DocumentID, err)
	}
	return nil
}

// Accept applies e and deletes the accepted suggestions in one
// transaction.
func (s *Store) Accept(docID string, e annotate.Edit, accepted []annotate.SpanLabel) error {
	now := s.now().UTC()
	err := s.update(func(tx *bolt.Tx) error {
		if err := s.applyTx(tx, docID, e, now); err != nil {
			return err
		}
		sug, _, err := suggestBuckets(tx, docID, false)
		if err != nil {
			return err
		}
		return deleteAt(tx, sug, docID, accepted)
	})
	if err != nil {
		return fmt.Errorf("accept suggestions in document %s: %w", docID, err)
	}
	return nil
}
