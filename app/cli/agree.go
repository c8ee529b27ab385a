package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
	"sync"
)

func (c *cli) agreeCmd(args []string) int {
	fset := c.flags("agree", "[--json] A B",
		"Measure how far two annotators agree: exact and overlap F1 per label and kind, and\n"+
			"Cohen's kappa over code points. A and B are project files (only read) or spanmark\n"+
			".json and .jsonl exports.")
	asJSON := fset.Bool("json", false, "write the report as JSON")
	paths, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(paths) != 2 {
		return c.usageError(fset, "want two files, A and B; got %d", len(paths))
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
		wg.Go(func() { sides[i], errs[i] = formats.ReadSide(path, OpenStore, nil) })
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
