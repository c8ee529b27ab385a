package lint

import "spanmark/annotate"

// duplicates reports every annotation that repeats the start, end and
// label of an earlier one in CompareAnnotations order. The fix deletes
// one of the two that no relation names, since deleting an annotation
// deletes its relations; when both are linked there is no safe fix.
func duplicates(c *docContext) {
	linked := make(map[string]bool)
	for _, r := range c.d.Relations {
		linked[r.From], linked[r.To] = true, true
	}
	for i := 1; i < len(c.anns); i++ {
		a := c.anns[i]
		for j := i - 1; j >= 0 && c.anns[j].Start == a.Start && c.anns[j].End == a.End; j-- {
			first := c.anns[j]
			if first.Label != a.Label {
				continue
			}
			var fix *Fix
			switch {
			case !linked[a.ID]:
				fix = &Fix{Delete: a.ID}
			case !linked[first.ID]:
				fix = &Fix{Delete: first.ID}
			}
			c.add(Duplicate, a, fix, "same span and label as annotation %s", first.ID)
			break
		}
	}
}

// sameLabelOverlaps reports every annotation that overlaps an earlier one
// of the same label without having the same span (that is a duplicate).
// One sweep: for each label, the annotation reaching furthest so far.
func sameLabelOverlaps(c *docContext) {
	reach := make(map[string]annotate.Annotation)
	for _, a := range c.anns {
		prev, ok := reach[a.Label]
		if ok && a.Start < prev.End && (a.Start != prev.Start || a.End != prev.End) {
			c.add(SameLabelOverlap, a, nil, "overlaps %s %q at %d-%d", prev.Label, c.text(prev), prev.Start, prev.End)
		}
		if !ok || a.End > prev.End {
			reach[a.Label] = a
		}
	}
}
