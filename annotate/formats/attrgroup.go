package formats

import (
	"slices"

	"spanmark/annotate"
)

// attrGroup is every label attribute of one name, as a format that
// declares attributes by name alone (brat's annotation.conf, Label
// Studio's controls) declares it: the labels that have it and, for an
// enum, the values of all of them. Definitions of the name with another
// type than the first add nothing: the format cannot declare them, and
// their values are left out.
type attrGroup struct {
	name   string
	typ    annotate.AttrType
	labels []string
	values []string
}

// groupAttributes returns the groups of s's label attributes for which
// keep is true, in schema order of their names' first definitions.
func groupAttributes(s annotate.Schema, keep func(annotate.Attribute) bool) []*attrGroup {
	var out []*attrGroup
	byName := map[string]*attrGroup{}
	for _, a := range s.Attributes {
		if a.ForDocument() || !keep(a) {
			continue
		}
		g := byName[a.Name]
		if g == nil {
			g = &attrGroup{name: a.Name, typ: a.Type}
			byName[a.Name] = g
			out = append(out, g)
		}
		if g.typ != a.Type {
			continue
		}
		for _, l := range s.Labels {
			if (a.Label == l.Name || a.Label == "" && a.Kind == l.Kind) && !slices.Contains(g.labels, l.Name) {
				g.labels = append(g.labels, l.Name)
			}
		}
		for _, v := range a.Values {
			if !slices.Contains(g.values, v.Name) {
				g.values = append(g.values, v.Name)
			}
		}
	}
	return out
}
