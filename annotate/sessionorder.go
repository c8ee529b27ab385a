package annotate

import "slices"

// Annotations returns the annotations in [CompareAnnotations] order. The
// slice is the session's own: callers must not change it, nor keep it
// across an edit. After edits it costs one merge of them into the last
// order, not a sort.
func (s *Session) Annotations() []Annotation {
	switch {
	case s.sorted == nil:
		s.sorted = make([]Annotation, 0, len(s.anns))
		for _, a := range s.anns {
			s.sorted = append(s.sorted, a)
		}
		SortAnnotations(s.sorted)
		s.added, s.removed = s.added[:0], s.removed[:0]
	case len(s.added) > 0 || len(s.removed) > 0:
		s.sorted = mergeSorted(s.sorted, s.removed, s.added)
		s.added, s.removed = s.added[:0], s.removed[:0]
	}
	return s.sorted
}

// mergeSorted returns sorted without the annotations of removed and with
// those of added, in order, as a new slice.
func mergeSorted(sorted, removed, added []Annotation) []Annotation {
	SortAnnotations(removed)
	SortAnnotations(added)
	out := make([]Annotation, 0, len(sorted)-len(removed)+len(added))
	i, j := 0, 0
	for _, a := range sorted {
		for i < len(removed) && CompareAnnotations(removed[i], a) < 0 {
			i++
		}
		if i < len(removed) && CompareAnnotations(removed[i], a) == 0 {
			i++
			continue
		}
		for j < len(added) && CompareAnnotations(added[j], a) < 0 {
			out = append(out, added[j])
			j++
		}
		out = append(out, a)
	}
	return append(out, added[j:]...)
}

// insertSorted notes that a is to go into the sorted slice, if there is
// one.
func (s *Session) insertSorted(a Annotation) {
	if s.sorted != nil {
		s.added = append(s.added, a)
	}
}

// unsort notes that a is to leave the sorted slice, if there is one: a
// version added since the last merge just goes, one merged is removed at
// the next.
func (s *Session) unsort(a Annotation) {
	if s.sorted == nil {
		return
	}
	if i := slices.IndexFunc(s.added, func(b Annotation) bool { return b.ID == a.ID }); i >= 0 {
		s.added = slices.Delete(s.added, i, i+1)
		return
	}
	s.removed = append(s.removed, a)
}

// tagged returns the annotation of label over exactly [start, end), if
// there is one, without merging the edits since the last order: the
// sorted slice by binary search, skipping what was removed since, then
// what was added.
func (s *Session) tagged(start, end int, label string) (Annotation, bool) {
	if s.sorted == nil {
		s.Annotations()
	}
	match := func(a Annotation) bool { return a.Start == start && a.End == end && a.Label == label }
	i, _ := slices.BinarySearchFunc(s.sorted, start, func(a Annotation, start int) int { return a.Start - start })
	for ; i < len(s.sorted) && s.sorted[i].Start == start; i++ {
		a := s.sorted[i]
		if match(a) && !slices.ContainsFunc(s.removed, func(b Annotation) bool { return b.ID == a.ID }) {
			return a, true
		}
	}
	if i := slices.IndexFunc(s.added, match); i >= 0 {
		return s.added[i], true
	}
	return Annotation{}, false
}
