package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// attrsEditor is the Attributes tab of Edit → Edit labels. It edits a
// SchemaDraft step by step: a button's step is taken at once, a name or
// key typed into an entry when Enter is pressed there or on Save. Every
// step is validated; a refused one shows its error under the tabs and
// changes nothing. After a step the tab is drawn again from the draft.
type attrsEditor struct {
	ws      *workspace
	draft   *annotate.SchemaDraft
	box     *fyne.Container // a card per attribute, then the add form
	errText *widget.Label
	pending []*pendingEdit
	cards   []*attrCard
	add     *attrAddForm
}

// attrCard is the widgets of one attribute; ref follows its renames.
type attrCard struct {
	ref           annotate.AttrRef
	name          *widget.Entry
	required      *widget.Check
	del, addValue *widget.Button
	values        []*valueRow
	newValue      *widget.Entry
}

// valueRow is the widgets of one enum value.
type valueRow struct {
	name, key *widget.Entry
	del       *widget.Button
}

// pendingEdit is a name or key typed into an entry but not yet taken:
// apply takes the entry's text when it differs from was.
type pendingEdit struct {
	entry *widget.Entry
	was   string
	apply func(string) error
}

// newAttrsEditor returns the Attributes tab for the project's schema;
// errText is where it reports refused steps.
func (ws *workspace) newAttrsEditor(errText *widget.Label) *attrsEditor {
	e := &attrsEditor{ws: ws, draft: annotate.NewSchemaDraft(ws.schema), errText: errText}
	e.box = container.NewVBox()
	e.add = e.newAddForm()
	e.rebuild()
	return e
}

// content is the tab's scrolling content.
func (e *attrsEditor) content() fyne.CanvasObject { return container.NewVScroll(e.box) }

// step reports the outcome of one step: its error under the tabs, or,
// when it was taken, the tab drawn again.
func (e *attrsEditor) step(err error) error {
	if err != nil {
		e.errText.SetText(err.Error())
		e.errText.Show()
		return err
	}
	e.errText.SetText("")
	e.errText.Hide()
	e.rebuild()
	return nil
}

// applyPending takes every name and key typed but not yet taken, in the
// order the tab shows them, stopping at the first refused.
func (e *attrsEditor) applyPending() error {
	for _, p := range e.pending {
		text := strings.TrimSpace(p.entry.Text)
		if text == p.was {
			continue
		}
		if err := p.apply(text); err != nil {
			return e.step(err)
		}
		p.was = text
	}
	return e.step(nil)
}

// rebuild draws the tab from the draft.
func (e *attrsEditor) rebuild() {
	e.pending, e.cards = nil, nil
	e.box.RemoveAll()
	head := container.NewGridWithColumns(6)
	for _, h := range []string{"Name", "Bound to", "Type", "", "Default", ""} {
		head.Add(widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	e.box.Add(head)
	for _, a := range e.draft.Schema().Attributes {
		e.box.Add(e.newCard(a))
	}
	e.box.Add(widget.NewSeparator())
	e.box.Add(e.add.content)
	e.box.Refresh()
}

// track makes entry's text a pending edit.
func (e *attrsEditor) track(entry *widget.Entry, was string, apply func(string) error) {
	entry.SetText(was)
	entry.OnSubmitted = func(string) { _ = e.applyPending() }
	e.pending = append(e.pending, &pendingEdit{entry: entry, was: was, apply: apply})
}

// newCard returns the widgets of attribute a: its name, binding, type,
// Required, default, Delete and, for an enum, its values.
func (e *attrsEditor) newCard(a annotate.Attribute) fyne.CanvasObject {
	c := &attrCard{ref: a.Ref(), name: widget.NewEntry()}
	e.cards = append(e.cards, c)
	e.track(c.name, a.Name, func(name string) error {
		if err := e.draft.RenameAttribute(c.ref, name); err != nil {
			return err
		}
		c.ref.Name = name
		return nil
	})
	c.required = widget.NewCheck("Required", func(on bool) { _ = e.step(e.draft.SetRequired(c.ref, on)) })
	c.required.Checked = a.Required
	c.del = widget.NewButton("Delete", func() { e.deleteAttr(c.ref) })
	head := container.NewGridWithColumns(6, c.name, widget.NewLabel(bindingText(a)),
		widget.NewLabel(string(a.Type)), c.required, e.defaultWidget(c, a), c.del)
	card := container.NewVBox(head)
	if a.Type != annotate.AttrEnum {
		return card
	}
	for _, v := range a.Values {
		card.Add(e.newValueRow(c, v))
	}
	c.newValue = widget.NewEntry()
	c.newValue.SetPlaceHolder("new value")
	c.addValue = widget.NewButton("Add value", func() {
		_ = e.step(e.draft.SetValue(c.ref, annotate.EnumValue{Name: strings.TrimSpace(c.newValue.Text)}))
	})
	card.Add(container.NewGridWithColumns(6, widget.NewLabel(""), c.newValue, c.addValue))
	return card
}

// newValueRow returns the widgets of enum value v of the attribute of c.
func (e *attrsEditor) newValueRow(c *attrCard, v annotate.EnumValue) fyne.CanvasObject {
	r := &valueRow{name: widget.NewEntry(), key: widget.NewEntry()}
	c.values = append(c.values, r)
	name := v.Name // the value's current name, for the key's step
	e.track(r.name, v.Name, func(to string) error {
		if err := e.draft.RenameValue(c.ref, name, to); err != nil {
			return err
		}
		name = to
		return nil
	})
	e.track(r.key, v.Key, func(key string) error {
		return e.draft.SetValue(c.ref, annotate.EnumValue{Name: name, Key: strings.ToLower(key)})
	})
	r.key.SetPlaceHolder("key")
	r.del = widget.NewButton("Delete", func() { e.deleteValue(c.ref, name) })
	return container.NewGridWithColumns(6, widget.NewLabel("    value"), r.name, r.key, r.del)
}

// defaultWidget returns the widget that sets a's default: a choice for
// an enum or a bool, an entry for text.
func (e *attrsEditor) defaultWidget(c *attrCard, a annotate.Attribute) fyne.CanvasObject {
	const none = "(no default)"
	if a.Type == annotate.AttrText {
		d := widget.NewEntry()
		d.SetPlaceHolder("default")
		e.track(d, a.Default.Str(), func(s string) error {
			v := annotate.StringValue(s)
			if s == "" {
				v = annotate.AttrValue{}
			}
			return e.draft.SetDefault(c.ref, v)
		})
		return d
	}
	options := []string{none, "true", "false"}
	if a.Type == annotate.AttrEnum {
		options = []string{none}
		for _, v := range a.Values {
			options = append(options, v.Name)
		}
	}
	s := widget.NewSelect(options, nil)
	s.Selected = none
	if !a.Default.IsZero() {
		s.Selected = a.Default.String()
	}
	s.OnChanged = func(o string) {
		var v annotate.AttrValue
		switch {
		case o == none:
		case a.Type == annotate.AttrBool:
			v = annotate.BoolValue(o == "true")
		default:
			v = annotate.StringValue(o)
		}
		_ = e.step(e.draft.SetDefault(c.ref, v))
	}
	return s
}

// bindingText says what an attribute is bound to, as the tab lists it.
func bindingText(a annotate.Attribute) string {
	switch {
	case a.Label != "":
		return "label " + a.Label
	case a.Kind != "":
		return fmt.Sprintf("every %s", a.Kind)
	}
	return "the document"
}
