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
	fset := c.flags("import", "[--format NAME [--trust-offsets]] [--db FILE] [--annotator NAME] PATH...")
	db := fset.String("db", "", "the project `FILE`, created if missing (default: the default project)")
	annotator := fset.String("annotator", "", "the `NAME` of the annotator, recorded in a project that import creates, and with --format on annotations whose file names nobody")
	format := fset.String("format", "", "read each PATH as a file, or for brat a folder or .zip, of the tool `NAME`: "+
		formats.ImportFormats()+" (default: .txt, .md, .json and .jsonl files, and folders of them)")
	trust := fset.Bool("trust-offsets", false, "with --format, take spans' offsets as code points of the text as given, without checking or repairing them")
	paths, code, ok := c.parse(fset, args)
	switch {
	case !ok:
		return code
	case len(paths) == 0:
		return c.usageError("import: no PATH to import")
	case *format != "" && formats.Importers[*format] == nil:
		return c.usageError("import: unknown format %q: want %s", *format, formats.ImportFormats())
	case *trust && *format == "":
		return c.usageError("import: --trust-offsets needs --format")
	case *format != "" && slices.Contains(paths, "-"):
		return c.usageError("import: standard input is read in spanmark format only, not with --format")
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
			return c.fail(fmt.Errorf("import: no .txt, .md, .json or .jsonl files in %s", strings.Join(paths, ", ")))
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
	if *format == "" {
		imported, err = c.importFiles(st, files, created && *annotator == "")
	} else {
		imported, err = c.importFormat(st, *format, files, formats.ImportOptions{Annotator: *annotator, TrustOffsets: *trust})
	}
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

// importFiles imports each file in one transaction of its own, stopping
// at the first that fails, and returns how many it imported. adopt takes
// the annotator of the first spanmark file with one for the project,
// which import just created.
func (c *cli) importFiles(st annotate.Store, files []string, adopt bool) (int, error) {
	var added, skipped int
	for i, file := range files {
		res, h, err := c.importFile(st, file)
		if err != nil {
			return i, err
		}
		added += len(res.Added)
		skipped += len(res.Skipped)
		fmt.Fprintf(c.stderr, "%s: added %d, skipped %d\n", displayName(file), len(res.Added), len(res.Skipped))
		c.reportSkipped(res)
		if adopt && h.Annotator != "" {
			if err := st.SetAnnotator(h.Annotator); err != nil {
				return i + 1, fmt.Errorf("import: %w", err)
			}
			adopt = false
		}
		if n := i + 1; len(files) > progressFrom && (n%progressEvery == 0 || n == len(files)) {
			fmt.Fprintf(c.stderr, "imported %d/%d files\n", n, len(files))
		}
	}
	fmt.Fprintf(c.stderr, "imported %d files: %d documents added, %d skipped\n", len(files), added, skipped)
	return len(files), nil
}

// importFile imports one file all or nothing, and returns what it added
// and the file's header.
func (c *cli) importFile(st annotate.Store, file string) (annotate.ImportResult, formats.Header, error) {
	src, closeSrc, err := c.open(file)
	if err != nil {
		return annotate.ImportResult{}, formats.Header{}, err
	}
	defer closeSrc()
	name := displayName(file)
	res, added, err := formats.ImportSource(st, src, name)
	if err != nil {
		return res, formats.Header{}, err
	}
	for _, a := range added {
		fmt.Fprintf(c.stderr, "%s: added %s to the project's schema\n", name, a)
	}
	return res, src.Header(), nil
}

// importFormat imports each file in format, all or nothing, stopping at
// the first that fails, and returns how many it imported. Annotations
// the file gives nobody's name get o.Annotator, or else the project's.
func (c *cli) importFormat(st annotate.Store, format string, files []string, o formats.ImportOptions) (int, error) {
	if o.Annotator == "" {
		meta, err := st.Meta()
		if err != nil {
			return 0, fmt.Errorf("import: %w", err)
		}
		o.Annotator = meta.Annotator
	}
	var added, skipped int
	for i, file := range files {
		rep, res, err := formats.ImportWith(st, format, file, o)
		if err != nil {
			return i, err
		}
		c.reportFormatImport(file, rep, res)
		added += len(res.Added)
		skipped += len(res.Skipped)
	}
	fmt.Fprintf(c.stderr, "imported %d %s files: %d documents added, %d skipped\n", len(files), format, added, skipped)
	return len(files), nil
}

// reportFormatImport tells what the import of one file in another tool's
// format added, repaired and left out.
func (c *cli) reportFormatImport(file string, rep formats.Report, res annotate.ImportResult) {
	anns, rels := addedCounts(res)
	fmt.Fprintf(c.stderr, "%s: added %d documents, %d annotations, %d relations; skipped %d; %d spans repaired\n",
		file, len(res.Added), anns, rels, len(res.Skipped), rep.Repaired)
	for _, l := range rep.NewLabels {
		fmt.Fprintf(c.stderr, "  added label %s (%s) to the project's schema\n", l.Name, l.Kind)
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
