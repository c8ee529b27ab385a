package app

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/annotatetest"
)

// The spans only a minority of the team has: bob's PERSON that no one
// else has, and cai's LOC on the ORG that I and dee have.
var (
	bobsPutin = fixtureAnn{"", "Vladimir Putin", "PERSON"}
	caisRIA   = fixtureAnn{"", "RIA Novosti", "LOC"}
)

// reviewingTeam opens my project and reviews three teammates' files
// together: bob's and cai's hold theirAnns, dee's myAnns. Their majority
// is theirAnns, so the diff is the one-file review's, but each span has
// its count: Sergei Shoigu and the source 3/3, bob's and cai's spans 2/3,
// my ORG only 1/3 (dee's). Besides, bob has bobsPutin and cai caisRIA,
// each 1/3: the minority's items.
func reviewingTeam(t *testing.T) (*workspace, []string) {
	t.Helper()
	return reviewingFiles(t, []teamFile{
		{"bob", append(slices.Clone(theirAnns), bobsPutin)},
		{"cai", append(slices.Clone(theirAnns), caisRIA)},
		{"dee", myAnns},
	})
}

// teamFile is a teammate's project: its annotator and annotations.
type teamFile struct {
	name string
	anns []fixtureAnn
}

// reviewingFiles opens my project, holding myAnns, and reviews the
// teammates' files together; on cleanup it checks that none of them
// changed.
func reviewingFiles(t *testing.T, files []teamFile) (*workspace, []string) {
	t.Helper()
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.spanmark")
	writeProject(t, mine, "tess", myAnns, "A text only I have.")
	var paths []string
	for _, tm := range files {
		path := filepath.Join(dir, tm.name+".spanmark")
		writeProject(t, path, tm.name, tm.anns)
		paths = append(paths, path)
	}
	before := make([]string, len(paths))
	for i, p := range paths {
		before[i] = annotatetest.FileState(t, p)
	}
	ws := openTestWorkspace(t, mine)
	ws.startReviewMany(paths)
	if ws.review == nil || ws.review.team == nil {
		t.Fatalf("no review of the team: %s", dialogText(ws))
	}
	t.Cleanup(func() {
		for i, p := range paths {
			if annotatetest.FileState(t, p) != before[i] {
				t.Errorf("the teammate's file %s changed", p)
			}
		}
	})
	return ws, paths
}

func TestReviewManyShowsCounts(t *testing.T) {
	ws, _ := reviewingTeam(t)
	r := ws.review
	if want := "majority of bob, cai, dee"; r.theirs.Name != want {
		t.Errorf("reviewing %q, want %q", r.theirs.Name, want)
	}
	want := []agree.Class{agree.BoundaryDiff, agree.Agreed, agree.LabelDiff, agree.OnlyA, agree.Minority, agree.Minority, agree.OnlyB, agree.Agreed}
	if got := classes(ws); !equalClasses(got, want) {
		t.Fatalf("classes = %v, want %v", got, want)
	}
	for _, c := range []struct {
		class agree.Class
		want  string
	}{
		{agree.LabelDiff, "2/3 · labels differ: mine LOC “Pyongyang” · theirs ORG “Pyongyang”"},
		{agree.OnlyA, "1/3 · only mine: ORG “RIA Novosti”"},
		{agree.OnlyB, "2/3 · only theirs: CLAIM"},
		{agree.BoundaryDiff, "2/3 · boundaries differ"},
	} {
		stepTo(t, ws, c.class)
		if !strings.Contains(r.bar.info.Text, c.want) {
			t.Errorf("bar at a %v: %q, want %q", c.class, r.bar.info.Text, c.want)
		}
	}
	start, _ := myRange(t, ws, myAnns[0]) // Sergei Shoigu, agreed by all
	if tip, _ := r.tooltip(start); !strings.HasPrefix(tip, "3/3 · agreed: PERSON") {
		t.Errorf("tooltip = %q, want 3/3 agreed", tip)
	}
	if got := r.bar.accept.Text; got != "Accept majority  T" {
		t.Errorf("accept button says %q", got)
	}
	panel := r.panel.team.Text
	for _, want := range []string{"alpha    entity", "mine|bob   0.36    0.55", "bob|cai    0.83    0.83", "1 document rated by two or more, 1 by one"} {
		if !r.panel.team.Visible() || !strings.Contains(panel, want) {
			t.Errorf("team panel (visible %v) lacks %q:\n%s", r.panel.team.Visible(), want, panel)
		}
	}
}

// TestReviewManyAccept takes one span as the majority has it with t,
// then the rest of the document with the button, and undoes that in one
// step.
func TestReviewManyAccept(t *testing.T) {
	ws, _ := reviewingTeam(t)
	r := ws.review
	stepTo(t, ws, agree.BoundaryDiff)
	key(ws, 't')
	js, je := myRange(t, ws, theirAnns[1])
	if !has(onDisk(t, ws), js, je, "PERSON") {
		t.Fatalf("t did not take the majority's Jong Un")
	}
	afterT := keysOf(onDisk(t, ws))

	test.Tap(r.bar.all)
	data := onDisk(t, ws)
	want := map[string]bool{}
	for _, a := range theirAnns {
		s, e := myRange(t, ws, a)
		want[spanText(s, e, a.label)] = true
	}
	if got := keysOf(data); !maps.Equal(got, want) {
		t.Errorf("after accepting the majority, on disk %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	if len(data.Relations) != 1 {
		t.Errorf("%d relations on disk, want the majority's claim → source", len(data.Relations))
	}
	// What is left is what dee, bob and cai have alone: dee's three
	// that I had, bob's PERSON and cai's LOC.
	got := slices.DeleteFunc(classes(ws), func(c agree.Class) bool { return c == agree.Agreed })
	if want := slices.Repeat([]agree.Class{agree.Minority}, 5); !equalClasses(got, want) {
		t.Errorf("left after accepting the majority: %v, want %v", got, want)
	}
	if !r.bar.all.Disabled() {
		t.Error("Accept majority in document is enabled with nothing left to accept")
	}
	if !strings.Contains(ws.status.hint.Text, "Accepted the majority: 2 taken, 1 deleted") {
		t.Errorf("status says %q", ws.status.hint.Text)
	}

	ws.undo()
	if got := keysOf(onDisk(t, ws)); !maps.Equal(got, afterT) {
		t.Errorf("one undo gave %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(afterT)))
	}
	if n := len(onDisk(t, ws).Relations); n != 0 {
		t.Errorf("%d relations after undo, want 0", n)
	}
}

// TestReviewManyKeptStays: a kept disagreement is not accepted with the
// rest.
func TestReviewManyKeptStays(t *testing.T) {
	ws, _ := reviewingTeam(t)
	stepTo(t, ws, agree.OnlyA)
	key(ws, 'k')
	test.Tap(ws.review.bar.all)
	s, e := myRange(t, ws, myAnns[3])
	if !has(onDisk(t, ws), s, e, "ORG") {
		t.Error("accepting the majority deleted the ORG I kept")
	}
}

func TestReviewManyRefuses(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.spanmark")
	bob := filepath.Join(dir, "bob.spanmark")
	writeProject(t, mine, "tess", myAnns)
	writeProject(t, bob, "bob", theirAnns)
	for _, c := range []struct {
		name  string
		paths []string
		want  string
	}{
		{"one file", []string{bob}, "choose two files or more; 1 chosen"},
		{"own project", []string{bob, mine}, "mine.spanmark: it is the open project"},
		{"twice", []string{bob, bob}, "bob.spanmark is chosen twice"},
		{"missing", []string{bob, filepath.Join(dir, "gone.spanmark")}, "gone.spanmark"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := openTestWorkspace(t, mine)
			ws.startReviewMany(c.paths)
			if ws.review != nil {
				t.Fatal("review started")
			}
			if msg := dialogText(ws); !strings.Contains(msg, c.want) {
				t.Errorf("message %q does not say %q", msg, c.want)
			}
		})
	}
}

// keysOf returns a document's annotations as "start end label".
func keysOf(d *annotate.DocumentData) map[string]bool {
	keys := map[string]bool{}
	for _, a := range d.Annotations {
		keys[spanText(a.Start, a.End, a.Label)] = true
	}
	return keys
}

func spanText(start, end int, label string) string {
	return fmt.Sprintf("%d %d %s", start, end, label)
}

// TestReviewManyDialog: the dialog lists no file at first, and reviewing
// without two files says so.
func TestReviewManyDialog(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.spanmark")
	writeProject(t, mine, "tess", myAnns)
	ws := openTestWorkspace(t, mine)
	ws.reviewManyDialog()
	top := ws.win.Canvas().Overlays().Top()
	if !strings.Contains(dialogText(ws), "No files chosen yet.") {
		t.Fatalf("dialog says %q", dialogText(ws))
	}
	findButton(t, top, "Add a file…")
	test.Tap(findButton(t, top, "Review"))
	if msg := dialogText(ws); ws.review != nil || !strings.Contains(msg, "choose two files or more; 0 chosen") {
		t.Errorf("review %v, message %q", ws.review != nil, msg)
	}
}
