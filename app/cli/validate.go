package cli

import (
	"fmt"
	"os"
	"spanmark/annotate/formats"
)

func (c *cli) validateCmd(args []string) int {
	fset := c.flags("validate", "PATH...",
		"Check spanmark .json and .jsonl files: their form, offsets, span texts, labels and\n"+
			"relations. Each problem is printed with its file and line; the exit status is 1 when\n"+
			"there are any. \"-\" is standard input.")
	paths, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return c.usageError(fset, "no PATH to check")
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
		return c.fail(fmt.Errorf("validate: %s", plural(problems, "problem")))
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
