package cli

import (
	"errors"
	"fmt"
	"io"

	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
)

// agreeMany writes the agreement among three or more files: the exact and
// overlap F1 of every pair, and Krippendorff's alpha among them all.
func (c *cli) agreeMany(paths []string, asJSON bool) int {
	r, err := compareManyFiles(paths)
	if err != nil {
		return c.fail(fmt.Errorf("agree: %w", err))
	}
	return c.writeReport(r, asJSON)
}

// report is an agreement report, of two files or of more.
type report interface {
	JSON() ([]byte, error)
	WriteTable(w io.Writer) error
}

// writeReport writes r to standard output, as JSON or as a table.
func (c *cli) writeReport(r report, asJSON bool) int {
	var err error
	if asJSON {
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

// compareManyFiles measures the agreement among the files at paths: every
// pair as compareFiles compares two, and alpha with every file open at
// once, reading one document's copies at a time (formats.AlphaSides). The
// sides are named by sharedNames.
func compareManyFiles(paths []string) (agree.ManyReport, error) {
	sides := make([]*formats.StreamSide, len(paths))
	var errs []error
	for i, path := range paths {
		s, err := formats.OpenStreamSide(path, OpenStore)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		defer s.Close()
		sides[i] = s
	}
	if err := errors.Join(errs...); err != nil {
		return agree.ManyReport{}, err
	}
	names := make([]string, len(sides))
	for i, s := range sides {
		names[i] = s.Name
	}
	r := agree.ManyReport{Names: sharedNames(names, paths)}
	var err error
	if r.AlphaFigures, err = formats.AlphaSides(sides); err != nil {
		return agree.ManyReport{}, err
	}
	for i := range paths {
		for j := i + 1; j < len(paths); j++ {
			pair, err := compareFiles(paths[i], paths[j])
			if err != nil {
				return agree.ManyReport{}, err
			}
			r.Pairs = append(r.Pairs, agree.PairOf(i, j, pair))
		}
	}
	return r, nil
}

// sharedNames returns the names of the sides read from paths for the
// keys of the pairs: their annotators', except that sides which share one
// are named by their paths instead.
func sharedNames(names, paths []string) []string {
	seen := make(map[string]int)
	for _, name := range names {
		seen[name]++
	}
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = name
		if seen[name] > 1 {
			out[i] = paths[i]
		}
	}
	return out
}
