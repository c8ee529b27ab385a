package app

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/annotatetest"
	"spanmark/annotate/formats"
	"spanmark/app/apptest"
	"spanmark/app/textview"
	"spanmark/storage"
)

// fixtureAnn is an annotation of the article by text: word, found inside
// the first occurrence of context ("" for word itself).
type fixtureAnn struct {
	context, word, label string
}

// rangeOf returns the code-point range of a in text.
func rangeOf(t *testing.T, text string, a fixtureAnn) (int, int) {
	t.Helper()
	ctx := a.context
	if ctx == "" {
		ctx = a.word
	}
	i := strings.Index(text, ctx)
	j := strings.Index(ctx, a.word)
	if i < 0 || j < 0 {
		t.Fatalf("%q in %q not found in the article", a.word, ctx)
	}
	start := utf8.RuneCountInString(text[:i+j])
	return start, start + utf8.RuneCountInString(a.word)
}

// The annotations of the article in my project and in the teammate's:
// one PERSON and one SOURCE agreed, a PERSON whose boundaries differ, a
// place labelled differently, an ORG only mine, and a CLAIM only theirs,
// attributed to their SOURCE.
var (
	myAnns = []fixtureAnn{
		{"", "Sergei Shoigu", "PERSON"},
		{"", "Kim Jong Un", "PERSON"},
		{"", "Pyongyang", "LOC"},
		{"", "RIA Novosti", "ORG"},
		{"Shoigu said.", "Shoigu", "SOURCE"},
	}
	theirAnns = []fixtureAnn{
		{"", "Sergei Shoigu", "PERSON"},
		{"Kim Jong Un", "Jong Un", "PERSON"},
		{"", "Pyongyang", "ORG"},
		{"Shoigu said.", "Shoigu", "SOURCE"},
		{"", "fraternal help from the Korean people", "CLAIM"},
	}
	theirClaim  = theirAnns[4]
	theirSource = theirAnns[3]
)

// writeProject makes a project at path holding the article with anns,
// the claim among them attributed to the source, and the other texts.
func writeProject(t *testing.T, path, annotator string, anns []fixtureAnn, others ...string) {
	t.Helper()
	st, err := storage.Open(path, storage.Options{Create: true, Annotator: annotator})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	text := annotatetest.Text(t, "article.txt")
	doc, err := st.AddDocument(annotate.Document{Title: "article", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var e annotate.Edit
	var claim, source string
	for _, a := range anns {
		start, end := rangeOf(t, text, a)
		id := annotate.NewID()
		e.PutAnnotations = append(e.PutAnnotations, annotate.Annotation{ID: id, Start: start, End: end, Label: a.label, Annotator: annotator})
		switch a.label {
		case "CLAIM":
			claim = id
		case "SOURCE":
			source = id
		}
	}
	if claim != "" && source != "" {
		e.PutRelations = append(e.PutRelations, annotate.Relation{ID: annotate.NewID(), Type: annotate.RelationAttributedTo, From: claim, To: source})
	}
	if err := st.Apply(doc.ID, e); err != nil {
		t.Fatal(err)
	}
	for _, other := range others {
		if _, err := st.AddDocument(annotate.Document{Title: other, Text: other}); err != nil {
			t.Fatal(err)
		}
	}
}

// reviewing opens my project in a window and reviews the teammate's
// file made by theirFile from the teammate's project. On cleanup it
// checks that the teammate's file is byte for byte as it was.
func reviewing(t *testing.T, theirFile func(t *testing.T, project string) string) *workspace {
	t.Helper()
	dir := t.TempDir()
	mine, theirs := filepath.Join(dir, "mine.spanmark"), filepath.Join(dir, "theirs.spanmark")
	writeProject(t, mine, "tess", myAnns, "A text only I have.")
	writeProject(t, theirs, "bob", theirAnns, "A text only Bob has.")
	path := theirFile(t, theirs)
	before := annotatetest.FileState(t, path)
	ws := openTestWorkspace(t, mine)
	ws.startReview(path)
	if ws.review == nil {
		t.Fatalf("no review of %s", path)
	}
	t.Cleanup(func() {
		if annotatetest.FileState(t, path) != before {
			t.Errorf("the teammate's file %s changed", path)
		}
	})
	return ws
}

// theirProject reviews the teammate's project file itself.
func theirProject(_ *testing.T, project string) string { return project }

// theirExport reviews a spanmark JSON export of the teammate's project.
func theirExport(t *testing.T, project string) string {
	t.Helper()
	st, err := storage.Open(project, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	schema, err := st.Schema()
	if err != nil {
		t.Fatal(err)
	}
	path := strings.TrimSuffix(project, ".spanmark") + ".json"
	err = formats.WriteFile(path, false, func(w io.Writer) error {
		return formats.WriteJSON(w, formats.Header{Annotator: "bob", Schema: schema}, st.Each)
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// myRange returns the range of a in the open document.
func myRange(t *testing.T, ws *workspace, a fixtureAnn) (int, int) {
	t.Helper()
	return rangeOf(t, ws.sess.Document().Text, a)
}

// stepTo presses n until the current disagreement is of class c.
func stepTo(t *testing.T, ws *workspace, c agree.Class) agree.DiffItem {
	t.Helper()
	for range len(ws.review.items()) {
		key(ws, 'n')
		if it, ok := ws.review.item(); ok && it.Class == c {
			return it
		}
	}
	t.Fatalf("n never reached a %v disagreement", c)
	return agree.DiffItem{}
}

// classes lists the classes of the open document's diff in order.
func classes(ws *workspace) []agree.Class {
	var cs []agree.Class
	for _, it := range ws.review.items() {
		cs = append(cs, it.Class)
	}
	return cs
}

func TestReviewShowsDifferencesAndFigures(t *testing.T) {
	for _, c := range []struct {
		name  string
		their func(*testing.T, string) string
	}{
		{"project file", theirProject},
		{"JSON export", theirExport},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := reviewing(t, c.their)
			r := ws.review
			want := []agree.Class{agree.BoundaryDiff, agree.Agreed, agree.LabelDiff, agree.OnlyA, agree.OnlyB, agree.Agreed}
			if got := classes(ws); !equalClasses(got, want) {
				t.Fatalf("classes = %v, want %v", got, want)
			}
			if r.theirs.Name != "bob" {
				t.Errorf("their name = %q, want bob", r.theirs.Name)
			}
			// 2 exact matches of 5 + 5 annotations.
			if got := r.figures.Overall.Exact.F1(); got != 0.4 {
				t.Errorf("document exact F1 = %v, want 0.4", got)
			}
			if r.project.Matched != 1 || r.project.OnlyA != 1 || r.project.OnlyB != 1 {
				t.Errorf("project pairs %d, only mine %d, only theirs %d; want 1, 1, 1", r.project.Matched, r.project.OnlyA, r.project.OnlyB)
			}
			infos := ws.docs.all
			if got := ws.docs.badges[infos[0].ID]; got != "F1 0.40" {
				t.Errorf("article's badge = %q, want F1 0.40", got)
			}
			if got := ws.docs.badges[infos[1].ID]; got != "only mine" {
				t.Errorf("second document's badge = %q, want only mine", got)
			}
			if !strings.Contains(r.panel.only.Text, "A text only Bob has.") {
				t.Errorf("the panel does not list the document only theirs: %q", r.panel.only.Text)
			}
			if !strings.Contains(r.bar.info.Text, "4 disagreements, 4 open") {
				t.Errorf("bar says %q, want the 4 open disagreements", r.bar.info.Text)
			}
		})
	}
}

func equalClasses(a, b []agree.Class) bool {
	return strings.Join(classNames(a), " ") == strings.Join(classNames(b), " ")
}

func classNames(cs []agree.Class) []string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.String()
	}
	return names
}

// TestReviewAcceptTheirs steps to each kind of disagreement that theirs
// has an annotation in, accepts theirs, checks my file on disk, and
// undoes.
func TestReviewAcceptTheirs(t *testing.T) {
	for _, c := range []struct {
		name      string
		class     agree.Class
		mine      *fixtureAnn // my annotation before, nil for none
		theirs    fixtureAnn
		relations int    // relations on disk after accepting
		badge     string // the document's in the list after accepting
	}{
		{"boundary", agree.BoundaryDiff, &myAnns[1], theirAnns[1], 0, "F1 0.60"},
		{"label", agree.LabelDiff, &myAnns[2], theirAnns[2], 0, "F1 0.60"},
		{"only theirs, with its relation", agree.OnlyB, nil, theirClaim, 1, "F1 0.55"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := reviewing(t, theirProject)
			before := len(onDisk(t, ws).Annotations)
			it := stepTo(t, ws, c.class)
			key(ws, 't')

			start, end := myRange(t, ws, c.theirs)
			data := onDisk(t, ws)
			got, ok := find(data, start, end)
			if !ok || got.Label != c.theirs.label {
				t.Fatalf("no %s [%d,%d) on disk after accepting; have %+v", c.theirs.label, start, end, data.Annotations)
			}
			if c.mine != nil && got.ID != it.A.ID {
				t.Errorf("accepting replaced my annotation %s by a new one %s; want it changed in place", it.A.ID, got.ID)
			}
			if n := len(data.Annotations); c.mine == nil && n != before+1 || c.mine != nil && n != before {
				t.Errorf("%d annotations on disk, had %d", n, before)
			}
			if n := len(data.Relations); n != c.relations {
				t.Errorf("%d relations on disk, want %d", n, c.relations)
			}
			if c.relations > 0 {
				ss, se := myRange(t, ws, theirSource)
				source, _ := find(data, ss, se)
				if r := data.Relations[0]; r.From != got.ID || r.To != source.ID {
					t.Errorf("relation %+v, want from the copied claim %s to my source %s", r, got.ID, source.ID)
				}
			}
			for _, it := range ws.review.items() {
				if it.B != nil && it.B.Start == start && it.B.End == end && it.Class != agree.Agreed {
					t.Errorf("after accepting, their annotation is %v, want agreed", it.Class)
				}
			}
			if got := ws.review.figures.Overall.Exact.Matched; got != 3 {
				t.Errorf("document's exact matches = %d after accepting, want 3", got)
			}
			if got := ws.review.project.Overall.Exact.Matched; got != 3 {
				t.Errorf("project's exact matches = %d after accepting, want 3", got)
			}
			if got := ws.docs.badges[ws.sess.Document().ID]; got != c.badge {
				t.Errorf("document list says %q after accepting, want %q", got, c.badge)
			}

			ws.undo()
			data = onDisk(t, ws)
			if has(data, start, end, c.theirs.label) {
				t.Errorf("undo left their %s on disk", c.theirs.label)
			}
			if c.mine != nil {
				ms, me := myRange(t, ws, *c.mine)
				if a, ok := find(data, ms, me); !ok || a.Label != c.mine.label {
					t.Errorf("undo did not bring my %s back", c.mine.label)
				}
			}
			if len(data.Annotations) != before || len(data.Relations) != 0 {
				t.Errorf("after undo %d annotations and %d relations, want %d and 0", len(data.Annotations), len(data.Relations), before)
			}
			if got := ws.review.project.Overall.Exact.Matched; got != 2 {
				t.Errorf("project's exact matches = %d after undo, want 2", got)
			}
		})
	}
}

// TestReviewKeepAndDeleteMine keeps my label, deletes my annotation
// only mine, and undoes the deletion.
func TestReviewKeepAndDeleteMine(t *testing.T) {
	ws := reviewing(t, theirProject)
	r := ws.review
	before := onDisk(t, ws)

	label := stepTo(t, ws, agree.LabelDiff)
	test.Tap(r.bar.keep)
	if !r.kept[keyOf(label)] {
		t.Error("Keep mine did not mark the label difference kept")
	}
	if it, ok := r.item(); !ok || it.Class != agree.OnlyA {
		t.Fatalf("after Keep mine the current item is %+v, want the next disagreement, only mine", it)
	}
	if !r.bar.accept.Disabled() || r.bar.del.Disabled() {
		t.Error("on an annotation only mine, Accept theirs must be disabled and Delete mine enabled")
	}
	if got := onDisk(t, ws); len(got.Annotations) != len(before.Annotations) {
		t.Fatalf("keeping mine wrote to the file: %d annotations, had %d", len(got.Annotations), len(before.Annotations))
	}
	if ls, le := myRange(t, ws, myAnns[2]); !has(onDisk(t, ws), ls, le, "LOC") {
		t.Error("keeping mine changed my LOC")
	}

	key(ws, 'x')
	rs, re := myRange(t, ws, myAnns[3])
	if has(onDisk(t, ws), rs, re, "ORG") {
		t.Fatal("x left my ORG only mine on disk")
	}
	if it, ok := r.item(); !ok || it.Class != agree.OnlyB {
		t.Errorf("after x the current item is %+v, want the next disagreement, only theirs", it)
	}
	if r.bar.accept.Disabled() || !r.bar.del.Disabled() {
		t.Error("on an annotation only theirs, Accept theirs must be enabled and Delete mine disabled")
	}
	ws.undo()
	if !has(onDisk(t, ws), rs, re, "ORG") {
		t.Error("undo did not bring my ORG back")
	}

	// p steps back rather than tagging PERSON.
	n := len(onDisk(t, ws).Annotations)
	key(ws, 'p')
	if got := len(onDisk(t, ws).Annotations); got != n {
		t.Errorf("p while reviewing changed the file: %d annotations, had %d", got, n)
	}
}

// has reports whether data holds an annotation of label over [start, end).
func has(data *annotate.DocumentData, start, end int, label string) bool {
	a, ok := find(data, start, end)
	return ok && a.Label == label
}

// TestReviewTapTheirs clicks their claim, which only theirs has: the
// article view holds their spans, and the click makes it current.
func TestReviewTapTheirs(t *testing.T) {
	ws := reviewing(t, theirProject)
	start, _ := myRange(t, ws, theirClaim)
	tap(t, ws, start+2)
	it, ok := ws.review.item()
	if !ok || it.Class != agree.OnlyB || it.B.Label != "CLAIM" {
		t.Fatalf("clicking their claim made %+v current", it)
	}
	if ws.active != "" {
		t.Errorf("selected annotation %q; theirs is not mine to select", ws.active)
	}
	if got := ws.review.activeID(); got != theirsPrefix+it.B.ID {
		t.Errorf("the view outlines %q, want their claim", got)
	}
	if tip, _ := ws.review.tooltip(start + 2); !strings.Contains(tip, "only theirs: CLAIM “fraternal help") {
		t.Errorf("tooltip %q does not describe their claim", tip)
	}
}

func TestReviewClose(t *testing.T) {
	ws := reviewing(t, theirProject)
	bar := ws.review.bar
	if !slices.Contains(ws.top.Objects, bar.legend) || slices.Contains(ws.top.Objects, ws.review.labels) {
		t.Fatal("the legend is not in place of the label bar")
	}
	ws.closeReview()
	if ws.review != nil || ws.docs.badges != nil {
		t.Fatal("closing the review left it in place")
	}
	if slices.Contains(ws.top.Objects, bar.legend) || slices.Contains(ws.top.Objects, bar.controls) || len(ws.top.Objects) != 2 {
		t.Error("the legend and the buttons are still above the article")
	}
	if !ws.closeReviewItem.Disabled {
		t.Error("Close review is still enabled")
	}
	if ws.right.Trailing != ws.panel.object() {
		t.Error("the annotation panel is not back beside the article")
	}
	// n edits a note again rather than stepping.
	n := len(onDisk(t, ws).Annotations)
	drag(t, ws, offsetOf(t, ws, "Putin", 0), offsetOf(t, ws, "Putin", 0)+5)
	key(ws, 'p')
	if got := len(onDisk(t, ws).Annotations); got != n+1 {
		t.Errorf("after closing, p tagged %d annotations, want 1", got-n)
	}
}

// TestReviewRefusesFiles checks that files that cannot be reviewed are
// refused with a message, leaving the workspace annotating.
func TestReviewRefusesFiles(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.spanmark")
	writeProject(t, mine, "tess", myAnns)
	notProject := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(notProject, []byte("not a project"), 0o644); err != nil {
		t.Fatal(err)
	}
	badJSON := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(badJSON, []byte(`{"format": "spanmark", "version": 1, "documents": [{"text": "x", "annotations": [{"start": 0, "end": 9}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path, want string
	}{
		{"own project", mine, "is the open project"},
		{"not a project", notProject, "not a Spanmark project"},
		{"missing", filepath.Join(dir, "gone.spanmark"), "gone.spanmark"},
		{"bad export", badJSON, "bad.json"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := openTestWorkspace(t, mine)
			ws.startReview(c.path)
			if ws.review != nil {
				t.Fatal("review started")
			}
			msg := dialogText(ws)
			if !strings.Contains(msg, c.want) {
				t.Errorf("message %q does not say %q", msg, c.want)
			}
		})
	}
}

// dialogText returns the text of the labels of the top dialog.
func dialogText(ws *workspace) string {
	top := ws.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			texts = append(texts, o.Text)
		case *widget.RichText:
			texts = append(texts, o.String())
		}
	}
	return strings.Join(texts, " ")
}

func TestFiguresText(t *testing.T) {
	t.Parallel()
	f := agree.Figures{
		Labels: map[string]*agree.LabelFigures{
			"PERSON": {A: 2, B: 2, Exact: agree.Counts{A: 2, B: 2, Matched: 1}, Overlap: agree.Counts{A: 2, B: 2, Matched: 2}},
			"LOC":    {A: 1, B: 0, Exact: agree.Counts{A: 1}, Overlap: agree.Counts{A: 1}},
		},
		Overall:   agree.LabelFigures{A: 3, B: 2, Exact: agree.Counts{A: 3, B: 2, Matched: 1}, Overlap: agree.Counts{A: 3, B: 2, Matched: 2}},
		Kappa:     map[annotate.Kind]float64{annotate.KindEntity: 0.5, annotate.KindClaim: 1, annotate.KindSource: 1},
		Relations: agree.Counts{A: 1, B: 2, Matched: 1},
	}
	want := strings.Join([]string{
		"          mine theirs exact overlap",
		"LOC          1      0  0.00    0.00",
		"PERSON       2      2  0.50    1.00",
		"overall      3      2  0.40    0.80",
		"relations    1      2  0.67",
		"",
		"kappa     entity  claim source",
		"            0.50   1.00   1.00",
	}, "\n")
	if got := figuresText(f); got != want {
		t.Errorf("figuresText =\n%s\nwant\n%s", got, want)
	}
}

func TestDiffSpans(t *testing.T) {
	t.Parallel()
	mine := annotate.Annotation{ID: "m", Start: 0, End: 5, Label: "PERSON"}
	theirs := annotate.Annotation{ID: "m", Start: 2, End: 5, Label: "PERSON"}
	spans := diffSpans([]agree.DiffItem{{Class: agree.BoundaryDiff, A: &mine, B: &theirs}})
	if len(spans) != 2 {
		t.Fatalf("%d spans, want 2", len(spans))
	}
	amber := diffLooks[agree.BoundaryDiff].color
	for i, want := range []struct {
		id         string
		start, end int
		style      textview.SpanStyle
	}{
		{"m", 0, 5, textview.Fill},
		{theirsPrefix + "m", 2, 5, textview.Underline},
	} {
		s := spans[i]
		if s.ID != want.id || s.Start != want.start || s.End != want.end || s.Style != want.style || s.Color != amber {
			t.Errorf("span %d = %+v, want %s [%d,%d) style %d in the boundary colour", i, s, want.id, want.start, want.end, want.style)
		}
	}
}

// BenchmarkReviewAccept20000 measures what a person waits for when
// accepting theirs on a document with 20,000 annotations on each side —
// the edit and its commit, the diff kept up to date, the redraw — and
// for undoing it; and, apart, the figures of the document and of the
// project that the worker computes after each.
func BenchmarkReviewAccept20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	run := ws.run.(*apptest.Runner)
	run.Hold = true
	drain := run.Drain
	theirs := filepath.Join(b.TempDir(), "theirs.spanmark")
	writeTheirs(b, theirs, ws)
	ws.startReview(theirs)
	drain()
	r := ws.review
	var labels []int
	for i, it := range r.items() {
		if it.Class == agree.LabelDiff {
			labels = append(labels, i)
		}
	}
	if len(labels) == 0 {
		b.Fatal("no label differences to accept")
	}
	var accept, undo, figures time.Duration
	i := 0
	for b.Loop() {
		r.choose(labels[i%len(labels)])
		i++
		t0 := time.Now()
		r.accept()
		t1 := time.Now()
		drain()
		t2 := time.Now()
		ws.undo()
		t3 := time.Now()
		drain()
		accept += t1.Sub(t0)
		undo += t3.Sub(t2)
		figures += t2.Sub(t1) + time.Since(t3)
	}
	n := float64(b.N)
	b.ReportMetric(float64(accept.Nanoseconds())/n, "accept-ns/op")
	b.ReportMetric(float64(undo.Nanoseconds())/n, "undo-ns/op")
	b.ReportMetric(float64(figures.Nanoseconds())/(2*n), "figures-ns/op")
}

// writeTheirs writes a teammate's project holding ws's open document
// with a tenth of its PERSON and ORG annotations swapped and a tenth of
// the others left out.
func writeTheirs(b *testing.B, path string, ws *workspace) {
	b.Helper()
	data, err := ws.store.Load(ws.sess.Document().ID)
	if err != nil {
		b.Fatal(err)
	}
	swap := map[string]string{"PERSON": "ORG", "ORG": "PERSON"}
	dropped := make(map[string]bool)
	var anns []annotate.Annotation
	for i, a := range data.Annotations {
		switch {
		case i%10 == 0 && swap[a.Label] != "":
			a.Label = swap[a.Label]
		case i%10 == 5:
			dropped[a.ID] = true
			continue
		}
		anns = append(anns, a)
	}
	var rels []annotate.Relation
	for _, r := range data.Relations {
		if !dropped[r.From] && !dropped[r.To] {
			rels = append(rels, r)
		}
	}
	st, err := storage.Open(path, storage.Options{Create: true, Annotator: "bob"})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	doc := &annotate.DocumentData{Document: data.Document, Annotations: anns, Relations: rels}
	if _, err := st.Import(func(yield func(*annotate.DocumentData, error) bool) { yield(doc, nil) }); err != nil {
		b.Fatal(err)
	}
}
