package cli

import (
	"fmt"
	"spanmark/annotate"
)

func (c *cli) statsCmd(args []string) int {
	fset := c.flags("stats", "[--db FILE]",
		"Count a project's documents by status, its annotations by label and its relations.")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(fset, "unexpected %q", rest[0])
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
