package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/storage"

	"spanmark/annotate/formats"
)

// What File → Import and File → Export offer, made from formats.All so
// that a format added there is offered here, under its title.

// autoFormat is the import choice that goes by the file's extension, as
// formats.Files does: plain text and spanmark JSON.
var autoFormat = "By extension: " + strings.Join(formats.ReadByExtension(), ", ")

// importChoices are the choices of the import dialog: autoFormat, then
// the title of each format read with a format named.
func importChoices() []string {
	choices := []string{autoFormat}
	for _, f := range formats.All {
		if f.Import != nil {
			choices = append(choices, f.Title)
		}
	}
	return choices
}

// importNotes say what the import dialog's list of paths takes: with
// files read by extension, folders are searched; a format that comes as
// a folder takes a folder or its archive; the others take files.
func importNotes() string {
	notes := []string{"One path a line. By extension: a folder brings every such file in it and in its folders."}
	for _, f := range formats.All {
		if f.Folder && f.Import != nil {
			notes = append(notes, fmt.Sprintf("%s: choose a folder (Folder…), or a %s of one (File…).", f.Title, strings.Join(f.Extensions, " or ")))
		}
	}
	notes = append(notes, "Other formats: each path is one file.")
	return strings.Join(notes, "\n")
}

// exportFormats are the titles of the formats File → Export offers,
// spanmark's own first.
func exportFormats() []string {
	var titles []string
	for _, f := range formats.All {
		if f.Exports() {
			titles = append(titles, f.Title)
		}
	}
	return titles
}

// formatTitled returns the format of formats.All whose title is title.
func formatTitled(title string) (formats.Format, bool) {
	i := slices.IndexFunc(formats.All, func(f formats.Format) bool { return f.Title == title })
	if i < 0 {
		return formats.Format{}, false
	}
	return formats.All[i], true
}

// exportExt is the file extension the export format titled title writes.
func exportExt(title string) string {
	f, _ := formatTitled(title)
	if len(f.Extensions) == 0 {
		return ""
	}
	return f.Extensions[0]
}

// importFilter is the filter of the file dialog that picks a file to
// import in format f, or by extension when named is false: the
// extensions read by extension, or those of a format that comes as a
// folder (its archive). Other tools' files are not filtered: they come
// under many extensions, and their importers go by what a file holds.
func importFilter(f formats.Format, named bool) storage.FileFilter {
	switch {
	case !named:
		return storage.NewExtensionFileFilter(formats.ReadByExtension())
	case f.Folder:
		return storage.NewExtensionFileFilter(f.Extensions)
	}
	return nil
}
