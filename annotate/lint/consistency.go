package lint

import (
	"strconv"

	"spanmark/annotate"
)

// inconsistentLabels reports every annotation whose string the project
// annotates with other labels of the same kind more often, or as often:
// "Shoigu" as ORG where it is PERSON 40 times. A string whose labels are
// all of other kinds (a CLAIM that is also an ORG) is not inconsistent.
func (l *Linter) inconsistentLabels(c *docContext) {
	for i, a := range c.anns {
		c.counts = l.surfaces.appendCounts(c.counts[:0], c.texts[i])
		if len(c.counts) < 2 {
			continue
		}
		kind := l.kinds[a.Label]
		mine, top, tied, others := 0, 0, false, 0
		for _, lc := range c.counts {
			if l.kinds[lc.Label] != kind {
				continue
			}
			others++
			switch {
			case lc.N > top:
				top, tied = lc.N, false
			case lc.N == top:
				tied = true
			}
			if lc.Label == a.Label {
				mine = lc.N
			}
		}
		// a is reported unless its label alone is the most frequent.
		if others >= 2 && (mine < top || tied) {
			c.add(InconsistentLabel, a, nil, "%s here; in the project %s", a.Label, l.countList(c.counts, kind))
		}
	}
}

// countList writes the counts of the labels of kind as "PERSON 40, ORG
// 2", most frequent first (ties in label order). It sorts counts.
func (l *Linter) countList(counts []LabelCount, kind annotate.Kind) string {
	sortCounts(counts)
	var b []byte
	for _, lc := range counts {
		if l.kinds[lc.Label] != kind {
			continue
		}
		if len(b) > 0 {
			b = append(b, ", "...)
		}
		b = append(b, lc.Label...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(lc.N), 10)
	}
	return string(b)
}
