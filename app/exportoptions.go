package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/formats"
)

// exportControl is the export dialog's control of one command-line flag
// of formats.All (Format.Options): the dialog shows it for the formats
// that list the flag, so the dialog and `spanmark export` offer the same
// options, and sets ExportOptions from it as the flag does.
type exportControl struct {
	flag   string
	object fyne.CanvasObject
	// reset sets the control to its default for the format called name.
	reset func(name string)
	// apply sets o from the control for the format called name.
	apply func(o *formats.ExportOptions, name string)
}

// exportControls are the controls of the flags an export from the app
// takes. Flags that name a second file (--schema-out, --config) are the
// command line's alone, as are import's (--zip-limit).
func exportControls() []exportControl {
	relations := widget.NewCheck("Relations (claim → source links)", nil)
	kind := widget.NewSelect([]string{string(annotate.KindEntity), string(annotate.KindClaim), string(annotate.KindSource)}, nil)
	docstart := widget.NewCheck("-DOCSTART- line before each document (spaCy; off for doccano)", nil)
	utf16 := widget.NewCheck("UTF-16 offsets (Recogito and other JavaScript readers)", nil)
	return []exportControl{
		{
			flag: "relations", object: relations,
			reset: func(name string) { relations.SetChecked(formats.RelationsByDefault(name)) },
			apply: func(o *formats.ExportOptions, name string) { *o = o.WithRelations(name, relations.Checked) },
		},
		{
			flag: "kind", object: container.NewHBox(widget.NewLabel("Tag"), kind, widget.NewLabel("annotations")),
			reset: func(string) { kind.SetSelected(string(annotate.KindEntity)) },
			apply: func(o *formats.ExportOptions, _ string) { o.Kind = annotate.Kind(kind.Selected) },
		},
		{
			flag: "docstart", object: docstart,
			reset: func(string) { docstart.SetChecked(true) },
			apply: func(o *formats.ExportOptions, _ string) {
				o.DocStart = formats.DocStartNone
				if docstart.Checked {
					o.DocStart = formats.DocStartCoNLL2003
				}
			},
		},
		{
			flag: "offsets", object: utf16,
			reset: func(string) { utf16.SetChecked(false) },
			apply: func(o *formats.ExportOptions, _ string) {
				o.Offsets = formats.OffsetsCodePoints
				if utf16.Checked {
					o.Offsets = formats.OffsetsUTF16
				}
			},
		},
	}
}

// exportChoices holds the export dialog's options: those of the chosen
// format, and "only documents marked done", which applies to every
// format.
type exportChoices struct {
	controls []exportControl
	done     *widget.Check
	box      *fyne.Container
	format   formats.Format
}

// newExportChoices makes the options, none shown until show is called.
func newExportChoices() *exportChoices {
	return &exportChoices{
		controls: exportControls(),
		done:     widget.NewCheck("Only documents marked done", nil),
		box:      container.NewVBox(),
	}
}

// show shows the options that apply to f, each at its default.
func (c *exportChoices) show(f formats.Format) {
	c.format = f
	c.box.Objects = c.box.Objects[:0]
	for _, ctl := range c.controls {
		if f.HasOption(ctl.flag) {
			ctl.reset(f.Name)
			c.box.Add(ctl.object)
		}
	}
	c.box.Add(c.done)
	c.box.Refresh()
}

// options returns the ExportOptions the shown options say.
func (c *exportChoices) options() formats.ExportOptions {
	var o formats.ExportOptions
	for _, ctl := range c.controls {
		if c.format.HasOption(ctl.flag) {
			ctl.apply(&o, c.format.Name)
		}
	}
	if c.done.Checked {
		o.Status = annotate.StatusDone
	}
	return o
}
