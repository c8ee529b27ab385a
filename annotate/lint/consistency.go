package lint

import (
	"fmt"
	"strings"

	"spanmark/annotate"
)

// inconsistentLabels reports every annotation whose string the project
// annotates with other labels of the same kind more often, or as often:
// "Shoigu" as ORG where it is PERSON 40 times. A string whose labels are
// all of other kinds (a CLAIM that is also an ORG) is not inconsistent.
func (l *Linter) inconsistentLabels(c *docContext) {
	for _, a := range c.anns {
		counts := l.surfaces.counts[c.text(a)]
		if len(counts) < 2 {
			continue
		}
		kind := l.kinds[a.Label]
		mine, top, tied, others := 0, 0, false, 0
		for _, lc := range counts {
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
			c.add(InconsistentLabel, a, nil, "%s here; in the project %s", a.Label, countList(l.sameKind(c.text(a), kind)))
		}
	}
}

// sameKind returns the label counts of text for labels of kind, most
// frequent first.
func (l *Linter) sameKind(text string, kind annotate.Kind) []LabelCount {
	var out []LabelCount
	for _, lc := range l.surfaces.Labels(text) {
		if l.kinds[lc.Label] == kind {
			out = append(out, lc)
		}
	}
	return out
}

// countList writes label counts as "PERSON 40, ORG 2".
func countList(cs []LabelCount) string {
	parts := make([]string, len(cs))
	for i, lc := range cs {
		parts[i] = fmt.Sprintf("%s %d", lc.Label, lc.N)
	}
	return strings.Join(parts, ", ")
}
