package cli

import (
	"flag"
	"strings"

	"spanmark/annotate/formats"
)

// What the help of export and import says of formats, and the checks of
// the flags that apply to some formats only, all made from formats.All
// so that a format added there is offered, described and checked here.

// exportFormatUsage is the help of export's --format.
func exportFormatUsage() string {
	own := formats.Names(func(f formats.Format) bool { return f.Spanmark })
	tools := formats.Names(func(f formats.Format) bool { return f.Export != nil })
	var byExt []string
	for _, f := range formats.All {
		if f.Spanmark && f.Name != own[0] {
			byExt = append(byExt, f.Name+" if --out ends in "+strings.Join(f.Extensions, " or "))
		}
	}
	return "`FORMAT`: " + joinList(own, "or") + " (spanmark's own), or one of " + strings.Join(tools, ", ") +
		" (default: " + strings.Join(append(byExt, "else "+own[0]), ", ") + ")"
}

// importFormatUsage is the help of import's --format.
func importFormatUsage() string {
	var folders []string
	for _, f := range formats.All {
		if f.Folder && f.Import != nil {
			folders = append(folders, "for "+f.Name+" a folder or "+strings.Join(f.Extensions, " or "))
		}
	}
	return "read each PATH as a file, or " + strings.Join(folders, ", ") + ", of the tool `NAME`: " +
		formats.ImportFormats() + " (default: " + joinList(formats.ReadByExtension(), "and") + " files, and folders of them)"
}

// checkOptions returns what is wrong with the flags given (their names)
// that apply to some formats only, for format, or "".
func checkOptions(fset *flag.FlagSet, format string) string {
	msg := ""
	fset.Visit(func(f *flag.Flag) {
		if msg != "" || !formats.IsOption(f.Name) {
			return
		}
		if err := formats.CheckOption(f.Name, format); err != nil {
			msg = err.Error()
		}
	})
	return msg
}

// joinList joins items as a sentence does: "a, b and c" for conj "and".
func joinList(items []string, conj string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}
