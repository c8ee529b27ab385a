package storage

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// salvagedSuggestions are a recovered document's suggestions and
// rejections.
type salvagedSuggestions struct {
	sugs []annotate.Suggestion
	rejs []annotate.Rejection
}

// isSuggestDir reports whether the bucket whose header is hdr is a
// document's suggestion bucket (named by the document's id, as its
// bucket of annotations is), which holds the bucket "sug".
func (sv *salvage) isSuggestDir(hdr []byte) bool {
	found := false
	sv.pf.eachInBucket(hdr, func(e element) error {
		found = found || e.bucket && bytes.Equal(e.key, bucketSug)
		return nil
	})
	return found
}

// suggestionsOf returns the suggestions and rejections of the recovered
// document d from a copy of its suggestion bucket that can be read whole,
// every one a span of d's text and every rejection's text d's there.
// Copies that differ make an error, as for annotations.
func (sv *salvage) suggestionsOf(d *annotate.DocumentData) (salvagedSuggestions, error) {
	var got *salvagedSuggestions
	var err error
	runes := annotate.NewIndex(d.Document.Text)
	for _, hdr := range sv.sugDirs[d.Document.ID] {
		var s salvagedSuggestions
		if s, err = sv.suggestionCopy(hdr, d.Document.ID, runes); err != nil {
			continue
		}
		if got != nil && !sameSuggestions(*got, s) {
			return salvagedSuggestions{}, errors.New("several versions of its suggestions were found")
		}
		got = &s
	}
	if got == nil {
		return salvagedSuggestions{}, err
	}
	return *got, nil
}

// suggestionCopy reads one copy of a document's suggestion bucket.
func (sv *salvage) suggestionCopy(hdr []byte, docID string, x *annotate.Index) (salvagedSuggestions, error) {
	var sug, rej []byte
	err := sv.pf.eachInBucket(hdr, func(e element) error {
		switch {
		case e.bucket && bytes.Equal(e.key, bucketSug):
			sug = e.value
		case e.bucket && bytes.Equal(e.key, bucketRej):
			rej = e.value
		}
		return nil
	})
	if err == nil && (sug == nil || rej == nil) {
		err = errors.New("a part of it is missing")
	}
	if err != nil {
		return salvagedSuggestions{}, err
	}
	var s salvagedSuggestions
	err = sv.pf.eachInBucket(sug, func(e element) error {
		n := len(s.sugs)
		var err error
		if s.sugs, err = unpackSuggestions(s.sugs, docID, string(e.key), e.value); err != nil {
			return err
		}
		for _, sg := range s.sugs[n:] {
			if err := annotate.CheckSuggestion(sg, x.Len()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return salvagedSuggestions{}, err
	}
	err = sv.pf.eachInBucket(rej, func(e element) error {
		k, err := decodeSpanKey(e.key)
		switch {
		case err != nil:
			return err
		case k.Start < 0 || k.Start >= k.End || k.End > x.Len() || x.Slice(k.Start, k.End) != string(e.value):
			return fmt.Errorf("rejection [%d,%d) does not fit the text: %w", k.Start, k.End, errCorrupt)
		}
		s.rejs = append(s.rejs, annotate.Rejection{DocumentID: docID, Start: k.Start, End: k.End, Label: k.Label, Text: string(e.value)})
		return nil
	})
	slices.SortFunc(s.sugs, annotate.CompareSuggestions)
	return s, err
}

// sameSuggestions reports whether a and b hold the same suggestions and
// rejections.
func sameSuggestions(a, b salvagedSuggestions) bool {
	return slices.Equal(a.sugs, b.sugs) && slices.Equal(a.rejs, b.rejs)
}

// salvageSuggestions returns the suggestions and rejections of the
// recovered documents by id, noting in sv.problems, one line a reason,
// how many documents' suggestions could not be read whole.
func (sv *salvage) salvageSuggestions(docs []*annotate.DocumentData) map[string]salvagedSuggestions {
	out := map[string]salvagedSuggestions{}
	failed := map[string][]string{} // reason → documents
	for _, d := range docs {
		if len(sv.sugDirs[d.Document.ID]) == 0 {
			continue
		}
		s, err := sv.suggestionsOf(d)
		if err != nil {
			failed[err.Error()] = append(failed[err.Error()], d.Document.ID)
			continue
		}
		out[d.Document.ID] = s
	}
	for _, why := range slices.Sorted(maps.Keys(failed)) {
		ids := failed[why]
		sv.problems = append(sv.problems, fmt.Sprintf("the suggestions and rejections of %d documents (first %s) could not be read whole (%s): left out",
			len(ids), ids[0], why))
	}
	return out
}

// restoreSuggestions writes salvaged suggestions and rejections, by
// document id, in one transaction: the rejections first, so that
// putSuggestionsOf keeps out what they name.
func (s *Store) restoreSuggestions(byDoc map[string]salvagedSuggestions) error {
	return s.update(func(tx *bolt.Tx) error {
		for _, id := range slices.Sorted(maps.Keys(byDoc)) {
			if err := restoreSuggestionsOf(tx, id, byDoc[id]); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
		}
		return nil
	})
}

// restoreSuggestionsOf writes one document's salvaged suggestions and
// rejections.
func restoreSuggestionsOf(tx *bolt.Tx, docID string, s salvagedSuggestions) error {
	if len(s.rejs) > 0 {
		_, rej, err := suggestBuckets(tx, docID, true)
		if err != nil {
			return err
		}
		for _, r := range s.rejs {
			if err := rej.Put(spanKey(nil, r.Key()), []byte(r.Text)); err != nil {
				return err
			}
		}
	}
	bySource := map[string][]annotate.Suggestion{}
	for _, sg := range s.sugs {
		bySource[sg.Source] = append(bySource[sg.Source], sg)
	}
	for _, source := range slices.Sorted(maps.Keys(bySource)) {
		if err := putSuggestionsOf(tx, docID, source, bySource[source]); err != nil {
			return err
		}
	}
	return nil
}

// renamedSuggestions moves the suggestions of documents that the import
// of the recovered ones renamed to their new ids.
func renamedSuggestions(byDoc map[string]salvagedSuggestions, renamed []annotate.RenamedDocument) map[string]salvagedSuggestions {
	for _, r := range renamed {
		s, ok := byDoc[r.OldID]
		if !ok {
			continue
		}
		delete(byDoc, r.OldID)
		for i := range s.sugs {
			s.sugs[i].DocumentID = r.NewID
		}
		for i := range s.rejs {
			s.rejs[i].DocumentID = r.NewID
		}
		byDoc[r.NewID] = s
	}
	return byDoc
}
