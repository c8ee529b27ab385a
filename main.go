// Command spanmark is a desktop application for annotating articles by
// hand: people highlight spans, tag them as entities, claims or sources,
// link claims to their sources, and export datasets.
//
// Without arguments it opens the annotation window on the default
// project; with a project file, on that one. Its subcommands import
// texts and datasets, export, count and check them, measure and merge
// the work of several annotators, and make and tidy project files:
//
//	spanmark [FILE.spanmark]
//	spanmark import [--format NAME [--trust-offsets]] [--db FILE] [--annotator NAME] PATH...
//	spanmark export [--db FILE] [--format FORMAT] [--out PATH] [--relations] [--kind KIND] [--config]
//	spanmark stats [--db FILE]
//	spanmark validate PATH...
//	spanmark agree [--json] A B
//	spanmark merge --out FILE.spanmark [--strategy union|intersection|majority] [--force] A B [C...]
//	spanmark gen --out FILE.spanmark [--docs N] [--words-per-doc W] [--annotations-per-doc A] [--seed S] [--annotator NAME] [--force]
//	spanmark compact [--db FILE]
//
// Data goes to standard output, messages to standard error. The exit
// status is 0 on success, 1 on an error (described in one line), and 2
// on a usage mistake.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
	"spanmark/annotate/synth"
	"spanmark/app"
	"spanmark/assets"
	"spanmark/storage"
)

const usage = `Usage:
  spanmark [FILE.spanmark]          open the annotation window on a project
  spanmark import [flags] PATH...   add .txt and .md files, spanmark .json and
                                    .jsonl files, and folders of them; with
                                    --format, files of spacy, doccano,
                                    labelstudio, brat, conll or w3c
  spanmark export [flags]           write the project as spanmark JSON or JSONL,
                                    or in another tool's format (--format)
  spanmark stats [flags]            count documents, annotations and relations
  spanmark validate PATH...         check spanmark .json and .jsonl files
  spanmark agree [--json] A B       measure how far two annotators agree
  spanmark merge [flags] A B [C...] merge several annotators' work into a new
                                    project (--out)
  spanmark gen [flags]              make a synthetic project (--out) to measure
                                    speed with
  spanmark compact [flags]          rewrite a project without its free space
  spanmark help                     show this help

Without FILE the default project is opened, and created with the sample
article the first time; --db FILE names a project, or else the default
project is used. A and B are project files (only read) or spanmark .json
and .jsonl exports. Flags may follow the paths; "-" as a PATH is standard
input, in spanmark format. Run "spanmark COMMAND -h" for a command's flags.
`

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// progressFrom is the number of files above which import reports
// progress, and progressEvery how often.
const (
	progressFrom  = 20
	progressEvery = 20
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// cli is one run of the command line.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// run runs the command line args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		return c.gui("")
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "import":
		return c.importCmd(args[1:])
	case "export":
		return c.exportCmd(args[1:])
	case "stats":
		return c.statsCmd(args[1:])
	case "validate":
		return c.validateCmd(args[1:])
	case "gen":
		return c.genCmd(args[1:])
	case "agree":
		return c.agreeCmd(args[1:])
	case "merge":
		return c.mergeCmd(args[1:])
	case "compact":
		return c.compactCmd(args[1:])
	}
	if strings.HasPrefix(args[0], "-") {
		return c.usageError("unknown flag %s", args[0])
	}
	if len(args) > 1 {
		return c.usageError("unknown command %q", args[0])
	}
	return c.gui(args[0])
}

// fail reports err in one line and returns the error status.
func (c *cli) fail(err error) int {
	fmt.Fprintf(c.stderr, "spanmark: %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
	return exitError
}

// usageError reports a usage mistake with the usage text.
func (c *cli) usageError(format string, args ...any) int {
	fmt.Fprintf(c.stderr, "spanmark: %s\n\n%s", fmt.Sprintf(format, args...), usage)
	return exitUsage
}

// flags returns the flag set of a subcommand.
func (c *cli) flags(name, synopsis string) *flag.FlagSet {
	fset := flag.NewFlagSet("spanmark "+name, flag.ContinueOnError)
	fset.SetOutput(c.stderr)
	fset.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: spanmark %s %s\n", name, synopsis)
		fset.PrintDefaults()
	}
	return fset
}

// parse parses a subcommand's args, flags before, between or after the
// other arguments (which it returns), up to a "--". When ok is false the
// command is over with status code: the usage was asked for or was wrong.
func (c *cli) parse(fset *flag.FlagSet, args []string) (rest []string, code int, ok bool) {
	for {
		if err := fset.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		left := fset.Args()
		if len(left) == 0 {
			return rest, exitOK, true
		}
		if len(left) < len(args) && args[len(args)-len(left)-1] == "--" {
			return append(rest, left...), exitOK, true
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// gui opens the annotation window on the project at path, or on the
// default project, which it creates with the sample article first.
func (c *cli) gui(path string) int {
	if path == "" {
		var err error
		if path, err = defaultProjectPath(); err != nil {
			return c.fail(err)
		}
		if err := ensureDefaultProject(path); err != nil {
			return c.fail(err)
		}
	} else if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && filepath.Ext(path) != ".spanmark" {
		// A mistyped subcommand should not become a new project.
		return c.usageError("%s: no such project; a new project's name ends in .spanmark", path)
	}
	if err := app.Run(app.Config{Path: path, Open: openStore, Compact: storage.CompactFile}); err != nil {
		return c.fail(err)
	}
	return exitOK
}

// openStore opens a project for the app, creating it unless read-only.
func openStore(path string, readOnly bool) (annotate.Store, error) {
	st, err := storage.Open(path, storage.Options{ReadOnly: readOnly, Create: !readOnly, Annotator: defaultAnnotator()})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// defaultAnnotator names the person whose work a new project holds: the
// operating system's user name, which the project can change later.
func defaultAnnotator() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// defaultProjectPath returns where the default project lives: under
// $XDG_DATA_HOME (or ~/.local/share) on Linux and other Unix systems, and
// under the user's configuration folder on macOS and Windows.
func defaultProjectPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "darwin", "ios", "windows", "plan9", "android":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("default project: %w", err)
		}
		dir = d
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if !filepath.IsAbs(dir) {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("default project: %w", err)
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "spanmark", "default.spanmark"), nil
}

// ensureDefaultProject creates the default project at path, with the
// sample article as its first document, unless it exists. If the sample
// cannot be added, the new project is removed, so that the next start
// tries again.
func ensureDefaultProject(path string) error {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("default project: %w", err)
	}
	st, err := storage.Open(path, storage.Options{Create: true, Annotator: defaultAnnotator()})
	if err != nil {
		return err
	}
	sample, err := formats.ReadText(bytes.NewReader(assets.SampleArticle), assets.SampleName)
	if err == nil {
		_, err = st.Import(sample.Documents())
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("default project %s: sample article: %w", path, err)
	}
	return nil
}

// projectPath returns --db's value, or the default project's path.
func projectPath(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	return defaultProjectPath()
}

// openExisting opens the project --db names read-only, for a command
// that must not create one.
func openExisting(cmd, db string) (*storage.Store, error) {
	path, err := projectPath(db)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no project at %s (spanmark import creates one)", cmd, path)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	return st, nil
}

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

func (c *cli) exportCmd(args []string) int {
	fset := c.flags("export", "[--db FILE] [--format FORMAT] [--out PATH] [--relations] [--kind KIND] [--config]")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	format := fset.String("format", "", "`FORMAT`: json or jsonl (spanmark's own), or one of "+strings.Join(toolFormats(), ", ")+
		" (default: jsonl if --out ends in .jsonl, else json)")
	out := fset.String("out", "", "write to `PATH`, replacing it whole, rather than to standard output; for brat a .zip, or else a new folder")
	var o formats.ExportOptions
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
		err = c.exportConfig(st, *out)
	} else {
		err = c.export(st, *format, *out, o)
	}
	if warnings > 0 {
		fmt.Fprintf(c.stderr, "%d notes: what %s cannot hold as it is was left out or changed\n", warnings, *format)
	}
	if err != nil {
		return c.fail(fmt.Errorf("export: %w", err))
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
func (c *cli) exportConfig(st *storage.Store, out string) error {
	if out != "" {
		return formats.WriteLabelStudioConfig(out, st)
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

func (c *cli) statsCmd(args []string) int {
	fset := c.flags("stats", "[--db FILE]")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("stats: unexpected %q", rest[0])
	}
	st, err := openExisting("stats", *db)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	stats, err := annotate.ComputeStats(st)
	if err != nil {
		return c.fail(err)
	}
	if err := stats.WriteText(c.stdout); err != nil {
		return c.fail(fmt.Errorf("stats: %w", err))
	}
	return exitOK
}

func (c *cli) validateCmd(args []string) int {
	fset := c.flags("validate", "PATH...")
	paths, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return c.usageError("validate: no PATH to check")
	}
	var total formats.Summary
	problems := 0
	for _, path := range paths {
		sum, found, err := c.check(path)
		if err != nil {
			return c.fail(fmt.Errorf("validate: %w", err))
		}
		for _, p := range found {
			fmt.Fprintln(c.stdout, p)
		}
		problems += len(found)
		total.Documents += sum.Documents
		total.Annotations += sum.Annotations
	}
	if problems > 0 {
		return c.fail(fmt.Errorf("validate: %d problems", problems))
	}
	fmt.Fprintf(c.stdout, "ok: %d documents, %d annotations\n", total.Documents, total.Annotations)
	return exitOK
}

// check checks one spanmark file; "-" is standard input.
func (c *cli) check(path string) (formats.Summary, []formats.Problem, error) {
	if path == "-" {
		sum, problems := formats.Check(c.stdin, "stdin")
		return sum, problems, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return formats.Summary{}, nil, err
	}
	defer f.Close()
	sum, problems := formats.Check(f, path)
	return sum, problems, nil
}

// Gen imports at most genChunkDocs documents or about genChunkAnnotations
// annotations per transaction: bbolt holds a transaction's pages in
// memory until it commits, and a million annotations at once would not
// fit in the memory a laptop has to spare.
const (
	genChunkDocs        = 200
	genChunkAnnotations = 100_000
)

func (c *cli) genCmd(args []string) int {
	fset := c.flags("gen", "--out FILE.spanmark [--docs N] [--words-per-doc W] [--annotations-per-doc A] [--seed S] [--annotator NAME] [--force]")
	out := fset.String("out", "", "the new project `FILE`")
	opts := synth.Options{}
	fset.IntVar(&opts.Docs, "docs", 100, "the number of documents, `N`")
	fset.IntVar(&opts.WordsPerDoc, "words-per-doc", 1000, "the number of words, `W`, in each document")
	fset.IntVar(&opts.AnnotationsPerDoc, "annotations-per-doc", 50, "the number of annotations, `A`, in each document; a short one gets as many as fit")
	fset.Uint64Var(&opts.Seed, "seed", 1, "the seed, `S`: one seed always makes the same project")
	fset.StringVar(&opts.Annotator, "annotator", "synth", "the `NAME` of the annotator")
	force := fset.Bool("force", false, "replace --out if it exists")
	rest, code, ok := c.parse(fset, args)
	switch {
	case !ok:
		return code
	case len(rest) > 0:
		return c.usageError("gen: unexpected %q", rest[0])
	case *out == "":
		return c.usageError("gen: --out is required")
	case opts.Docs < 1 || opts.WordsPerDoc < 1 || opts.AnnotationsPerDoc < 0:
		return c.usageError("gen: --docs and --words-per-doc must be at least 1, --annotations-per-doc at least 0")
	}
	began := time.Now()
	var res annotate.ImportResult
	err := storage.Build(*out, *force, storage.Options{Annotator: opts.Annotator}, func(st *storage.Store) error {
		var err error
		res, err = formats.ImportChunked(st, synth.Documents(opts), genChunkDocs, genChunkAnnotations)
		return err
	})
	err = forceHint(err)
	if err != nil {
		return c.fail(fmt.Errorf("gen: %w", err))
	}
	fi, err := os.Stat(*out)
	if err != nil {
		return c.fail(fmt.Errorf("gen: %w", err))
	}
	anns, rels := addedCounts(res)
	fmt.Fprintf(c.stderr, "made %s: %d documents, %d annotations, %d relations", *out, len(res.Added), anns, rels)
	if len(res.Skipped) > 0 {
		fmt.Fprintf(c.stderr, " (%d documents skipped: same text as another)", len(res.Skipped))
	}
	fmt.Fprintf(c.stderr, "\n%d bytes", fi.Size())
	if anns > 0 {
		fmt.Fprintf(c.stderr, ", %.0f bytes per annotation", float64(fi.Size())/float64(anns))
	}
	fmt.Fprintf(c.stderr, ", %.1f seconds\n", time.Since(began).Seconds())
	return exitOK
}

func (c *cli) agreeCmd(args []string) int {
	fset := c.flags("agree", "[--json] A B")
	asJSON := fset.Bool("json", false, "write the report as JSON")
	paths, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(paths) != 2 {
		return c.usageError("agree: want two files, A and B; got %d", len(paths))
	}
	sides, err := loadSides(paths)
	if err != nil {
		return c.fail(fmt.Errorf("agree: %w", err))
	}
	r := agree.Compare(sides[0], sides[1])
	if *asJSON {
		var b []byte
		if b, err = r.JSON(); err == nil {
			_, err = c.stdout.Write(b)
		}
	} else {
		err = r.WriteTable(c.stdout)
	}
	if err != nil {
		return c.fail(fmt.Errorf("agree: %w", err))
	}
	return exitOK
}

func (c *cli) mergeCmd(args []string) int {
	fset := c.flags("merge", "--out FILE.spanmark [--strategy union|intersection|majority] [--force] A B [C...]")
	out := fset.String("out", "", "the new project `FILE` for the merged work")
	name := fset.String("strategy", string(agree.Union), "keep what `RULE` of the inputs have: union (any), intersection (all) or majority (more than half)")
	force := fset.Bool("force", false, "replace --out if it exists")
	paths, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	strategy, err := agree.ParseStrategy(*name)
	switch {
	case err != nil:
		return c.usageError("merge: --strategy %q: want union, intersection or majority", *name)
	case *out == "":
		return c.usageError("merge: --out is required")
	case len(paths) < 2:
		return c.usageError("merge: want at least two files to merge; got %d", len(paths))
	case strategy == agree.Majority && len(paths) < 3:
		return c.usageError("merge: a majority needs at least three files; got %d", len(paths))
	}
	sides, err := loadSides(paths)
	if err != nil {
		return c.fail(fmt.Errorf("merge: %w", err))
	}
	schema, docs, err := agree.Merge(strategy, sides)
	if err != nil {
		return c.fail(err)
	}
	var res annotate.ImportResult
	err = storage.Build(*out, *force, storage.Options{Annotator: "merged"}, func(st *storage.Store) error {
		if err := st.SetSchema(schema, nil); err != nil {
			return err
		}
		res, err = st.Import(formats.Seq(docs))
		return err
	})
	err = forceHint(err)
	if err != nil {
		return c.fail(fmt.Errorf("merge: %w", err))
	}
	anns, rels := addedCounts(res)
	fmt.Fprintf(c.stderr, "merged %d files by %s into %s: %d documents, %d annotations, %d relations\n",
		len(paths), strategy, *out, len(res.Added), anns, rels)
	return exitOK
}

// loadSides reads each file at paths whole, as agree and merge compare
// them, all at once: reading a large side takes seconds, mostly decoding,
// which the machine's cores can share. A side is named after its
// annotator, or its file when it has none; names that would repeat get
// their file added.
func loadSides(paths []string) ([]agree.Side, error) {
	sides := make([]agree.Side, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, path := range paths {
		wg.Go(func() { sides[i], errs[i] = formats.ReadSide(path, openStore, nil) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	seen := make(map[string]int)
	for i := range sides {
		if sides[i].Name == "" {
			sides[i].Name = filepath.Base(paths[i])
		}
		seen[sides[i].Name]++
	}
	for i := range sides {
		if seen[sides[i].Name] > 1 {
			sides[i].Name = fmt.Sprintf("%s (%s)", sides[i].Name, paths[i])
		}
	}
	return sides, nil
}

func (c *cli) compactCmd(args []string) int {
	fset := c.flags("compact", "[--db FILE]")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("compact: unexpected %q", rest[0])
	}
	path, err := projectPath(*db)
	if err != nil {
		return c.fail(err)
	}
	before, after, err := storage.CompactFile(path)
	switch {
	case err != nil:
		return c.fail(fmt.Errorf("compact: %w", err))
	case after >= before:
		fmt.Fprintf(c.stderr, "%s has no space to reclaim: a copy takes %d bytes, the project %d; kept as it was\n", path, after, before)
	default:
		fmt.Fprintf(c.stderr, "compacted %s: %d bytes before, %d after (%.0f %%)\n",
			path, before, after, 100*float64(after)/float64(before))
	}
	return exitOK
}

// forceHint names the flag that replaces an existing output file.
func forceHint(err error) error {
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w (--force replaces it)", err)
	}
	return err
}
