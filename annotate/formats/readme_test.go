package formats

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The markers around the README's tables of formats, which
// TestREADMEFormats writes from All.
const (
	readmeBegin = "<!-- formats table: made from annotate/formats/formattable.go -->\n"
	readmeEnd   = "<!-- end formats table -->\n"
)

// readmePath is the README, from this package's folder.
var readmePath = filepath.Join("..", "..", "README.md")

// TestREADMEFormats checks that the README's tables of formats are the
// ones All makes; with -update it rewrites them.
func TestREADMEFormats(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	begin := bytes.Index(readme, []byte(readmeBegin))
	end := bytes.Index(readme, []byte(readmeEnd))
	if begin < 0 || end < begin {
		t.Fatalf("%s lacks the lines %q and %q around the tables of formats", readmePath, readmeBegin, readmeEnd)
	}
	begin += len(readmeBegin)
	want := readmeTables(All)
	if got := string(readme[begin:end]); got != want {
		if toolUpdate() {
			out := bytes.Join([][]byte{readme[:begin], []byte(want), readme[end:]}, nil)
			if err := os.WriteFile(readmePath, out, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("the tables of formats in %s are not the ones annotate/formats/formattable.go makes; "+
			"run go test -tags ci ./annotate/formats -run TestREADMEFormats -update\ngot:\n%s\nwant:\n%s", readmePath, got, want)
	}
}

// readmeTables writes the README's tables of formats: the unit each
// consumer counts, what an export writes and an import takes of each
// format, and an overview of every format.
func readmeTables(all []Format) string {
	var b strings.Builder
	b.WriteString("| format | consumer | unit the consumer counts | our export |\n| --- | --- | --- | --- |\n")
	for _, f := range all {
		if f.Doc.Consumer != "" {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.Name, f.Doc.Consumer, f.Doc.Counts, f.Offsets)
		}
	}
	b.WriteString("\n| name | export | import |\n| --- | --- | --- |\n")
	for _, f := range all {
		if f.Doc.Writes != "" || f.Doc.Reads != "" {
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.Name, orDash(f.Doc.Writes), orDash(f.Doc.Reads))
		}
	}
	b.WriteString("\nEvery format, what it carries and the flags that apply to it:\n\n" +
		"| `--format` | format | extensions | carries | import | export | flags |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, f := range all {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", f.Name, f.Title, readmeExtensions(f),
			f.Carries, readmeImport(f), yesNo(f.Exports()), readmeFlags(f))
	}
	return b.String()
}

// readmeExtensions lists f's extensions, and says when it is a folder.
func readmeExtensions(f Format) string {
	exts := "`" + strings.Join(f.Extensions, "`, `") + "`"
	if f.Folder {
		exts = "a folder, or " + exts
	}
	return exts
}

// readmeImport says how import reads f.
func readmeImport(f Format) string {
	switch {
	case f.ByExtension:
		return "by extension"
	case f.Import != nil:
		return "`--format " + f.Name + "`"
	}
	return "—"
}

// readmeFlags lists the flags that apply to f.
func readmeFlags(f Format) string {
	if len(f.Options) == 0 {
		return "—"
	}
	flags := make([]string, len(f.Options))
	for i, o := range f.Options {
		flags[i] = "`--" + o.Flag + "`"
	}
	return strings.Join(flags, ", ")
}

// orDash returns s, or "—" for nothing.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// yesNo writes a bool for a table.
func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "—"
}
