package cli

import (
	"fmt"
	"slices"
	"time"

	"spanmark/annotate"
	"spanmark/storage"
)

// acceptFilter picks the suggestions spanmark accept turns into
// annotations.
type acceptFilter struct {
	source, label string
	minScore      float64
}

func (f acceptFilter) keep(s annotate.Suggestion) bool {
	return (f.source == "" || s.Source == f.source) && (f.label == "" || s.Label == f.label) && s.Score >= f.minScore
}

func (c *cli) acceptCmd(args []string) int {
	fset := c.flags("accept", "[--db FILE] [--source NAME] [--label L] [--min-score S]",
		"Turn the matching suggestions of every document into annotations, by the normal tagging\n"+
			"rules (a span already annotated with the label is not annotated again), one transaction a\n"+
			"document. Prints how many annotations each label got.")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	var f acceptFilter
	fset.StringVar(&f.source, "source", "", "only suggestions from `NAME` (strings, or an import's --source)")
	fset.StringVar(&f.label, "label", "", "only suggestions of label `L`")
	fset.Float64Var(&f.minScore, "min-score", 0, "only suggestions scored at least `S` (0 to 1)")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(fset, "unexpected %q", rest[0])
	}
	if !(f.minScore >= 0 && f.minScore <= 1) {
		return c.usageError(fset, "--min-score %v: want a number from 0 to 1", f.minScore)
	}
	if err := c.runAccept(*db, f); err != nil {
		return c.fail(fmt.Errorf("accept: %w", err))
	}
	return exitOK
}

// runAccept accepts the suggestions f picks, document by document, and
// prints the count of annotations made per label, then the total.
func (c *cli) runAccept(db string, f acceptFilter) error {
	st, err := openProjectFile(db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := st.Documents()
	if err != nil {
		return err
	}
	counts := make(map[string]int)
	skipped := 0
	for _, info := range docs {
		n, err := acceptIn(st, info.ID, f, counts)
		if err != nil {
			return err
		}
		skipped += n
	}
	c.printLabelCounts(counts)
	if skipped > 0 {
		fmt.Fprintf(c.stderr, "%s with a label the schema lacks left as they were\n", plural(skipped, "suggestion"))
	}
	return st.Close()
}

// acceptIn accepts one document's suggestions that f picks in one
// transaction, adds the annotations made to counts and returns how many
// were skipped for a label the schema lacks.
func acceptIn(st *storage.Store, docID string, f acceptFilter, counts map[string]int) (int, error) {
	ss, err := st.Suggestions(docID)
	if err != nil {
		return 0, err
	}
	ss = slices.DeleteFunc(ss, func(s annotate.Suggestion) bool { return !f.keep(s) })
	if len(ss) == 0 {
		return 0, nil
	}
	d, err := st.Load(docID)
	if err != nil {
		return 0, err
	}
	schema, err := st.Schema()
	if err != nil {
		return 0, err
	}
	meta, err := st.Meta()
	if err != nil {
		return 0, err
	}
	e, accepted, skipped := annotate.AcceptEdit(d, ss, schema, meta.Annotator, time.Now())
	if len(accepted) == 0 {
		return skipped, nil
	}
	if err := st.Accept(docID, e, accepted); err != nil {
		return 0, err
	}
	for _, a := range e.PutAnnotations {
		counts[a.Label]++
	}
	return skipped, nil
}
