package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/storage"
	"time"
)

// assignmentName is the file in an assignment's folder that records the
// split.
const assignmentName = "assignment.json"

// assignmentFile is assignment.json: the split's parameters, the
// annotators in the order given, and each document's annotators by its
// text's SHA-256.
type assignmentFile struct {
	Seed       uint64              `json:"seed"`
	Overlap    float64             `json:"overlap"`
	Raters     int                 `json:"raters"`
	Annotators []string            `json:"annotators"`
	Documents  map[string][]string `json:"documents"`
}

// assignSummary is what assign did, for its report.
type assignSummary struct {
	docs, overlap int
	loads         []int // by annotator
}

// assignPath is where annotator name's project goes in dir.
func assignPath(dir, name string) string {
	return filepath.Join(dir, name+".spanmark")
}

// assignmentPath is where assignment.json goes in dir.
func assignmentPath(dir string) string {
	return filepath.Join(dir, assignmentName)
}

// assign reads the pool, splits it and writes the assignment. Everything
// is written into a scratch folder inside o.out first and moved into
// place only once all of it is written, so that a failure leaves o.out
// as it was; existing files are checked before anything is read.
func assign(o assignOptions) (assignSummary, error) {
	targets := []string{assignmentPath(o.out)}
	for _, n := range o.annotators {
		targets = append(targets, assignPath(o.out, n))
	}
	if err := checkTargets(targets, o.force); err != nil {
		return assignSummary{}, err
	}
	_, statErr := os.Stat(o.out)
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return assignSummary{}, err
	}
	stage, err := os.MkdirTemp(o.out, ".assign-*")
	if err != nil {
		return assignSummary{}, err
	}
	sum, err := writeAssignment(o, stage)
	os.RemoveAll(stage)
	if err != nil && errors.Is(statErr, fs.ErrNotExist) {
		os.Remove(o.out) // made for nothing; only if it is empty
	}
	return sum, err
}

// checkTargets fails on a file of targets that exists, unless force is
// set; even then, on a project open in Spanmark, whose window would go on
// writing to the file replaced.
func checkTargets(targets []string, force bool) error {
	for _, path := range targets {
		_, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return err
		case !force:
			return forceHint(fmt.Errorf("%s: %w", path, fs.ErrExist))
		case !isProject(path):
			continue
		}
		st, err := storage.Open(path, storage.Options{ReadOnly: true})
		if errors.Is(err, annotate.ErrLocked) {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err == nil {
			st.Close()
		}
	}
	return nil
}

// writeAssignment writes the assignment into stage and then moves it into
// o.out, assignment.json last.
func writeAssignment(o assignOptions, stage string) (assignSummary, error) {
	schema, docs, err := readPool(o.from, stage)
	if err != nil {
		return assignSummary{}, err
	}
	p := splitPlan{Docs: len(docs), Annotators: len(o.annotators), Overlap: o.overlap, Raters: o.raters, Seed: o.seed}
	who := split(p)
	sum := assignSummary{docs: len(docs), overlap: p.overlapDocs(), loads: make([]int, len(o.annotators))}
	file := assignmentFile{Seed: o.seed, Overlap: o.overlap, Raters: o.raters, Annotators: o.annotators,
		Documents: make(map[string][]string, len(docs))}
	mine := make([][]*annotate.DocumentData, len(o.annotators))
	for d, as := range who {
		for _, a := range as {
			mine[a] = append(mine[a], assignedDocument(docs[d], o.keep))
			file.Documents[docs[d].Document.SHA256] = append(file.Documents[docs[d].Document.SHA256], o.annotators[a])
		}
	}
	for a, name := range o.annotators {
		sum.loads[a] = len(mine[a])
		err := storage.Build(assignPath(stage, name), false, storage.Options{Annotator: name}, func(st *storage.Store) error {
			if err := st.SetSchema(schema, annotate.SchemaChange{}); err != nil {
				return err
			}
			_, err := st.Import(formats.Seq(mine[a]))
			return err
		})
		if err != nil {
			return assignSummary{}, fmt.Errorf("%s: %w", assignPath(o.out, name), err)
		}
	}
	b, err := json.MarshalIndent(file, "", "  ")
	if err == nil {
		err = os.WriteFile(assignmentPath(stage), append(b, '\n'), 0o644)
	}
	if err != nil {
		return assignSummary{}, fmt.Errorf("%s: %w", assignmentPath(o.out), err)
	}
	for _, name := range o.annotators {
		if err := os.Rename(assignPath(stage, name), assignPath(o.out, name)); err != nil {
			return assignSummary{}, err
		}
	}
	return sum, os.Rename(assignmentPath(stage), assignmentPath(o.out))
}

// assignedDocument is d as an annotator gets it: to do, and without the
// pool's annotations, relations and document attributes unless keep is
// set.
func assignedDocument(d *annotate.DocumentData, keep bool) *annotate.DocumentData {
	out := &annotate.DocumentData{Document: d.Document}
	out.Document.Status = annotate.StatusTodo
	out.Document.Updated = time.Time{}
	if keep {
		out.Annotations, out.Relations = d.Annotations, d.Relations
	} else {
		out.Document.Attributes = nil
	}
	return out
}
