package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
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
// applies their fixes to the project. It calls report with each
// document's findings that are left, as soon as the document is checked,
// so that a large project's findings are never all in memory, and
// returns how many findings and how many fixes there were.
func runLint(src lintInput, rules, fixes []string, report func([]lint.Finding) error) (found, fixed int, err error) {
	r, err := openLintReader(src, len(fixes) > 0)
	if err != nil {
		return 0, 0, err
	}
	defer r.close()
	var surfaces *lint.Surfaces
	if lint.NeedsProject(ruleIDs(rules)) {
		if surfaces, err = countSurfaces(r.each); err != nil {
			return 0, 0, err
		}
		if err := r.rejections(surfaces); err != nil {
			return 0, 0, err
		}
	}
	l, err := lint.New(r.schema, surfaces, rules)
	if err != nil {
		return 0, 0, err
	}
	l.Annotator = r.annotator
	edits := make(map[string]annotate.Edit)
	now := time.Now().UTC()
	check := func(d *annotate.DocumentData) checked {
		var c checked
		if len(fixes) > 0 {
			d, c.edit, c.fixed = l.FixDocument(d, fixes, now)
		}
		c.id, c.findings = d.Document.ID, l.Document(d)
		return c
	}
	err = inOrder(r.each, runtime.GOMAXPROCS(0), check, func(c checked) error {
		if c.fixed > 0 {
			edits[c.id], fixed = c.edit, fixed+c.fixed
		}
		found += len(c.findings)
		return report(c.findings)
	})
	if err != nil {
		return 0, 0, err
	}
	// The edits are applied after the walk: a write transaction must not
	// wait on the read transaction the walk holds.
	for id, e := range edits {
		if err := r.st.Apply(id, e); err != nil {
			return 0, 0, fmt.Errorf("fix document %s: %w", id, err)
		}
	}
	return found, fixed, nil
}

// countSurfaces counts the annotated strings of every document walk
// gives. Their texts are cut out on every processor (inOrder) and
// counted, in the walk's order, on one goroutine, as Surfaces.Add would
// count them.
func countSurfaces(walk func(func(*annotate.DocumentData) error) error) (*lint.Surfaces, error) {
	surfaces := lint.NewSurfaces()
	type annotated struct{ text, label string }
	texts := func(d *annotate.DocumentData) []annotated {
		x := annotate.NewIndex(d.Document.Text)
		out := make([]annotated, len(d.Annotations))
		for i, a := range d.Annotations {
			out[i] = annotated{x.Slice(a.Start, a.End), a.Label}
		}
		return out
	}
	err := inOrder(walk, runtime.GOMAXPROCS(0), texts, func(as []annotated) error {
		for _, a := range as {
			surfaces.AddAnnotation(a.text, a.label)
		}
		return nil
	})
	return surfaces, err
}

// checked is what runLint finds in one document: its findings, and the
// fixes it made with their edit.
type checked struct {
	id       string
	findings []lint.Finding
	edit     annotate.Edit
	fixed    int
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

// findingWriter prints findings one a line, or as the elements of one
// JSON array, as they come.
type findingWriter struct {
	w      io.Writer
	buf    *bufio.Writer // over w, flushed after each document
	asJSON bool
	n      int
}

// write prints fs, the findings of one document, with one write to w
// rather than one a finding: a project's lint prints hundreds of
// thousands of lines.
func (fw *findingWriter) write(fs []lint.Finding) error {
	if fw.buf == nil {
		fw.buf = bufio.NewWriter(fw.w)
	}
	for _, f := range fs {
		var err error
		if fw.asJSON {
			err = fw.writeJSON(f)
		} else {
			_, err = fmt.Fprintln(fw.buf, findingLine(f))
		}
		if err != nil {
			return err
		}
		fw.n++
	}
	return fw.buf.Flush()
}

// findingLine is a finding as lint prints it: document:start-end: rule:
// message "text", or document: rule: message for a whole document.
func findingLine(f lint.Finding) string {
	if f.Annotation == "" && f.End == f.Start {
		return fmt.Sprintf("%s: %s: %s", f.DocumentTitle, f.Rule, f.Message)
	}
	return fmt.Sprintf("%s:%d-%d: %s: %s %s", f.DocumentTitle, f.Start, f.End, f.Rule, f.Message, strconv.Quote(f.Text))
}

func (fw *findingWriter) writeJSON(f lint.Finding) error {
	j := findingJSON{Rule: f.Rule, Document: f.DocumentTitle, DocumentID: f.DocumentID,
		Annotation: f.Annotation, Start: f.Start, End: f.End, Text: f.Text, Message: f.Message}
	if f.Fix != nil {
		r, _ := lint.RuleByID(f.Rule)
		j.Fix = r.Fix
	}
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	sep := ",\n"
	if fw.n == 0 {
		sep = "[\n"
	}
	_, err = fmt.Fprintf(fw.buf, "%s%s", sep, b)
	return err
}

// close ends the JSON array.
func (fw *findingWriter) close() error {
	if !fw.asJSON {
		return nil
	}
	end := "\n]\n"
	if fw.n == 0 {
		end = "[]\n"
	}
	_, err := fmt.Fprint(fw.w, end)
	return err
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
	src       lintInput
	schema    annotate.Schema
	annotator string
	st        annotate.Store // the project, or nil for an export
}

// openLintReader opens src: a project for writing when fixing, else
// read-only; an export is opened afresh by each walk.
func openLintReader(src lintInput, fixing bool) (*lintReader, error) {
	r := &lintReader{src: src}
	if src.file != "" {
		// The file is read twice or three times (its header, the
		// project's counts, the checks), which a FIFO or a device cannot
		// give; without this it would wait for a writer forever.
		if fi, err := os.Stat(src.file); err == nil && !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: not a regular file: lint reads its file more than once (save it to a file first)", src.file)
		}
		in, err := formats.OpenPath(src.file)
		if err != nil {
			return nil, err
		}
		r.schema = in.Header().Schema
		return r, in.Close()
	}
	st, err := openProjectFile(src.db, !fixing)
	if err != nil {
		return nil, err
	}
	meta, err := st.Meta()
	if err == nil {
		r.schema, err = st.Schema()
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	r.st, r.annotator = st, meta.Annotator
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

// rejections tells surfaces the project's rejected suggestions: a
// mention a person rejected is not a missed one.
func (r *lintReader) rejections(surfaces *lint.Surfaces) error {
	if r.st == nil {
		return nil
	}
	rs, err := r.st.Rejections()
	if err != nil {
		return err
	}
	for _, rj := range rs {
		surfaces.Reject(rj)
	}
	return nil
}

// close closes the project, if one is open.
func (r *lintReader) close() {
	if r.st != nil {
		r.st.Close()
	}
}
