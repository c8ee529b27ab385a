package agree

import (
	"slices"
	"unicode"
)

// noLabel is the category of code points that no annotation of a kind
// covers, "O" in the package doc. No label has the empty name.
const noLabel = ""

// kappaTally counts categories of non-space code points of one kind over
// the paired documents.
type kappaTally struct {
	n, agree int64
	a, b     map[string]int64 // code points per category on each side
	// bothUnset counts the attribute pairs that neither side set, which
	// are most pairs and cost no map update this way; settle adds them to
	// the others.
	bothUnset int64
}

// newKappaTally returns an empty tally.
func newKappaTally() *kappaTally {
	return &kappaTally{a: map[string]int64{}, b: map[string]int64{}}
}

// merge adds the counts of u to t.
func (t *kappaTally) merge(u *kappaTally) {
	t.n += u.n
	t.agree += u.agree
	t.bothUnset += u.bothUnset
	for c, n := range u.a {
		t.a[c] += n
	}
	for c, n := range u.b {
		t.b[c] += n
	}
}

// kappa returns Cohen's kappa over what t counted, 1 when there is nothing
// to count or both sides used one and the same category for everything.
// It computes (N·a − Σ n_A·n_B) / (N² − Σ n_A·n_B), which is (pₒ − pₑ)/(1 − pₑ)
// multiplied through by N², exact in integers up to the last division.
func (t *kappaTally) kappa() float64 {
	var chance int64
	for c, na := range t.a {
		chance += na * t.b[c]
	}
	den := t.n*t.n - chance
	if den == 0 {
		return 1
	}
	return float64(t.n*t.agree-chance) / float64(den)
}

// settle counts the pairs in bothUnset as pairs of the category unset.
func (t *kappaTally) settle() {
	if k := t.bothUnset; k > 0 {
		t.n += k
		t.agree += k
		t.a[unset] += k
		t.b[unset] += k
		t.bothUnset = 0
	}
}

// pair counts one pair of categories, ca on side A and cb on side B.
func (t *kappaTally) pair(ca, cb string) {
	t.n++
	t.a[ca]++
	t.b[cb]++
	if ca == cb {
		t.agree++
	}
}

// count adds the code points of one document, given as the segments of
// each side (both partitions of [0, n)) and the number of non-space code
// points before each position.
func (t *kappaTally) count(segA, segB []segment, nonSpace []int) {
	for i, j := 0, 0; i < len(segA) && j < len(segB); {
		sa, sb := segA[i], segB[j]
		start, end := max(sa.start, sb.start), min(sa.end, sb.end)
		if w := int64(nonSpace[end] - nonSpace[start]); w > 0 {
			t.n += w
			t.a[sa.label] += w
			t.b[sb.label] += w
			if sa.label == sb.label {
				t.agree += w
			}
		}
		if sa.end == end {
			i++
		}
		if sb.end == end {
			j++
		}
	}
}

// nonSpacePrefix returns, reusing buf, p with p[i] the number of code
// points of text before code point i that are not white space; len(p) is
// the number of code points plus one.
func nonSpacePrefix(text string, buf []int) []int {
	p := append(buf[:0], 0)
	n := 0
	for _, r := range text {
		if !unicode.IsSpace(r) {
			n++
		}
		p = append(p, n)
	}
	return p
}

// segment is a run [start, end) of code points in one category.
type segment struct {
	start, end int
	label      string
}

// categorizer splits texts into segments by category. It keeps its
// buffers from call to call; the zero value is ready to use.
type categorizer struct {
	bounds  []int
	started []int // min-heap of positions in the spans
}

// categorize splits [0, n) into segments by category: the label of the
// span with the smallest (start, end, label) covering each code point, or
// noLabel. spans are sorted byPosition; positions outside [0, n) are
// clipped. It sweeps the boundaries of the spans in order, keeping the
// spans that have started in a heap ordered by their position in spans,
// so it takes O(k log k) for k spans. The segments reuse segs.
func (c *categorizer) categorize(spans []span, n int, segs []segment) []segment {
	clip := func(x int) int { return min(max(x, 0), n) }
	c.bounds = append(c.bounds[:0], 0, n)
	for _, s := range spans {
		c.bounds = append(c.bounds, clip(s.start), clip(s.end))
	}
	slices.Sort(c.bounds)
	c.bounds = slices.Compact(c.bounds)

	segs = segs[:0]
	c.started = c.started[:0]
	next := 0
	for b := 0; b+1 < len(c.bounds); b++ {
		pos := c.bounds[b]
		for ; next < len(spans) && clip(spans[next].start) <= pos; next++ {
			c.push(next)
		}
		for len(c.started) > 0 && clip(spans[c.started[0]].end) <= pos {
			c.pop()
		}
		label := noLabel
		if len(c.started) > 0 {
			label = spans[c.started[0]].label
		}
		if k := len(segs) - 1; k >= 0 && segs[k].label == label {
			segs[k].end = c.bounds[b+1]
		} else {
			segs = append(segs, segment{start: pos, end: c.bounds[b+1], label: label})
		}
	}
	return segs
}

// push adds x to the heap of started spans.
func (c *categorizer) push(x int) {
	h := append(c.started, x)
	for i := len(h) - 1; i > 0; {
		parent := (i - 1) / 2
		if h[parent] <= h[i] {
			break
		}
		h[parent], h[i] = h[i], h[parent]
		i = parent
	}
	c.started = h
}

// pop removes the smallest entry of the heap of started spans.
func (c *categorizer) pop() {
	h := c.started
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		small := i
		for _, child := range [2]int{2*i + 1, 2*i + 2} {
			if child < len(h) && h[child] < h[small] {
				small = child
			}
		}
		if small == i {
			break
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
	c.started = h
}
