package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// attrPanel is the top of the right panel: the document's attributes,
// then the selected annotation's, each as the widget of its type. Every
// change the person makes goes to a setter, which makes it one undoable
// edit; after any edit, undo or new selection the panel is shown again
// from the session, so the widgets follow them.
type attrPanel struct {
	doc, ann *attrSection
	box      *fyne.Container
}

// newAttrPanel makes the panel. setAnn receives a value given for an
// attribute of annotation id, setDoc one for an attribute of document id.
func newAttrPanel(setAnn, setDoc func(id, name string, v annotate.AttrValue)) *attrPanel {
	p := &attrPanel{
		doc: newAttrSection(setDoc),
		ann: newAttrSection(setAnn),
	}
	p.box = container.NewVBox(p.doc.box, p.ann.box)
	return p
}

func (p *attrPanel) object() fyne.CanvasObject { return p.box }

// flush commits the text typed into an entry and not yet saved (Enter
// and leaving the entry save it), while the session it was typed for is
// still the open one: to be called before another document opens or the
// project closes, which would otherwise see the entry's focus go later
// and the text given to the next document.
func (p *attrPanel) flush() {
	for _, sec := range []*attrSection{p.doc, p.ann} {
		for _, f := range sec.fields {
			if f.entry != nil {
				f.entry.save()
			}
		}
	}
}

// show shows the attributes of s's document and of its annotation
// active (none when "" or not in s); s nil hides both.
func (p *attrPanel) show(s *annotate.Session, schema annotate.Schema, active string) {
	if s == nil {
		p.doc.show("", "", nil, nil)
		p.ann.show("", "", nil, nil)
		return
	}
	doc := s.Document()
	p.doc.show(doc.ID, "Document", schema.DocumentAttributes(), doc.Attributes)
	a, ok := s.Annotation(active)
	if !ok || active == "" {
		p.ann.show("", "", nil, nil)
		return
	}
	title := fmt.Sprintf("%s  “%s”", a.Label, ellipsis(s.Text(a.Start, a.End), 30))
	p.ann.show(a.ID, title, schema.AttributesFor(a.Label), a.Attributes)
}

// attrSection is the title and the fields of one holder of attributes:
// the document or an annotation. Its widgets are made again only when
// the definitions change, so that showing new values after an edit costs
// a comparison per field, and showing another holder with the same
// definitions (a tag selects the new annotation) only rebinds them:
// making a form's widgets and laying them out cost a sixth of a tag's
// commit.
type attrSection struct {
	set    func(owner, name string, v annotate.AttrValue)
	title  *widget.Label
	form   *fyne.Container
	box    *fyne.Container
	owner  *string // the id of the holder the fields give values to, shared by them
	defs   []annotate.Attribute
	fields []*attrField
}

func newAttrSection(set func(owner, name string, v annotate.AttrValue)) *attrSection {
	sec := &attrSection{set: set, title: widget.NewLabel("")}
	sec.title.TextStyle.Bold = true
	sec.title.Truncation = fyne.TextTruncateEllipsis
	sec.form = container.New(layout.NewFormLayout())
	sec.box = container.NewVBox(sec.title, sec.form, widget.NewSeparator())
	sec.box.Hide()
	return sec
}

// show shows the fields of defs with values for owner, or hides the
// section when defs is empty.
func (sec *attrSection) show(owner, title string, defs []annotate.Attribute, values annotate.Attributes) {
	if len(defs) == 0 {
		sec.owner, sec.defs, sec.fields = nil, nil, nil
		sec.form.Objects = nil
		sec.box.Hide()
		return
	}
	if sec.title.Text != title {
		sec.title.SetText(title)
	}
	switch {
	case !slices.EqualFunc(defs, sec.defs, annotate.Attribute.Equal), *sec.owner != owner && sec.typing():
		// Text being typed for the holder shown is committed to it when
		// its entry loses the focus: those fields keep their holder.
		sec.build(owner, defs)
	default:
		*sec.owner = owner
	}
	for _, f := range sec.fields {
		f.show(values.Get(f.def.Name))
	}
	sec.box.Show()
}

// build makes the fields of defs for owner.
func (sec *attrSection) build(owner string, defs []annotate.Attribute) {
	bound := &owner
	sec.owner, sec.defs = bound, defs
	sec.fields = make([]*attrField, len(defs))
	objs := make([]fyne.CanvasObject, 0, 2*len(defs))
	for i, def := range defs {
		name := def.Name
		sec.fields[i] = newAttrField(def, func(v annotate.AttrValue) { sec.set(*bound, name, v) })
		objs = append(objs, widget.NewLabel(readableName(name)), sec.fields[i].widget())
	}
	sec.form.Objects = objs
	sec.form.Refresh()
}

// typing reports whether one of the fields is an entry being typed in.
func (sec *attrSection) typing() bool {
	return slices.ContainsFunc(sec.fields, func(f *attrField) bool { return f.entry != nil && f.entry.focused })
}

// setTop puts o above the panel's list, where it stays in review mode
// too, which shows the panel beside the review figures.
func (p *annPanel) setTop(o fyne.CanvasObject) {
	p.obj = container.NewBorder(o, nil, nil, nil, p.obj)
}
