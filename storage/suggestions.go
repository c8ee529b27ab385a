package storage

import (
	"encoding/binary"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// Suggestions and rejections live under bucketSuggest, one nested bucket
// per document (made by the first write), apart from the annotations: an
// edit of annotations never rewrites them, and nothing that reads
// annotations (exports, agreement) sees them. In a document's bucket,
// "sug" holds each source's suggestions as one value (suggestpack.go) and
// "rej" the rejections. The top-level bucket "suggestcount" holds each
// document's number of suggestions, so that the document list's counts
// are one small bucket's keys, not a walk over every document's.
var (
	bucketSug      = []byte("sug")
	bucketRej      = []byte("rej")
	bucketSugCount = []byte("suggestcount")
)

// spanKey encodes a span and label: big-endian start and end, so that a
// document's keys sort by place, then the label.
func spanKey(dst []byte, k annotate.SpanLabel) []byte {
	dst = binary.BigEndian.AppendUint64(dst, uint64(k.Start))
	dst = binary.BigEndian.AppendUint64(dst, uint64(k.End))
	return append(dst, k.Label...)
}

// decodeSpanKey reverses spanKey.
func decodeSpanKey(b []byte) (annotate.SpanLabel, error) {
	if len(b) < 16 {
		return annotate.SpanLabel{}, fmt.Errorf("suggestion key of %d bytes: %w", len(b), errCorrupt)
	}
	return annotate.SpanLabel{
		Start: int(binary.BigEndian.Uint64(b)),
		End:   int(binary.BigEndian.Uint64(b[8:])),
		Label: string(b[16:]),
	}, nil
}

// suggestBuckets returns the suggestion and rejection buckets of a
// document, nil when it has none; create makes them.
func suggestBuckets(tx *bolt.Tx, docID string, create bool) (sug, rej *bolt.Bucket, err error) {
	top := tx.Bucket(bucketSuggest)
	if top == nil && create {
		if top, err = tx.CreateBucket(bucketSuggest); err != nil {
			return nil, nil, err
		}
	}
	if top == nil {
		return nil, nil, nil
	}
	dir := top.Bucket([]byte(docID))
	if dir == nil && create {
		if dir, err = top.CreateBucket([]byte(docID)); err != nil {
			return nil, nil, err
		}
		if _, err = dir.CreateBucket(bucketSug); err != nil {
			return nil, nil, err
		}
		if _, err = dir.CreateBucket(bucketRej); err != nil {
			return nil, nil, err
		}
	}
	if dir == nil {
		return nil, nil, nil
	}
	sug, rej = dir.Bucket(bucketSug), dir.Bucket(bucketRej)
	if sug == nil || rej == nil {
		return nil, nil, fmt.Errorf("document %s: suggestion bucket missing: %w", docID, errCorrupt)
	}
	return sug, rej, nil
}

// deleteSuggestionsOf removes a deleted document's suggestions and
// rejections.
func deleteSuggestionsOf(tx *bolt.Tx, docID string) error {
	if err := setSuggestionCount(tx, docID, 0); err != nil {
		return err
	}
	top := tx.Bucket(bucketSuggest)
	if top == nil || top.Bucket([]byte(docID)) == nil {
		return nil
	}
	return top.DeleteBucket([]byte(docID))
}

// setSuggestionCount records that a document holds n suggestions.
func setSuggestionCount(tx *bolt.Tx, docID string, n int) error {
	b := tx.Bucket(bucketSugCount)
	if b == nil && n == 0 {
		return nil
	}
	if b == nil {
		var err error
		if b, err = tx.CreateBucket(bucketSugCount); err != nil {
			return err
		}
	}
	if n == 0 {
		return b.Delete([]byte(docID))
	}
	return b.Put([]byte(docID), binary.AppendUvarint(nil, uint64(n)))
}

// countSuggestions counts the suggestions a document's sug bucket holds
// and records the number.
func countSuggestions(tx *bolt.Tx, docID string, sug *bolt.Bucket) error {
	n := 0
	err := sug.ForEach(func(_, v []byte) error {
		k, err := packedCount(v)
		n += k
		return err
	})
	if err != nil {
		return fmt.Errorf("document %s: %w", docID, err)
	}
	return setSuggestionCount(tx, docID, n)
}

// Suggestions returns a document's suggestions from every source.
func (s *Store) Suggestions(docID string) ([]annotate.Suggestion, error) {
	var out []annotate.Suggestion
	err := s.view(func(tx *bolt.Tx) error {
		if _, err := findDoc(tx, docID); err != nil {
			return err
		}
		sug, _, err := suggestBuckets(tx, docID, false)
		if err != nil || sug == nil {
			return err
		}
		return sug.ForEach(func(k, v []byte) error {
			out, err = unpackSuggestions(out, docID, string(k), v)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("suggestions of document %s: %w", docID, err)
	}
	slices.SortFunc(out, annotate.CompareSuggestions)
	return out, nil
}

// SuggestionCounts returns how many suggestions each document holds.
func (s *Store) SuggestionCounts() (map[string]int, error) {
	counts := make(map[string]int)
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSugCount)
		if b == nil {
			return nil
		}
		return b.ForEach(func(id, v []byte) error {
			n, k := binary.Uvarint(v)
			if k <= 0 {
				return fmt.Errorf("suggestion count of %s: %w", id, errCorrupt)
			}
			counts[string(id)] = int(n)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("count suggestions: %w", err)
	}
	return counts, nil
}
