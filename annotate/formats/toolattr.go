package formats

import (
	"fmt"
	"slices"
	"strings"

	"spanmark/annotate"
)

// Attribute values on import. Every importer that reads values hands
// them to setAttr, which checks each against the schema where the file
// gives it, so that a bad value is an error naming the record. An
// attribute the schema lacks is defined: by the file's own configuration
// when it gives one (brat's annotation.conf, kept in attrHints), else as
// a bool attribute for a bool value and a text attribute for a string.
// Text rather than enum because one file shows only the values it
// happens to use, and an enum made of them would refuse the next file's.
// The definitions added are listed in Report.NewAttributes.

// attrKey names an attribute of a label ("" for the document).
type attrKey struct{ label, name string }

// hintAttribute records a definition the file's configuration gives, to
// be used when a value of it is read and, at finish, added to the schema
// even if no value uses it, provided its label is in the schema by then.
func (t *toolImport) hintAttribute(a annotate.Attribute) {
	if t.attrHints == nil {
		t.attrHints = map[attrKey]annotate.Attribute{}
	}
	k := attrKey{a.Label, a.Name}
	if _, seen := t.attrHints[k]; !seen {
		t.attrOrder = append(t.attrOrder, k)
	}
	t.attrHints[k] = a
}

// setAttr sets the attribute name of the annotation annID of d to v, or
// of d itself when annID is "", after checking v against the schema
// (defining the attribute if the schema lacks it). where names the
// record for errors. A value given twice must be the same.
func (t *toolImport) setAttr(d *toolDoc, where, annID, name string, v annotate.AttrValue) error {
	label := ""
	var attrs *annotate.Attributes
	if annID == "" {
		attrs = &d.data.Document.Attributes
	} else {
		i, ok := d.pos[annID]
		if !ok {
			return t.errorf(where, "attribute %s: no annotation %s", name, annID)
		}
		label = d.data.Annotations[i].Label
		attrs = &d.data.Annotations[i].Attributes
	}
	if err := t.checkAttr(label, name, v); err != nil {
		return t.errorf(where, "%v", err)
	}
	if old, ok := attrs.Lookup(name); ok && old != v {
		return t.errorf(where, "attribute %s is given twice, as %s and %s", name, old, v)
	}
	*attrs = attrs.With(name, v)
	if annID != "" {
		d.anns[annID] = d.data.Annotations[d.pos[annID]]
	}
	return nil
}

// checkAttr checks v as a value of the attribute name of label (the
// document's when label is ""), defining the attribute first when the
// schema has none of that name there.
func (t *toolImport) checkAttr(label, name string, v annotate.AttrValue) error {
	defs := t.schema.DocumentAttributes()
	if label != "" {
		defs = t.schema.AttributesFor(label)
	}
	if !slices.ContainsFunc(defs, func(a annotate.Attribute) bool { return a.Name == name }) {
		if err := t.defineAttribute(label, name, v); err != nil {
			return err
		}
	}
	var err error
	if label == "" {
		err = annotate.ValidateDocumentAttributes(annotate.Document{Attributes: annotate.Attributes{{Name: name, Value: v}}}, t.schema)
	} else {
		a := annotate.Annotation{ID: "new", Label: label, Attributes: annotate.Attributes{{Name: name, Value: v}}}
		err = annotate.ValidateAttributes(a, t.schema)
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "annotation new ")
		return fmt.Errorf("%s", strings.TrimPrefix(msg, "document: "))
	}
	return nil
}

// defineAttribute adds the attribute name of label to the schema: the
// file's own definition when it gives one, else one of v's type.
func (t *toolImport) defineAttribute(label, name string, v annotate.AttrValue) error {
	if labelName(name) != name || name == "" {
		return fmt.Errorf("attribute %q: a name holds only letters, digits, '_', '-' and '.'", name)
	}
	a, ok := t.attrHints[attrKey{label, name}]
	if !ok {
		a = inferAttribute(label, name, v.IsBool())
	}
	t.addAttribute(a)
	return nil
}

// inferAttribute returns the definition of an attribute of label (the
// document's for "") that only its values tell of: bool for a bool, text
// for a string. Imports of the tools' formats and of spanmark JSONL
// without a schema (inferSchema) both define attributes by it.
func inferAttribute(label, name string, isBool bool) annotate.Attribute {
	a := annotate.Attribute{Name: name, Type: annotate.AttrText, Label: label}
	if isBool {
		a.Type = annotate.AttrBool
	}
	return a
}

// attrType returns the type of the attribute name of label (the
// document's for ""), by the schema or else the file's configuration;
// "" when neither defines it.
func (t *toolImport) attrType(label, name string) annotate.AttrType {
	if typ := attrTypes(t.schema, label)(name); typ != "" {
		return typ
	}
	return t.attrHints[attrKey{label, name}].Type
}

// textValue reads a value a format gives as text (brat's A lines, W3C's
// bodies, Label Studio's choices): a bool when the attribute of label
// called name is a bool and s is true or false; else the string, which
// setAttr checks.
func (t *toolImport) textValue(label, name, s string) annotate.AttrValue {
	if t.attrType(label, name) == annotate.AttrBool && (s == "true" || s == "false") {
		return annotate.BoolValue(s == "true")
	}
	return annotate.StringValue(s)
}

// addAttribute adds a to the schema and the report, with a note.
func (t *toolImport) addAttribute(a annotate.Attribute) {
	t.schema.Attributes = append(t.schema.Attributes, a)
	t.rep.NewAttributes = append(t.rep.NewAttributes, a)
	owner := "the document"
	if a.Label != "" {
		owner = "label " + a.Label
	}
	t.note("", "added attribute %s (%s) of %s to the schema", a.Name, a.Type, owner)
}

// addHintedAttributes adds to the schema the definitions the file's
// configuration gives that no value has added, for labels the schema has.
func (t *toolImport) addHintedAttributes() {
	for _, k := range t.attrOrder {
		defs := t.schema.DocumentAttributes()
		if k.label != "" {
			if _, ok := t.schema.Label(k.label); !ok {
				continue
			}
			defs = t.schema.AttributesFor(k.label)
		}
		if !slices.ContainsFunc(defs, func(a annotate.Attribute) bool { return a.Name == k.name }) {
			t.addAttribute(t.attrHints[k])
		}
	}
}
