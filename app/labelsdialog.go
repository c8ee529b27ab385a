package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// labelRow is one editable line of Edit → Edit labels.
type labelRow struct {
	original string // the name when the dialog opened; "" for a new label
	name     *widget.Entry
	kind     *widget.Select
	key      *widget.Entry
	color    color.Color
	swatch   *widget.Button
	removed  bool
}

// editLabelsDialog lets a person add, rename, recolour and rekey labels.
// Saving is one transaction: renames relabel every annotation with it.
func (ws *workspace) editLabelsDialog() {
	if ws.store == nil {
		return
	}
	rows := make([]*labelRow, 0, len(ws.schema.Labels))
	grid := container.NewGridWithColumns(5,
		widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Kind", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Key", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Colour", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(""),
	)
	addRow := func(l annotate.Label, original string) {
		r := ws.newLabelRow(l, original)
		rows = append(rows, r)
		var remove *widget.Button
		remove = widget.NewButton("Remove", func() {
			r.removed = !r.removed
			if r.removed {
				remove.SetText("Keep")
			} else {
				remove.SetText("Remove")
			}
		})
		grid.Add(r.name)
		grid.Add(r.kind)
		grid.Add(r.key)
		grid.Add(r.swatch)
		grid.Add(remove)
	}
	for _, l := range ws.schema.Labels {
		addRow(l, l.Name)
	}
	add := widget.NewButton("Add label", func() {
		addRow(annotate.Label{Kind: annotate.KindEntity, Color: "#888888"}, "")
	})
	note := widget.NewLabel(fmt.Sprintf("Keys are single lower-case letters; %q are taken by the view.", strings.Split(reservedKeys, "")))
	content := container.NewBorder(nil, container.NewVBox(add, note), nil, nil, container.NewVScroll(grid))
	d := dialog.NewCustomConfirm("Edit labels", "Save", "Cancel", content, func(ok bool) {
		if ok {
			ws.saveLabels(rows)
		}
	}, ws.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

func (ws *workspace) newLabelRow(l annotate.Label, original string) *labelRow {
	r := &labelRow{original: original, color: parseColor(l.Color)}
	r.name = widget.NewEntry()
	r.name.SetText(l.Name)
	kinds := make([]string, len(annotate.Kinds))
	for i, k := range annotate.Kinds {
		kinds[i] = string(k)
	}
	r.kind = widget.NewSelect(kinds, nil)
	r.kind.SetSelected(string(l.Kind))
	r.key = widget.NewEntry()
	r.key.SetText(l.Key)
	r.swatch = widget.NewButton(hexColor(r.color), nil)
	r.swatch.OnTapped = func() {
		p := dialog.NewColorPicker("Label colour", l.Name, func(c color.Color) {
			r.color = c
			r.swatch.SetText(hexColor(c))
		}, ws.win)
		p.Advanced = true
		p.SetColor(r.color)
		p.Show()
	}
	return r
}

// saveLabels builds the new schema from the rows and stores it.
func (ws *workspace) saveLabels(rows []*labelRow) {
	schema, renames, err := schemaFromRows(ws.schema, rows)
	if err == nil {
		err = ws.store.SetSchema(schema, renames)
	}
	if err != nil {
		ws.showError(fmt.Errorf("labels not saved: %w", err))
		return
	}
	if err := ws.reloadSchema(); err != nil {
		ws.showError(err)
		return
	}
	ws.status.markSaved()
}

// schemaFromRows is the schema the dialog's rows describe, with the
// renames it implies.
func schemaFromRows(old annotate.Schema, rows []*labelRow) (annotate.Schema, map[string]string, error) {
	s := annotate.Schema{Relations: old.Relations}
	renames := make(map[string]string)
	for _, r := range rows {
		if r.removed {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(r.key.Text))
		if key != "" && strings.Contains(reservedKeys, key) {
			return s, nil, fmt.Errorf("key %q is taken by the view (a links, n edits a note)", key)
		}
		l := annotate.Label{
			Name:  strings.TrimSpace(r.name.Text),
			Kind:  annotate.Kind(r.kind.Selected),
			Color: hexColor(r.color),
			Key:   key,
		}
		if r.original != "" && r.original != l.Name {
			renames[r.original] = l.Name
		}
		s.Labels = append(s.Labels, l)
	}
	return s, renames, s.Validate()
}
