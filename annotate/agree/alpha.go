package agree

import (
	"maps"
	"slices"
)

// Coincidences is the coincidence matrix of Krippendorff's α for nominal
// values, counted unit by unit. A unit is one thing several raters
// categorized (here a code point); each of its m ≥ 2 values pairs with the
// other m−1, every ordered pair adding 1/(m−1) to o(c,k). The zero value
// is an empty matrix, ready to use.
//
// The matrix is kept as whole numbers of ordered pairs per m, and divided
// by m−1 only in Matrix and Alpha, so that no rounding builds up over the
// millions of code points of a corpus and the figures do not depend on the
// order units come in. Its size is bounded by the number of raters and the
// categories, not by the units counted.
type Coincidences struct {
	pairs  map[pairKey]int64 // ordered pairs of values in units of m values
	values map[string]int64  // n_c: values of category c in pairable units
	units  int64             // pairable units
}

// pairKey is an ordered pair of categories within units of m values.
type pairKey struct {
	m    int
	c, k string
}

// AddUnit counts one unit whose raters gave the values, one per rater
// that categorized it; see AddUnits.
func (c *Coincidences) AddUnit(values ...string) { c.AddUnits(1, values) }

// AddUnits counts w units that all have the given values, one per rater
// that categorized them. Units with fewer than two values cannot be
// paired and are not counted, as the definition of α leaves them out.
func (c *Coincidences) AddUnits(w int64, values []string) {
	m := len(values)
	if m < 2 || w <= 0 {
		return
	}
	if c.pairs == nil {
		c.pairs, c.values = map[pairKey]int64{}, map[string]int64{}
	}
	c.units += w
	for i, vi := range values {
		c.values[vi] += w
		for j, vj := range values {
			if i != j {
				c.pairs[pairKey{m, vi, vj}] += w
			}
		}
	}
}

// Merge adds the units counted in d to c.
func (c *Coincidences) Merge(d *Coincidences) {
	if d.units == 0 {
		return
	}
	if c.pairs == nil {
		c.pairs, c.values = map[pairKey]int64{}, map[string]int64{}
	}
	c.units += d.units
	for k, n := range d.pairs {
		c.pairs[k] += n
	}
	for v, n := range d.values {
		c.values[v] += n
	}
}

// Units returns the number of pairable units counted.
func (c *Coincidences) Units() int64 { return c.units }

// Matrix returns o(c,k) for every pair of categories that occur together
// in a unit; the row sums are n_c, the values of category c.
func (c *Coincidences) Matrix() map[[2]string]float64 {
	o := make(map[[2]string]float64, len(c.pairs))
	for k, n := range c.pairs {
		o[[2]string{k.c, k.k}] += float64(n) / float64(k.m-1)
	}
	return o
}

// Alpha returns Krippendorff's α for nominal values, 1 − D_o/D_e with
//
//	D_o = Σ_{c≠k} o(c,k) / n
//	D_e = Σ_{c≠k} n_c·n_k / (n·(n−1))
//
// computed as 1 − (n−1)·Σ_{c≠k} o(c,k) / (n² − Σ_c n_c²). It is 1 when
// D_e is 0: when every value is in one category, or nothing was counted.
func (c *Coincidences) Alpha() float64 {
	var n int64
	for _, nc := range c.values {
		n += nc
	}
	// Σ_{c≠k} n_c·n_k as Σ_c n_c·(n − n_c), without the cancellation of
	// n² − Σn_c² in float64; both sums run in a fixed order, so that α
	// does not change from run to run in its last bits.
	var expected float64
	for _, v := range slices.Sorted(maps.Keys(c.values)) {
		nc := c.values[v]
		expected += float64(nc) * float64(n-nc)
	}
	if expected == 0 {
		return 1
	}
	disagree := map[int]int64{} // ordered pairs of unequal values, per m
	for k, pairs := range c.pairs {
		if k.c != k.k {
			disagree[k.m] += pairs
		}
	}
	var observed float64
	for _, m := range slices.Sorted(maps.Keys(disagree)) {
		observed += float64(disagree[m]) / float64(m-1)
	}
	return 1 - float64(n-1)*observed/expected
}
