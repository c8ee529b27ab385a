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

// labelsEditor is the content of Edit → Edit labels: a tab with a row per
// label and a button that adds one, and a tab of attributes.
type labelsEditor struct {
	ws      *workspace
	rows    []*labelRow
	grid    *fyne.Container
	scroll  *container.Scroll
	attrs   *attrsEditor
	tabs    *container.AppTabs
	errText *widget.Label // why Save or a step was refused
	dialog  *dialog.CustomDialog
}

// editLabelsDialog lets a person add, rename, recolour and rekey labels
// and edit attributes. Saving is one transaction: renames relabel every
// annotation with it, and attribute and value renames and deletions
// carry every annotation's and document's values along.
func (ws *workspace) editLabelsDialog() { ws.showLabelsDialog() }

// showLabelsDialog shows Edit labels and returns its editor; nil when no
// project is open.
func (ws *workspace) showLabelsDialog() *labelsEditor {
	if ws.store == nil {
		return nil
	}
	e := &labelsEditor{ws: ws}
	e.grid = container.NewGridWithColumns(5,
		widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Kind", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Key", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Colour", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(""),
	)
	for _, l := range ws.schema.Labels {
		e.addRow(l, l.Name)
	}
	e.scroll = container.NewVScroll(e.grid)
	add := widget.NewButton("Add label", e.addLabel)
	note := widget.NewLabel(keyHelp())
	labels := container.NewBorder(nil, container.NewVBox(add, note), nil, nil, e.scroll)
	e.errText = widget.NewLabel("")
	e.errText.Importance, e.errText.Wrapping = widget.DangerImportance, fyne.TextWrapWord
	e.errText.Hide()
	e.attrs = ws.newAttrsEditor(e.errText)
	e.tabs = container.NewAppTabs(container.NewTabItem("Labels", labels),
		container.NewTabItem("Attributes", e.attrs.content()))
	e.dialog = dialog.NewCustomWithoutButtons("Edit labels", container.NewBorder(nil, e.errText, nil, nil, e.tabs), ws.win)
	save := widget.NewButton("Save", e.save)
	save.Importance = widget.HighImportance
	e.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", e.dialog.Hide), save})
	e.dialog.Resize(fyne.NewSize(860, 560))
	ws.showKeyed(e.dialog, e.save)
	return e
}

// addLabel adds a row for a new label, in a colour no row has, and
// scrolls down to it.
func (e *labelsEditor) addLabel() {
	e.addRow(annotate.Label{Kind: annotate.KindEntity, Color: unusedColor(e.rows)}, "")
	e.scroll.ScrollToBottom()
	e.ws.win.Canvas().Focus(e.rows[len(e.rows)-1].name)
}

func (e *labelsEditor) addRow(l annotate.Label, original string) {
	r := e.ws.newLabelRow(l, original)
	e.rows = append(e.rows, r)
	var remove *widget.Button
	remove = widget.NewButton("Remove", func() {
		r.removed = !r.removed
		if r.removed {
			remove.SetText("Keep")
		} else {
			remove.SetText("Remove")
		}
	})
	e.grid.Add(r.name)
	e.grid.Add(r.kind)
	e.grid.Add(r.key)
	e.grid.Add(r.swatch)
	e.grid.Add(remove)
}

// newLabelColors are the colours a new label takes, the first that no
// label has: mid-tones like the default labels', none of them theirs.
var newLabelColors = []string{"#8c564b", "#e377c2", "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#5254a3"}

// unusedColor returns the first of newLabelColors that no row kept has,
// or, with all taken, one chosen by the number of rows.
func unusedColor(rows []*labelRow) string {
	used := make(map[string]bool, len(rows))
	for _, r := range rows {
		if !r.removed {
			used[hexColor(r.color)] = true
		}
	}
	for _, c := range newLabelColors {
		if !used[c] {
			return c
		}
	}
	return newLabelColors[len(rows)%len(newLabelColors)]
}

// keyHelp is the line under the labels about their keys.
func keyHelp() string {
	return fmt.Sprintf("Keys are single lower-case letters, except %c (link a claim to its source) and %c (edit a note), which the view keeps.", keyLink, keyNote)
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

// save builds the new schema from the rows and the attributes and stores
// it, in one transaction, then closes the dialog. A refused schema keeps
// the dialog open with the reason under the tabs; nothing is changed.
func (e *labelsEditor) save() {
	if err := e.attrs.applyPending(); err != nil {
		return
	}
	ws := e.ws
	labels, renames, err := schemaFromRows(ws.schema, e.rows)
	var schema annotate.Schema
	var change annotate.SchemaChange
	if err == nil {
		schema, change, err = e.attrs.draft.Finish(labels.Labels, renames)
	}
	if err == nil {
		err = ws.store.SetSchema(schema, change)
	}
	if err != nil {
		_ = e.attrs.step(fmt.Errorf("labels not saved: %w", err))
		return
	}
	e.dialog.Hide()
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
