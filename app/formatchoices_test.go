package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"spanmark/annotate/formats"
)

// TestDialogsOfferEveryFormat checks that File → Import and File →
// Export offer every format of formats.All that they can, under its
// title, with its extension, and that the titles lead back to the
// formats: a format added to the table is offered with nothing to change
// here.
func TestDialogsOfferEveryFormat(t *testing.T) {
	imports, exports := importChoices(), exportFormats()
	if imports[0] != autoFormat {
		t.Errorf("import offers %q first, want %q", imports[0], autoFormat)
	}
	for _, f := range formats.All {
		if got, ok := formatTitled(f.Title); !ok || got.Name != f.Name {
			t.Errorf("title %q leads to %q, want %q", f.Title, got.Name, f.Name)
		}
		if f.Import != nil && !slices.Contains(imports, f.Title) {
			t.Errorf("import does not offer %s (%q): %q", f.Name, f.Title, imports)
		}
		if f.Exports() != slices.Contains(exports, f.Title) {
			t.Errorf("export offers %q; %s exports: %v", exports, f.Name, f.Exports())
		}
		if f.Exports() && exportExt(f.Title) != f.Extensions[0] {
			t.Errorf("export %s writes %q, want %q", f.Name, exportExt(f.Title), f.Extensions[0])
		}
		for _, ext := range f.Extensions {
			if f.ByExtension && !strings.Contains(autoFormat, ext) {
				t.Errorf("%q does not say %s is read by extension", autoFormat, ext)
			}
		}
		if f.Folder && f.Import != nil && !strings.Contains(importNotes(), f.Title+": choose a folder") {
			t.Errorf("the import dialog's notes %q say nothing of %s's folders", importNotes(), f.Name)
		}
	}
	if exports[0] != formats.ExportJSON {
		t.Errorf("export offers %q first, want spanmark JSON", exports[0])
	}
}

// TestImportFilter checks which files the import dialog's file picker
// shows: by extension, the files formats.Files reads; for brat, its
// .zip; for the other tools, every file.
func TestImportFilter(t *testing.T) {
	brat, _ := formats.Lookup("brat")
	conll, _ := formats.Lookup("conll")
	tests := []struct {
		name   string
		f      formats.Format
		named  bool
		shown  []string
		hidden []string
	}{
		{"by extension", formats.Format{}, false, []string{"a.txt", "a.md", "a.json", "a.JSONL"}, []string{"a.conll", "a.zip", "a"}},
		{"brat", brat, true, []string{"a.zip", "a.ZIP"}, []string{"a.txt", "a.json"}},
		{"conll", conll, true, []string{"a.conll", "a.txt", "eng.train"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			filter := importFilter(tt.f, tt.named)
			for _, name := range tt.shown {
				if filter != nil && !filter.Matches(storage.NewFileURI("/d/"+name)) {
					t.Errorf("%s hidden, want it shown", name)
				}
			}
			for _, name := range tt.hidden {
				if filter == nil || filter.Matches(storage.NewFileURI("/d/"+name)) {
					t.Errorf("%s shown, want it hidden", name)
				}
			}
		})
	}
}
