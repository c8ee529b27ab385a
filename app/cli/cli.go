// Package cli is Spanmark's command line: it imports texts and datasets
// into projects, exports them, counts and checks them, measures and merges
// the work of several annotators, and makes and tidies project files.
// Without a command it opens the annotation window through the function
// it is given, so that this package needs no GUI toolkit:
//
//	spanmark [FILE.spanmark]
//	spanmark import [--format NAME [--trust-offsets]] [--db FILE] [--annotator NAME] PATH...
//	spanmark export [--db FILE] [--format FORMAT] [--out PATH] [--status STATUS] [--relations] [--kind KIND] [--config]
//	spanmark stats [--db FILE]
//	spanmark validate PATH...
//	spanmark lint [--db FILE | FILE.json[l]] [--rule ID...] [--json] [--fix ID...]
//	spanmark search [--db FILE] [--regex] [--word] [--label L...] [--unannotated] [--json] QUERY
//	spanmark agree [--json] A B [C...]
//	spanmark merge --out FILE.spanmark [--strategy union|intersection|majority] [--force] A B [C...]
//	spanmark gen --out FILE.spanmark [--docs N] [--words-per-doc W] [--annotations-per-doc A] [--seed S] [--annotator NAME] [--force]
//	spanmark suggest [--db FILE] [--min-score S] [--case-insensitive]
//	spanmark accept [--db FILE] [--source NAME] [--label L] [--min-score S]
//	spanmark compact [--db FILE]
//	spanmark recover --db DAMAGED --out NEW.spanmark
//	spanmark assign --from POOL --annotators A,B,... --overlap SHARE [--raters N] [--seed S] [--keep] [--force] --out DIR
//	spanmark progress DIR
//	spanmark version
//
// Data goes to standard output, messages to standard error. The exit
// status is 0 on success, 1 on an error (described in one line), and 2
// on a usage mistake.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"spanmark/annotate"
	"strings"
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
  spanmark lint [flags] [FILE]      find the spans that make a dataset worse
                                    (claims without a source, inconsistent
                                    labels, bad boundaries …); --fix trims
  spanmark search [flags] QUERY     find text in every document: a concordance
                                    with the labels already on each match
  spanmark agree [--json] A B...    measure how far annotators agree
  spanmark merge [flags] A B [C...] merge several annotators' work into a new
                                    project (--out)
  spanmark gen [flags]              make a synthetic project (--out) to measure
                                    speed with
  spanmark suggest [flags]          suggest every annotated string wherever else it
                                    occurs, and print counts per label
  spanmark accept [flags]           turn the matching suggestions into annotations
  spanmark compact [flags]          rewrite a project without its free space
  spanmark recover --db F --out N   salvage what can be read of a damaged
                                    project into a new one
  spanmark assign [flags]           share a pool of documents out among
                                    annotators, some to several (--out DIR)
  spanmark progress DIR             how far each annotator of an assignment
                                    has got, and their agreement so far
  spanmark version                  print the version
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

// Env is what the command line runs with.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Window opens the annotation window on the project at path and
	// returns when it closes.
	Window func(path string) error
	// FyneApp is the contents of FyneApp.toml, which holds the version.
	FyneApp []byte
}

// cli is one run of the command line.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	window         func(path string) error
	fyneApp        []byte
}

// Run runs the command line args and returns the exit status. A command
// whose output could not be written (a full disk, a closed pipe) fails,
// whatever it did besides.
func Run(args []string, env Env) int {
	out := &outputWriter{w: env.Stdout}
	c := &cli{stdin: env.Stdin, stdout: out, stderr: env.Stderr, window: env.Window, fyneApp: env.FyneApp}
	code := c.run(args)
	if out.err != nil && code == exitOK {
		return c.fail(fmt.Errorf("write standard output: %w", out.err))
	}
	return code
}

// outputWriter remembers the first error of writing to w.
type outputWriter struct {
	w   io.Writer
	err error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		o.err = err
	}
	return n, err
}

// run runs the command args names.
func (c *cli) run(args []string) int {
	if len(args) == 0 {
		return c.gui("")
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(c.stdout, usage)
		return exitOK
	case "import":
		return c.importCmd(args[1:])
	case "export":
		return c.exportCmd(args[1:])
	case "stats":
		return c.statsCmd(args[1:])
	case "validate":
		return c.validateCmd(args[1:])
	case "lint":
		return c.lintCmd(args[1:])
	case "search":
		return c.searchCmd(args[1:])
	case "gen":
		return c.genCmd(args[1:])
	case "agree":
		return c.agreeCmd(args[1:])
	case "merge":
		return c.mergeCmd(args[1:])
	case "suggest":
		return c.suggestCmd(args[1:])
	case "accept":
		return c.acceptCmd(args[1:])
	case "compact":
		return c.compactCmd(args[1:])
	case "recover":
		return c.recoverCmd(args[1:])
	case "assign":
		return c.assignCmd(args[1:])
	case "progress":
		return c.progressCmd(args[1:])
	case "version":
		return c.versionCmd(args[1:])
	}
	if strings.HasPrefix(args[0], "-") {
		return c.globalUsageError("unknown flag %s", args[0])
	}
	if len(args) > 1 {
		return c.globalUsageError("unknown command %q", args[0])
	}
	return c.gui(args[0])
}

// fail reports err in one line and returns the error status.
func (c *cli) fail(err error) int {
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	if errors.Is(err, annotate.ErrDamaged) {
		msg += " (spanmark recover salvages what can still be read into a new project)"
	}
	fmt.Fprintf(c.stderr, "spanmark: %s\n", msg)
	return exitError
}

// globalUsageError reports a usage mistake outside any command, with the
// list of commands.
func (c *cli) globalUsageError(format string, args ...any) int {
	fmt.Fprintf(c.stderr, "spanmark: %s\n\n%s", fmt.Sprintf(format, args...), usage)
	return exitUsage
}

// usageError reports a usage mistake of the command whose flags are fset,
// with that command's usage.
func (c *cli) usageError(fset *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "%s: %s\n\n", fset.Name(), fmt.Sprintf(format, args...))
	fset.Usage()
	return exitUsage
}

// flags returns the flag set of a subcommand, whose usage gives the
// synopsis, what the command does (about) and its flags.
func (c *cli) flags(name, synopsis, about string) *flag.FlagSet {
	fset := flag.NewFlagSet("spanmark "+name, flag.ContinueOnError)
	fset.SetOutput(c.stderr)
	fset.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: spanmark %s %s\n\n%s\n", name, synopsis, about)
		n := 0
		fset.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintf(c.stderr, "\nFlags:\n")
			fset.PrintDefaults()
		}
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

// forceHint names the flag that replaces an existing output file.
func forceHint(err error) error {
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w (--force replaces it)", err)
	}
	return err
}

// plural writes n and noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
