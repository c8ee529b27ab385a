package formats

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// A Format describes one format Spanmark reads or writes: its names, the
// files it comes in, what it carries and the command-line options that
// apply to it. All lists every format; the command line's --format, its
// help and its checks, the app's import and export dialogs and the
// README's tables of formats are made from it, so that adding a format is
// adding an entry there.
type Format struct {
	// Name is the format's name on the command line (--format NAME).
	Name string
	// Title is the format's name in the app's dialogs.
	Title string
	// Extensions are the file extensions of the format, lower case with
	// the dot; an export writes the first.
	Extensions []string
	// Folder says that an export to a path that does not end in one of
	// Extensions writes a folder of files, and that an import takes such
	// a folder.
	Folder bool
	// Spanmark marks Spanmark's own formats, which Export writes with
	// their header and which are read by extension.
	Spanmark bool
	// ByExtension says that import reads files of the format without
	// --format, by their extension (see Files and OpenPath): as spanmark
	// JSON when Spanmark is set, else as plain text.
	ByExtension bool
	// Export writes another tool's format; nil for Spanmark's own, which
	// Export writes, and for formats that are only read.
	Export ExportFunc
	// Import reads another tool's format, named by --format; nil for
	// formats read by extension.
	Import ImportFunc
	// Carries is what the format holds of a project.
	Carries Carries
	// Offsets says what the format's offsets count.
	Offsets string
	// Options are the command-line flags that apply to this format
	// alone, or to it and other formats that list them too.
	Options []Option
	// Doc describes the format for people, in the README's tables.
	Doc Doc
}

// An Option is a command-line flag that applies to some formats only.
type Option struct {
	// Flag is the flag's name, without dashes.
	Flag string
	// Usage says what the flag does for the format, for help; a word in
	// back quotes names the flag's value, as package flag reads it.
	Usage string
}

// Doc is what the README says of a format, in Markdown.
type Doc struct {
	// Consumer names the programs that read the format, and Counts what
	// their offsets count; empty for a format no program reads.
	Consumer, Counts string
	// Writes says what an export writes, and Reads what an import takes.
	Writes, Reads string
}

// Carries is a set of the things of a project a format holds.
type Carries uint8

// The things a format may carry.
const (
	CarriesEntities Carries = 1 << iota
	CarriesClaims
	CarriesSources
	CarriesRelations
	CarriesNotes
	CarriesAttributes
)

// carriesNames are the names of the things of Carries, in bit order.
var carriesNames = []string{"entities", "claims", "sources", "relations", "notes", "attributes"}

// String lists what c holds, comma separated, or "—" for nothing.
func (c Carries) String() string {
	var names []string
	for i, name := range carriesNames {
		if c&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return "—"
	}
	return strings.Join(names, ", ")
}

// Lookup returns the format of All called name.
func Lookup(name string) (Format, bool) {
	i := slices.IndexFunc(All, func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return All[i], true
}

// Exports reports whether Spanmark writes f.
func (f Format) Exports() bool { return f.Spanmark || f.Export != nil }

// HasOption reports whether the flag called flag applies to f.
func (f Format) HasOption(flag string) bool {
	return slices.ContainsFunc(f.Options, func(o Option) bool { return o.Flag == flag })
}

// Names returns the names of the formats of All for which keep is true,
// in All's order.
func Names(keep func(Format) bool) []string {
	var names []string
	for _, f := range All {
		if keep(f) {
			names = append(names, f.Name)
		}
	}
	return names
}

// ImportFormats lists the names of the formats import reads with
// --format, comma separated, for messages and help.
func ImportFormats() string {
	return strings.Join(Names(func(f Format) bool { return f.Import != nil }), ", ")
}

// ReadByExtension returns the extensions of the files import reads
// without --format, in All's order.
func ReadByExtension() []string {
	var exts []string
	for _, f := range All {
		if f.ByExtension {
			exts = append(exts, f.Extensions...)
		}
	}
	return exts
}

// DefaultExport returns the name of the format an export to path writes
// when none is named: Spanmark's own format whose extension path has, or
// else the first of Spanmark's own.
func DefaultExport(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range All {
		if f.Spanmark && slices.Contains(f.Extensions, ext) {
			return f.Name
		}
	}
	return Names(func(f Format) bool { return f.Spanmark })[0]
}

// OptionUsage returns the help of the flag called flag: what it does for
// each format it applies to, as "doccano: …; w3c: …".
func OptionUsage(flag string) string {
	var parts []string
	for _, f := range All {
		for _, o := range f.Options {
			if o.Flag == flag {
				parts = append(parts, f.Name+": "+o.Usage)
			}
		}
	}
	return strings.Join(parts, "; ")
}

// IsOption reports whether flag applies to some formats only.
func IsOption(flag string) bool {
	return slices.ContainsFunc(All, func(f Format) bool { return f.HasOption(flag) })
}

// CheckOption returns an error when the flag called flag, which applies
// to some formats only, is given with the format called name: "--docstart
// is for --format conll".
func CheckOption(flag, name string) error {
	if f, ok := Lookup(name); ok && f.HasOption(flag) {
		return nil
	}
	names := Names(func(f Format) bool { return f.HasOption(flag) })
	return fmt.Errorf("--%s is for --format %s", flag, strings.Join(names, " or "))
}
