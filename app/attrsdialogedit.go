package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// attrAddForm is the row under the attributes that adds one: a name,
// what it is bound to, its type and, for an enum, its first values.
type attrAddForm struct {
	name, values *widget.Entry
	binding, typ *widget.Select
	bindings     map[string]annotate.Attribute // by option: Label or Kind set
	content      fyne.CanvasObject
}

// newAddForm returns the add form; its options bind an attribute to a
// label, to every label of a kind, or to the document.
func (e *attrsEditor) newAddForm() *attrAddForm {
	f := &attrAddForm{name: widget.NewEntry(), values: widget.NewEntry(),
		bindings: make(map[string]annotate.Attribute)}
	var options []string
	for _, l := range e.ws.schema.Labels {
		options = append(options, f.option(annotate.Attribute{Label: l.Name}))
	}
	for _, k := range annotate.Kinds {
		options = append(options, f.option(annotate.Attribute{Kind: k}))
	}
	options = append(options, f.option(annotate.Attribute{}))
	f.binding = widget.NewSelect(options, nil)
	f.binding.Selected = options[len(options)-1]
	f.typ = widget.NewSelect([]string{string(annotate.AttrEnum), string(annotate.AttrBool), string(annotate.AttrText)}, nil)
	f.typ.Selected = string(annotate.AttrEnum)
	f.name.SetPlaceHolder("new attribute")
	f.values.SetPlaceHolder("values, comma-separated")
	add := widget.NewButton("Add attribute", func() { _ = e.step(e.draft.AddAttribute(f.attribute())) })
	f.content = container.NewGridWithColumns(5, f.name, f.binding, f.typ, f.values, add)
	return f
}

// option adds the option that binds to what a is bound to.
func (f *attrAddForm) option(a annotate.Attribute) string {
	text := bindingText(a)
	f.bindings[text] = a
	return text
}

// attribute is the definition the form describes.
func (f *attrAddForm) attribute() annotate.Attribute {
	a := f.bindings[f.binding.Selected]
	a.Name, a.Type = strings.TrimSpace(f.name.Text), annotate.AttrType(f.typ.Selected)
	if a.Type == annotate.AttrEnum {
		for _, v := range strings.Split(f.values.Text, ",") {
			if v = strings.TrimSpace(v); v != "" {
				a.Values = append(a.Values, annotate.EnumValue{Name: v})
			}
		}
	}
	return a
}

// deleteAttr deletes the attribute ref names, after asking when the
// project holds values of it.
func (e *attrsEditor) deleteAttr(ref annotate.AttrRef) {
	del := func() { _ = e.step(e.draft.RemoveAttribute(ref)) }
	base, ok := e.draft.Base(ref)
	if !ok {
		del() // added in this dialog: nothing holds it
		return
	}
	gone, err := e.ws.schema.RemoveAttribute(base)
	change := annotate.SchemaChange{Attributes: map[annotate.AttrRef]string{base: ""}}
	e.askLoss(fmt.Sprintf("Delete %s?", ref.Name), gone, change, err, del)
}

// deleteValue deletes the enum value name of the attribute ref names,
// after asking when the project holds it.
func (e *attrsEditor) deleteValue(ref annotate.AttrRef, name string) {
	del := func() { _ = e.step(e.draft.RemoveValue(ref, name)) }
	base, value, ok := e.draft.BaseValue(ref, name)
	if !ok {
		del()
		return
	}
	gone, err := e.ws.schema.RemoveValue(base, value)
	change := annotate.SchemaChange{Values: map[annotate.ValueRef]string{{Attr: base, Value: value}: ""}}
	e.askLoss(fmt.Sprintf("Delete value %s of %s?", name, ref.Name), gone, change, err, del)
}

// askLoss counts what deleting costs the project (the stored schema
// without the thing, as change says) and, when something would be lost,
// asks question with the count before calling del; with nothing lost it
// calls del at once. A deletion the schema refuses shows why.
func (e *attrsEditor) askLoss(question string, gone annotate.Schema, change annotate.SchemaChange, err error, del func()) {
	var l annotate.Losses
	if err == nil {
		l, err = e.ws.store.CountLosses(gone, change)
	}
	switch {
	case err != nil:
		_ = e.step(err)
	case l.Zero():
		del()
	default:
		e.ws.showConfirm("Delete", question+" "+lossText(l), func(ok bool) {
			if ok {
				del()
			}
		})
	}
}

// lossText says who loses values: "12 annotations lose their value."
func lossText(l annotate.Losses) string {
	var who []string
	if l.Annotations > 0 {
		who = append(who, plural(l.Annotations, "annotation"))
	}
	if l.Documents > 0 {
		who = append(who, plural(l.Documents, "document"))
	}
	if l.Annotations+l.Documents == 1 {
		return who[0] + " loses its value."
	}
	return strings.Join(who, " and ") + " lose their value."
}
