package formats

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestTable checks what the rest of Spanmark takes for granted of All:
// names are unique, extensions lower case with the dot, every format is
// read or written, Exporters and Importers hold exactly the formats with
// an Export or Import, and what is read by extension is read so.
func TestTable(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range All {
		if f.Name == "" || f.Title == "" || seen[f.Name] {
			t.Errorf("format %q (%q): want a unique name and a title", f.Name, f.Title)
		}
		seen[f.Name] = true
		if len(f.Extensions) == 0 || !f.ByExtension && f.Import == nil && !f.Exports() {
			t.Errorf("format %s: want extensions, and a way to read or write it", f.Name)
		}
		for _, ext := range f.Extensions {
			if !strings.HasPrefix(ext, ".") || ext != strings.ToLower(ext) {
				t.Errorf("format %s: extension %q: want lower case with the dot", f.Name, ext)
			}
			if f.ByExtension && fileKind("x"+strings.ToUpper(ext)) == "" {
				t.Errorf("format %s: %s is not read by extension", f.Name, ext)
			}
		}
		for _, o := range f.Options {
			if o.Flag == "" || o.Usage == "" {
				t.Errorf("format %s: option %+v: want a flag and its usage", f.Name, o)
			}
		}
	}
	withExport := Names(func(f Format) bool { return f.Export != nil })
	withImport := Names(func(f Format) bool { return f.Import != nil })
	if got := slices.Sorted(maps.Keys(Exporters)); !slices.Equal(got, slices.Sorted(slices.Values(withExport))) {
		t.Errorf("Exporters holds %v, want %v", got, withExport)
	}
	if got := slices.Sorted(maps.Keys(Importers)); !slices.Equal(got, slices.Sorted(slices.Values(withImport))) {
		t.Errorf("Importers holds %v, want %v", got, withImport)
	}
}

func TestCheckOption(t *testing.T) {
	tests := []struct {
		flag, format, want string
	}{
		{"docstart", "conll", ""},
		{"docstart", "w3c", "--docstart is for --format conll"},
		{"relations", "doccano", ""},
		{"relations", "w3c", ""},
		{"relations", "spacy", "--relations is for --format doccano or w3c"},
		{"relations", "nosuch", "--relations is for --format doccano or w3c"},
		{"schema-out", "json", "--schema-out is for --format jsonl"},
		{"zip-limit", "brat", ""},
		{"zip-limit", "conll", "--zip-limit is for --format brat"},
	}
	for _, tt := range tests {
		t.Run(tt.flag+" "+tt.format, func(t *testing.T) {
			err := CheckOption(tt.flag, tt.format)
			if got := errText(err); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// errText is err's message, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestOptionUsage checks that a flag's help says what it does for each
// format it applies to, in All's order, and that only the flags of the
// table are options.
func TestOptionUsage(t *testing.T) {
	got := OptionUsage("relations")
	want := "doccano: the variant with entities and relations; w3c: --relations=false"
	if !strings.HasPrefix(got, want) {
		t.Errorf("OptionUsage(relations) = %q, want it to start %q", got, want)
	}
	for flag, want := range map[string]bool{"relations": true, "zip-limit": true, "force": false, "db": false} {
		if got := IsOption(flag); got != want {
			t.Errorf("IsOption(%q) = %v, want %v", flag, got, want)
		}
	}
}

func TestDefaultExport(t *testing.T) {
	for path, want := range map[string]string{"": "json", "x.json": "json", "x.JSONL": "jsonl", "x.conll": "json", "dir/x": "json"} {
		if got := DefaultExport(path); got != want {
			t.Errorf("DefaultExport(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestExportsFolder(t *testing.T) {
	tests := []struct {
		format, path string
		want         bool
	}{
		{"brat", "out", true},
		{"brat", "out.ZIP", false},
		{"brat", "out.json", true},
		{"conll", "out", false},
		{"nosuch", "out", false},
	}
	for _, tt := range tests {
		if got := ExportsFolder(tt.format, tt.path); got != tt.want {
			t.Errorf("ExportsFolder(%q, %q) = %v, want %v", tt.format, tt.path, got, tt.want)
		}
	}
}

func TestCarriesString(t *testing.T) {
	for c, want := range map[Carries]string{
		0:                                       "—",
		CarriesEntities:                         "entities",
		CarriesClaims | CarriesRelations:        "claims, relations",
		spans | CarriesRelations | CarriesNotes: "entities, claims, sources, relations, notes",
		spans | CarriesAttributes:               "entities, claims, sources, attributes",
	} {
		if got := c.String(); got != want {
			t.Errorf("Carries(%d) = %q, want %q", c, got, want)
		}
	}
}

// TestREADMETablesListEveryFormat checks that a format added to the
// table appears in the README's overview with its flags, so that adding
// it to All is all it takes.
func TestREADMETablesListEveryFormat(t *testing.T) {
	extra := Format{Name: "newfmt", Title: "New format", Extensions: []string{".new"},
		Import: importFile(ImportSpacy), Options: []Option{{"newflag", "does `X`"}}}
	got := readmeTables(append(slices.Clone(All), extra))
	for _, f := range append(slices.Clone(All), extra) {
		if !strings.Contains(got, "| `"+f.Name+"` | "+f.Title+" |") {
			t.Errorf("the README's tables lack a row for %s:\n%s", f.Name, got)
		}
	}
	if !strings.Contains(got, "`--format newfmt` | — | `--newflag` |") {
		t.Errorf("the new format's row lacks how it is read or its flag:\n%s", got)
	}
}
