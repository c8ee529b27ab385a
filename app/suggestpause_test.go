//go:build ci

package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spanmark/app/apptest"
	"spanmark/app/textview"
)

// TestTagSuggestionsWaitForPause checks what a tag's frame draws of the
// suggestions. The index hears of a tag when the edits pause, so the
// frame draws the suggestions as they were, less any the new annotation
// repeats, and the pause draws the new ones; the keys, and another
// document opened before the pause, see the tag at once.
func TestTagSuggestionsWaitForPause(t *testing.T) {
	ws, other := suggestWorkspace(t)
	run := ws.run.(*apptest.Runner)
	text := ws.sess.Document().Text
	drawn := func() []string {
		var out []string
		for _, s := range ws.sugg.spansIn(nil, 0, ws.sess.Index().Len()) {
			out = append(out, ws.sess.Text(s.Start, s.End)+"/"+s.Label)
		}
		return out
	}
	shoigus := strings.Count(text, "Shoigu")
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	if got := drawn(); len(got) != 0 {
		t.Errorf("the tag's frame draws %v, want the suggestions from before it: none", got)
	}
	run.Fire() // the pause
	if got := drawn(); len(got) != shoigus-1 {
		t.Fatalf("after the pause the view draws %v, want %d × Shoigu/PERSON", got, shoigus-1)
	}
	// Tagging a suggested Shoigu by hand takes its outline away at once.
	tagWord(t, ws, "Shoigu", 1, "PERSON")
	if got := drawn(); len(got) != shoigus-2 {
		t.Errorf("the second tag's frame draws %v, want %d × Shoigu/PERSON", got, shoigus-2)
	}
	run.Fire()

	// Tab right after a tag steps to the tagged string's next occurrence.
	tagWord(t, ws, "Kim", 0, "PERSON")
	typeKey(ws, fyne.KeyTab)
	if second := offsetOf(t, ws, "Kim", 1); !ws.sugg.selected() || ws.sugg.sel.Start != second {
		t.Errorf("Tab after the tag selected %+v (%v), want the Kim at %d", ws.sugg.sel, ws.sugg.selected(), second)
	}

	// Another document opened before the pause is matched against the
	// index with the tag in it.
	typeKey(ws, fyne.KeyEscape) // no suggestion selected: the tag waits for the pause
	tagWord(t, ws, "Pyongyang", 0, "LOC")
	if err := ws.openDocument(other); err != nil {
		t.Fatal(err)
	}
	if got := suggested(ws); !strings.Contains(strings.Join(got, " "), "Pyongyang/LOC") {
		t.Errorf("the other document suggests %v, without Pyongyang/LOC", got)
	}
}

// TestTagRedrawsSuggestionsItChanges checks when the frame after an edit
// asks for the suggestions in view again: when the edit hides one (a tag
// of a suggested span) or brings one back (its undo), and not otherwise,
// so that a tag elsewhere costs its frame no query.
func TestTagRedrawsSuggestionsItChanges(t *testing.T) {
	ws, _ := suggestWorkspace(t)
	run := ws.run.(*apptest.Runner)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	run.Fire() // the pause: every other Shoigu is suggested
	second := offsetOf(t, ws, "Shoigu", 1)
	asks, shown := 0, []string(nil)
	ws.view.SetSuggestions(func(dst []textview.Span, a, b int) []textview.Span {
		asks++
		n := len(dst)
		dst = ws.sugg.spansIn(dst, a, b)
		shown = shown[:0]
		for _, s := range dst[n:] {
			shown = append(shown, fmt.Sprintf("%d/%s", s.Start, s.Label))
		}
		return dst
	})
	frame := func() { test.WidgetRenderer(ws.view).Objects() }
	ws.view.ScrollTo(second)
	frame()
	want := fmt.Sprintf("%d/PERSON", second)
	if !slices.Contains(shown, want) {
		t.Fatalf("the view shows %v, without the second Shoigu (%s)", shown, want)
	}

	before := asks
	tagWord(t, ws, "Kim", 0, "PERSON") // nothing suggested there
	frame()
	if asks != before {
		t.Errorf("a tag that changes no suggestion made the frame ask %d times", asks-before)
	}
	tagWord(t, ws, "Shoigu", 1, "PERSON")
	frame()
	if asks == before || slices.Contains(shown, want) {
		t.Errorf("after tagging the suggested Shoigu the view shows %v (asked %d times), want it gone", shown, asks-before)
	}
	before = asks
	ws.undo()
	frame()
	if asks == before || !slices.Contains(shown, want) {
		t.Errorf("after undoing that tag the view shows %v (asked %d times), want the suggestion back", shown, asks-before)
	}
}
