package app

import (
	"slices"
	"testing"

	"spanmark/annotate"
	"spanmark/app/apptest"
)

// shownTitles lists the titles the document list shows.
func shownTitles(ws *workspace) []string {
	var titles []string
	for _, i := range ws.docs.shown {
		titles = append(titles, ws.docs.all[i].Title)
	}
	return titles
}

func TestDocListFiltersByStatus(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt", "unicode.txt")
	ws.stepDocument(1)
	ws.setStatus(annotate.StatusDone)
	for _, c := range []struct {
		option string
		want   []string
	}{
		{"Done", []string{"unicode.txt"}},
		{"To do", []string{"article.txt"}},
		{"In progress", nil},
		{allStatuses, []string{"article.txt", "unicode.txt"}},
	} {
		ws.docs.byState.SetSelected(c.option)
		if got := shownTitles(ws); !slices.Equal(got, c.want) {
			t.Errorf("%s: the list shows %q, want %q", c.option, got, c.want)
		}
	}
}

// TestDocListFindsText types a word that is in one document's text but in
// no title: the list shows it once the search, which runs on the app's
// runner once typing pauses, comes back. A search overtaken by a newer
// query shows nothing.
func TestDocListFindsText(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt", "unicode.txt")
	run := ws.run.(*apptest.Runner)
	ws.docs.filter.SetText("SHOIGU")
	if got := shownTitles(ws); len(got) != 0 {
		t.Fatalf("before the search: the list shows %q, want nothing", got)
	}
	run.Fire()
	if got := shownTitles(ws); !slices.Equal(got, []string{"article.txt"}) {
		t.Errorf("after the search: the list shows %q, want article.txt", got)
	}
	ws.docs.filter.SetText("unicode")
	if got := shownTitles(ws); !slices.Equal(got, []string{"unicode.txt"}) {
		t.Errorf("a title match: the list shows %q, want unicode.txt", got)
	}
	run.Hold = true
	ws.docs.filter.SetText("shoigu")
	run.Fire()
	ws.docs.filter.SetText("zzz")
	run.Drain()
	run.Fire()
	run.Drain()
	if got := shownTitles(ws); len(got) != 0 {
		t.Errorf("after an overtaken search: the list shows %q, want nothing", got)
	}
}

func TestRenameDocument(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	if err := ws.renameDocument("  "); err == nil {
		t.Error("an empty title was accepted")
	}
	if err := ws.renameDocument(" Korea visit "); err != nil {
		t.Fatal(err)
	}
	if got := onDisk(t, ws).Document.Title; got != "Korea visit" {
		t.Errorf("title on disk %q, want Korea visit", got)
	}
	if got := shownTitles(ws); !slices.Equal(got, []string{"Korea visit"}) {
		t.Errorf("the list shows %q", got)
	}
}
