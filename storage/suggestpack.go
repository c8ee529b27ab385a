package storage

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"spanmark/annotate"
)

// A document's suggestions from one source are one value (packSuggestions),
// not a key each: a project's string suggestions number millions, and a
// key each made writing them most of the time of spanmark suggest and
// doubled the file. The value is the count, then for each suggestion in
// annotate.CompareSuggestions order its start (less the one before), its
// length, its label (length, bytes) and its score's eight bytes, the
// numbers as uvarints.

// packSuggestions encodes ss, which share a document and a source, sorted
// in place.
func packSuggestions(ss []annotate.Suggestion) []byte {
	slices.SortFunc(ss, annotate.CompareSuggestions)
	b := make([]byte, 0, 4+len(ss)*20)
	b = binary.AppendUvarint(b, uint64(len(ss)))
	prev := 0
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(s.Start-prev))
		b = binary.AppendUvarint(b, uint64(s.End-s.Start))
		b = binary.AppendUvarint(b, uint64(len(s.Label)))
		b = append(b, s.Label...)
		b = binary.BigEndian.AppendUint64(b, math.Float64bits(s.Score))
		prev = s.Start
	}
	return b
}

// packedCount returns how many suggestions a packed value holds.
func packedCount(v []byte) (int, error) {
	n, k := binary.Uvarint(v)
	if k <= 0 || n > uint64(len(v)) {
		return 0, fmt.Errorf("suggestion record: %w", errCorrupt)
	}
	return int(n), nil
}

// unpackSuggestions decodes a packed value of the document docID from
// source, appending to out.
func unpackSuggestions(out []annotate.Suggestion, docID, source string, v []byte) ([]annotate.Suggestion, error) {
	bad := fmt.Errorf("document %s: suggestions of %s: %w", docID, source, errCorrupt)
	n, k := binary.Uvarint(v)
	if k <= 0 || n > uint64(len(v)) {
		return out, bad
	}
	v = v[k:]
	uv := func() int {
		x, k := binary.Uvarint(v)
		if k <= 0 || x > math.MaxInt32 {
			k, x = len(v)+1, 0
		}
		v = v[min(k, len(v)):]
		return int(x)
	}
	prev := 0
	for range n {
		start := prev + uv()
		end := start + uv()
		ll := uv()
		if ll > len(v) || len(v)-ll < 8 {
			return out, bad
		}
		label := string(v[:ll])
		score := math.Float64frombits(binary.BigEndian.Uint64(v[ll:]))
		v = v[ll+8:]
		out = append(out, annotate.Suggestion{DocumentID: docID, Start: start, End: end,
			Label: label, Source: source, Score: score})
		prev = start
	}
	if len(v) != 0 {
		return out, bad
	}
	return out, nil
}
