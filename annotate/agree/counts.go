package agree

// Counts are how many annotations (or relations) side A and side B have,
// and how many of them were paired one to one as matches.
type Counts struct {
	A, B, Matched int
}

// F1 returns 2·Matched/(A+B), or 1 when both sides are empty.
func (c Counts) F1() float64 {
	if c.A+c.B == 0 {
		return 1
	}
	return 2 * float64(c.Matched) / float64(c.A+c.B)
}

// Precision returns Matched/B, the share of B's annotations that A has
// too, or 1 when B has none.
func (c Counts) Precision() float64 {
	if c.B == 0 {
		return 1
	}
	return float64(c.Matched) / float64(c.B)
}

// Recall returns Matched/A, the share of A's annotations that B found, or
// 1 when A has none.
func (c Counts) Recall() float64 {
	if c.A == 0 {
		return 1
	}
	return float64(c.Matched) / float64(c.A)
}

// add adds d to c.
func (c *Counts) add(d Counts) {
	c.A += d.A
	c.B += d.B
	c.Matched += d.Matched
}
