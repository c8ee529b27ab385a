package suggest

// A project's half a million patterns nearly all have one label. Each
// pattern's label counts used to be a slice of its own, of strings: half
// a million small objects with pointers, which the garbage collector
// walked again and again while a project's suggestions were computed. The
// counts now lie in one array without pointers (Index.counts), a
// pattern's chained in the order their labels were first given, and a
// label is a number (Index.names holds the strings, each once).

// labelCount is how many annotations gave a string one label: the label's
// number, the count, and the next label count of the same pattern (1 + an
// index in Index.counts, 0 ending the chain).
type labelCount struct {
	n     int32
	next  int32
	label uint32
}

// labelNo returns the number of the label name, giving it one when it is
// new and intern is set; ok is false for a new name otherwise.
func (x *Index) labelNo(name string, intern bool) (no uint32, ok bool) {
	if no, ok := x.labelNos[name]; ok {
		return no, true
	}
	if !intern {
		return 0, false
	}
	no = uint32(len(x.names))
	x.names = append(x.names, name)
	x.labelNos[name] = no
	return no, true
}

// countOf returns the ref (1 + the index in x.counts) of p's count of
// label, adding a count of zero at the end of its chain when it has none
// and add is set; else 0 when it has none. before is the ref of the count
// before it in the chain (0 when it is first).
func (x *Index) countOf(p *pattern, label uint32, add bool) (ref, before int32) {
	for c := p.labels; c != 0; before, c = c, x.counts[c-1].next {
		if x.counts[c-1].label == label {
			return c, before
		}
	}
	if !add {
		return 0, 0
	}
	lc := labelCount{label: label}
	if ref = x.freeCount; ref != 0 {
		x.freeCount = x.counts[ref-1].next
		x.counts[ref-1] = lc
	} else {
		x.counts = append(x.counts, lc)
		ref = int32(len(x.counts))
	}
	// Linked only now: the append may have moved the counts.
	if before != 0 {
		x.counts[before-1].next = ref
	} else {
		p.labels = ref
	}
	return ref, before
}

// dropCount takes the count ref, which follows before in p's chain, out
// of the chain and frees its slot for the next new count.
func (x *Index) dropCount(p *pattern, ref, before int32) {
	next := x.counts[ref-1].next
	if before != 0 {
		x.counts[before-1].next = next
	} else {
		p.labels = next
	}
	x.counts[ref-1] = labelCount{next: x.freeCount}
	x.freeCount = ref
}

// eachLabel calls fn with each label count of p, in the order the labels
// were first given.
func (x *Index) eachLabel(p *pattern, fn func(name string, n int32)) {
	for c := p.labels; c != 0; c = x.counts[c-1].next {
		fn(x.names[x.counts[c-1].label], x.counts[c-1].n)
	}
}
