//go:build ci

package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/app/apptest"
	"spanmark/app/textview"
)

// suggestWorkspace opens a project of two documents that both name
// Shoigu: the sample article, open, and a second one of its paragraphs.
// It returns the second one's id.
func suggestWorkspace(t *testing.T) (*workspace, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.spanmark")
	st, err := open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	article := annotatetest.Text(t, "article.txt")
	if _, err := st.AddDocument(annotate.Document{Title: "article", Text: article}); err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(article, "\n\n")
	other, err := st.AddDocument(annotate.Document{Title: "other", Text: paras[3] + "\n\n" + paras[4]})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return openTestWorkspace(t, path), other.ID
}

// tagWord tags the n-th occurrence of word in the open document.
func tagWord(t *testing.T, ws *workspace, word string, n int, label string) {
	t.Helper()
	start := offsetOf(t, ws, word, n)
	ws.view.SetSelection(start, start+annotate.RuneLen(word))
	ws.tagWith(label)
}

// pressShifted types a key with Shift held, as the view sees it.
func pressShifted(ws *workspace, name fyne.KeyName) {
	ws.view.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	typeKey(ws, name)
	ws.view.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// all returns the open document's suggestions.
func all(ws *workspace) []annotate.Suggestion {
	return ws.sugg.in(nil, 0, ws.sess.Index().Len())
}

// suggested returns the open document's suggestions as "text/LABEL".
func suggested(ws *workspace) []string {
	var out []string
	for _, s := range all(ws) {
		out = append(out, ws.sess.Text(s.Start, s.End)+"/"+s.Label)
	}
	return out
}

func TestTagSuggestsInEveryDocument(t *testing.T) {
	ws, other := suggestWorkspace(t)
	if n := len(all(ws)); n != 0 {
		t.Fatalf("a project without annotations suggests %d", n)
	}
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	// The article names Shoigu five times: the other four are suggested.
	want := strings.Count(ws.sess.Document().Text, "Shoigu") - 1
	if got := suggested(ws); len(got) != want || got[0] != "Shoigu/PERSON" {
		t.Fatalf("after tagging Shoigu the article suggests %v, want %d × Shoigu/PERSON", got, want)
	}
	ws.lists.flush()
	if s := ws.status.text(); !strings.Contains(s, plural(want, "suggestion")) {
		t.Errorf("status line %q does not count %d suggestions", s, want)
	}
	if err := ws.openDocument(other); err != nil {
		t.Fatal(err)
	}
	if got := suggested(ws); len(got) != 2 || got[0] != "Shoigu/PERSON" {
		t.Errorf("the other document suggests %v, want its two Shoighus", got)
	}
	ws.lists.flush()
	if got := docRow(t, ws, other); got != "0 +2" {
		t.Errorf("the other document's row counts %q, want \"0 +2\"", got)
	}
}

// docRow returns the count shown in document id's row of the list.
func docRow(t *testing.T, ws *workspace, id string) string {
	t.Helper()
	for pos, i := range ws.docs.shown {
		if ws.docs.all[i].ID == id {
			o := ws.docs.list.CreateItem()
			ws.docs.update(pos, o)
			return o.(*fyne.Container).Objects[2].(*widget.Label).Text
		}
	}
	t.Fatalf("document %s not in the list", id)
	return ""
}

func TestSuggestionKeys(t *testing.T) {
	ws, _ := suggestWorkspace(t)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	n := len(all(ws))
	second := offsetOf(t, ws, "Shoigu", 1)

	// Tab keeps the focus in the view and selects the next suggestion
	// after the caret, which sits at the end of the tagged Shoigu.
	typeKey(ws, fyne.KeyTab)
	if f := ws.win.Canvas().Focused(); f != ws.view {
		t.Fatalf("Tab moved the focus to %T", f)
	}
	if !ws.sugg.selected() || ws.sugg.sel.Start != second {
		t.Fatalf("Tab selected %+v (%v), want the Shoigu at %d", ws.sugg.sel, ws.sugg.selected(), second)
	}
	pressShifted(ws, fyne.KeyTab)
	if last := all(ws)[n-1]; ws.sugg.sel != last {
		t.Errorf("Shift+Tab from the first went to %+v, want the last %+v", ws.sugg.sel, last)
	}
	typeKey(ws, fyne.KeyTab)

	// Enter accepts it: one committed, undoable edit.
	typeKey(ws, fyne.KeyReturn)
	if a, ok := ws.sess.Annotation(ws.active); !ok || a.Start != second || a.Label != "PERSON" {
		t.Fatalf("Enter made %+v (found %v), want PERSON at %d", a, ok, second)
	}
	if got := len(all(ws)); got != n-1 {
		t.Errorf("after accepting, %d suggestions, want %d", got, n-1)
	}
	if step, _ := ws.sess.CanUndo(); step != "accept PERSON" {
		t.Errorf("the undo step is %q", step)
	}
	ws.undo()
	if got := len(all(ws)); got != n || len(ws.sess.Over(second, second+6)) != 0 {
		t.Errorf("after undo, %d suggestions and %v over Shoigu, want %d and none", got, ws.sess.Over(second, second+6), n)
	}

	// x rejects: recorded in the project, never suggested again.
	typeKey(ws, fyne.KeyTab)
	rejected := ws.sugg.sel
	ws.onRune(keyReject)
	rej, err := ws.store.Rejections()
	if err != nil {
		t.Fatal(err)
	}
	if len(rej) != 1 || rej[0].Start != rejected.Start || rej[0].Text != "Shoigu" {
		t.Fatalf("rejections %+v, want Shoigu at %d", rej, rejected.Start)
	}
	if got := suggested(ws); len(got) != 0 {
		t.Errorf("after rejecting Shoigu as PERSON the document still suggests %v", got)
	}
	ws.sugg.build()
	ws.sugg.documentShown()
	if got := suggested(ws); len(got) != 0 {
		t.Errorf("rebuilt from the project, the rejected suggestion is back: %v", got)
	}
}

func TestAcceptEveryOfALabel(t *testing.T) {
	ws, _ := suggestWorkspace(t)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	tagWord(t, ws, "Pyongyang", 0, "LOC")
	before := ws.sess.Len()
	persons := 0
	for _, s := range all(ws) {
		if s.Label == "PERSON" {
			persons++
		}
	}
	typeKey(ws, fyne.KeyTab)
	for ws.sugg.sel.Label != "PERSON" {
		typeKey(ws, fyne.KeyTab)
	}
	pressShifted(ws, fyne.KeyReturn)
	if got := ws.sess.Len() - before; got != persons {
		t.Fatalf("Shift+Enter added %d annotations, want the %d PERSON suggestions", got, persons)
	}
	for _, s := range suggested(ws) {
		if strings.HasSuffix(s, "/PERSON") {
			t.Errorf("%s still suggested", s)
		}
	}
	ws.undo()
	if got := ws.sess.Len(); got != before {
		t.Errorf("one undo leaves %d annotations, want %d", got, before)
	}
}

func TestKeysWithoutSuggestions(t *testing.T) {
	ws, _ := suggestWorkspace(t)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	ws.lists.flush()
	active := ws.active
	// Nothing selected: Enter and x do what they did before.
	typeKey(ws, fyne.KeyReturn)
	ws.onRune(keyReject)
	if rej, _ := ws.store.Rejections(); len(rej) != 0 || ws.active != active || ws.sess.Len() != 1 {
		t.Errorf("Enter and x with no suggestion selected: rejections %v, active %q (was %q), %d annotations", rej, ws.active, active, ws.sess.Len())
	}

	// Hidden, the suggestions are neither drawn nor keyed, and Tab goes
	// on round the window.
	ws.toggleSuggestions()
	if ws.view.AcceptsTab() || !strings.Contains(ws.status.text(), "(hidden)") {
		t.Errorf("hidden: the view still shows suggestions; status %q", ws.status.text())
	}
	typeKey(ws, fyne.KeyTab)
	if ws.win.Canvas().Focused() == ws.view || ws.sugg.selected() {
		t.Error("with the suggestions hidden, Tab stayed in the view")
	}
	ws.toggleSuggestions()
	if !ws.view.AcceptsTab() || strings.Contains(ws.status.text(), "(hidden)") {
		t.Errorf("shown again: the view shows none; status %q", ws.status.text())
	}
}

func TestClickSelectsSuggestion(t *testing.T) {
	ws, _ := suggestWorkspace(t)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	second := offsetOf(t, ws, "Shoigu", 1)
	ws.onSuggestionTap(textview.Span{Start: second, End: second + 6, Label: "PERSON"})
	if !ws.sugg.selected() || ws.sugg.sel.Start != second || ws.active != "" {
		t.Fatalf("clicking the suggestion at %d selected %+v (active annotation %q)", second, ws.sugg.sel, ws.active)
	}
	ws.onSelect(3, 3) // a click on plain text
	if ws.sugg.selected() {
		t.Error("a click elsewhere left the suggestion selected")
	}
}

// openHeld tags the article's first Shoigu as PERSON and opens the other
// document with the background work held, so that its suggestions are
// not computed until run is drained.
func openHeld(t *testing.T) (*workspace, *apptest.Runner) {
	t.Helper()
	ws, other := suggestWorkspace(t)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	run := ws.run.(*apptest.Runner)
	run.Hold = true
	if err := ws.openDocument(other); err != nil {
		t.Fatal(err)
	}
	return ws, run
}

// TestDocumentSuggestionsInBackground opens a document while its
// suggestions are computed off Fyne's goroutine: the document shows at
// once, with the suggestions of the part in view, an edit made meanwhile
// drops those (they do not know of it), and it counts once the
// document's own come.
func TestDocumentSuggestionsInBackground(t *testing.T) {
	ws, run := openHeld(t)
	// Tagged while the suggestions are computed: its other occurrence
	// must be suggested, and the one tagged no more.
	tagWord(t, ws, "Russian", 0, "MISC")
	if got := suggested(ws); len(got) != 0 {
		t.Fatalf("suggestions after an edit, before their computation ended: %v", got)
	}
	run.Hold = false
	run.Drain()
	got := strings.Join(suggested(ws), " ")
	if strings.Count(got, "Shoigu/PERSON") != 2 || strings.Count(got, "Russian/MISC") != 3 {
		t.Errorf("after the computation: %s; want both Shoigus and the other three Russian", got)
	}
}

// TestEarlySuggestionsInView opens a document while its suggestions are
// computed off Fyne's goroutine: the view draws those of the part in
// view at once, and the same once the whole document's are computed.
func TestEarlySuggestionsInView(t *testing.T) {
	ws, run := openHeld(t)
	n := ws.sess.Index().Len()
	early := ws.sugg.spansIn(nil, 0, n)
	if ws.sugg.doc != nil {
		t.Fatal("the document's suggestions were computed while the runner held them")
	}
	if len(early) != 2 || early[0].Label != "PERSON" || ws.sess.Text(early[0].Start, early[0].End) != "Shoigu" {
		t.Fatalf("before the computation the view draws %v; want both Shoigus", early)
	}
	run.Hold = false
	run.Drain()
	if ws.sugg.doc == nil {
		t.Fatal("the document's suggestions were not computed")
	}
	if after := ws.sugg.spansIn(nil, 0, n); !slices.Equal(after, early) {
		t.Errorf("after the computation the view draws %v; before it drew %v", after, early)
	}
}

// TestEarlySuggestionsRejected rejects one of the suggestions drawn
// before the document's own are computed: those drawn early do not know
// of it and go, and the string is not suggested again once they come.
func TestEarlySuggestionsRejected(t *testing.T) {
	ws, run := openHeld(t)
	typeKey(ws, fyne.KeyTab)
	if !ws.sugg.selected() {
		t.Fatal("Tab selected no early suggestion")
	}
	ws.onRune(keyReject)
	if got := suggested(ws); len(got) != 0 {
		t.Errorf("after rejecting Shoigu as PERSON, before the computation ended: %v", got)
	}
	run.Hold = false
	run.Drain()
	if got := suggested(ws); len(got) != 0 {
		t.Errorf("after rejecting Shoigu as PERSON, once computed: %v", got)
	}
}
