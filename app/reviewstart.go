package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
)

// reviewDialog asks for the teammate's file to review against.
func (ws *workspace) reviewDialog() { ws.pickTeammateFile(ws.startReview) }

// pickTeammateFile asks for a teammate's file, a project or a spanmark
// export, and calls then with its path.
func (ws *workspace) pickTeammateFile(then func(path string)) {
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
		then(path)
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
		chosen:  make(map[string]bool),
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
