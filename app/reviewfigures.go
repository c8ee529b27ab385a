package app

import (
	"fmt"
	"slices"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
)

// work is what the review's worker is asked to compute. Requests that
// come while it computes add up, and are done in one run after it.
type work struct {
	doc     bool // the open document's figures
	project bool // the project's figures
	reload  bool // read mine afresh first (documents added, labels renamed)
}

// figuresDone is what one run of the worker computed.
type figuresDone struct {
	work
	docID   string
	figures agree.Figures // of docID, when work.doc
	mine    []*annotate.DocumentData
	version int // of mine when the run started
	report  agree.Report
	only    []string
	err     error
}

// compute has the worker compute what is wanted, unless it is computing
// already: then computed starts the next run.
func (r *review) compute() {
	if r.computing || r.want == (work{}) {
		return
	}
	w := r.want
	r.want = work{}
	r.computing = true
	r.panel.setUpdating(true)
	st, theirs := r.ws.store, r.theirs
	mySchema := r.schema
	done := figuresDone{work: w, docID: r.docID, mine: slices.Clone(r.mine), version: r.version}
	cur, their := r.latest, r.their
	r.ws.run.Go(func() error {
		if w.doc && their != nil {
			done.figures = agree.CompareDocument(cur, their, mySchema, theirs.Schema).Figures
		}
		if w.reload {
			var err error
			if done.mine, err = formats.LoadDocuments(st, func(int) error { return nil }); err != nil {
				return err
			}
		}
		if w.project || w.reload {
			done.report = agree.Compare(agree.Side{Name: "mine", Schema: mySchema, Docs: done.mine}, theirs)
			done.only = onlyIn(theirs.Docs, done.mine)
		}
		return nil
	}, func(err error) {
		done.err = err
		r.computed(done)
	})
}

// computed takes what the worker computed and starts its next run.
func (r *review) computed(done figuresDone) {
	if r.ws.review != r {
		return
	}
	r.computing = false
	if done.doc && done.docID == r.docID {
		r.figures, r.figuresOf = done.figures, done.docID
	}
	switch {
	case done.err != nil:
		r.ws.showError(fmt.Errorf("agreement figures: %w", done.err))
	case done.reload && done.version != r.version:
		// An edit came while mine was read, which the reading may lack.
		r.want.reload, r.want.project = true, true
	case done.project || done.reload:
		if done.reload {
			r.mine = done.mine
			if r.latest != nil {
				r.record(r.latest)
			}
		}
		r.project, r.onlyTheirs = done.report, done.only
		r.showProject()
	}
	r.panel.setDocument()
	r.compute()
	if !r.computing {
		r.panel.setUpdating(false)
	}
}

// showProject shows the project's figures and each document's exact F1
// in the document list.
func (r *review) showProject() {
	badges := make(map[string]string, len(r.mine))
	for _, d := range r.mine {
		badges[d.Document.ID] = "only mine"
	}
	for _, f := range r.project.PerDocument {
		badges[f.AID] = f1Badge(f.Exact)
	}
	if r.diff != nil {
		// The worker may lag behind the last edit; the diff does not.
		badges[r.docID] = f1Badge(r.diff.Counts())
	}
	r.ws.docs.setBadges(badges)
	r.panel.setProject()
}

// f1Badge is how the document list shows a document's exact F1.
func f1Badge(c agree.Counts) string {
	return fmt.Sprintf("F1 %.2f", c.F1())
}
