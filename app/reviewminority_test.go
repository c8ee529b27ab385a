package app

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/app/textview"
)

// stepToMinority presses key until the current item is the minority's
// span of a, and returns how many presses that took.
func stepToMinority(t *testing.T, ws *workspace, k rune, a fixtureAnn) int {
	t.Helper()
	start, end := myRange(t, ws, a)
	for n := 1; n <= len(ws.review.items()); n++ {
		key(ws, k)
		if it, ok := ws.review.item(); ok && it.Class == agree.Minority &&
			it.B.Start == start && it.B.End == end && it.B.Label == a.label {
			return n
		}
	}
	t.Fatalf("%c never reached the minority's %s %q", k, a.label, a.word)
	return 0
}

// TestReviewManyMinorityShown: the spans only one teammate has are items
// that n and p reach, with their count and who has them.
func TestReviewManyMinorityShown(t *testing.T) {
	ws, _ := reviewingTeam(t)
	r := ws.review
	for _, c := range []struct {
		a    fixtureAnn
		want string
	}{
		{bobsPutin, "1/3 (bob) · minority: PERSON “Vladimir Putin”"},
		{caisRIA, "1/3 (cai) · minority: mine ORG “RIA Novosti” · theirs LOC “RIA Novosti”"},
	} {
		for _, k := range []rune{'n', 'p'} {
			stepToMinority(t, ws, k, c.a)
			if !strings.Contains(r.bar.info.Text, c.want) {
				t.Errorf("bar after %c: %q, want %q", k, r.bar.info.Text, c.want)
			}
			if got := r.bar.accept.Text; got != "Accept minority  T" {
				t.Errorf("at the minority's span the accept button says %q", got)
			}
		}
		start, _ := myRange(t, ws, c.a)
		if tip, _ := r.tooltip(start); !strings.Contains(tip, c.want) {
			t.Errorf("tooltip at %s = %q, want a line %q", c.a.word, tip, c.want)
		}
	}
	// Drawn: a click on bob's PERSON, which no one else has, makes it
	// current.
	r.choose(0)
	start, _ := myRange(t, ws, bobsPutin)
	tap(t, ws, start+1)
	if it, ok := r.item(); !ok || it.Class != agree.Minority || it.B.Start != start {
		t.Errorf("a click on Vladimir Putin made %v current, want the minority's span", it.Class)
	}
	if n, kept := r.disagreements(); n != 6 || kept != 0 {
		t.Errorf("%d disagreements, %d kept; want the majority's 4 and the minority's 2, none kept", n, kept)
	}
}

// TestReviewManyMinorityTake: t takes bob's PERSON as bob has it, in one
// undoable step; Accept majority in document neither takes the
// minority's spans nor deletes the one taken.
func TestReviewManyMinorityTake(t *testing.T) {
	ws, _ := reviewingTeam(t)
	r := ws.review
	start, end := myRange(t, ws, bobsPutin)
	before := keysOf(onDisk(t, ws))
	stepToMinority(t, ws, 'n', bobsPutin)
	key(ws, 't')
	if !has(onDisk(t, ws), start, end, "PERSON") {
		t.Fatal("t did not take bob's Vladimir Putin")
	}
	if want := "Accepted the minority's (bob): PERSON “Vladimir Putin”"; !strings.Contains(ws.status.hint.Text, want) {
		t.Errorf("status says %q, want %q", ws.status.hint.Text, want)
	}
	for _, it := range r.items() {
		if it.A != nil && it.A.Start == start && it.A.End == end && !r.isKept(it) {
			t.Errorf("the PERSON taken is still open as %v", it.Class)
		}
	}
	afterT := keysOf(onDisk(t, ws))

	test.Tap(r.bar.all)
	data := onDisk(t, ws)
	if !has(data, start, end, "PERSON") {
		t.Error("accepting the majority deleted the minority's PERSON I took")
	}
	if rs, re := myRange(t, ws, caisRIA); has(data, rs, re, "LOC") {
		t.Error("accepting the majority took cai's LOC, which only cai has")
	}

	ws.undo()
	if got := keysOf(onDisk(t, ws)); !maps.Equal(got, afterT) {
		t.Errorf("undoing the majority gave %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(afterT)))
	}
	ws.undo()
	if got := keysOf(onDisk(t, ws)); !maps.Equal(got, before) {
		t.Errorf("undoing t gave %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(before)))
	}
	stepToMinority(t, ws, 'n', bobsPutin)
}

// TestReviewManyMinorityLabel: t on the minority's other label of a span
// I have gives mine that label.
func TestReviewManyMinorityLabel(t *testing.T) {
	ws, _ := reviewingTeam(t)
	start, end := myRange(t, ws, caisRIA)
	stepToMinority(t, ws, 'n', caisRIA)
	key(ws, 't')
	data := onDisk(t, ws)
	if !has(data, start, end, "LOC") {
		t.Errorf("t left RIA Novosti %v, want cai's LOC", keysOf(data))
	}
	if n := len(data.Annotations); n != len(myAnns) {
		t.Errorf("%d annotations on disk, want my %d, one relabelled", n, len(myAnns))
	}
}

func TestMergeItems(t *testing.T) {
	t.Parallel()
	item := func(c agree.Class, s, e int) agree.DiffItem {
		return agree.DiffItem{Class: c, B: &annotate.Annotation{Start: s, End: e}}
	}
	major := []agree.DiffItem{item(agree.Agreed, 0, 5), item(agree.OnlyB, 5, 9), item(agree.OnlyB, 20, 22)}
	minor := []agree.DiffItem{item(agree.Minority, 0, 8), item(agree.Minority, 5, 9), item(agree.Minority, 30, 31)}
	var got []string
	for _, it := range mergeItems(major, minor) {
		s, e := it.Extent()
		got = append(got, spanText(s, e, it.Class.String()))
	}
	want := []string{"0 8 Minority", "0 5 Agreed", "5 9 OnlyB", "5 9 Minority", "20 22 OnlyB", "30 31 Minority"}
	if !slices.Equal(got, want) {
		t.Errorf("mergeItems = %q, want %q", got, want)
	}
}

func TestMinoritySpans(t *testing.T) {
	t.Parallel()
	mine := annotate.Annotation{ID: "m", Start: 0, End: 5, Label: "ORG"}
	theirs := annotate.Annotation{ID: "x", Start: 0, End: 5, Label: "LOC"}
	spans := minoritySpans([]agree.DiffItem{{Class: agree.Minority, A: &mine, B: &theirs}})
	want := textview.Span{ID: theirsPrefix + "x", Start: 0, End: 5, Color: diffLooks[agree.Minority].color, Style: textview.Underline}
	if len(spans) != 1 || spans[0] != want {
		t.Errorf("minoritySpans = %+v, want only %+v: mine is drawn with the majority's item", spans, want)
	}
	if c := diffLooks[agree.Minority].color; c.A >= diffLooks[agree.OnlyB].color.A {
		t.Errorf("minority colour %v is not fainter than only theirs'", c)
	}
}

func TestChangedSpans(t *testing.T) {
	t.Parallel()
	item := func(id string) agree.DiffItem {
		return agree.DiffItem{Class: agree.Minority, B: &annotate.Annotation{ID: id, Start: 0, End: 1}}
	}
	for _, c := range []struct {
		name       string
		old, now   []agree.DiffItem
		came, went []string
	}{
		{"first drawn", nil, []agree.DiffItem{item("a"), item("b")}, []string{"a", "b"}, nil},
		{"one taken", []agree.DiffItem{item("a"), item("b")}, []agree.DiffItem{item("b")}, nil, []string{theirsPrefix + "a"}},
		{"undone", []agree.DiffItem{item("b")}, []agree.DiffItem{item("a"), item("b")}, []string{"a"}, nil},
		{"same", []agree.DiffItem{item("a")}, []agree.DiffItem{item("a")}, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			came, went := changedSpans(c.old, c.now)
			var ids []string
			for _, it := range came {
				ids = append(ids, it.B.ID)
			}
			if !slices.Equal(ids, c.came) || !slices.Equal(went, c.went) {
				t.Errorf("changedSpans: came %q, went %q; want %q, %q", ids, went, c.came, c.went)
			}
		})
	}
}

// TestReviewManyMinorityRelations: bob alone has a claim, attributed to
// the source we all have; t takes it with its link to my source, in one
// undoable step.
func TestReviewManyMinorityRelations(t *testing.T) {
	claim := fixtureAnn{"", "has decided to send 1,000 sappers to Russia", "CLAIM"}
	ws, _ := reviewingFiles(t, []teamFile{
		{"bob", append(slices.Clone(myAnns), claim)},
		{"cai", myAnns},
		{"dee", myAnns},
	})
	stepToMinority(t, ws, 'n', claim)
	key(ws, 't')
	data := onDisk(t, ws)
	start, end := myRange(t, ws, claim)
	got, ok := find(data, start, end)
	if !ok || got.Label != "CLAIM" {
		t.Fatalf("after t, no CLAIM over the minority's span on disk")
	}
	sStart, sEnd := myRange(t, ws, myAnns[4]) // my SOURCE Shoigu
	source, _ := find(data, sStart, sEnd)
	if len(data.Relations) != 1 || data.Relations[0].From != got.ID || data.Relations[0].To != source.ID ||
		data.Relations[0].Type != annotate.RelationAttributedTo {
		t.Fatalf("relations after t: %+v, want the claim attributed to my source %s", data.Relations, source.ID)
	}
	if !strings.Contains(ws.status.hint.Text, "with 1 relation") {
		t.Errorf("status hint %q does not say the relation came along", ws.status.hint.Text)
	}
	ws.undo()
	if data := onDisk(t, ws); len(data.Relations) != 0 {
		t.Errorf("after undo %d relations, want none", len(data.Relations))
	} else if _, ok := find(data, start, end); ok {
		t.Error("after undo the claim is still on disk")
	}
}
