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
	fset := c.flags("agree", "[--json] A B [C...]",
		"Measure how far two annotators agree: exact and overlap F1 per label and kind,\n"+
			"Cohen's kappa over code points, and for each attribute the share of equal values\n"+
			"and kappa over the exactly matching pairs. A and B are project files (only read)\n"+
			"or spanmark .json and .jsonl exports. Of three or more files: the exact and overlap\n"+
			"F1 of every pair, and Krippendorff's alpha per kind among them all.")
	asJSON := fset.Bool("json", false, "write the report as JSON")
	paths, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(paths) < 2 {
		return c.usageError(fset, "want two files or more; got %d", len(paths))
	}
	if len(paths) > 2 {
		return c.agreeMany(paths, *asJSON)
	}
	r, err := compareFiles(paths[0], paths[1])
	if err != nil {
		return c.fail(fmt.Errorf("agree: %w", err))
	}
	return c.writeReport(r, *asJSON)
}

// compareFiles measures the agreement of the file at b with the one at
// a, reading their documents one at a time (see formats.CompareSides), so
// that a large project and its export need not fit in memory together.
// The sides are named as loadSides names them.
func compareFiles(a, b string) (agree.Report, error) {
	paths := []string{a, b}
	sides := make([]*formats.StreamSide, len(paths))
	errs := make([]error, len(paths))
	// Opening an export without a schema reads it through once, which
	// the other side's opening can share the machine with.
	var wg sync.WaitGroup
	for i, path := range paths {
		wg.Go(func() { sides[i], errs[i] = formats.OpenStreamSide(path, OpenStore) })
	}
	wg.Wait()
	for _, s := range sides {
		if s != nil {
			defer s.Close()
		}
	}
	if err := errors.Join(errs...); err != nil {
		return agree.Report{}, err
	}
	names := nameSides([]string{sides[0].Name, sides[1].Name}, paths)
	sides[0].Name, sides[1].Name = names[0], names[1]
	return formats.CompareSides(sides[0], sides[1])
}

// loadSides reads each file at paths whole, as merge combines them, all
// at once: reading a large side takes seconds, mostly decoding, which the
// machine's cores can share. The sides are named by nameSides.
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
	names := make([]string, len(sides))
	for i := range sides {
		names[i] = sides[i].Name
	}
	for i, name := range nameSides(names, paths) {
		sides[i].Name = name
	}
	return sides, nil
}

// nameSides returns the names of the sides read from paths, which are
// their annotators' or else their files': a name that would repeat gets
// its file added.
func nameSides(names, paths []string) []string {
	out := make([]string, len(names))
	seen := make(map[string]int)
	for i, name := range names {
		if name == "" {
			name = filepath.Base(paths[i])
		}
		out[i] = name
		seen[name]++
	}
	for i := range out {
		if seen[out[i]] > 1 {
			out[i] = fmt.Sprintf("%s (%s)", out[i], paths[i])
		}
	}
	return out
}
