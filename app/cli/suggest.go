package cli

import (
	"fmt"
	"maps"
	"os"
	"runtime/debug"
	"slices"

	"spanmark/annotate/suggest"
)

// suggestMemoryLimit is the soft memory limit spanmark suggest runs
// under.
const suggestMemoryLimit = 250 << 20

func (c *cli) suggestCmd(args []string) int {
	fset := c.flags("suggest", "[--db FILE] [--min-score S] [--case-insensitive]",
		"Bring the string suggestions of every document up to date: every annotated string is\n"+
			"suggested, with its labels, wherever else it occurs on word boundaries and is not yet\n"+
			"annotated so. A label's score is its share of the string's annotations. Prints how many\n"+
			"suggestions each label got.")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	minScore := fset.Float64("min-score", suggest.DefaultMinScore,
		"suggest a label only where its share of the string's annotations is at least `S` (0 to 1)")
	fold := fset.Bool("case-insensitive", false, "match strings whatever their case")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(fset, "unexpected %q", rest[0])
	}
	if !(*minScore >= 0 && *minScore <= 1) {
		return c.usageError(fset, "--min-score %v: want a number from 0 to 1", *minScore)
	}
	if err := c.runSuggest(*db, suggest.Options{CaseInsensitive: *fold}, *minScore); err != nil {
		return c.fail(fmt.Errorf("suggest: %w", err))
	}
	return exitOK
}

// runSuggest refreshes the project's string suggestions and prints the
// count of each label, then the total.
func (c *cli) runSuggest(db string, opts suggest.Options, minScore float64) error {
	st, err := openProjectFile(db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	// The index of a project of a million annotations holds some 70 MB
	// (100 MB before its patterns lost their pointers, labels.go); the
	// collector's default headroom doubles that, and the documents
	// read and batches written come on top. A soft limit makes it collect
	// sooner near the budget instead (measured: peak anonymous memory
	// 330 → 250 MB on the 10,000-document project, 3 % more CPU). A
	// GOMEMLIMIT the user set wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(suggestMemoryLimit))
	}
	counts, err := suggest.Refresh(st, opts, minScore)
	if err != nil {
		return err
	}
	c.printLabelCounts(counts)
	return st.Close()
}

// printLabelCounts prints a count per label, tab-separated, in label
// order, then the total.
func (c *cli) printLabelCounts(counts map[string]int) {
	total := 0
	for _, label := range slices.Sorted(maps.Keys(counts)) {
		fmt.Fprintf(c.stdout, "%s\t%d\n", label, counts[label])
		total += counts[label]
	}
	fmt.Fprintf(c.stdout, "total\t%d\n", total)
}
