package formats

import (
	"fmt"
	"slices"

	"spanmark/annotate"
)

// mergeAttributes adds to merged the attribute definitions of file that it
// lacks, and to an enum it has, the values of the file's enum of the same
// name and target that it lacks; each addition is named in added. An
// attribute whose type differs between the two is an error: the file's
// values could not be kept.
func mergeAttributes(merged, file annotate.Schema, added []string) (annotate.Schema, []string, error) {
	for _, a := range file.Attributes {
		i := slices.IndexFunc(merged.Attributes, func(h annotate.Attribute) bool {
			return h.Name == a.Name && h.Label == a.Label && h.Kind == a.Kind
		})
		if i < 0 {
			merged.Attributes = append(merged.Attributes, a)
			added = append(added, fmt.Sprintf("attribute %s (%s)", a.Name, a.Type))
			continue
		}
		have := &merged.Attributes[i]
		if have.Type != a.Type {
			return merged, nil, annotate.Invalidf("attribute %s is %s in the project but %s in the file",
				a.Name, have.Type, a.Type)
		}
		for _, v := range a.Values {
			if slices.ContainsFunc(have.Values, func(h annotate.EnumValue) bool { return h.Name == v.Name }) {
				continue
			}
			if slices.ContainsFunc(have.Values, func(h annotate.EnumValue) bool { return h.Key == v.Key }) {
				v.Key = ""
			}
			have.Values = append(have.Values, v)
			added = append(added, fmt.Sprintf("value %s of attribute %s", v.Name, a.Name))
		}
	}
	return merged, added, nil
}
