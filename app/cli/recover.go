package cli

import (
	"fmt"

	"spanmark/storage"
)

// maxListed is how many lost documents recover names one by one.
const maxListed = 20

func (c *cli) recoverCmd(args []string) int {
	fset := c.flags("recover", "--db DAMAGED --out NEW.spanmark",
		"Salvage every document that can still be read whole from a damaged project (cut short,\n"+
			"pages overwritten) into a new project, with its annotations, relations and status, and\n"+
			"list what could not be read. DAMAGED is only read; NEW must not exist.")
	db := fset.String("db", "", "the damaged project `FILE`")
	out := fset.String("out", "", "the new project `FILE` for what can be read")
	rest, code, ok := c.parse(fset, args)
	switch {
	case !ok:
		return code
	case len(rest) > 0:
		return c.usageError(fset, "unexpected %q", rest[0])
	case *db == "" || *out == "":
		return c.usageError(fset, "--db and --out are required")
	}
	rep, err := storage.Recover(*db, *out)
	if err != nil {
		return c.fail(fmt.Errorf("recover: %w", err))
	}
	for i, l := range rep.Lost {
		if i == maxListed {
			fmt.Fprintf(c.stderr, "lost: … and %d more documents\n", len(rep.Lost)-maxListed)
			break
		}
		title := ""
		if l.Title != "" {
			title = fmt.Sprintf(" %q", l.Title)
		}
		fmt.Fprintf(c.stderr, "lost: document %s%s: %v\n", l.ID, title, l.Err)
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(c.stderr, "damage: %s\n", p)
	}
	found := len(rep.Recovered) + len(rep.Lost)
	if len(rep.Recovered) == 0 && found > 0 {
		return c.fail(fmt.Errorf("recover: none of the %d documents found in %s could be read whole; %s holds its schema only", found, *db, *out))
	}
	if len(rep.Lost) == 0 && len(rep.Problems) == 0 {
		fmt.Fprintf(c.stderr, "recovered %d documents into %s; %s showed no damage\n", found, *out, *db)
		return exitOK
	}
	fmt.Fprintf(c.stderr, "recovered %d of %d documents found into %s\n", len(rep.Recovered), found, *out)
	return exitOK
}
