package lint

import (
	"hash/maphash"
	"slices"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/suggest"
)

// Surfaces counts, over a whole project, the labels each annotated string
// was given. The rules that compare one annotation with the rest of the
// project (inconsistent-label) read it; a first pass over the documents
// fills it, one document at a time, so that the project is never in
// memory at once.
//
// A project of a million annotations has half a million distinct
// strings. Kept as a map of strings to slices, they were a million small
// objects the garbage collector walked again and again, most of a lint's
// time. So Surfaces holds no pointers at all: the strings' bytes lie back
// to back in one arena, a map from their hash finds them, and strings
// whose hashes collide are chained and told apart by their bytes.
type Surfaces struct {
	hash   func(string) uint64 // a seeded maphash; tests make strings collide
	byHash map[uint64]uint32   // hash → first string with it (ref)
	strs   []surface
	arena  []byte
	counts []labelCount
	// freeStr and freeCount head the lists of slots that were emptied
	// (ref; 0 when none): the app uncounts as it counts, edit by edit.
	freeStr, freeCount uint32
	labels             []string          // label names by number
	labelNo            map[string]uint32 // and numbers by name
	n                  int               // distinct strings counted
	// mentions indexes by their tokens the strings a missed mention can
	// be of (see count), to find their other occurrences: the suggestion
	// index of package suggest, so that lint and the suggestions agree on
	// what an occurrence is.
	mentions *suggest.Index
}

// A ref is an index into strs or counts plus one; 0 refers to nothing.

// surface is one counted string: its bytes in the arena, the next string
// with the same hash, and its first label count.
type surface struct {
	off, len uint32
	next     uint32 // ref into strs
	count    uint32 // ref into counts
}

// labelCount is how many times one string was annotated with one label.
type labelCount struct {
	label uint32
	n     int32
	next  uint32 // ref into counts
}

// LabelCount is how many times a string was annotated with Label.
type LabelCount struct {
	Label string
	N     int
}

// NewSurfaces returns an empty index.
func NewSurfaces() *Surfaces {
	seed := maphash.MakeSeed()
	return &Surfaces{
		hash:   func(s string) uint64 { return maphash.String(seed, s) },
		byHash: make(map[uint64]uint32), labelNo: make(map[string]uint32),
		mentions: suggest.NewIndex(suggest.Options{}),
	}
}

// Add counts the annotations of d.
func (s *Surfaces) Add(d *annotate.DocumentData) {
	x := annotate.NewIndex(d.Document.Text)
	for _, a := range d.Annotations {
		s.AddAnnotation(x.Slice(a.Start, a.End), a.Label)
	}
}

// Remove uncounts the annotations of d, so that an edited document can be
// counted again.
func (s *Surfaces) Remove(d *annotate.DocumentData) {
	x := annotate.NewIndex(d.Document.Text)
	for _, a := range d.Annotations {
		s.RemoveAnnotation(x.Slice(a.Start, a.End), a.Label)
	}
}

// AddAnnotation counts one annotation of label over text, as an edit
// adds it: the app keeps the project's index current this way, one
// changed annotation at a time, instead of counting the project again.
func (s *Surfaces) AddAnnotation(text, label string) { s.count(text, label, 1) }

// RemoveAnnotation uncounts one annotation of label over text, as an
// edit deletes it or changes its range or label.
func (s *Surfaces) RemoveAnnotation(text, label string) { s.count(text, label, -1) }

// count changes the count of label for text by n and keeps the mentions
// index holding exactly the strings a missed mention can be of: those
// annotated at least twice, always with one label. Most of a project's
// strings are not, so the index stays small and matching it is cheap.
func (s *Surfaces) count(text, label string, n int) {
	before := s.mentionLabel(text)
	s.add(text, label, n)
	after := s.mentionLabel(text)
	if before == after {
		return
	}
	if before != "" {
		s.mentions.Remove(text, before)
	}
	if after != "" {
		s.mentions.Add(text, after)
	}
}

// mentionLabel returns the one label text was annotated with when it was
// annotated at least twice with that label and with no other, else "".
func (s *Surfaces) mentionLabel(text string) string {
	_, ref, _ := s.find(text)
	if ref == 0 {
		return ""
	}
	c := s.counts[s.strs[ref-1].count-1]
	if c.next != 0 || c.n < 2 {
		return ""
	}
	return s.labels[c.label]
}

// Reject records a rejected suggestion: its span and label are not a
// missed mention, and its string is not suggested with that label (as
// package suggest's index treats rejections).
func (s *Surfaces) Reject(r annotate.Rejection) { s.mentions.Reject(r) }

// Labels returns the labels text was annotated with and how often, most
// frequent first (ties in label order).
func (s *Surfaces) Labels(text string) []LabelCount {
	cs := s.appendCounts(nil, text)
	sortCounts(cs)
	return cs
}

// sortCounts orders label counts most frequent first, ties in label
// order.
func sortCounts(cs []LabelCount) {
	slices.SortFunc(cs, func(a, b LabelCount) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Label, b.Label)
	})
}

// Len returns the number of distinct annotated strings.
func (s *Surfaces) Len() int { return s.n }

// appendCounts appends the label counts of text to buf, in no particular
// order, and returns it: the check of each annotation reads them into one
// buffer instead of allocating.
func (s *Surfaces) appendCounts(buf []LabelCount, text string) []LabelCount {
	_, ref, _ := s.find(text)
	if ref == 0 {
		return buf
	}
	for c := s.strs[ref-1].count; c != 0; c = s.counts[c-1].next {
		lc := s.counts[c-1]
		buf = append(buf, LabelCount{s.labels[lc.label], int(lc.n)})
	}
	return buf
}

// find returns the hash of text, its string's ref (0 when text is not
// counted) and the ref of the string before it in the hash's chain (0
// when it is first).
func (s *Surfaces) find(text string) (h uint64, ref, prev uint32) {
	h = s.hash(text)
	for ref = s.byHash[h]; ref != 0; prev, ref = ref, s.strs[ref-1].next {
		if str := s.strs[ref-1]; string(s.arena[str.off:str.off+str.len]) == text {
			return h, ref, prev
		}
	}
	return h, 0, 0
}
