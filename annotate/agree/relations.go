package agree

import "spanmark/annotate"

// spanKey is what makes two annotations an exact match.
type spanKey struct {
	start, end int
	label      string
}

// keyOf returns the exact-match key of a.
func keyOf(a annotate.Annotation) spanKey {
	return spanKey{start: a.Start, end: a.End, label: a.Label}
}

// relationKey is what makes two relations a match: the type and the keys
// of both ends.
type relationKey struct {
	typ      string
	from, to spanKey
}

// keysByID returns the exact-match key of each annotation of d by id.
func keysByID(d *annotate.DocumentData) map[string]spanKey {
	return addKeys(make(map[string]spanKey, len(d.Annotations)), d)
}

// addKeys adds the exact-match key of each annotation of d to byID, by
// id, and returns byID.
func addKeys(byID map[string]spanKey, d *annotate.DocumentData) map[string]spanKey {
	for _, a := range d.Annotations {
		byID[a.ID] = keyOf(a)
	}
	return byID
}

// relationKeyOf returns the key of r, whose ends are looked up in byID,
// and whether both ends exist.
func relationKeyOf(r annotate.Relation, byID map[string]spanKey) (relationKey, bool) {
	from, okFrom := byID[r.From]
	to, okTo := byID[r.To]
	return relationKey{typ: r.Type, from: from, to: to}, okFrom && okTo
}

// relationCounter counts relations and pairs them as a multiset of
// relation keys. It keeps its maps from document to document; the zero
// value is ready to use.
type relationCounter struct {
	byID map[string]spanKey
	left map[relationKey]int // A's keys not yet paired
}

// count counts the relations of a and b and their matches.
func (rc *relationCounter) count(a, b *annotate.DocumentData) Counts {
	c := Counts{A: len(a.Relations), B: len(b.Relations)}
	if c.A == 0 || c.B == 0 {
		return c
	}
	if rc.byID == nil {
		rc.byID, rc.left = map[string]spanKey{}, map[relationKey]int{}
	}
	clear(rc.left)
	clear(rc.byID)
	addKeys(rc.byID, a)
	for _, r := range a.Relations {
		if k, ok := relationKeyOf(r, rc.byID); ok {
			rc.left[k]++
		}
	}
	clear(rc.byID)
	addKeys(rc.byID, b)
	for _, r := range b.Relations {
		if k, ok := relationKeyOf(r, rc.byID); ok && rc.left[k] > 0 {
			rc.left[k]--
			c.Matched++
		}
	}
	return c
}
