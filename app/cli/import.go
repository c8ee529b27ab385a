package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/storage"
	"strings"
)

// progressFrom is the number of files above which import reports
// progress, and progressEvery how often.
const (
	progressFrom  = 20
	progressEvery = 20
)

func (c *cli) importCmd(args []string) int {
	fset := c.flags("import", "[--format NAME [--trust-offsets]] [--db FILE] [--annotator NAME | --as-suggestions --source NAME] PATH...",
		"Add texts (.txt, .md), spanmark .json and .jsonl files, and folders of them, to a\n"+
			"project; with --format, files of another tool. Each file is imported whole or not at\n"+
			"all; a file that fails is named and the others are imported all the same (exit 1).\n"+
			"With --as-suggestions, the files' spans become suggestions of --source in the project's\n"+
			"documents of the same text, all files in one transaction or none.")
	db := fset.String("db", "", "the project `FILE`, created if missing (default: the default project)")
	annotator := fset.String("annotator", "", "the `NAME` of the annotator, recorded in a project that import creates, and with --format on annotations whose file names nobody")
	format := fset.String("format", "", importFormatUsage())
	trust := fset.Bool("trust-offsets", false, "with --format, take spans' offsets as code points of the text as given, without checking or repairing them")
	zipLimit := fset.Int64("zip-limit", formats.DefaultZipLimit, formats.OptionUsage("zip-limit"))
	asSuggestions := fset.Bool("as-suggestions", false, "import the files' spans (Label Studio: predictions, with their scores) as suggestions, not annotations")
	source := fset.String("source", "", "with --as-suggestions, the `NAME` the suggestions are kept under; an import replaces that name's suggestions of its documents")
	paths, code, ok := c.parse(fset, args)
	optionErr := ""
	if ok {
		optionErr = checkOptions(fset, *format)
	}
	switch {
	case !ok:
		return code
	case len(paths) == 0:
		return c.usageError(fset, "no PATH to import")
	case *format != "" && formats.Importers[*format] == nil:
		return c.usageError(fset, "unknown format %q: want %s", *format, formats.ImportFormats())
	case *trust && *format == "":
		return c.usageError(fset, "--trust-offsets needs --format")
	case optionErr != "":
		return c.usageError(fset, "%s", optionErr)
	case *zipLimit <= 0:
		return c.usageError(fset, "--zip-limit must be at least 1 byte")
	case *format != "" && slices.Contains(paths, "-"):
		return c.usageError(fset, "standard input is read in spanmark format only, not with --format")
	}
	if msg := suggestionsOptionErr(*asSuggestions, *source, *annotator, paths); msg != "" {
		return c.usageError(fset, "%s", msg)
	}
	if *asSuggestions {
		return c.importSuggestionsCmd(*db, *source, *format, paths, formats.ImportOptions{TrustOffsets: *trust, ZipLimit: *zipLimit})
	}
	path, err := projectPath(*db)
	if err != nil {
		return c.fail(err)
	}
	files := paths
	if *format == "" {
		if files, err = c.expand(paths); err != nil {
			return c.fail(fmt.Errorf("import: %w", err))
		}
		if len(files) == 0 {
			return c.fail(fmt.Errorf("import: no %s files in %s", joinList(formats.ReadByExtension(), "or"), strings.Join(paths, ", ")))
		}
	}
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, fs.ErrNotExist)
	if created && *db == "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return c.fail(fmt.Errorf("import: %w", err))
		}
	}
	st, err := storage.Open(path, storage.Options{Create: true, Annotator: *annotator})
	if err != nil {
		return c.fail(fmt.Errorf("import: %w", err))
	}
	var imported int
	o := formats.ImportOptions{Annotator: *annotator, TrustOffsets: *trust, ZipLimit: *zipLimit}
	if *format == "" {
		o = formats.ImportOptions{}
	}
	imported, err = c.importAll(st, *format, files, o, created && *annotator == "" && *format == "")
	if cerr := st.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("import: %w", cerr)
	}
	switch {
	case created && imported == 0:
		// Nothing was imported, so the project this command made goes too.
		os.Remove(path)
	case created:
		fmt.Fprintf(c.stderr, "created project %s\n", path)
	case *annotator != "" && *format == "":
		fmt.Fprintf(c.stderr, "note: --annotator is recorded only in a new project; %s already existed\n", path)
	}
	if err != nil {
		return c.fail(err)
	}
	return exitOK
}

// expand turns import's paths into files, in order, noting what it
// skips. "-" stays as it is, for standard input.
func (c *cli) expand(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
		found, skipped, err := formats.Files([]string{p})
		if err != nil {
			return nil, err
		}
		for _, s := range skipped {
			fmt.Fprintf(c.stderr, "skipped %s: %s\n", s.Path, s.Reason)
		}
		files = append(files, found...)
	}
	return files, nil
}

// importAll imports each file in one transaction of its own, all or
// nothing, going on past files that fail, each named with its reason;
// format is "" for files read by their extension. It returns how many
// files it imported, and an error when any failed. adopt takes the
// annotator of the first spanmark file with one for the project, which
// import just created.
func (c *cli) importAll(st annotate.Store, format string, files []string, o formats.ImportOptions, adopt bool) (int, error) {
	var added, skipped, imported, failed, empty int
	var adoptErr error
	each := func(n int, f formats.FileImport) bool {
		switch {
		case f.Err != nil:
			failed++
			fmt.Fprintf(c.stderr, "not imported: %s\n", oneLine(f.Err))
		case f.Empty:
			empty++
			fmt.Fprintf(c.stderr, "skipped %s: no text to annotate\n", displayName(f.Path))
		default:
			imported++
			added += len(f.Result.Added)
			skipped += len(f.Result.Skipped)
			c.reportImport(format, f)
			if adopt && f.Header.Annotator != "" {
				if adoptErr = st.SetAnnotator(f.Header.Annotator); adoptErr != nil {
					return false
				}
				adopt = false
			}
		}
		if len(files) > progressFrom && (n%progressEvery == 0 || n == len(files)) {
			fmt.Fprintf(c.stderr, "imported %d/%d files\n", n, len(files))
		}
		return true
	}
	formats.ImportFiles(st, files, formats.FilesOptions{Format: format, Import: o, Open: c.open, Each: each})
	if adoptErr != nil {
		return imported, fmt.Errorf("import: %w", adoptErr)
	}
	what := "files"
	if format != "" {
		what = format + " files"
	}
	fmt.Fprintf(c.stderr, "imported %d of %d %s: %s added, %d skipped", imported, len(files), what, plural(added, "document"), skipped)
	if empty > 0 {
		fmt.Fprintf(c.stderr, "; %s passed over", plural(empty, "empty file"))
	}
	fmt.Fprintln(c.stderr)
	if failed > 0 {
		return imported, fmt.Errorf("import: %d of %d files not imported (see above); each of them changed nothing", failed, len(files))
	}
	return imported, nil
}

// reportImport tells what the import of one file added, renamed, repaired
// and left out.
func (c *cli) reportImport(format string, f formats.FileImport) {
	name := displayName(f.Path)
	if format != "" {
		c.reportFormatImport(f.Path, f.Report, f.Result)
	} else {
		fmt.Fprintf(c.stderr, "%s: added %d, skipped %d\n", name, len(f.Result.Added), len(f.Result.Skipped))
		for _, a := range f.SchemaAdded {
			fmt.Fprintf(c.stderr, "%s: added %s to the project's schema\n", name, a)
		}
		c.reportSkipped(f.Result)
	}
	for _, r := range f.Result.Renamed {
		fmt.Fprintf(c.stderr, "  %q: id %s is another document's in the project; added as %s\n", r.Title, r.OldID, r.NewID)
	}
}

// oneLine joins the lines of err's message.
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// reportFormatImport tells what the import of one file in another tool's
// format added, repaired and left out.
func (c *cli) reportFormatImport(file string, rep formats.Report, res annotate.ImportResult) {
	anns, rels := addedCounts(res)
	fmt.Fprintf(c.stderr, "%s: added %s, %s, %s; skipped %d; %s repaired\n", file, plural(len(res.Added), "document"),
		plural(anns, "annotation"), plural(rels, "relation"), len(res.Skipped), plural(rep.Repaired, "span"))
	for _, l := range rep.NewLabels {
		fmt.Fprintf(c.stderr, "  added label %s (%s) to the project's schema\n", l.Name, l.Kind)
	}
	for _, r := range rep.NewRelations {
		fmt.Fprintf(c.stderr, "  added relation type %s (%s → %s) to the project's schema\n", r.Name, r.FromKind, r.ToKind)
	}
	c.reportSkipped(res)
	for _, u := range rep.Unconfirmed {
		fmt.Fprintf(c.stderr, "  unconfirmed, left out: %s\n", u)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(c.stderr, "  note: %s\n", n)
	}
}

// reportSkipped lists the documents an import skipped.
func (c *cli) reportSkipped(res annotate.ImportResult) {
	for _, s := range res.Skipped {
		fmt.Fprintf(c.stderr, "  skipped %q: same text as document %s\n", s.Title, s.ExistingID)
	}
}

// addedCounts sums the annotations and relations of the documents an
// import added.
func addedCounts(res annotate.ImportResult) (anns, rels int) {
	for _, d := range res.Added {
		anns += d.Annotations
		rels += d.Relations
	}
	return anns, rels
}

// displayName names an import's file in messages.
func displayName(file string) string {
	if file == "-" {
		return "stdin"
	}
	return file
}

// open starts reading a file to import; "-" is standard input, in
// spanmark format.
func (c *cli) open(file string) (formats.Source, func() error, error) {
	if file == "-" {
		rd, err := formats.ReadSpanmark(c.stdin, displayName(file))
		if err != nil {
			return nil, nil, err
		}
		return rd, func() error { return nil }, nil
	}
	in, err := formats.OpenPath(file)
	if err != nil {
		return nil, nil, err
	}
	return in, in.Close, nil
}
