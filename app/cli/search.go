package cli

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/search"
)

func (c *cli) searchCmd(args []string) int {
	fset := c.flags("search", "[--db FILE] [--regex] [--word] [--label L...] [--unannotated] [--json] QUERY",
		"Find QUERY in every document of a project and print a concordance: one row a match, as\n"+
			"tab-separated document, start, end, left context, match, right context and the labels on\n"+
			"the match (offsets in code points), or a JSON array with --json. Plain text matches\n"+
			"ignoring case unless --case-sensitive; --regex takes Go's RE2 syntax. With filters and\n"+
			"an empty QUERY (\"\"), it lists the annotations that pass them.")
	db := fset.String("db", "", "the project `FILE` (default: the default project)")
	q := search.Query{}
	fset.BoolVar(&q.Regex, "regex", false, "QUERY is a regular expression")
	fset.BoolVar(&q.CaseSensitive, "case-sensitive", false, "tell upper from lower case")
	fset.BoolVar(&q.WholeWord, "word", false, "whole words only")
	var labels, kinds, statuses listFlag
	fset.Var(&labels, "label", "only matches annotated with `LABEL` (repeat, or separate with commas)")
	fset.Var(&kinds, "kind", "only matches annotated with a label of `KIND` (entity, claim, source)")
	fset.StringVar(&q.Attribute, "attr", "", "only matches annotated with `NAME=VALUE`")
	fset.StringVar(&q.Note, "note", "", "only matches whose annotation's note contains `TEXT`")
	fset.StringVar(&q.Annotator, "annotator", "", "only matches annotated by `NAME`")
	fset.Var(&statuses, "status", "only documents with `STATUS` (todo, in_progress, done)")
	fset.BoolVar(&q.Unannotated, "unannotated", false, "only occurrences no annotation touches")
	sortBy := fset.String("sort", "document", "order rows by `document` or by right context (right)")
	asJSON := fset.Bool("json", false, "print a JSON array")
	rest, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(fset, "want one QUERY (\"\" to list annotations)")
	}
	if *sortBy != "document" && *sortBy != "right" {
		return c.usageError(fset, "--sort %q: want document or right", *sortBy)
	}
	q.Text, q.Labels = rest[0], labels
	for _, k := range kinds {
		if !annotate.Kind(k).Valid() {
			return c.usageError(fset, "--kind %q: want entity, claim or source", k)
		}
		q.Kinds = append(q.Kinds, annotate.Kind(k))
	}
	for _, s := range statuses {
		if !annotate.Status(s).Valid() {
			return c.usageError(fset, "--status %q: want todo, in_progress or done", s)
		}
		q.Status = append(q.Status, annotate.Status(s))
	}
	if err := c.runSearch(*db, q, *sortBy == "right", *asJSON); err != nil {
		return c.fail(fmt.Errorf("search: %w", err))
	}
	return exitOK
}

// runSearch prints the results of q over the project db names. Rows in
// document order are printed as they are found; sorting by the right
// context needs them all first.
func (c *cli) runSearch(db string, q search.Query, byRight, asJSON bool) error {
	st, err := openProjectFile(db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	schema, err := st.Schema()
	if err != nil {
		return err
	}
	s, err := search.New(q, schema)
	if err != nil {
		return err
	}
	out := newRowWriter(c, asJSON)
	var held []search.Result
	// Only the documents whose text has a match are decoded: the
	// annotations are most of what a walk of the project reads.
	err = st.EachText(func(in annotate.DocumentInfo, text string, load func() (*annotate.DocumentData, error)) error {
		if !s.Wants(in.Status, text) {
			return nil
		}
		d, err := load()
		if err != nil {
			return err
		}
		s.Document(d, func(r search.Result) bool {
			if byRight {
				held = append(held, r)
				return true
			}
			return out.write(r) == nil
		})
		return out.err
	})
	if err != nil {
		return err
	}
	slices.SortStableFunc(held, func(a, b search.Result) int { return strings.Compare(a.Right, b.Right) })
	for _, r := range held {
		if err := out.write(r); err != nil {
			return err
		}
	}
	return out.close()
}

// rowWriter prints results as TSV rows or as the elements of one JSON
// array, remembering the first write error.
type rowWriter struct {
	c      *cli
	asJSON bool
	n      int
	err    error
}

func newRowWriter(c *cli, asJSON bool) *rowWriter { return &rowWriter{c: c, asJSON: asJSON} }

// resultJSON is one row of search --json.
type resultJSON struct {
	Document   string   `json:"document"`
	DocumentID string   `json:"document_id"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Left       string   `json:"left"`
	Match      string   `json:"match"`
	Right      string   `json:"right"`
	Labels     []string `json:"labels"`
}

func (w *rowWriter) write(r search.Result) error {
	if w.err != nil {
		return w.err
	}
	if w.asJSON {
		b, err := json.Marshal(resultJSON{r.DocumentTitle, r.DocumentID, r.Start, r.End, r.Left, r.Match, r.Right, nonNil(r.Labels)})
		if err != nil {
			w.err = err
			return err
		}
		sep := ",\n"
		if w.n == 0 {
			sep = "[\n"
		}
		_, w.err = fmt.Fprintf(w.c.stdout, "%s%s", sep, b)
	} else {
		_, w.err = fmt.Fprintf(w.c.stdout, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", tsvField(r.DocumentTitle), r.Start, r.End,
			tsvField(r.Left), tsvField(r.Match), tsvField(r.Right), strings.Join(r.Labels, ","))
	}
	w.n++
	return w.err
}

// close ends the JSON array.
func (w *rowWriter) close() error {
	if w.err != nil || !w.asJSON {
		return w.err
	}
	end := "\n]\n"
	if w.n == 0 {
		end = "[]\n"
	}
	_, w.err = fmt.Fprint(w.c.stdout, end)
	return w.err
}

// tsvField keeps a field on its row and in its column: tabs and line
// breaks become spaces, as they would in any concordance view.
func tsvField(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
