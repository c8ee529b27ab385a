package formats

import (
	"slices"

	"spanmark/annotate"
)

// attrNames holds, for each label of a schema and for the document, the
// names of the attributes it may have, sorted: the order spanmark files
// write values in. A writer makes it once, so that the values of each of
// a million annotations are written by looking these names up in its map
// (wireAttrs.appendJSON) instead of walking and sorting the map.
type attrNames struct {
	byLabel map[string][]string
	doc     []string
}

// newAttrNames returns the attribute names of s's labels and document.
func newAttrNames(s annotate.Schema) *attrNames {
	n := &attrNames{byLabel: make(map[string][]string, len(s.Labels)), doc: sortedAttrNames(s.DocumentAttributes())}
	for _, l := range s.Labels {
		n.byLabel[l.Name] = sortedAttrNames(s.AttributesFor(l.Name))
	}
	return n
}

// sortedAttrNames returns the names of defs, sorted, each once.
func sortedAttrNames(defs []annotate.Attribute) []string {
	names := make([]string, len(defs))
	for i, a := range defs {
		names[i] = a.Name
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// of returns the values m of an annotation of label, to write, with the
// names to look them up by.
func (n *attrNames) of(m annotate.Attributes, label string) wireAttrs {
	if len(m) == 0 {
		return wireAttrs{}
	}
	return wireAttrs{vals: m, names: n.byLabel[label]}
}

// ofDocument returns a document's values m, to write, with the names to
// look them up by.
func (n *attrNames) ofDocument(m annotate.Attributes) wireAttrs {
	return wireAttrs{vals: m, names: n.doc}
}
