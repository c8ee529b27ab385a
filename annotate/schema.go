package annotate

import "slices"

// Label is a tag a person can put on a span. Key is its hotkey: one
// lower-case letter, or empty for none. Color is "#rrggbb".
type Label struct {
	Name  string
	Kind  Kind
	Color string
	Key   string
}

// RelationType is a kind of link between two annotations, from an
// annotation of kind From to one of kind To.
type RelationType struct {
	Name     string
	FromKind Kind
	ToKind   Kind
}

// Schema is a project's labels, relation types and attribute
// definitions.
type Schema struct {
	Labels     []Label
	Relations  []RelationType
	Attributes []Attribute
}

// Equal reports whether s and o have the same labels, relation types and
// attributes in the same order. Order counts because it is what a person
// sees: the label bar, the hotkey list and every export list labels in it.
func (s Schema) Equal(o Schema) bool {
	return slices.Equal(s.Labels, o.Labels) && slices.Equal(s.Relations, o.Relations) &&
		slices.EqualFunc(s.Attributes, o.Attributes, Attribute.Equal)
}

// RelationAttributedTo links a claim to the source it is attributed to.
const RelationAttributedTo = "attributed_to"

// DefaultSchema returns the schema a new project starts with. The colours
// are mid-tone, so that black text on their translucent fill and white text
// on it both stay readable, in the light and the dark theme.
func DefaultSchema() Schema {
	return Schema{
		Labels: []Label{
			{Name: "PERSON", Kind: KindEntity, Color: "#e6550d", Key: "p"},
			{Name: "ORG", Kind: KindEntity, Color: "#3182bd", Key: "o"},
			{Name: "LOC", Kind: KindEntity, Color: "#31a354", Key: "l"},
			{Name: "DATE", Kind: KindEntity, Color: "#756bb1", Key: "d"},
			{Name: "QUANTITY", Kind: KindEntity, Color: "#d6a100", Key: "q"},
			{Name: "MISC", Kind: KindEntity, Color: "#888888", Key: "m"},
			{Name: "CLAIM", Kind: KindClaim, Color: "#d62728", Key: "c"},
			{Name: "SOURCE", Kind: KindSource, Color: "#17becf", Key: "s"},
		},
		Relations: []RelationType{
			{Name: RelationAttributedTo, FromKind: KindClaim, ToKind: KindSource},
		},
		Attributes: DefaultAttributes(),
	}
}

// DefaultAttributes returns the attribute definitions of the default
// schema: a claim's verdict and check-worthiness (as in FEVER and
// ClaimBuster), a source's type, an entity's knowledge-base id and the
// document's topic.
func DefaultAttributes() []Attribute {
	return []Attribute{
		{Name: "verdict", Type: AttrEnum, Label: "CLAIM", Values: []EnumValue{
			{"true", "t"}, {"mostly_true", "y"}, {"mixed", "x"},
			{"mostly_false", "n"}, {"false", "f"}, {"unverifiable", "u"},
		}},
		{Name: "checkworthy", Type: AttrBool, Label: "CLAIM"},
		{Name: "source_type", Type: AttrEnum, Label: "SOURCE", Values: []EnumValue{
			{"named_person", "p"}, {"named_organisation", "o"}, {"anonymous", "a"},
			{"document", "d"}, {"media", "m"}, {"other", "r"},
		}},
		{Name: "kb_id", Type: AttrText, Kind: KindEntity},
		{Name: "topic", Type: AttrText},
	}
}
