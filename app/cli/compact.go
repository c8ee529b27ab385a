package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"spanmark/storage"
)

func (c *cli) compactCmd(args []string) int {
	fset := c.flags("compact", "[--db FILE]",
		"Rewrite a project without the space that deletions left. The copy replaces the project\n"+
			"only when it is complete; a project in use elsewhere is refused.")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(fset, "unexpected %q", rest[0])
	}
	path, err := projectPath(*db)
	if err != nil {
		return c.fail(err)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return c.fail(fmt.Errorf("compact: no project at %s", path))
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
