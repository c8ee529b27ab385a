package formats

import "spanmark/annotate"

// wireAttribute is an attribute definition in a spanmark schema. An
// attribute of one label names it in "label", one of every label of a
// kind names the kind in "kind", and a document attribute has neither.
// "default" is a JSON bool for a bool attribute, else a string.
type wireAttribute struct {
	Name     string             `json:"name"`
	Type     annotate.AttrType  `json:"type"`
	Label    string             `json:"label,omitempty"`
	Kind     annotate.Kind      `json:"kind,omitempty"`
	Values   []wireEnumValue    `json:"values,omitempty"`
	Default  annotate.AttrValue `json:"default,omitzero"`
	Required bool               `json:"required,omitempty"`
}

// wireEnumValue is one value of an enum attribute.
type wireEnumValue struct {
	Name string `json:"name"`
	Key  string `json:"key,omitempty"`
}

func wireAttributesOf(as []annotate.Attribute) []wireAttribute {
	var out []wireAttribute
	for _, a := range as {
		wa := wireAttribute{Name: a.Name, Type: a.Type, Label: a.Label, Kind: a.Kind,
			Default: a.Default, Required: a.Required}
		for _, v := range a.Values {
			wa.Values = append(wa.Values, wireEnumValue(v))
		}
		out = append(out, wa)
	}
	return out
}

func attributesOfWire(was []wireAttribute) []annotate.Attribute {
	var out []annotate.Attribute
	for _, wa := range was {
		a := annotate.Attribute{Name: wa.Name, Type: wa.Type, Label: wa.Label, Kind: wa.Kind,
			Default: wa.Default, Required: wa.Required}
		for _, v := range wa.Values {
			a.Values = append(a.Values, annotate.EnumValue(v))
		}
		out = append(out, a)
	}
	return out
}
