package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/annotate/lint"
)

// lintInput is what lint reads: a project (db) or a spanmark export
// (file).
type lintInput struct {
	db, file string
}

// lintSource works out the input from --db and the arguments; usage is
// a usage mistake, or empty.
func lintSource(db string, args []string, fixing bool) (src lintInput, usage string) {
	switch {
	case len(args) > 1:
		return src, fmt.Sprintf("unexpected %q", args[1])
	case len(args) == 1 && db != "":
		return src, "give --db or a FILE, not both"
	case len(args) == 1 && !formats.IsExport(args[0]):
		return src, fmt.Sprintf("%s: want a spanmark .json or .jsonl file (a project is given with --db)", args[0])
	case len(args) == 1 && fixing:
		return src, "--fix changes a project (--db), not an export"
	case len(args) == 1:
		return lintInput{file: args[0]}, ""
	}
	return lintInput{db: db}, ""
}

// runLint checks every document of src and, when fixes names rules,
// applies their fixes to the project; it returns the findings that are
// left and how many fixes were applied.
func runLint(src lintInput, rules, fixes []string) ([]lint.Finding, int, error) {
	r, err := openLintReader(src, len(fixes) > 0)
	if err != nil {
		return nil, 0, err
	}
	defer r.close()
	var surfaces *lint.Surfaces
	if lint.NeedsProject(ruleIDs(rules)) {
		surfaces = lint.NewSurfaces()
		if err := r.each(func(d *annotate.DocumentData) error { surfaces.Add(d); return nil }); err != nil {
			return nil, 0, err
		}
	}
	l, err := lint.New(r.schema, surfaces, rules)
	if err != nil {
		return nil, 0, err
	}
	var findings []lint.Finding
	edits := make(map[string]annotate.Edit)
	fixed := 0
	now := time.Now().UTC()
	err = r.each(func(d *annotate.DocumentData) error {
		if len(fixes) > 0 {
			var e annotate.Edit
			var n int
			if d, e, n = l.FixDocument(d, fixes, now); n > 0 {
				edits[d.Document.ID], fixed = e, fixed+n
			}
		}
		findings = append(findings, l.Document(d)...)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	// The edits are applied after the walk: a write transaction must not
	// wait on the read transaction the walk holds.
	for id, e := range edits {
		if err := r.st.Apply(id, e); err != nil {
			return nil, 0, fmt.Errorf("fix document %s: %w", id, err)
		}
	}
	return findings, fixed, nil
}

// ruleIDs returns ids, or every rule's id when ids is empty.
func ruleIDs(ids []string) []string {
	if len(ids) > 0 {
		return ids
	}
	for _, r := range lint.Rules {
		ids = append(ids, r.ID)
	}
	return ids
}

// findingJSON is one finding in lint --json's output.
type findingJSON struct {
	Rule       string `json:"rule"`
	Document   string `json:"document"`
	DocumentID string `json:"document_id"`
	Annotation string `json:"annotation"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	Message    string `json:"message"`
	Fix        string `json:"fix,omitempty"`
}

// writeFindings prints the findings, one a line or as a JSON array.
func writeFindings(c *cli, fs []lint.Finding, asJSON bool) error {
	if asJSON {
		out := make([]findingJSON, 0, len(fs))
		for _, f := range fs {
			j := findingJSON{Rule: f.Rule, Document: f.DocumentTitle, DocumentID: f.DocumentID,
				Annotation: f.Annotation, Start: f.Start, End: f.End, Text: f.Text, Message: f.Message}
			if f.Fix != nil {
				r, _ := lint.RuleByID(f.Rule)
				j.Fix = r.Fix
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, f := range fs {
		place := f.DocumentTitle
		if f.Annotation != "" {
			place += ":" + strconv.Itoa(f.Start) + "-" + strconv.Itoa(f.End)
		}
		line := fmt.Sprintf("%s: %s: %s", place, f.Rule, f.Message)
		if f.Annotation != "" {
			line += " " + strconv.Quote(f.Text)
		}
		if _, err := fmt.Fprintln(c.stdout, line); err != nil {
			return err
		}
	}
	return nil
}

// ruleList describes the rules for lint's help.
func ruleList() string {
	var b strings.Builder
	for _, r := range lint.Rules {
		fmt.Fprintf(&b, "  %-22s %s", r.ID, r.Doc)
		if r.Fix != "" {
			fmt.Fprintf(&b, " (fix: %s)", r.Fix)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// lintReader walks the documents of a lint input, as often as asked.
type lintReader struct {
	src    lintInput
	schema annotate.Schema
	st     annotate.Store // the project, or nil for an export
}

// openLintReader opens src: a project for writing when fixing, else
// read-only; an export is opened afresh by each walk.
func openLintReader(src lintInput, fixing bool) (*lintReader, error) {
	r := &lintReader{src: src}
	if src.file != "" {
		in, err := formats.OpenPath(src.file)
		if err != nil {
			return nil, err
		}
		r.schema = in.Header().Schema
		return r, in.Close()
	}
	st, err := openProject("lint", src.db, !fixing)
	if err != nil {
		return nil, err
	}
	if r.schema, err = st.Schema(); err != nil {
		st.Close()
		return nil, err
	}
	r.st = st
	return r, nil
}

// each calls fn with every document, one at a time.
func (r *lintReader) each(fn func(*annotate.DocumentData) error) error {
	if r.st != nil {
		return r.st.Each(fn)
	}
	in, err := formats.OpenPath(r.src.file)
	if err != nil {
		return err
	}
	defer in.Close()
	for d, err := range in.Documents() {
		if err != nil {
			return err
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// close closes the project, if one is open.
func (r *lintReader) close() {
	if r.st != nil {
		r.st.Close()
	}
}
