package app

import (
	"strings"

	"spanmark/annotate"
)

// Attribute values as the tooltip, the annotations list and the panel
// show them: short enough for one line beside the annotation's text.

// attrSep joins a label and its values: "CLAIM · false · checkworthy".
const attrSep = " · "

// readableName is an attribute's name as a person reads it: "source
// type" for source_type.
func readableName(name string) string { return strings.ReplaceAll(name, "_", " ") }

// valueText is how one value shows: an enum's value as it is, a text
// quoted and shortened, a bool true as the attribute's readable name and
// a false as nothing, since "not check-worthy" is what a reader assumes
// of a claim not marked.
func valueText(def annotate.Attribute, v annotate.AttrValue) string {
	switch {
	case v.IsZero():
		return ""
	case v.IsBool():
		if v.Bool() {
			return readableName(def.Name)
		}
		return ""
	case def.Type == annotate.AttrText:
		return "“" + ellipsis(v.Str(), 24) + "”"
	}
	return v.Str()
}

// labelWithValues is a's label followed by its attribute values in
// schema order, as in "CLAIM · false · checkworthy"; just the label when
// a has none to show.
func labelWithValues(a annotate.Annotation, s annotate.Schema) string {
	if len(a.Attributes) == 0 {
		return a.Label
	}
	var b strings.Builder
	b.WriteString(a.Label)
	for _, def := range s.AttributesFor(a.Label) {
		if t := valueText(def, a.Attributes.Get(def.Name)); t != "" {
			b.WriteString(attrSep)
			b.WriteString(t)
		}
	}
	return b.String()
}
