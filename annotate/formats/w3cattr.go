package formats

import (
	"spanmark/annotate"
)

// W3C attributes. Each value of an annotation is one more TextualBody,
// whose purpose is "classifying" for an enum or bool value and
// "describing" for text, and which names its attribute in
// "spanmark:attribute"; the value is the body's text, "true" or "false"
// for a bool:
//
//	"body": [{"type": "TextualBody", "purpose": "tagging", "value": "CLAIM"},
//	         {"type": "TextualBody", "purpose": "classifying", "value": "false", "spanmark:attribute": "verdict"},
//	         {"type": "TextualBody", "purpose": "classifying", "value": "true", "spanmark:attribute": "checkworthy"}]
//
// A reader that knows only the model sees a classification or a
// description of the span, as the model means them; Recogito shows only
// the bodies whose purpose it knows (tagging, commenting) and keeps the
// others. The document's values are on its source, beside its text, as a
// JSON object whose bools are JSON bools:
//
//	"source": {"id": "urn:spanmark:doc:<id>", …, "spanmark:attributes": {"topic": "Kursk"}}
//
// The importer reads a body with "spanmark:attribute" as a value of the
// annotation, typed by the schema (a bool attribute takes "true" and
// "false"), and the source's "spanmark:attributes" as the document's.

// w3cAttrBodies returns the bodies of the values m, in name order, their
// purpose by their type, which types tells by name.
func w3cAttrBodies(m annotate.Attributes, types func(string) annotate.AttrType) []w3cBody {
	var out []w3cBody
	for name, v := range m.All() {
		purpose := "classifying"
		if typ := types(name); typ == annotate.AttrText || typ == "" && !v.IsBool() {
			purpose = "describing"
		}
		out = append(out, w3cBody{Type: "TextualBody", Purpose: purpose, Value: v.String(), Attribute: name})
	}
	return out
}

// setSpanAttributes sets the values the bodies of sp give on the
// annotation id of d.
func (w *w3cImport) setSpanAttributes(d *toolDoc, sp w3cSpanIn, id string) error {
	label := d.data.Annotations[d.pos[id]].Label
	for _, b := range sp.attrs {
		if err := w.setAttr(d, sp.where, id, b.Attribute, w.textValue(label, b.Attribute, b.Value)); err != nil {
			return err
		}
	}
	return nil
}

// setSourceAttributes sets the values the source src gives on d; where
// names the record that gives the source.
func (w *w3cImport) setSourceAttributes(d *toolDoc, where string, src w3cSource) error {
	vals, err := src.Attributes.attributes("spanmark:attributes")
	if err != nil {
		return w.errorf(where, "source %s: %v", src.ID, err)
	}
	for name, v := range vals.All() {
		if err := w.setAttr(d, where+": source "+src.ID, "", name, v); err != nil {
			return err
		}
	}
	return nil
}
