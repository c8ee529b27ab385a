package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
)

// Review mode compares the open project, mine, with a teammate's file,
// theirs, and lets a person settle their differences one by one. Theirs is
// read whole when the review starts and never written; every choice is an
// ordinary undoable edit of mine.

// The keys of review mode in the article view. While reviewing they win
// over label hotkeys and over n for a note; other hotkeys still tag.
const (
	keyNextDiff   = 'n'
	keyPrevDiff   = 'p'
	keyAccept     = 't' // accept theirs
	keyKeep       = 'k' // keep mine
	keyDeleteMine = 'x'
)

// Where the article view and the panels divide while reviewing: the
// agreement figures need more room than the annotation list alone, and
// above it more room than it.
const (
	reviewOffset      = 0.68
	reviewPanelOffset = 0.7
)

// review is the state of review mode.
type review struct {
	ws         *workspace
	path       string     // theirs
	theirs     agree.Side // all their documents
	bySHA      map[string]*annotate.DocumentData
	onlyTheirs []string // titles of their documents that mine lacks

	// mine holds my documents in project order, each as last read or
	// edited. Its items are never changed, only replaced, so the slice
	// can be cloned for a worker.
	mine    []*annotate.DocumentData
	latest  *annotate.DocumentData // the open document as last shown
	schema  annotate.Schema        // my schema when mine was read
	version int                    // counts the edits put into mine

	docID string                 // the document shown
	their *annotate.DocumentData // its copy in theirs; nil when theirs lacks it
	diff  *agree.DocDiff         // their differences; nil when theirs lacks it
	cur   int                    // index in the diff's items of the current one; -1 none
	kept  map[pairKey]bool       // items settled by keeping mine
	// seekFrom, when set, is where the item just settled was: after the
	// edit the next disagreement from there becomes current.
	seekFrom *[2]int

	figures   agree.Figures // the open document's, once figuresOf is docID
	figuresOf string
	project   agree.Report
	want      work // what the worker is still to compute
	computing bool // the worker is computing

	bar    *reviewBar
	panel  *reviewPanel
	labels fyne.CanvasObject // the label bar, which the legend replaces
	offset float64           // where the article and the panel divided before
}

// pairKey names an item of a diff across edits: the ids of its
// annotations, "" for none.
type pairKey struct{ mine, theirs string }

func keyOf(it agree.DiffItem) pairKey {
	var k pairKey
	if it.A != nil {
		k.mine = it.A.ID
	}
	if it.B != nil {
		k.theirs = it.B.ID
	}
	return k
}

// reviewDialog asks for the teammate's file to review against.
func (ws *workspace) reviewDialog() {
	if ws.store == nil {
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			ws.showError(err)
			return
		}
		path := rc.URI().Path()
		rc.Close()
		ws.startReview(path)
	}, ws.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter(append(slices.Clone(projectFilter), ".json", ".jsonl")))
	// A teammate's file is usually kept beside one's own.
	if dir, err := fynestorage.ListerForURI(fynestorage.NewFileURI(filepath.Dir(ws.store.Path()))); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
}

// startReview reads the teammate's file at path and the open project on a
// worker, with a progress dialog, and enters review mode when both are
// read. Errors name the file; they leave the workspace as it was.
func (ws *workspace) startReview(path string) {
	if ws.store == nil {
		return
	}
	if sameFile(path, ws.store.Path()) {
		ws.showError(fmt.Errorf("cannot review %s against itself: it is the open project; choose your teammate's file", filepath.Base(path)))
		return
	}
	st, schema, open := ws.store, ws.schema, ws.cfg.Open
	total := len(ws.docs.all)
	p := newProgress(ws.win, "Reading for review", total)
	var theirs agree.Side
	var mine []*annotate.DocumentData
	var rep agree.Report
	ws.run.Go(func() error {
		var err error
		theirs, err = formats.ReadSide(path, open, func(n int) error {
			if p.cancelled() {
				return errCancelled
			}
			ws.run.Do(func() { p.set(0, fmt.Sprintf("%s: %d documents", filepath.Base(path), n)) })
			return nil
		})
		if err != nil {
			return err
		}
		mine, err = formats.LoadDocuments(st, func(n int) error {
			if p.cancelled() {
				return errCancelled
			}
			ws.run.Do(func() { p.set(n, fmt.Sprintf("your project: %d of %d documents", n, total)) })
			return nil
		})
		if err != nil {
			return err
		}
		rep = agree.Compare(agree.Side{Name: "mine", Schema: schema, Docs: mine}, theirs)
		return nil
	}, func(err error) {
		p.hide()
		switch {
		case errors.Is(err, errCancelled):
		case err != nil:
			ws.showError(fmt.Errorf("review %s: %w", filepath.Base(path), err))
		case ws.store == st:
			ws.enterReview(newReview(ws, path, theirs, mine, schema, rep))
		}
	})
}

// newReview makes the review of theirs against mine, whose comparison is
// rep.
func newReview(ws *workspace, path string, theirs agree.Side, mine []*annotate.DocumentData, schema annotate.Schema, rep agree.Report) *review {
	r := &review{
		ws:      ws,
		path:    path,
		theirs:  theirs,
		bySHA:   make(map[string]*annotate.DocumentData, len(theirs.Docs)),
		mine:    mine,
		schema:  schema,
		cur:     -1,
		kept:    make(map[pairKey]bool),
		project: rep,
	}
	for _, d := range theirs.Docs {
		h := d.Document.TextHash()
		if _, ok := r.bySHA[h]; !ok {
			r.bySHA[h] = d
		}
	}
	r.onlyTheirs = onlyIn(theirs.Docs, mine)
	r.bar = newReviewBar(r)
	r.panel = newReviewPanel(r)
	return r
}

// onlyIn returns the titles of the documents of a whose text b lacks.
func onlyIn(a, b []*annotate.DocumentData) []string {
	have := make(map[string]bool, len(b))
	for _, d := range b {
		have[d.Document.TextHash()] = true
	}
	var titles []string
	for _, d := range a {
		if !have[d.Document.TextHash()] {
			titles = append(titles, d.Document.Title)
		}
	}
	return titles
}

// enterReview shows r: the legend and the disagreement bar above the
// article, the agreement figures beside it, the F1 of each document in
// the list.
func (ws *workspace) enterReview(r *review) {
	ws.closeReview()
	ws.review = r
	// newWorkspace puts the label bar first.
	r.labels = ws.top.Objects[0]
	ws.top.Objects = append([]fyne.CanvasObject{r.bar.legend, r.bar.controls}, ws.top.Objects[1:]...)
	ws.top.Refresh()
	r.offset = ws.right.Offset
	side := container.NewVSplit(r.panel.object(), ws.panel.object())
	side.Offset = reviewPanelOffset
	ws.right.Trailing = side
	ws.right.Offset = reviewOffset
	ws.right.Refresh()
	ws.closeReviewItem.Disabled = false
	if m := ws.win.MainMenu(); m != nil {
		m.Refresh()
	}
	r.showProject()
	ws.refreshAnnotations()
	ws.win.Canvas().Focus(ws.view)
}

// closeReview returns to annotating; theirs is forgotten.
func (ws *workspace) closeReview() {
	r := ws.review
	if r == nil {
		return
	}
	ws.review = nil
	ws.top.Objects = append([]fyne.CanvasObject{r.labels}, ws.top.Objects[2:]...)
	ws.top.Refresh()
	ws.right.Trailing = ws.panel.object()
	ws.right.Offset = r.offset
	ws.right.Refresh()
	ws.docs.setBadges(nil)
	ws.closeReviewItem.Disabled = true
	if m := ws.win.MainMenu(); m != nil {
		m.Refresh()
	}
	ws.status.setHint("")
	ws.refreshAnnotations()
}

// refresh compares the open document with their copy after it was
// opened or edited, redraws the article and the bar, and has the figures
// computed again.
func (r *review) refresh() {
	ws := r.ws
	// What the last choice did is old news after any other edit.
	ws.status.setHint("")
	d := ws.sess.Document()
	mine := &annotate.DocumentData{
		Document:    d,
		Annotations: slices.Clone(ws.sess.Annotations()),
		Relations:   slices.Clone(ws.sess.Relations()),
	}
	before, had := r.item()
	opened := d.ID != r.docID
	switch {
	case opened:
		r.docID, r.cur, r.seekFrom, had = d.ID, -1, nil, false
		r.their, r.diff = r.bySHA[d.TextHash()], nil
		if r.their != nil {
			r.diff = agree.NewDocDiff(mine.Annotations, r.their.Annotations)
			ws.view.SetSpans(diffSpans(r.diff.Items()))
		} else {
			ws.view.SetSpans(spansFor(mine.Annotations, ws.schema))
		}
	case r.diff != nil:
		out, in := r.diff.Update(mine.Annotations)
		ids := make([]string, 0, 2*len(out))
		for _, s := range diffSpans(out) {
			ids = append(ids, s.ID)
		}
		ws.view.UpdateSpans(diffSpans(in), ids)
	default:
		ws.view.SetSpans(spansFor(mine.Annotations, ws.schema))
	}
	r.relocate(before, had)
	ws.view.SetActive(r.activeID())
	r.bar.show()
	if r.diff != nil {
		ws.docs.setBadge(d.ID, f1Badge(r.diff.Counts()))
	}
	r.latest = mine
	r.put(mine, !opened)
}

// diffing reports whether the open document has a copy in theirs to
// compare with.
func (r *review) diffing() bool { return r.diff != nil }

// items returns the open document's differences.
func (r *review) items() []agree.DiffItem {
	if r.diff == nil {
		return nil
	}
	return r.diff.Items()
}

// relocate finds the current item again after the diff changed: the same
// pair if it is still a disagreement, else, after an item was settled,
// the next disagreement from where it was.
func (r *review) relocate(before agree.DiffItem, had bool) {
	from := r.seekFrom
	r.cur, r.seekFrom = -1, nil
	if had {
		k := keyOf(before)
		for i, it := range r.items() {
			if keyOf(it) == k && isDisagreement(it) {
				r.cur = i
				return
			}
		}
	}
	if from != nil {
		r.seek(*from)
	}
}

// put records the open document as it is now in mine and has the worker
// compute what changed: the document's figures, and after an edit, or
// when mine is out of date, the project's.
func (r *review) put(d *annotate.DocumentData, edited bool) {
	r.record(d)
	r.want.doc = r.their != nil
	if !r.schema.Equal(r.ws.schema) || !r.sameDocuments() {
		r.schema = r.ws.schema
		r.want.reload = true
	}
	if edited || r.want.reload {
		r.version++
		r.want.project = true
	}
	r.compute()
}

// record puts d in mine in place of its older self.
func (r *review) record(d *annotate.DocumentData) {
	if i := slices.IndexFunc(r.mine, func(m *annotate.DocumentData) bool { return m.Document.ID == d.Document.ID }); i >= 0 {
		r.mine[i] = d
	}
}

// sameDocuments reports whether mine holds the documents the list shows,
// which changes when documents are imported.
func (r *review) sameDocuments() bool {
	all := r.ws.docs.all
	if len(all) != len(r.mine) {
		return false
	}
	for i := range all {
		if all[i].ID != r.mine[i].Document.ID {
			return false
		}
	}
	return true
}
