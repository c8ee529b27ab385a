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
		s.mergeIfMany()
	}
}

// maxPending is how many edits wait to be merged into the order: lookups
// that do not merge (Over) scan them, so a long burst of edits is merged
// now and then rather than scanned ever longer.
const maxPending = 256

// mergeIfMany merges the pending edits once there are maxPending.
func (s *Session) mergeIfMany() {
	if len(s.added)+len(s.removed) >= maxPending {
		s.Annotations()
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
	s.mergeIfMany()
}

// Over returns the annotations over exactly [start, end), in
// [CompareAnnotations] order, without merging the edits since the order
// was last read (a label key asks it at every keystroke): the sorted
// slice by binary search, skipping what was removed since, then what was
// added.
func (s *Session) Over(start, end int) []Annotation {
	if s.sorted == nil {
		s.Annotations()
	}
	var out []Annotation
	i, _ := slices.BinarySearchFunc(s.sorted, start, func(a Annotation, start int) int { return a.Start - start })
	for ; i < len(s.sorted) && s.sorted[i].Start == start; i++ {
		a := s.sorted[i]
		if a.End == end && !slices.ContainsFunc(s.removed, func(b Annotation) bool { return b.ID == a.ID }) {
			out = append(out, a)
		}
	}
	for _, a := range s.added {
		if a.Start == start && a.End == end {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, CompareAnnotations)
	return out
}

// tagged returns the annotation of label over exactly [start, end), if
// there is one.
func (s *Session) tagged(start, end int, label string) (Annotation, bool) {
	for _, a := range s.Over(start, end) {
		if a.Label == label {
			return a, true
		}
	}
	return Annotation{}, false
}
