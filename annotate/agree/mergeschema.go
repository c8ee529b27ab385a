package agree

import (
	"slices"

	"spanmark/annotate"
)

// mergeSchemas returns the first input's schema with what later inputs
// add; names name the inputs in errors.
func mergeSchemas(inputs []Side, names []string) (annotate.Schema, error) {
	var s annotate.Schema
	labelFrom := map[string]int{} // label name → input that gave it
	typeFrom := map[string]int{}  // relation type name → input that gave it
	keys := map[string]bool{}
	for k, in := range inputs {
		for _, l := range in.Schema.Labels {
			if first, ok := labelFrom[l.Name]; ok {
				if kind := inputs[first].Schema.KindOf(l.Name); kind != l.Kind {
					return annotate.Schema{}, annotate.Invalidf("label %s is %s in %s but %s in %s",
						l.Name, kind, names[first], l.Kind, names[k])
				}
				continue
			}
			if keys[l.Key] {
				l.Key = ""
			}
			if l.Key != "" {
				keys[l.Key] = true
			}
			labelFrom[l.Name] = k
			s.Labels = append(s.Labels, l)
		}
		for _, rt := range in.Schema.Relations {
			if first, ok := typeFrom[rt.Name]; ok {
				if prev, _ := inputs[first].Schema.RelationType(rt.Name); prev != rt {
					return annotate.Schema{}, annotate.Invalidf("relation type %s links %s to %s in %s but %s to %s in %s",
						rt.Name, prev.FromKind, prev.ToKind, names[first], rt.FromKind, rt.ToKind, names[k])
				}
				continue
			}
			typeFrom[rt.Name] = k
			s.Relations = append(s.Relations, rt)
		}
	}
	if err := mergeAttributes(&s, inputs, names); err != nil {
		return annotate.Schema{}, err
	}
	if err := s.Validate(); err != nil {
		return annotate.Schema{}, err
	}
	return s, nil
}

// attrBinding names what an attribute describes: a label, a kind or the
// document (both empty), with the attribute's name.
type attrBinding struct {
	name, label string
	kind        annotate.Kind
}

// mergeAttributes adds to s the attribute definitions of the inputs, the
// first input's definition of each first. A later input's enum values
// that the definition lacks are added, without their keys when those are
// taken; an attribute whose type differs between two inputs is an error,
// since values of one type cannot be read as the other's.
func mergeAttributes(s *annotate.Schema, inputs []Side, names []string) error {
	from := map[attrBinding]int{} // binding → its place in s.Attributes
	given := map[attrBinding]int{}
	for k, in := range inputs {
		for _, def := range in.Schema.Attributes {
			b := attrBinding{name: def.Name, label: def.Label, kind: def.Kind}
			i, ok := from[b]
			if !ok {
				def.Values = slices.Clone(def.Values)
				from[b], given[b] = len(s.Attributes), k
				s.Attributes = append(s.Attributes, def)
				continue
			}
			have := &s.Attributes[i]
			if have.Type != def.Type {
				return annotate.Invalidf("attribute %s is %s in %s but %s in %s",
					def.Name, have.Type, names[given[b]], def.Type, names[k])
			}
			addEnumValues(have, def.Values)
		}
	}
	return nil
}

// addEnumValues appends to a the values of vs it lacks, dropping the keys
// that a's values already use.
func addEnumValues(a *annotate.Attribute, vs []annotate.EnumValue) {
	for _, v := range vs {
		if slices.ContainsFunc(a.Values, func(e annotate.EnumValue) bool { return e.Name == v.Name }) {
			continue
		}
		if slices.ContainsFunc(a.Values, func(e annotate.EnumValue) bool { return e.Key == v.Key }) {
			v.Key = ""
		}
		a.Values = append(a.Values, v)
	}
}
