// What the exporters of the tools' formats share: the order annotations
// are written in, the dropping of overlaps, warnings, flushing.

package formats

import (
	"bufio"
	"cmp"
	"fmt"
	"iter"
	"slices"
	"sort"

	"spanmark/annotate"
)

// eachDocument calls fn for each document of docs, stopping at the first
// error of either.
func eachDocument(docs iter.Seq2[*annotate.DocumentData, error], fn func(*annotate.DocumentData) error) error {
	for d, err := range docs {
		if err != nil {
			return err
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// exportDocName names a document in export warnings.
func exportDocName(d *annotate.DocumentData) string {
	return fmt.Sprintf("document %s (%s)", d.Document.ID, d.Document.Title)
}

// sortedAnnotations returns a copy of anns ordered by start, end, label
// and id, the order every export writes them in.
func sortedAnnotations(anns []annotate.Annotation) []annotate.Annotation {
	out := slices.Clone(anns)
	slices.SortFunc(out, func(a, b annotate.Annotation) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End),
			cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// droppedOverlap is an annotation left out because it overlaps a longer one.
type droppedOverlap struct {
	dropped, kept annotate.Annotation
}

// keepLongest returns the annotations of anns that remain when, of any
// two that overlap, the shorter is left out (the earlier on a tie), for
// formats that cannot hold overlapping spans. kept is ordered by start.
func keepLongest(anns []annotate.Annotation) (kept []annotate.Annotation, dropped []droppedOverlap) {
	byLength := sortedAnnotations(anns)
	slices.SortStableFunc(byLength, func(a, b annotate.Annotation) int {
		return cmp.Compare(b.End-b.Start, a.End-a.Start)
	})
	// keep holds indexes into byLength, ordered by start; since the spans
	// it holds do not overlap, they are ordered by end too, and only the
	// first one that ends after a span starts can overlap it.
	var keep []int
	for i, a := range byLength {
		at := sort.Search(len(keep), func(j int) bool { return byLength[keep[j]].End > a.Start })
		if at < len(keep) && byLength[keep[at]].Start < a.End {
			dropped = append(dropped, droppedOverlap{a, byLength[keep[at]]})
			continue
		}
		keep = slices.Insert(keep, at, i)
	}
	kept = make([]annotate.Annotation, len(keep))
	for i, k := range keep {
		kept[i] = byLength[k]
	}
	return kept, dropped
}

// flushExport flushes an exporter's buffer, naming the format on error.
func flushExport(bw *bufio.Writer, format string, err error) error {
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// describeSpan names an annotation with its offsets and text in a warning.
func describeSpan(x *annotate.Index, a annotate.Annotation) string {
	return fmt.Sprintf("%s [%d,%d) %q", a.Label, a.Start, a.End, x.Slice(a.Start, a.End))
}
