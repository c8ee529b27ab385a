package formats

import (
	"encoding/json"
	"fmt"
	"strings"

	"spanmark/annotate"
)

// Label Studio's attributes. The labelling configuration gets one control
// per attribute name: per region (perRegion="true") for the attributes of
// labels, shown for the labels that have it, and for the whole task for
// the document's, named "document.NAME" so that a document attribute and
// a label attribute may share a name:
//
//	<Choices name="verdict" toName="text" perRegion="true" visibleWhen="region-selected" whenLabelValue="CLAIM" choice="single">
//	  <Choice value="true"/> …
//	</Choices>
//	<Choices name="checkworthy" toName="text" perRegion="true" … choice="multiple">
//	  <Choice value="checkworthy"/>
//	</Choices>
//	<TextArea name="kb_id" toName="text" perRegion="true" placeholder="kb_id" maxSubmissions="1" editable="true"/>
//	<TextArea name="document.topic" toName="text" placeholder="topic" maxSubmissions="1" editable="true"/>
//
// An enum is a Choices of its values; Label Studio has no bool control,
// so a bool is a Choices with one check box named after the attribute,
// which results hold when it is ticked (a false value is written as an
// empty list of choices, which Label Studio shows unchecked); text is a
// TextArea. The box has no alias="true", so that results would hold
// "true": Label Studio's editor reads that alias as a boolean, which its
// check of the configuration refuses, and then opens no task at all. The values are
// results as Label Studio writes them, with the region's id and span for
// those of an annotation:
//
//	{"id": "<annotation id>", "from_name": "verdict", "to_name": "text", "type": "choices",
//	 "value": {"start": 12, "end": 40, "text": "…", "choices": ["false"]}}
//	{"id": "<annotation id>", "from_name": "kb_id", "to_name": "text", "type": "textarea",
//	 "value": {"start": 0, "end": 11, "text": ["Q56226"]}}
//
// Label Studio's TextArea keeps its text in value.text, so its results
// give no quote of the span. An attribute name that two labels use with
// different types gets the first type's control; values of the other are
// left out and counted. An attribute called "label" or "text" would clash
// with the Labels and Text tags' names and is not written into the
// configuration, though its values are.
//
// The importer reads "choices" and "textarea" results: those whose id is
// a labels region's set the values of its annotation (its first, if the
// region has several labels), the others the document's, with
// "document." taken off the name. One choice is a value; for a bool
// attribute its own name or "true" is true, no choice or "false" false;
// several are left out with a note. A
// TextArea's texts are joined by line breaks.

// lsControl is the control of one attribute name: of the label
// attributes of that name (see attrGroup), or of a document attribute.
type lsControl struct {
	attrGroup
	control string // the control's name
	doc     bool   // for the document, not per region
}

// lsDocPrefix starts the names of the document attributes' controls.
const lsDocPrefix = "document."

// lsControls returns the controls of s's attributes: one for each name of
// label attributes, by name, and one per document attribute, by the
// attribute's name; order lists them all, the document's last.
func lsControls(s annotate.Schema) (perRegion, doc map[string]*lsControl, order []*lsControl) {
	perRegion, doc = map[string]*lsControl{}, map[string]*lsControl{}
	for _, g := range groupAttributes(s, func(annotate.Attribute) bool { return true }) {
		c := &lsControl{attrGroup: *g, control: g.name}
		perRegion[g.name] = c
		order = append(order, c)
	}
	for _, a := range s.DocumentAttributes() {
		c := &lsControl{attrGroup: attrGroup{name: a.Name, typ: a.Type, values: enumNames(a)}, control: lsDocPrefix + a.Name, doc: true}
		doc[a.Name] = c
		order = append(order, c)
	}
	return perRegion, doc, order
}

// enumNames returns the names of an enum's values.
func enumNames(a annotate.Attribute) []string {
	var out []string
	for _, v := range a.Values {
		out = append(out, v.Name)
	}
	return out
}

// lsControlsConfig writes the controls' tags into a labelling config.
func lsControlsConfig(b *strings.Builder, s annotate.Schema) {
	_, _, order := lsControls(s)
	for _, c := range order {
		if !c.doc && (len(c.labels) == 0 || c.control == "label" || c.control == "text") {
			continue
		}
		where := ""
		if !c.doc {
			where = ` perRegion="true"`
		}
		if c.typ == annotate.AttrText {
			fmt.Fprintf(b, "  <TextArea name=\"%s\" toName=\"text\"%s placeholder=\"%s\" maxSubmissions=\"1\" editable=\"true\"/>\n",
				xmlAttr(c.control), where, xmlAttr(c.name))
			continue
		}
		if !c.doc {
			where += fmt.Sprintf(` visibleWhen="region-selected" whenLabelValue="%s"`, xmlAttr(strings.Join(c.labels, ",")))
		}
		choice := "single"
		if c.typ == annotate.AttrBool {
			choice = "multiple"
		}
		fmt.Fprintf(b, "  <Choices name=\"%s\" toName=\"text\"%s choice=\"%s\">\n", xmlAttr(c.control), where, choice)
		if c.typ == annotate.AttrBool {
			fmt.Fprintf(b, "    <Choice value=\"%s\"/>\n", xmlAttr(c.name))
		}
		for _, v := range c.values {
			fmt.Fprintf(b, "    <Choice value=\"%s\"/>\n", xmlAttr(v))
		}
		b.WriteString("  </Choices>\n")
	}
}

// lsAttrResult is a result that holds an attribute value.
type lsAttrResult struct {
	ID       string `json:"id"`
	FromName string `json:"from_name"`
	ToName   string `json:"to_name"`
	Type     string `json:"type"`
	Value    any    `json:"value"`
}

// lsSpan is the span a region's value gives; omitted for the document.
type lsSpan struct {
	Start *int   `json:"start,omitempty"`
	End   *int   `json:"end,omitempty"`
	Text  string `json:"text,omitempty"`
}

type lsChoicesValue struct {
	lsSpan
	Choices []string `json:"choices"`
}

type lsTextAreaValue struct {
	Start *int     `json:"start,omitempty"`
	End   *int     `json:"end,omitempty"`
	Text  []string `json:"text"`
}

// lsAttrWriter turns attribute values into results by the controls of
// the export's schema, counting those no control holds.
type lsAttrWriter struct {
	perRegion, doc map[string]*lsControl
	left           attrTally
}

func newLSAttrWriter(s annotate.Schema) *lsAttrWriter {
	perRegion, doc, _ := lsControls(s)
	return &lsAttrWriter{perRegion: perRegion, doc: doc,
		left: attrTally{format: "labelstudio", why: "no control of their type: another label has an attribute of the name and another type"}}
}

// results returns the results of the values m of the region id, whose
// span is sp, or of the document when id is "", in name order.
func (w *lsAttrWriter) results(id string, sp lsSpan, m annotate.Attributes, types func(string) annotate.AttrType) []any {
	controls := w.perRegion
	if id == "" {
		controls = w.doc
	}
	var out []any
	for name, v := range m.All() {
		c := controls[name]
		if c == nil || c.typ != types(name) {
			w.left.n++
			continue
		}
		res := lsAttrResult{ID: id, FromName: c.control, ToName: "text", Type: "choices"}
		if id == "" {
			res.ID = c.control
		}
		switch {
		case c.typ == annotate.AttrText:
			res.Type = "textarea"
			res.Value = lsTextAreaValue{sp.Start, sp.End, []string{v.Str()}}
		case v.IsBool() && !v.Bool():
			res.Value = lsChoicesValue{sp, []string{}}
		case v.IsBool():
			res.Value = lsChoicesValue{sp, []string{c.name}} // the box's value
		default:
			res.Value = lsChoicesValue{sp, []string{v.String()}}
		}
		out = append(out, res)
	}
	return out
}

// attrTypes returns the type of each attribute of label in s (the
// document's for ""), by name; "" for a name s does not define there.
func attrTypes(s annotate.Schema, label string) func(string) annotate.AttrType {
	defs := s.DocumentAttributes()
	if label != "" {
		defs = s.AttributesFor(label)
	}
	return func(name string) annotate.AttrType {
		for _, a := range defs {
			if a.Name == name {
				return a.Type
			}
		}
		return ""
	}
}

// lsAttribute reads a "choices" or "textarea" result: a value of the
// annotation of its region, or of the document.
func (t *toolImport) lsAttribute(d *toolDoc, where string, res lsResultIn, regions map[string]string) error {
	annID, name, label := regions[res.ID], res.FromName, ""
	if annID == "" {
		name = strings.TrimPrefix(name, lsDocPrefix)
	} else {
		label = d.data.Annotations[d.pos[annID]].Label
	}
	var v struct {
		Choices []string        `json:"choices"`
		Text    json.RawMessage `json:"text"`
	}
	if err := json.Unmarshal(res.Value, &v); err != nil {
		return t.errorf(where, "value: %s", jsonProblem(err))
	}
	var val annotate.AttrValue
	if name == "" {
		t.note(where, "%s left out: no from_name names its attribute", res.Type)
		return nil
	}
	switch texts := w3cStrings(v.Text); {
	case res.Type == "textarea" && len(texts) > 0:
		val = t.textValue(label, name, strings.Join(texts, "\n"))
	case res.Type == "choices" && len(v.Choices) == 1 && v.Choices[0] == name && t.attrType(label, name) == annotate.AttrBool:
		val = annotate.BoolValue(true) // its box ticked
	case res.Type == "choices" && len(v.Choices) == 1:
		val = t.textValue(label, name, v.Choices[0])
	case res.Type == "choices" && len(v.Choices) == 0 && t.attrType(label, name) == annotate.AttrBool:
		val = annotate.BoolValue(false)
	default:
		t.note(where, "%s %s left out: %d values, and an attribute holds one", res.Type, name, max(len(v.Choices), len(texts)))
		return nil
	}
	return t.setAttr(d, where, annID, name, val)
}
