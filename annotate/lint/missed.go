package lint

import (
	"fmt"
	"slices"

	"spanmark/annotate"
)

// missedMentions reports every occurrence, on token boundaries, of a
// string the project annotates at least twice and always with one label,
// where no annotation of that label's kind overlaps it: "Shoigu" tagged
// PERSON in forty places and left bare in one. (An annotation of another
// kind, such as the claim a name stands in, does not make it tagged.) The
// fix tags it with the label.
func (l *Linter) missedMentions(c *docContext) {
	for _, sg := range l.surfaces.mentions.Suggest(c.d, 1) {
		text := c.x.Slice(sg.Start, sg.End)
		c.counts = l.surfaces.appendCounts(c.counts[:0], text)
		if len(c.counts) != 1 || c.counts[0].N < 2 || c.counts[0].Label != sg.Label {
			continue
		}
		kind := l.kinds[sg.Label]
		if c.overlapsKind(sg.Start, sg.End, kind, l.kinds) {
			continue
		}
		tag := annotate.Annotation{
			ID: annotate.NewID(), DocumentID: c.d.Document.ID, Start: sg.Start, End: sg.End,
			Label: sg.Label, Annotator: l.Annotator,
		}
		c.out = append(c.out, Finding{
			Rule: MissedMention, DocumentID: c.d.Document.ID, DocumentTitle: c.d.Document.Title,
			Start: sg.Start, End: sg.End, Text: text, Fix: &Fix{Put: &tag},
			Message: fmt.Sprintf("not tagged here; %s %d times elsewhere in the project", sg.Label, c.counts[0].N),
		})
	}
}

// overlapsKind reports whether an annotation of kind overlaps [start,
// end). The annotations are sorted by start: those that start before end
// are a prefix, searched from its end back while one could still reach
// start.
func (c *docContext) overlapsKind(start, end int, kind annotate.Kind, kinds map[string]annotate.Kind) bool {
	if c.reach == nil {
		c.reach = make([]int, len(c.anns))
		r := 0
		for i, a := range c.anns {
			r = max(r, a.End)
			c.reach[i] = r
		}
	}
	k, _ := slices.BinarySearchFunc(c.anns, end, func(a annotate.Annotation, end int) int {
		if a.Start < end {
			return -1
		}
		return 1
	})
	for j := k - 1; j >= 0 && c.reach[j] > start; j-- {
		if a := c.anns[j]; a.End > start && kinds[a.Label] == kind {
			return true
		}
	}
	return false
}
