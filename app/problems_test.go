//go:build ci

package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/annotate/lint"
	"spanmark/app/apptest"
)

// openPlanted opens a window on a new project holding the lint fixture,
// its schema (with a required attribute) and its three documents.
func openPlanted(t *testing.T) *workspace {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.spanmark")
	st, err := open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	in, err := formats.OpenPath(filepath.Join("..", "testdata", "lint", "planted.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSchema(in.Header().Schema, annotate.SchemaChange{}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(in.Documents()); err != nil {
		t.Fatal(err)
	}
	in.Close()
	st.Close()
	return openTestWorkspace(t, path)
}

// openTitled opens the document titled title.
func openTitled(t *testing.T, ws *workspace, title string) {
	t.Helper()
	infos, err := ws.store.Documents()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(infos, func(d annotate.DocumentInfo) bool { return d.Title == title })
	if i < 0 {
		t.Fatalf("no document %q", title)
	}
	if err := ws.openDocument(infos[i].ID); err != nil {
		t.Fatal(err)
	}
}

// problemRows returns the Problems window's rows as "rule annotation".
func problemRows(ws *workspace) []string {
	var out []string
	for _, f := range ws.problems.view.rows {
		out = append(out, f.Rule+" "+f.Annotation)
	}
	return out
}

// settle runs the problems' pending refresh: the timers the edits set,
// then the checks (which apptest.Runner runs in place).
func settle(ws *workspace) { ws.run.(*apptest.Runner).Fire() }

// The fixture names each planted annotation after the rule it breaks.
var plantedRows = []string{
	"claim-without-source claim-without-source",
	"source-without-claim source-without-claim",
	"inconsistent-label inconsistent-label",
	"boundary-space boundary-space",
	"boundary-punct boundary-punct",
	"partial-token partial-token",
	"duplicate duplicate-first", // of two equal spans, the one the order puts second
	"same-label-overlap same-label-overlap",
	"attribute-unset attribute-unset",
}

func TestProblemsListsPlantedFindings(t *testing.T) {
	ws := openPlanted(t)
	openTitled(t, ws, "Planted")
	ws.showProblems()
	got := problemRows(ws)
	for _, want := range plantedRows {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	ws.problems.view.scope.SetSelected(scopeProject)
	got = problemRows(ws)
	if !slices.Contains(got, "empty-done ") {
		t.Errorf("project scope lacks empty-done: %q", got)
	}
	for _, f := range ws.problems.view.rows {
		if f.DocumentTitle == "Clean" {
			t.Errorf("the clean document has a finding: %+v", f)
		}
	}
	// Every rule with a planted case is listed: the window shows what
	// lint.Rules has, with no list of its own.
	for _, r := range lint.Rules {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, r.ID+" ") }) {
			t.Errorf("rule %s not listed", r.ID)
		}
	}
}

func TestProblemsFollowEditsAndFix(t *testing.T) {
	ws := openPlanted(t)
	openTitled(t, ws, "Planted")
	ws.showProblems()
	v := ws.problems.view
	// Deleting the annotation that ends on a space removes its finding
	// once the edits pause, without a new pass over the project.
	row := slices.Index(problemRows(ws), "boundary-space boundary-space")
	v.list.Select(row)
	if ws.active != "boundary-space" {
		t.Fatalf("a click on the finding selected %q", ws.active)
	}
	ws.deleteActive()
	settle(ws)
	if slices.Contains(problemRows(ws), "boundary-space boundary-space") {
		t.Error("the deleted annotation's finding is still listed")
	}
	// Fix trims "spoke." to "spoke", one step that undo takes back.
	row = slices.Index(problemRows(ws), "boundary-punct boundary-punct")
	v.list.Select(row)
	if v.fix.Disabled() {
		t.Fatal("Fix is disabled for boundary-punct")
	}
	test.Tap(v.fix)
	if a, _ := ws.sess.Annotation("boundary-punct"); ws.sess.Text(a.Start, a.End) != "spoke" {
		t.Errorf("after Fix the span is %q", ws.sess.Text(a.Start, a.End))
	}
	settle(ws)
	if slices.Contains(problemRows(ws), "boundary-punct boundary-punct") {
		t.Error("the fixed finding is still listed")
	}
	if name, _ := ws.sess.CanUndo(); name != "resize MISC" {
		t.Errorf("undo step %q", name)
	}
	ws.undo()
	settle(ws)
	if !slices.Contains(problemRows(ws), "boundary-punct boundary-punct") {
		t.Error("after undo the finding is not back")
	}
}

// TestProblemsFixAfterJumpToOtherDocument checks that a finding clicked
// in another document stays selected, with its Fix offered, once that
// document, opened by the click, is checked again.
func TestProblemsFixAfterJumpToOtherDocument(t *testing.T) {
	ws := openPlanted(t)
	openTitled(t, ws, "Clean")
	ws.showProblems()
	v := ws.problems.view
	v.scope.SetSelected(scopeProject)
	v.list.Select(slices.Index(problemRows(ws), "boundary-punct boundary-punct"))
	settle(ws)
	if ws.sess.Document().Title != "Planted" {
		t.Fatalf("the click opened %q", ws.sess.Document().Title)
	}
	if v.fix.Disabled() || v.sel < 0 || v.rows[v.sel].Annotation != "boundary-punct" {
		t.Errorf("after the check: Fix disabled %v, selected row %d", v.fix.Disabled(), v.sel)
	}
}

func TestProblemsSurfacesFollowEdits(t *testing.T) {
	ws := openPlanted(t)
	openTitled(t, ws, "Planted")
	ws.showProblems()
	// The planted ORG "Shoigu" is outnumbered by PERSON in "Clean";
	// relabelling it PERSON ends the inconsistency, relabelling it back
	// brings it back: the project's counts follow each edit.
	ws.setActive("inconsistent-label")
	ws.tagWith("PERSON")
	settle(ws)
	if slices.Contains(problemRows(ws), "inconsistent-label inconsistent-label") {
		t.Errorf("after relabelling to PERSON: %q", problemRows(ws))
	}
	ws.undo()
	settle(ws)
	if !slices.Contains(problemRows(ws), "inconsistent-label inconsistent-label") {
		t.Errorf("after undo: %q", problemRows(ws))
	}
}
