package agree

import (
	"cmp"
	"math"

	"spanmark/annotate"
)

// span is an annotation reduced to what matching compares, with its index
// in the slice it came from.
type span struct {
	start, end int
	label      string
	i          int
}

// appendSpans appends the spans of anns to dst.
func appendSpans(dst []span, anns []annotate.Annotation) []span {
	for i, a := range anns {
		dst = append(dst, span{start: a.Start, end: a.End, label: a.Label, i: i})
	}
	return dst
}

// byLabel orders spans by label, then position; the index makes the order
// total, so that results do not depend on the sort algorithm.
func byLabel(x, y span) int {
	if c := cmp.Compare(x.label, y.label); c != 0 {
		return c
	}
	return byPosition(x, y)
}

// byPosition orders spans by start, then end, then label, then index.
func byPosition(x, y span) int {
	if c := cmp.Compare(x.start, y.start); c != 0 {
		return c
	}
	if c := cmp.Compare(x.end, y.end); c != 0 {
		return c
	}
	if c := cmp.Compare(x.label, y.label); c != 0 {
		return c
	}
	return cmp.Compare(x.i, y.i)
}

// sameKey reports whether x and y are an exact match.
func sameKey(x, y span) bool {
	return x.start == y.start && x.end == y.end && x.label == y.label
}

// overlaps reports whether the ranges of x and y share a code point.
func overlaps(x, y span) bool {
	return x.start < y.end && y.start < x.end
}

// labelRun returns the length of the run of spans at the start of s that
// share s[0]'s label; s is sorted byLabel.
func labelRun(s []span) int {
	n := 1
	for n < len(s) && s[n].label == s[0].label {
		n++
	}
	return n
}

// exactPairs pairs the spans of a and b that are exact matches, one to
// one, and returns how many pairs it made. Both are sorted byLabel. When
// fn is not nil it is called with the positions in a and b of each pair.
func exactPairs(a, b []span, fn func(i, j int)) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := byLabel(a[i], b[j]); {
		case sameKey(a[i], b[j]):
			if fn != nil {
				fn(i, j)
			}
			n++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return n
}

// matcher finds maximum one-to-one pairings of overlapping spans. It
// keeps its buffers from call to call, so comparing many documents does
// not allocate for each; the zero value is ready to use.
type matcher struct {
	activeA, activeB []int // spans of the sweep that have not ended
	from, to         []int // edges as found by the sweep

	// The graph in compressed form: the neighbours in B of vertex i of A
	// are adj[off[i]:off[i+1]].
	off, adj []int

	// Hopcroft–Karp state.
	mateA []int // partner in B of each vertex of A, or -1
	mateB []int // partner in A of each vertex of B, or -1
	dist  []int // layer of each vertex of A in the current phase
	next  []int // next edge of each vertex of A to try in the current phase
	queue []int
	free  int // layer from which a free vertex of B is one edge away
}

// resize returns s with length n, reallocated only when too small.
func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// maxOverlap pairs spans of a with spans of b that overlap, one to one,
// making as many pairs as possible. Both are sorted by start. It returns,
// for each span of a, the position in b of its partner or -1, valid until
// the next call, and the number of pairs.
func (m *matcher) maxOverlap(a, b []span) ([]int, int) {
	m.mateA = resize(m.mateA, len(a))
	for i := range m.mateA {
		m.mateA[i] = -1
	}
	if len(a) == 0 || len(b) == 0 {
		return m.mateA, 0
	}
	m.buildGraph(a, b)
	return m.mateA, m.maxMatching(len(b))
}

// buildGraph joins every span of a to every span of b it overlaps,
// whatever the labels. Both are sorted by start. It sweeps the spans in
// order of start, keeping on each side the spans that have not ended yet,
// so its work is proportional to the spans plus the edges it finds.
func (m *matcher) buildGraph(a, b []span) {
	m.activeA, m.activeB = m.activeA[:0], m.activeB[:0]
	m.from, m.to = m.from[:0], m.to[:0]
	for i, j := 0, 0; i < len(a) || j < len(b); {
		if j == len(b) || i < len(a) && a[i].start <= b[j].start {
			m.activeB = notEnded(m.activeB, b, a[i].start)
			for _, y := range m.activeB {
				if overlaps(a[i], b[y]) {
					m.from, m.to = append(m.from, i), append(m.to, y)
				}
			}
			m.activeA = append(m.activeA, i)
			i++
		} else {
			m.activeA = notEnded(m.activeA, a, b[j].start)
			for _, x := range m.activeA {
				if overlaps(a[x], b[j]) {
					m.from, m.to = append(m.from, x), append(m.to, j)
				}
			}
			m.activeB = append(m.activeB, j)
			j++
		}
	}
	m.off = resize(m.off, len(a)+1)
	clear(m.off)
	for _, x := range m.from {
		m.off[x+1]++
	}
	for x := range a {
		m.off[x+1] += m.off[x]
	}
	// next serves as the fill position of each vertex here.
	m.next = resize(m.next, len(a))
	copy(m.next, m.off)
	m.adj = resize(m.adj, len(m.to))
	for k, x := range m.from {
		m.adj[m.next[x]] = m.to[k]
		m.next[x]++
	}
}

// notEnded keeps the indices in active of spans that end after pos; no
// span starting at pos or later can overlap the others.
func notEnded(active []int, spans []span, pos int) []int {
	kept := active[:0]
	for _, k := range active {
		if spans[k].end > pos {
			kept = append(kept, k)
		}
	}
	return kept
}

// unreached marks a vertex the breadth-first search of Hopcroft–Karp has
// not reached.
const unreached = math.MaxInt

// maxMatching computes a maximum matching of the graph with
// Hopcroft–Karp, which needs O(√V) phases of O(E) work, into mateA and
// mateB. mateA must hold -1 for every vertex. It returns the size of the
// matching.
func (m *matcher) maxMatching(nb int) int {
	na := len(m.mateA)
	m.mateB = resize(m.mateB, nb)
	for j := range m.mateB {
		m.mateB[j] = -1
	}
	m.dist = resize(m.dist, na)
	m.next = resize(m.next, na)
	size := 0
	for m.layer() {
		copy(m.next, m.off)
		for i := range na {
			if m.mateA[i] < 0 && m.augment(i) {
				size++
			}
		}
	}
	return size
}

// layer sorts the vertices of A into layers by the length of the shortest
// alternating path from a free vertex of A, up to the first layer next to
// a free vertex of B. It reports whether any augmenting path exists.
func (m *matcher) layer() bool {
	m.queue = m.queue[:0]
	for i, j := range m.mateA {
		m.dist[i] = unreached
		if j < 0 {
			m.dist[i] = 0
			m.queue = append(m.queue, i)
		}
	}
	m.free = unreached
	for k := 0; k < len(m.queue); k++ {
		i := m.queue[k]
		if m.dist[i] >= m.free {
			break
		}
		for _, j := range m.adj[m.off[i]:m.off[i+1]] {
			w := m.mateB[j]
			switch {
			case w < 0:
				m.free = m.dist[i]
			case m.dist[w] == unreached:
				m.dist[w] = m.dist[i] + 1
				m.queue = append(m.queue, w)
			}
		}
	}
	return m.free != unreached
}

// augment looks for a shortest augmenting path from vertex i of A along
// the layers and flips it. Edges that led nowhere are not tried again in
// this phase, and vertices that lead nowhere are dropped from the layers.
func (m *matcher) augment(i int) bool {
	for ; m.next[i] < m.off[i+1]; m.next[i]++ {
		j := m.adj[m.next[i]]
		w := m.mateB[j]
		if w < 0 && m.dist[i] == m.free || w >= 0 && m.dist[w] == m.dist[i]+1 && m.augment(w) {
			m.mateA[i] = j
			m.mateB[j] = i
			return true
		}
	}
	m.dist[i] = unreached
	return false
}
