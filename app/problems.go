package app

import (
	"fmt"
	"slices"

	"spanmark/annotate"
	"spanmark/annotate/lint"
)

// problems keeps the lint findings of the project for View → Problems.
//
// Linting a book-length document takes tens of milliseconds, far more
// than the commit of an edit, so none of it runs on Fyne's goroutine: a
// check is a job on the workspace's runner, which reads the open
// document from the store. One job runs at a time; an edit during a job asks for
// another when it ends. The project's Surfaces (the labels each string
// was given) is counted once, by a pass over the project, and then kept
// current from the edits: the goroutine of Fyne notes the annotations an
// edit removed and added (pending), and the next job applies them before
// it checks. Only the job in flight touches the Surfaces.
type problems struct {
	ws   *workspace
	view *problemsView // nil until the window is first shown

	surfaces *lint.Surfaces                 // nil before the first project pass
	found    map[string][]lint.Finding      // by document id
	order    []string                       // document ids in project order
	texts    map[string]*lint.Text          // the open document's, made once
	counted  map[string]annotate.Annotation // the open document's annotations as the Surfaces counts them
	base     []annotate.Annotation          // the open document's annotations when shown, for counted
	baseDoc  string
	pending  []surfaceDelta

	busy, again, againProject bool
	gen                       int // bumped when the project closes: a job of the old one is dropped
	refresh                   *coalescer
}

// surfaceDelta is one annotation to count (n = 1) or uncount (n = -1).
type surfaceDelta struct {
	text, label string
	n           int
}

func newProblems(ws *workspace) *problems {
	p := &problems{ws: ws, texts: make(map[string]*lint.Text)}
	p.refresh = newCoalescer(listDelay, ws.run.After, func() { p.check(false) })
	return p
}

// shown reports whether the Problems window is open, the only time
// anything is checked.
func (p *problems) shown() bool { return p.view != nil && p.view.visible }

// documentShown starts following the open document's edits.
func (p *problems) documentShown() {
	p.counted, p.base, p.baseDoc = nil, nil, ""
	if p.ws.sess == nil {
		return
	}
	p.baseDoc = p.ws.sess.Document().ID
	p.base = slices.Clone(p.ws.sess.Annotations())
	if p.shown() {
		p.refresh.schedule()
	}
}

// changed notes an edit of the open document: what it put and deleted
// (Session.LastChange). It costs the changed annotations only.
func (p *problems) changed(put []annotate.Annotation, deleted []string) {
	if p.ws.sess == nil || p.baseDoc != p.ws.sess.Document().ID {
		return
	}
	if p.counted == nil {
		p.counted = make(map[string]annotate.Annotation, len(p.base))
		for _, a := range p.base {
			p.counted[a.ID] = a
		}
		p.base = nil
	}
	x := p.ws.sess.Index()
	uncount := func(id string) {
		if old, ok := p.counted[id]; ok {
			p.pending = append(p.pending, surfaceDelta{x.Slice(old.Start, old.End), old.Label, -1})
			delete(p.counted, id)
		}
	}
	for _, id := range deleted {
		uncount(id)
	}
	for _, a := range put {
		uncount(a.ID)
		p.counted[a.ID] = a
		p.pending = append(p.pending, surfaceDelta{x.Slice(a.Start, a.End), a.Label, 1})
	}
	if p.shown() {
		p.refresh.schedule()
	}
}

// check starts a job that checks the open document again, or the whole
// project when asked or when the Surfaces is not counted yet. A job
// already running is followed by one more.
func (p *problems) check(project bool) {
	if p.ws.store == nil || !p.shown() {
		return
	}
	project = project || p.surfaces == nil
	if p.busy {
		p.again, p.againProject = true, p.againProject || project
		return
	}
	p.busy = true
	if project {
		p.checkProject()
	} else {
		p.checkDocument()
	}
}

// finished ends a job and starts the one asked for meanwhile.
func (p *problems) finished(err error) {
	p.busy = false
	p.ws.showError(err)
	p.view.update()
	if p.again {
		project := p.againProject
		p.again, p.againProject = false, false
		p.check(project)
	}
}

// openCopy returns a copy of the open document as the session holds it,
// for a project pass to read while edits go on; nil when none is open.
func (p *problems) openCopy() *annotate.DocumentData {
	s := p.ws.sess
	if s == nil {
		return nil
	}
	return &annotate.DocumentData{Document: s.Document(), Annotations: slices.Clone(s.Annotations()), Relations: slices.Clone(s.Relations())}
}

// checkDocument checks the open document again, against the Surfaces
// brought up to date with the edits since the last job. The job reads
// the document from the store, which holds every edit the session made
// (each is committed before the view shows it): copying the session's
// tens of thousands of annotations on Fyne's goroutine cost several
// times an edit's commit. An edit committed after the job took the
// deltas is read with the document, and its delta waits for the job it
// asks for.
func (p *problems) checkDocument() {
	if p.ws.sess == nil {
		p.finished(nil)
		return
	}
	id := p.ws.sess.Document().ID
	deltas := p.pending
	p.pending = nil
	t, ok := p.texts[id]
	st, surfaces, schema, gen := p.ws.store, p.surfaces, p.ws.schema, p.gen
	var fs []lint.Finding
	p.ws.run.Go(func() error {
		for _, dl := range deltas {
			if dl.n > 0 {
				surfaces.AddAnnotation(dl.text, dl.label)
			} else {
				surfaces.RemoveAnnotation(dl.text, dl.label)
			}
		}
		d, err := st.Load(id)
		if err != nil {
			return fmt.Errorf("check the open document: %w", err)
		}
		if !ok {
			t = lint.NewText(d.Document.Text)
		}
		l, err := lint.New(schema, surfaces, nil)
		if err != nil {
			return err
		}
		fs = l.DocumentIn(d, t)
		return nil
	}, func(err error) {
		if gen != p.gen {
			p.busy = false
			return
		}
		if err == nil {
			p.keepText(id, t)
			p.set(id, fs)
		} else if p.ws.sess == nil || p.ws.sess.Document().ID != id {
			err = nil // the document was closed meanwhile, perhaps deleted
		}
		p.finished(err)
	})
}

// keepText keeps the Text of the open document only: a person may pass
// through hundreds of documents.
func (p *problems) keepText(id string, t *lint.Text) {
	if p.ws.sess == nil || p.ws.sess.Document().ID != id || t == nil {
		return
	}
	clear(p.texts)
	p.texts[id] = t
}

// set records the findings of one document.
func (p *problems) set(id string, fs []lint.Finding) {
	if len(fs) == 0 {
		delete(p.found, id)
		return
	}
	if p.found == nil {
		p.found = make(map[string][]lint.Finding)
	}
	p.found[id] = fs
}

// checkProject counts the Surfaces of the whole project afresh and checks
// every document, in two reads of the project: the rules comparing an
// annotation with the project need it all counted first. The open
// document is read from the session, so that the edits made during the
// walk are the pending ones and none is counted twice.
func (p *problems) checkProject() {
	open := p.openCopy()
	openID := ""
	if open != nil {
		openID = open.Document.ID
	}
	p.documentShownAfterCopy(open)
	st, schema, gen := p.ws.store, p.ws.schema, p.gen
	surfaces := lint.NewSurfaces()
	found := make(map[string][]lint.Finding)
	var order []string
	p.ws.run.Go(func() error {
		err := st.Each(func(d *annotate.DocumentData) error {
			if d.Document.ID == openID {
				d = open
			}
			surfaces.Add(d)
			return nil
		})
		if err != nil {
			return fmt.Errorf("check the project: %w", err)
		}
		l, err := lint.New(schema, surfaces, nil)
		if err != nil {
			return err
		}
		return st.Each(func(d *annotate.DocumentData) error {
			if d.Document.ID == openID {
				d = open
			}
			order = append(order, d.Document.ID)
			if fs := l.Document(d); len(fs) > 0 {
				found[d.Document.ID] = fs
			}
			return nil
		})
	}, func(err error) {
		if gen != p.gen {
			p.busy = false
			return
		}
		if err == nil {
			p.surfaces, p.found, p.order = surfaces, found, order
		}
		p.finished(err)
	})
}

// documentShownAfterCopy makes open, the copy a project pass counts, the
// base the open document's later edits are counted from.
func (p *problems) documentShownAfterCopy(open *annotate.DocumentData) {
	p.pending, p.counted, p.base, p.baseDoc = nil, nil, nil, ""
	if open != nil {
		p.base, p.baseDoc = open.Annotations, open.Document.ID
	}
}

// projectClosed forgets everything found in the project that closed.
func (p *problems) projectClosed() {
	p.gen++
	p.busy, p.again, p.againProject = false, false, false
	p.surfaces, p.found, p.order, p.pending = nil, nil, nil, nil
	p.counted, p.base, p.baseDoc = nil, nil, ""
	clear(p.texts)
	if p.view != nil {
		p.view.update()
	}
}
