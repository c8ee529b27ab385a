package cli

import (
	"fmt"
	"slices"
	"strings"

	"spanmark/annotate/lint"
)

// listFlag is a flag that may be given several times, each time with one
// value or a comma-separated list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

func (c *cli) lintCmd(args []string) int {
	fset := c.flags("lint", "[--db FILE | FILE.json[l]] [--rule ID...] [--json] [--fix ID...]",
		"Check a project or a spanmark export for the spans that make a dataset worse: claims\n"+
			"without a source, a string labelled inconsistently across the project, spans that start\n"+
			"or end on white space or punctuation or inside a word, duplicates, overlaps of one label,\n"+
			"documents done without annotations, required attributes left unset. Prints one finding a\n"+
			"line (document:start-end: rule: message \"text\"); the exit status is 1 when there are\n"+
			"findings. --fix applies the safe fixes of the rules named, one transaction per document.\n\n"+
			"Rules:\n"+ruleList())
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	asJSON := fset.Bool("json", false, "print the findings as a JSON array")
	var rules, fixes listFlag
	fset.Var(&rules, "rule", "run only rule `ID` (repeat, or separate with commas)")
	fset.Var(&fixes, "fix", "apply the fixes of rule `ID` (repeat, or separate with commas)")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	src, usage := lintSource(*db, rest, len(fixes) > 0)
	if usage != "" {
		return c.usageError(fset, "%s", usage)
	}
	for _, id := range append(append([]string(nil), rules...), fixes...) {
		r, ok := lint.RuleByID(id)
		if !ok {
			return c.usageError(fset, "no rule %q", id)
		}
		if slices.Contains(fixes, id) && r.Fix == "" {
			return c.usageError(fset, "rule %s has no fix", id)
		}
	}
	out := &findingWriter{w: c.stdout, asJSON: *asJSON}
	found, fixed, err := runLint(src, rules, fixes, out.write)
	if err == nil {
		err = out.close()
	}
	if err != nil {
		return c.fail(fmt.Errorf("lint: %w", err))
	}
	if len(fixes) > 0 {
		fmt.Fprintf(c.stderr, "lint: %d fixed\n", fixed)
	}
	if found > 0 {
		fmt.Fprintf(c.stderr, "lint: %s\n", plural(found, "finding"))
		return exitError
	}
	return exitOK
}
