package lint

// add changes the count of label for text by n, dropping counts that
// reach zero and strings left without counts.
func (s *Surfaces) add(text, label string, n int) {
	h, ref, prev := s.find(text)
	if ref == 0 {
		if n <= 0 {
			return
		}
		ref = s.newString(h, text)
	}
	str := &s.strs[ref-1]
	no := s.label(label)
	var before uint32
	c := str.count
	for c != 0 && s.counts[c-1].label != no {
		before, c = c, s.counts[c-1].next
	}
	switch {
	case c != 0:
		s.counts[c-1].n += int32(n)
		if s.counts[c-1].n > 0 {
			return
		}
		s.unlinkCount(str, before, c)
	case n > 0:
		str.count = s.newCount(labelCount{label: no, n: int32(n), next: str.count})
		return
	}
	if str.count == 0 {
		s.dropString(h, ref, prev)
	}
}

// label returns the number of a label name, giving it one when it is new.
func (s *Surfaces) label(name string) uint32 {
	if no, ok := s.labelNo[name]; ok {
		return no
	}
	no := uint32(len(s.labels))
	s.labels = append(s.labels, name)
	s.labelNo[name] = no
	return no
}

// newString copies text into the arena and chains it first under h.
func (s *Surfaces) newString(h uint64, text string) uint32 {
	str := surface{off: uint32(len(s.arena)), len: uint32(len(text)), next: s.byHash[h]}
	s.arena = append(s.arena, text...)
	var ref uint32
	if s.freeStr != 0 {
		ref = s.freeStr
		s.freeStr = s.strs[ref-1].next
		s.strs[ref-1] = str
	} else {
		s.strs = append(s.strs, str)
		ref = uint32(len(s.strs))
	}
	s.byHash[h] = ref
	s.n++
	return ref
}

// dropString unchains the string ref, whose predecessor under h is prev,
// and frees its slot. Its bytes stay in the arena: the app drops a few
// strings an edit, and counting the project again starts a new index.
func (s *Surfaces) dropString(h uint64, ref, prev uint32) {
	next := s.strs[ref-1].next
	switch {
	case prev != 0:
		s.strs[prev-1].next = next
	case next != 0:
		s.byHash[h] = next
	default:
		delete(s.byHash, h)
	}
	s.strs[ref-1] = surface{next: s.freeStr}
	s.freeStr = ref
	s.n--
}

// newCount stores lc in a free slot or a new one and returns its ref.
func (s *Surfaces) newCount(lc labelCount) uint32 {
	if ref := s.freeCount; ref != 0 {
		s.freeCount = s.counts[ref-1].next
		s.counts[ref-1] = lc
		return ref
	}
	s.counts = append(s.counts, lc)
	return uint32(len(s.counts))
}

// unlinkCount takes the count c, which follows before (0 when it is
// first), out of str's list and frees its slot.
func (s *Surfaces) unlinkCount(str *surface, before, c uint32) {
	next := s.counts[c-1].next
	if before != 0 {
		s.counts[before-1].next = next
	} else {
		str.count = next
	}
	s.counts[c-1] = labelCount{next: s.freeCount}
	s.freeCount = c
}
