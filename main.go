// Command spanmark is a desktop application for annotating articles by
// hand: people highlight spans, tag them as entities, claims or sources,
// link claims to their sources, and export datasets.
//
// Without arguments it opens the annotation window on the default
// project; with a project file, on that one. Its subcommands import
// texts and datasets, export, count and check them:
//
//	spanmark [FILE.spanmark]
//	spanmark import [--db FILE] [--annotator NAME] PATH...
//	spanmark export [--db FILE] [--format json|jsonl] [--out PATH]
//	spanmark stats [--db FILE]
//	spanmark validate PATH...
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

	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/app"
	"spanmark/assets"
	"spanmark/storage"
)

const usage = `Usage:
  spanmark [FILE.spanmark]          open the annotation window on a project
  spanmark import [flags] PATH...   add .txt and .md files, spanmark .json and
                                    .jsonl files, and folders of them
  spanmark export [flags]           write the project as spanmark JSON or JSONL
  spanmark stats [flags]            count documents, annotations and relations
  spanmark validate PATH...         check spanmark .json and .jsonl files
  spanmark help                     show this help

Without FILE the default project is opened, and created with a sample
article the first time. Flags may follow the paths; "-" as a PATH is
standard input, in spanmark format. Run "spanmark COMMAND -h" for a
command's flags.
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
	if err := app.Run(app.Config{Path: path, Open: openStore}); err != nil {
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
	fset := c.flags("import", "[--db FILE] [--annotator NAME] PATH...")
	db := fset.String("db", "", "the project `FILE`, created if missing (default: the default project)")
	annotator := fset.String("annotator", "", "the `NAME` of the annotator, recorded in a project that import creates")
	paths, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return c.usageError("import: no PATH to import")
	}
	path, err := projectPath(*db)
	if err != nil {
		return c.fail(err)
	}
	files, err := c.expand(paths)
	if err != nil {
		return c.fail(fmt.Errorf("import: %w", err))
	}
	if len(files) == 0 {
		return c.fail(fmt.Errorf("import: no .txt, .md, .json or .jsonl files in %s", strings.Join(paths, ", ")))
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
	imported, err := c.importFiles(st, files, created && *annotator == "")
	if cerr := st.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("import: %w", cerr)
	}
	switch {
	case created && imported == 0:
		// Nothing was imported, so the project this command made goes too.
		os.Remove(path)
	case created:
		fmt.Fprintf(c.stderr, "created project %s\n", path)
	case *annotator != "":
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
		for _, s := range res.Skipped {
			fmt.Fprintf(c.stderr, "  skipped %q: same text as document %s\n", s.Title, s.ExistingID)
		}
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
	fset := c.flags("export", "[--db FILE] [--format FORMAT] [--out PATH]")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	format := fset.String("format", "", "`FORMAT`: json or jsonl (spanmark's own), or one of "+strings.Join(toolFormats(), ", ")+
		" (default: jsonl if --out ends in .jsonl, else json)")
	out := fset.String("out", "", "write to `PATH`, replacing it whole, rather than to standard output")
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
	if _, tool := formats.Exporters[*format]; !tool && *format != "json" && *format != "jsonl" {
		return c.usageError("export: unknown format %q: want json, jsonl, %s", *format, strings.Join(toolFormats(), ", "))
	}
	st, err := openExisting("export", *db)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	warn := func(msg string) { fmt.Fprintf(c.stderr, "note: %s\n", msg) }
	if *out == "" {
		err = formats.Export(c.stdout, *format, st, st.Each, warn)
	} else {
		err = formats.WriteFileAtomic(*out, func(f *os.File) error {
			return formats.Export(f, *format, st, st.Each, warn)
		})
	}
	if err != nil {
		return c.fail(fmt.Errorf("export: %w", err))
	}
	return exitOK
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
