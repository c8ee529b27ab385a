package cli

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// assignOptions are assign's flags.
type assignOptions struct {
	from       []string // the pool: a project, or files and folders to import
	annotators []string
	overlap    float64
	raters     int
	seed       uint64
	keep       bool
	force      bool
	out        string
}

func (c *cli) assignCmd(args []string) int {
	fset := c.flags("assign", "--from POOL --annotators A,B,... --overlap SHARE [--raters N] [--seed S] [--keep] [--force] --out DIR",
		"Share a pool of documents out among annotators: every document goes to one of them,\n"+
			"except a share (--overlap) that goes to --raters of them, so that their agreement can be\n"+
			"measured. Every pair of annotators shares about as many documents, and their loads\n"+
			"differ by one document at most. Writes DIR/<annotator>.spanmark for each, with the\n"+
			"pool's schema and every document to do, and DIR/assignment.json. The same seed always\n"+
			"gives the same split.")
	var o assignOptions
	fset.Func("from", "the pool: a project `FILE`, or files and folders as import takes them (repeatable)", func(s string) error {
		o.from = append(o.from, s)
		return nil
	})
	names := fset.String("annotators", "", "the annotators' `NAMES`, separated by commas")
	fset.Float64Var(&o.overlap, "overlap", 0, "the `SHARE` of documents, from 0 to 1, that several annotators get")
	fset.IntVar(&o.raters, "raters", 2, "how many annotators, `N`, get each overlap document")
	fset.Uint64Var(&o.seed, "seed", 1, "the seed, `S`, of the split: one seed always gives the same split")
	fset.BoolVar(&o.keep, "keep", false, "keep the pool's annotations, relations and document attributes")
	fset.BoolVar(&o.force, "force", false, "replace the annotators' files and assignment.json if they exist")
	fset.StringVar(&o.out, "out", "", "the `DIR` to write the files into, created if missing")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(fset, "unexpected %q (the pool is given with --from)", rest[0])
	}
	o.annotators = splitNames(*names)
	if err := o.check(); err != nil {
		return c.usageError(fset, "%v", err)
	}
	sum, err := assign(o)
	if err != nil {
		return c.fail(fmt.Errorf("assign: %w", err))
	}
	c.reportAssign(o, sum)
	return exitOK
}

// splitNames splits a comma-separated list, trimming spaces around the
// names; an empty list has no names.
func splitNames(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	names := strings.Split(s, ",")
	for i, n := range names {
		names[i] = strings.TrimSpace(n)
	}
	return names
}

// check reports the first mistake in o, before anything is read or
// written.
func (o assignOptions) check() error {
	switch {
	case len(o.from) == 0:
		return errors.New("--from is required")
	case o.out == "":
		return errors.New("--out is required")
	case len(o.annotators) == 0:
		return errors.New("--annotators is required")
	case math.IsNaN(o.overlap) || o.overlap < 0 || o.overlap > 1:
		return fmt.Errorf("--overlap %v: want a share from 0 to 1", o.overlap)
	case o.raters < 2:
		return fmt.Errorf("--raters %d: want at least 2", o.raters)
	case o.overlap > 0 && o.raters > len(o.annotators):
		return fmt.Errorf("--raters %d: there are only %s", o.raters, plural(len(o.annotators), "annotator"))
	}
	seen := make(map[string]bool)
	for _, n := range o.annotators {
		if err := checkAnnotatorName(n); err != nil {
			return err
		}
		if seen[strings.ToLower(n)] {
			return fmt.Errorf("--annotators: %q is named twice", n)
		}
		seen[strings.ToLower(n)] = true
	}
	return nil
}

// checkAnnotatorName refuses a name that cannot be a file name in DIR
// on every system the team may share the folder from.
func checkAnnotatorName(n string) error {
	switch {
	case n == "":
		return errors.New("--annotators: an empty name (two commas together, or one at an end)")
	case n == "." || n == ".." || strings.HasPrefix(n, "."):
		return fmt.Errorf("--annotators: %q: a name must not start with a dot", n)
	case strings.ContainsAny(n, `/\:*?"<>|`):
		return fmt.Errorf("--annotators: %q: a name must not hold / \\ : * ? \" < > |", n)
	case strings.ContainsFunc(n, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return fmt.Errorf("--annotators: %q: a name must not hold control characters", n)
	}
	return nil
}

// reportAssign tells what assign wrote.
func (c *cli) reportAssign(o assignOptions, sum assignSummary) {
	fmt.Fprintf(c.stderr, "assigned %s among %s (seed %d): %d to %d annotators each\n",
		plural(sum.docs, "document"), plural(len(o.annotators), "annotator"), o.seed, sum.overlap, o.raters)
	for i, n := range o.annotators {
		fmt.Fprintf(c.stderr, "  %s: %s\n", assignPath(o.out, n), plural(sum.loads[i], "document"))
	}
	fmt.Fprintf(c.stderr, "  %s\n", assignmentPath(o.out))
}
