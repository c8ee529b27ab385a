package lint

import "spanmark/annotate"

// attributionTypes returns the names of the relation types that attribute
// a claim to a source: attributed_to in the default schema, and any other
// the project defines from the claim kind to the source kind.
func (l *Linter) attributionTypes() map[string]bool {
	types := make(map[string]bool)
	for _, r := range l.schema.Relations {
		if r.FromKind == annotate.KindClaim && r.ToKind == annotate.KindSource {
			types[r.Name] = true
		}
	}
	return types
}

// kindOf returns the kind of an annotation's label.
func (l *Linter) kindOf(a annotate.Annotation) annotate.Kind { return l.kinds[a.Label] }

// claimsWithoutSource reports every claim that is attributed to nothing.
func (l *Linter) claimsWithoutSource(c *docContext) {
	types := l.attributionTypes()
	attributed := make(map[string]bool)
	for _, r := range c.d.Relations {
		if types[r.Type] {
			attributed[r.From] = true
		}
	}
	for _, a := range c.anns {
		if l.kindOf(a) == annotate.KindClaim && !attributed[a.ID] {
			c.add(ClaimWithoutSource, a, nil, "claim is attributed to no source")
		}
	}
}

// sourcesWithoutClaim reports every source no claim is attributed to.
func (l *Linter) sourcesWithoutClaim(c *docContext) {
	types := l.attributionTypes()
	used := make(map[string]bool)
	for _, r := range c.d.Relations {
		if types[r.Type] {
			used[r.To] = true
		}
	}
	for _, a := range c.anns {
		if l.kindOf(a) == annotate.KindSource && !used[a.ID] {
			c.add(SourceWithoutClaim, a, nil, "no claim is attributed to this source")
		}
	}
}
