package lint

import (
	"fmt"
	"strings"
)

// inconsistentLabels reports every annotation whose string the project
// annotates with other labels of the same kind more often, or as often:
// "Shoigu" as ORG where it is PERSON 40 times. A string whose labels are
// all of other kinds (a CLAIM that is also an ORG) is not inconsistent.
func (l *Linter) inconsistentLabels(c *docContext) {
	for _, a := range c.anns {
		text := c.text(a)
		if len(l.surfaces.counts[text]) < 2 {
			continue
		}
		kind := l.kindOf(a)
		var same []LabelCount
		for _, lc := range l.surfaces.Labels(text) {
			if lb, ok := l.schema.Label(lc.Label); ok && lb.Kind == kind {
				same = append(same, lc)
			}
		}
		if len(same) < 2 {
			continue
		}
		mine := 0
		for _, lc := range same {
			if lc.Label == a.Label {
				mine = lc.N
			}
		}
		// same is sorted most frequent first: a is reported unless its
		// label alone is the most frequent.
		top, tied := same[0].N, same[1].N == same[0].N
		if mine < top || tied {
			c.add(InconsistentLabel, a, nil, "%s here; in the project %s", a.Label, countList(same))
		}
	}
}

// countList writes label counts as "PERSON 40, ORG 2".
func countList(cs []LabelCount) string {
	parts := make([]string, len(cs))
	for i, lc := range cs {
		parts[i] = fmt.Sprintf("%s %d", lc.Label, lc.N)
	}
	return strings.Join(parts, ", ")
}
