package annotate

import "fmt"

// AttrRef names an attribute as a schema holds it: by what it is bound
// to (Label, or Kind, or neither for the document) and its name.
type AttrRef struct {
	Label string
	Kind  Kind
	Name  string
}

// Ref returns the reference to a.
func (a Attribute) Ref() AttrRef { return AttrRef{Label: a.Label, Kind: a.Kind, Name: a.Name} }

// String names the attribute for a person: "verdict of label CLAIM".
func (r AttrRef) String() string {
	return fmt.Sprintf("%s of %s", r.Name, Attribute{Label: r.Label, Kind: r.Kind}.target())
}

// ValueRef names one value of an enum attribute.
type ValueRef struct {
	Attr  AttrRef
	Value string
}

// SchemaChange says how a project's annotations and documents follow a
// new schema (Store.SetSchema). Every key names a thing as the schema
// being replaced has it; every value is the new name, which the new
// schema must have, or "" for a thing deleted: its values are removed
// from every annotation and document, even if the new schema has
// something else of the same name.
//
// Any other value keeps its place when the new schema still has its
// attribute (under the same name, bound to the same label or kind) and
// the value fits it. A value that no longer fits otherwise (say, its
// label changed kind) is refused (ErrInvalid), unless DropValues is set,
// and then removed.
type SchemaChange struct {
	// Labels maps old label names to new ones.
	Labels map[string]string
	// Attributes maps old attributes to their new names, "" for deleted.
	// An attribute bound to a renamed label follows the label.
	Attributes map[AttrRef]string
	// Values maps old enum values (of the old attribute) to new names,
	// "" for deleted.
	Values map[ValueRef]string
	// DropValues removes the values that no longer fit instead of
	// refusing the change.
	DropValues bool
}

// Renames reports whether c renames or deletes anything.
func (c SchemaChange) Renames() bool {
	return len(c.Labels) > 0 || len(c.Attributes) > 0 || len(c.Values) > 0
}

// Losses counts what a schema change would remove: the annotations and
// documents that lose at least one value, and the values in all.
type Losses struct {
	Annotations int
	Documents   int
	Values      int
}

// Zero reports whether nothing is lost.
func (l Losses) Zero() bool { return l == Losses{} }
