package suggest

// edges holds the children of the trie's branching nodes beyond their
// first (trie.more): a hash table of its own, open addressing with linear
// probing, at most half full. Matching looks a child up at nearly every
// token of a project, and most lookups miss: a Go map of a million
// entries cost two or three cache misses a lookup (its control words,
// then its slots), this one costs about one, the slot holding both the
// key and the child. Entries are never deleted: a trie's nodes stay (see
// Index.remove).
type edges struct {
	slots []edge // a power of two of them, or none
	n     int    // the slots in use
	shift uint   // 64 - log2(len(slots))
}

// edge is node's child kid for token tok; kid 0 marks an empty slot.
type edge struct{ node, tok, kid int32 }

// slot returns where the probe for node and tok starts: Fibonacci
// hashing, whose top bits spread consecutive node numbers.
func (e *edges) slot(node, tok int32) int {
	k := uint64(uint32(node))<<32 | uint64(uint32(tok))
	return int((k * 0x9E3779B97F4A7C15) >> e.shift)
}

// get returns node's child for tok, or 0.
func (e *edges) get(node, tok int32) int32 {
	if e.n == 0 {
		return 0
	}
	mask := len(e.slots) - 1
	for i := e.slot(node, tok); ; i = (i + 1) & mask {
		s := &e.slots[i]
		if s.kid == 0 {
			return 0
		}
		if s.node == node && s.tok == tok {
			return s.kid
		}
	}
}

// put records kid as node's child for tok, which it does not have yet.
func (e *edges) put(node, tok, kid int32) {
	if 2*(e.n+1) > len(e.slots) {
		e.grow()
	}
	e.insert(edge{node, tok, kid})
	e.n++
}

// insert places ed in the first empty slot of its probe.
func (e *edges) insert(ed edge) {
	mask := len(e.slots) - 1
	i := e.slot(ed.node, ed.tok)
	for e.slots[i].kid != 0 {
		i = (i + 1) & mask
	}
	e.slots[i] = ed
}

// grow doubles the table (or makes its first 1,024 slots) and places
// every edge anew.
func (e *edges) grow() {
	old := e.slots
	size := max(1024, 2*len(old))
	e.slots = make([]edge, size)
	e.shift = 64
	for s := size; s > 1; s >>= 1 {
		e.shift--
	}
	for _, ed := range old {
		if ed.kid != 0 {
			e.insert(ed)
		}
	}
}
