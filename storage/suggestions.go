package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// Suggestions and rejections live under bucketSuggest, one nested bucket
// per document (made by the first write), apart from the annotations: an
// edit of annotations never rewrites them, and nothing that reads
// annotations (exports, agreement) sees them.
var (
	bucketSug = []byte("sug")
	bucketRej = []byte("rej")
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

// sugKey is a suggestion's key: its source, a zero byte (which no source
// name holds), then its span and label.
func sugKey(s annotate.Suggestion) []byte {
	return spanKey(append([]byte(s.Source), 0), s.Key())
}

// decodeSuggestion reverses sugKey and the score's eight bytes.
func decodeSuggestion(docID string, k, v []byte) (annotate.Suggestion, error) {
	i := bytes.IndexByte(k, 0)
	if i < 0 || len(v) != 8 {
		return annotate.Suggestion{}, fmt.Errorf("document %s: suggestion record: %w", docID, errCorrupt)
	}
	sl, err := decodeSpanKey(k[i+1:])
	if err != nil {
		return annotate.Suggestion{}, fmt.Errorf("document %s: %w", docID, err)
	}
	return annotate.Suggestion{
		DocumentID: docID, Start: sl.Start, End: sl.End, Label: sl.Label,
		Source: string(k[:i]), Score: math.Float64frombits(binary.BigEndian.Uint64(v)),
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
	top := tx.Bucket(bucketSuggest)
	if top == nil || top.Bucket([]byte(docID)) == nil {
		return nil
	}
	return top.DeleteBucket([]byte(docID))
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
			sg, err := decodeSuggestion(docID, k, v)
			out = append(out, sg)
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
		top := tx.Bucket(bucketSuggest)
		if top == nil {
			return nil
		}
		return top.ForEachBucket(func(id []byte) error {
			sug, _, err := suggestBuckets(tx, string(id), false)
			if err != nil {
				return err
			}
			if n := sug.Stats().KeyN; n > 0 {
				counts[string(id)] = n
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("count suggestions: %w", err)
	}
	return counts, nil
}

// appendScore appends a score's eight bytes.
func appendScore(dst []byte, score float64) []byte {
	return binary.BigEndian.AppendUint64(dst, math.Float64bits(score))
}
