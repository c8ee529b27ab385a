package suggest

// pattern is one annotated surface string: its key, how many tokens it
// has and how many annotations gave it each label. The patterns of one
// trie node are chained by next (1 + an index in Index.pats, 0 ending the
// chain), shortest first: strings with the same tokens but other spacing,
// and the strings longer than maxDepth tokens whose first maxDepth tokens
// lead there. It holds no pointer: its key's bytes are in Index.keys and
// its label counts in Index.counts, so that the garbage collector need
// not scan a project's half a million patterns (see labels.go).
type pattern struct {
	off, klen uint32 // its key is Index.keys[off : off+klen]
	ntok      int32
	total     int32
	best      int32 // the count of its most given label
	next      int32
	labels    int32 // 1 + the index in Index.counts of its first label's count, or 0
}

// reaches reports whether some label of p may have a share of at least
// minScore: when none does, a match of p suggests nothing, and matching
// skips it before comparing its text.
func (p *pattern) reaches(minScore float64) bool {
	return float64(p.best) >= minScore*float64(p.total)
}

// maxDepth is the depth of the trie. A string of more tokens hangs from
// the node of its first maxDepth and is checked against the text by its
// key: an annotated claim of twenty words costs four nodes, not twenty,
// and four tokens already tell almost every such string from the rest.
const maxDepth = 4

// node returns the trie node of a string's ids, made when create is set,
// or 0.
func (x *Index) node(ids []int32, create bool) int32 {
	ids = ids[:min(len(ids), maxDepth)]
	if create {
		return x.trie.walk(ids)
	}
	var n int32
	for _, id := range ids {
		if id == noTok {
			return 0
		}
		if n = x.trie.child(n, id); n == 0 {
			return 0
		}
	}
	return n
}

// find returns 1 + the index of the pattern of key at node n, or 0.
func (x *Index) find(n int32, key string) int32 {
	if n == 0 {
		return 0
	}
	for pi := x.trie.nodes[n].pat; pi != 0; pi = x.pats[pi-1].next {
		if string(x.key(&x.pats[pi-1])) == key {
			return pi
		}
	}
	return 0
}

// lookup returns the pattern of text, or nil. The pointer is good until
// the next Add.
func (x *Index) lookup(text string) *pattern {
	w := newWords(text)
	if len(w.toks) == 0 {
		return nil
	}
	key := x.fold(w.span(0, len(w.toks)-1))
	if pi := x.find(x.node(x.ids(&w, false, nil), false), key); pi != 0 {
		return &x.pats[pi-1]
	}
	return nil
}

// key returns p's key. It is a slice of the arena of keys, good until
// the next Add.
func (x *Index) key(p *pattern) []byte { return x.keys[p.off : p.off+p.klen] }

// add counts one more annotation with label of the string key, whose
// token ids are ids.
func (x *Index) add(key string, ids []int32, label string) {
	n := x.node(ids, true)
	pi := x.find(n, key)
	if pi == 0 {
		// The key is copied into the arena: it is usually a slice of a
		// whole document, which the index must not keep alive.
		pi = x.link(n, pattern{off: uint32(len(x.keys)), klen: uint32(len(key)), ntok: int32(len(ids))})
		x.keys = append(x.keys, key...)
	}
	p := &x.pats[pi-1]
	p.total++
	no, _ := x.labelNo(label, true)
	c, _ := x.countOf(p, no, true)
	x.counts[c-1].n++
	p.best = max(p.best, x.counts[c-1].n)
	x.reshare(n)
}

// reshare recomputes node n's share from its patterns.
func (x *Index) reshare(n int32) {
	most := 0
	for pi := x.trie.nodes[n].pat; pi != 0; pi = x.pats[pi-1].next {
		if p := &x.pats[pi-1]; p.total > 0 {
			most = max(most, int((255*int64(p.best)+int64(p.total)-1)/int64(p.total)))
		}
	}
	x.trie.nodes[n].share = uint8(most)
}

// reaches reports whether some pattern of node n may have a label whose
// share is at least minScore.
func (x *Index) reaches(n int32, minScore float64) bool {
	return float64(x.trie.nodes[n].share) >= minScore*255
}

// link adds p to the chain of node n, in order of length, and returns 1 +
// its index.
func (x *Index) link(n int32, p pattern) int32 {
	x.pats = append(x.pats, p)
	pi := int32(len(x.pats))
	x.live++
	x.maxTok = max(x.maxTok, int(p.ntok))
	at := &x.trie.nodes[n].pat
	for *at != 0 && x.pats[*at-1].ntok <= p.ntok {
		at = &x.pats[*at-1].next
	}
	x.pats[pi-1].next, *at = *at, pi
	return pi
}

// remove counts one annotation with label of the string key less. A
// pattern left with no annotation leaves its node's chain; its slot, its
// key's bytes and the trie's nodes stay (a string removed is often tagged
// again).
func (x *Index) remove(key string, ids []int32, label string) {
	n := x.node(ids, false)
	pi := x.find(n, key)
	if pi == 0 {
		return
	}
	p := &x.pats[pi-1]
	no, ok := x.labelNo(label, false)
	if !ok {
		return
	}
	c, before := x.countOf(p, no, false)
	if c == 0 {
		return
	}
	p.total--
	if x.counts[c-1].n--; x.counts[c-1].n == 0 {
		x.dropCount(p, c, before)
	}
	p.best = 0
	for c := p.labels; c != 0; c = x.counts[c-1].next {
		p.best = max(p.best, x.counts[c-1].n)
	}
	if p.total > 0 {
		x.reshare(n)
		return
	}
	for at := &x.trie.nodes[n].pat; *at != 0; at = &x.pats[*at-1].next {
		if *at == pi {
			*at = p.next
			break
		}
	}
	*p = pattern{}
	x.live--
	x.reshare(n)
}
