package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"spanmark/annotate"
	"text/tabwriter"
	"time"
)

// annotatorProgress is how far one annotator of an assignment has got.
type annotatorProgress struct {
	name                   string
	todo, inProgress, done int
	annotations            int
	// lastEdit is the latest change to a document that is no longer to
	// do (a document's first edit marks it in progress); zero if none.
	lastEdit time.Time
	// finished maps the text hashes of the documents done to their ids.
	finished map[string]string
}

func (c *cli) progressCmd(args []string) int {
	fset := c.flags("progress", "DIR",
		"Show how far each annotator of an assignment (made by spanmark assign in DIR) has got:\n"+
			"documents to do, in progress and done, annotations and the last edit; and the\n"+
			"agreement so far on the overlap documents that all their annotators have done.")
	rest, code, ok := c.parse(fset, args)
	switch {
	case !ok:
		return code
	case len(rest) != 1:
		return c.usageError(fset, "want one DIR; got %d", len(rest))
	}
	dir := rest[0]
	a, err := readAssignment(dir)
	if err != nil {
		return c.fail(fmt.Errorf("progress: %w", err))
	}
	stores, err := openAssigned(dir, a.Annotators)
	if err != nil {
		return c.fail(fmt.Errorf("progress: %w", err))
	}
	defer closeAll(stores)
	rows := make([]annotatorProgress, len(stores))
	for i, st := range stores {
		if rows[i], err = readProgress(a.Annotators[i], st); err != nil {
			return c.fail(fmt.Errorf("progress: %w", err))
		}
	}
	ag, err := measureAgreement(a, stores, rows)
	if err != nil {
		return c.fail(fmt.Errorf("progress: %w", err))
	}
	var buf bytes.Buffer
	writeProgress(&buf, rows)
	ag.write(&buf)
	if _, err := c.stdout.Write(buf.Bytes()); err != nil {
		return c.fail(fmt.Errorf("progress: %w", err))
	}
	return exitOK
}

// readAssignment reads DIR/assignment.json.
func readAssignment(dir string) (assignmentFile, error) {
	path := assignmentPath(dir)
	b, err := os.ReadFile(path)
	if err != nil {
		return assignmentFile{}, fmt.Errorf("%w (spanmark assign writes it)", err)
	}
	var a assignmentFile
	if err := json.Unmarshal(b, &a); err != nil {
		return assignmentFile{}, fmt.Errorf("%s: %w", path, err)
	}
	if len(a.Annotators) == 0 {
		return assignmentFile{}, fmt.Errorf("%s: no annotators", path)
	}
	for _, n := range a.Annotators {
		if err := checkAnnotatorName(n); err != nil {
			return assignmentFile{}, fmt.Errorf("%s: %w", path, err)
		}
	}
	return a, nil
}

// openAssigned opens the annotators' projects in dir read-only.
func openAssigned(dir string, names []string) ([]annotate.Store, error) {
	var stores []annotate.Store
	for _, n := range names {
		st, err := OpenStore(assignPath(dir, n), true)
		if err != nil {
			closeAll(stores)
			return nil, fmt.Errorf("%s: %w", assignPath(dir, n), err)
		}
		stores = append(stores, st)
	}
	return stores, nil
}

// closeAll closes stores opened read-only, which have nothing to lose.
func closeAll(stores []annotate.Store) {
	for _, st := range stores {
		st.Close()
	}
}

// readProgress counts one annotator's documents by status.
func readProgress(name string, st annotate.Store) (annotatorProgress, error) {
	infos, err := st.Documents()
	if err != nil {
		return annotatorProgress{}, fmt.Errorf("%s: %w", st.Path(), err)
	}
	p := annotatorProgress{name: name, finished: make(map[string]string)}
	for _, d := range infos {
		p.annotations += d.Annotations
		switch d.Status {
		case annotate.StatusTodo:
			p.todo++
			continue
		case annotate.StatusInProgress:
			p.inProgress++
		case annotate.StatusDone:
			p.done++
			p.finished[d.SHA256] = d.ID
		}
		if d.Updated.After(p.lastEdit) {
			p.lastEdit = d.Updated
		}
	}
	return p, nil
}

// writeProgress writes the table of rows.
func writeProgress(w *bytes.Buffer, rows []annotatorProgress) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "annotator\ttodo\tin progress\tdone\tannotations\tlast edit\n")
	for _, r := range rows {
		last := "never"
		if !r.lastEdit.IsZero() {
			last = r.lastEdit.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", r.name, r.todo, r.inProgress, r.done, r.annotations, last)
	}
	tw.Flush() // writes to a bytes.Buffer, which cannot fail
}
