package cli

import (
	"flag"
	"fmt"
	"io"
	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/storage"
	"strings"
	"time"
)

func (c *cli) exportCmd(args []string) int {
	fset := c.flags("export", "[--db FILE] [--format FORMAT] [--out PATH [--force]] [--status STATUS] [format flags]",
		"Write the project's documents, annotations and relations in spanmark JSON or JSONL, or\n"+
			"in another tool's format, to standard output or to --out. Every span carries its text.")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	format := fset.String("format", "", exportFormatUsage())
	out := fset.String("out", "", "write to `PATH` rather than to standard output; for brat a .zip, or else a new folder. "+
		"A project is never written over, nor an existing file without --force; a device or FIFO is written as it is, a symbolic link's target replaced")
	var o formats.ExportOptions
	fset.BoolVar(&o.Replace, "force", false, "replace --out if it is an existing file (keeping its mode)")
	relations := fset.Bool("relations", false, formats.OptionUsage("relations"))
	kind := fset.String("kind", "", formats.OptionUsage("kind"))
	fset.StringVar(&o.DocStart, "docstart", formats.DocStartCoNLL2003, formats.OptionUsage("docstart"))
	fset.StringVar(&o.Offsets, "offsets", formats.OffsetsCodePoints, formats.OptionUsage("offsets"))
	fset.StringVar((*string)(&o.Status), "status", "", "export only the documents of `STATUS`: todo, in_progress or done (default: every document)")
	schemaOut := fset.String("schema-out", "", formats.OptionUsage("schema-out"))
	config := fset.Bool("config", false, formats.OptionUsage("config"))
	suggestions := fset.Bool("suggestions", false, "with spanmark JSON or JSONL, add each document's suggestions (start, end, text, label, source, score)")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(fset, "unexpected %q", rest[0])
	}
	if *format == "" {
		*format = formats.DefaultExport(*out)
	}
	o.Kind = annotate.Kind(*kind)
	given := map[string]bool{}
	fset.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if given["relations"] {
		o = o.WithRelations(*format, *relations)
	}
	if msg := checkExportFlags(fset, *format, o); msg != "" {
		return c.usageError(fset, "%s", msg)
	}
	if f, _ := formats.Lookup(*format); *suggestions && !f.Spanmark {
		return c.usageError(fset, "--suggestions goes with spanmark JSON or JSONL only, not %s", *format)
	}
	// Refuse before anything is read, not after.
	for _, path := range []string{*out, *schemaOut} {
		if path == "" || path == *out && formats.ExportsFolder(*format, path) {
			continue
		}
		if err := formats.CheckOutput(path, o.Replace); err != nil {
			return c.fail(fmt.Errorf("export: %w", forceHint(err)))
		}
	}
	st, err := openExisting("export", *db)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	warnings := 0
	o.Warn = func(msg string) {
		warnings++
		fmt.Fprintf(c.stderr, "note: %s\n", msg)
	}
	switch {
	case *config:
		err = c.exportConfig(st, *out, o.Replace)
	case *suggestions:
		err = c.exportSuggestions(st, *format, *out, o)
		if err == nil && *schemaOut != "" {
			err = writeSchema(st, *schemaOut, o.Replace)
		}
	default:
		err = c.export(st, *format, *out, o)
		if err == nil && *schemaOut != "" {
			err = writeSchema(st, *schemaOut, o.Replace)
		}
	}
	if warnings > 0 {
		fmt.Fprintf(c.stderr, "%d notes: what %s cannot hold as it is was left out or changed\n", warnings, *format)
	}
	if err != nil {
		return c.fail(fmt.Errorf("export: %w", forceHint(err)))
	}
	return exitOK
}

// checkExportFlags returns what is wrong with export's flags, or "": an
// unknown format, a flag given that does not apply to format (as
// formats.All says), or a flag's value.
func checkExportFlags(fset *flag.FlagSet, format string, o formats.ExportOptions) string {
	if f, ok := formats.Lookup(format); !ok || !f.Exports() {
		names := formats.Names(formats.Format.Exports)
		return fmt.Sprintf("unknown format %q: want %s", format, strings.Join(names, ", "))
	}
	if msg := checkOptions(fset, format); msg != "" {
		return msg
	}
	switch {
	case o.DocStart != formats.DocStartCoNLL2003 && o.DocStart != formats.DocStartNone:
		return fmt.Sprintf("--docstart %q: want conll2003 or none", o.DocStart)
	case o.Offsets != formats.OffsetsCodePoints && o.Offsets != formats.OffsetsUTF16:
		return fmt.Sprintf("--offsets %q: want codepoints or utf16", o.Offsets)
	case o.Kind != "" && !o.Kind.Valid():
		return fmt.Sprintf("--kind %q: want entity, claim or source", o.Kind)
	case o.Status != "" && !o.Status.Valid():
		return fmt.Sprintf("--status %q: want todo, in_progress or done", o.Status)
	}
	return ""
}

// export writes st in format to out, or to standard output.
func (c *cli) export(st *storage.Store, format, out string, o formats.ExportOptions) error {
	if out != "" {
		written, err := formats.ExportPath(out, format, st, o)
		if len(written) > 1 {
			fmt.Fprintf(c.stderr, "wrote %s\n", strings.Join(written, " and "))
		}
		return err
	}
	if f, _ := formats.Lookup(format); f.Spanmark {
		return formats.Export(c.stdout, format, st, formats.StatusEach(st.Each, o.Status), o.Warn)
	}
	return formats.ExportTool(c.stdout, format, st, o)
}

// exportConfig writes the Label Studio labelling configuration of st to
// out, or to standard output.
func (c *cli) exportConfig(st *storage.Store, out string, replace bool) error {
	if out != "" {
		return formats.WriteLabelStudioConfig(out, st, replace)
	}
	schema, err := st.Schema()
	if err != nil {
		return err
	}
	_, err = io.WriteString(c.stdout, formats.LabelStudioConfig(schema))
	return err
}

// writeSchema writes the schema of st to path, as a spanmark JSON file
// without documents.
func writeSchema(st *storage.Store, path string, replace bool) error {
	h, err := formats.StoreHeader(st, time.Now())
	if err != nil {
		return err
	}
	return formats.WriteFile(path, replace, func(w io.Writer) error { return formats.WriteSchema(w, h) })
}
