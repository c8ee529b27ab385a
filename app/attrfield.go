package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// unsetChoice is the first choice of an enum's select: choosing it
// clears the value.
const unsetChoice = "(none)"

// attrField is the widget of one attribute: a select for an enum, a
// check for a bool (partly checked while unset, with a button that unsets
// it: a check box only goes between true and false, and "not said" is a
// value of its own to agreement), an entry for text.
// set is called with every value the person gives, never with one the
// program shows.
type attrField struct {
	def   annotate.Attribute
	sel   *widget.Select
	check *widget.Check
	unset *widget.Button // the bool's way back to unset
	box   fyne.CanvasObject
	entry *attrEntry
	quiet bool // the program is setting the widget: no call of set
}

// newAttrField makes the widget of def; set receives the values the
// person chooses.
func newAttrField(def annotate.Attribute, set func(annotate.AttrValue)) *attrField {
	f := &attrField{def: def}
	give := func(v annotate.AttrValue) {
		if !f.quiet {
			set(v)
		}
	}
	switch def.Type {
	case annotate.AttrEnum:
		opts := make([]string, 0, len(def.Values)+1)
		opts = append(opts, unsetChoice)
		for _, v := range def.Values {
			opts = append(opts, v.Name)
		}
		f.sel = widget.NewSelect(opts, func(s string) {
			if s == unsetChoice {
				give(annotate.AttrValue{})
			} else {
				give(annotate.StringValue(s))
			}
		})
		f.sel.PlaceHolder = unsetChoice
	case annotate.AttrBool:
		f.check = widget.NewCheck("", func(b bool) { give(annotate.BoolValue(b)) })
		f.unset = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { give(annotate.AttrValue{}) })
		f.unset.Importance = widget.LowImportance
		f.unset.Disable()
		f.box = container.NewHBox(f.check, f.unset)
	default:
		f.entry = newAttrEntry(func(s string) { give(annotate.StringValue(s)) })
	}
	return f
}

// widget returns the field's widget.
func (f *attrField) widget() fyne.CanvasObject {
	switch {
	case f.sel != nil:
		return f.sel
	case f.check != nil:
		return f.box
	}
	return f.entry
}

// show puts v into the widget without calling set. An entry being typed
// in keeps its text: the person's typing wins until it is committed.
func (f *attrField) show(v annotate.AttrValue) {
	f.quiet = true
	defer func() { f.quiet = false }()
	switch {
	case f.sel != nil:
		want := v.Str()
		if v.IsZero() {
			want = ""
		}
		if f.sel.Selected != want {
			f.sel.Selected = want
			f.sel.Refresh()
		}
	case f.check != nil:
		partial := v.IsZero()
		if f.check.Checked != v.Bool() || f.check.Partial != partial {
			f.check.Checked, f.check.Partial = v.Bool(), partial
			f.check.Refresh()
		}
		if partial != f.unset.Disabled() {
			if partial {
				f.unset.Disable()
			} else {
				f.unset.Enable()
			}
		}
	case !f.entry.focused:
		f.entry.committed = v.Str()
		if f.entry.Text != v.Str() {
			f.entry.SetText(v.Str())
		}
	}
}

// attrEntry is a text attribute's entry: its text is committed on Enter
// and when the entry loses the focus, if it changed; empty text clears
// the value.
type attrEntry struct {
	widget.Entry
	commit    func(string)
	committed string // the value shown, which committing again would not change
	focused   bool
}

func newAttrEntry(commit func(string)) *attrEntry {
	e := &attrEntry{commit: commit}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry sets it
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.save() }
	return e
}

// FocusGained notes that the person is typing here.
func (e *attrEntry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
}

// FocusLost commits the text.
func (e *attrEntry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
	e.save()
}

// save commits the text if it is not the value shown.
func (e *attrEntry) save() {
	if e.Text == e.committed {
		return
	}
	e.committed = e.Text
	e.commit(e.Text)
}
