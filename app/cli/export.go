package cli

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/storage"
	"strings"
)

func (c *cli) exportCmd(args []string) int {
	fset := c.flags("export", "[--db FILE] [--format FORMAT] [--out PATH] [--relations] [--kind KIND] [--config]")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	format := fset.String("format", "", "`FORMAT`: json or jsonl (spanmark's own), or one of "+strings.Join(toolFormats(), ", ")+
		" (default: jsonl if --out ends in .jsonl, else json)")
	out := fset.String("out", "", "write to `PATH` rather than to standard output; for brat a .zip, or else a new folder. "+
		"A project is never written over, nor an existing file without --force; a device or FIFO is written as it is, a symbolic link's target replaced")
	var o formats.ExportOptions
	fset.BoolVar(&o.Replace, "force", false, "replace --out if it is an existing file (keeping its mode)")
	fset.BoolVar(&o.Relations, "relations", false, "doccano: the variant with entities and relations")
	kind := fset.String("kind", "", "conll: the `KIND` of annotation to tag, entity, claim or source (default: entity)")
	config := fset.Bool("config", false, "labelstudio: write only the labelling configuration (otherwise written beside --out as NAME.config.xml)")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("export: unexpected %q", rest[0])
	}
	if *format == "" {
		*format = "json"
		if strings.EqualFold(filepath.Ext(*out), ".jsonl") {
			*format = "jsonl"
		}
	}
	o.Kind = annotate.Kind(*kind)
	if msg := checkExportFlags(*format, o, *config); msg != "" {
		return c.usageError("export: %s", msg)
	}
	if *out != "" && !(*format == "brat" && !strings.EqualFold(filepath.Ext(*out), ".zip")) {
		// Refuse before anything is read, not after.
		if err := formats.CheckOutput(*out, o.Replace); err != nil {
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
	if *config {
		err = c.exportConfig(st, *out, o.Replace)
	} else {
		err = c.export(st, *format, *out, o)
	}
	if warnings > 0 {
		fmt.Fprintf(c.stderr, "%d notes: what %s cannot hold as it is was left out or changed\n", warnings, *format)
	}
	if err != nil {
		return c.fail(fmt.Errorf("export: %w", forceHint(err)))
	}
	return exitOK
}

// checkExportFlags returns what is wrong with export's flags, or "".
func checkExportFlags(format string, o formats.ExportOptions, config bool) string {
	switch {
	case formats.Exporters[format] == nil && format != "json" && format != "jsonl":
		return fmt.Sprintf("unknown format %q: want json, jsonl, %s", format, strings.Join(toolFormats(), ", "))
	case o.Relations && format != "doccano":
		return "--relations is for --format doccano"
	case o.Kind != "" && format != "conll":
		return "--kind is for --format conll"
	case o.Kind != "" && !o.Kind.Valid():
		return fmt.Sprintf("--kind %q: want entity, claim or source", o.Kind)
	case config && format != "labelstudio":
		return "--config is for --format labelstudio"
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
	if format == "json" || format == "jsonl" {
		return formats.Export(c.stdout, format, st, st.Each, o.Warn)
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

// toolFormats lists the other tools' formats export can write.
func toolFormats() []string {
	return slices.Sorted(maps.Keys(formats.Exporters))
}
