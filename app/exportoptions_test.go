package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/formats"
)

// commandLineOnly are the flags of formats.All the export dialog does
// not offer: export's that name a second file to write, and import's.
var commandLineOnly = []string{"schema-out", "config", "zip-limit"}

// TestExportChoicesFollowTheTable shows, for each format File → Export
// offers, exactly the options formats.All lists for it, but those that
// are the command line's alone.
func TestExportChoicesFollowTheTable(t *testing.T) {
	test.NewTempApp(t)
	c := newExportChoices()
	for _, f := range formats.All {
		if !f.Exports() {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			c.show(f)
			var want []string
			for _, o := range f.Options {
				if !slices.Contains(commandLineOnly, o.Flag) {
					want = append(want, o.Flag)
				}
			}
			var got []string
			for _, ctl := range c.controls {
				if slices.Contains(c.box.Objects, ctl.object) {
					got = append(got, ctl.flag)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("shows %q, want %q", got, want)
			}
			if !slices.Contains(c.box.Objects, fyne.CanvasObject(c.done)) {
				t.Error("no \"Only documents marked done\"")
			}
		})
	}
}

// TestExportDialogOptions exports through File → Export with options set
// in the dialog, and finds them in the file written.
func TestExportDialogOptions(t *testing.T) {
	tests := []struct {
		name, format string
		set          func(t *testing.T, top fyne.CanvasObject)
		done         bool // the document is marked done
		want, not    []string
	}{
		{"doccano", "doccano", nil, false, []string{`"label":[`}, []string{`"relations"`}},
		{"doccano relations", "doccano", checks("Relations"), false, []string{`"relations":[{`}, nil},
		{"w3c", "w3c", nil, false, []string{`"linking"`}, nil},
		{"w3c without relations, utf16", "w3c", checks("Relations", "UTF-16"), false, []string{`"spanmark:offsets":"utf16"`}, []string{`"linking"`}},
		{"conll", "conll", nil, false, []string{"-DOCSTART-", "B-PERSON"}, []string{"B-CLAIM"}},
		{"conll claims, no docstart", "conll", selectKind("claim", "-DOCSTART-"), false, []string{"B-CLAIM"}, []string{"-DOCSTART-", "B-PERSON"}},
		{"only done, none done", "spacy", checks("Only documents marked done"), false, nil, []string{"Kim"}},
		{"only done, done", "spacy", checks("Only documents marked done"), true, []string{"Kim"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := exportOptionsWorkspace(t, tc.done)
			out := filepath.Join(t.TempDir(), "out")
			ws.exportDialog()
			top := ws.win.Canvas().Overlays().Top()
			f, _ := formats.Lookup(tc.format)
			findWidget[*widget.Select](t, top).SetSelected(f.Title)
			if tc.set != nil {
				tc.set(t, top)
			}
			findWidget[*widget.Entry](t, top).SetText(out)
			test.Tap(findButton(t, top, "Export"))
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("%v; the app says %q", err, dialogText(ws))
			}
			for _, w := range tc.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("the export lacks %q:\n%.600s", w, b)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(string(b), w) {
					t.Errorf("the export holds %q:\n%.600s", w, b)
				}
			}
		})
	}
}

// exportOptionsWorkspace opens the sample article with a person, a claim
// and its source linked, marked done when done is set.
func exportOptionsWorkspace(t *testing.T, done bool) *workspace {
	ws, _ := newTestWorkspace(t, "article.txt")
	var ids []string
	for _, c := range []struct{ text, label string }{
		{"Kim Jong Un", "PERSON"},
		{"North Korea will send 6,000 military workers", "CLAIM"},
		{"Moscow’s top security official", "SOURCE"},
	} {
		start := offsetOf(t, ws, c.text, 0)
		a, err := ws.sess.Tag(start, start+annotate.RuneLen(c.text), c.label)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	if _, err := ws.sess.Link("attributed_to", ids[1], ids[2]); err != nil {
		t.Fatal(err)
	}
	if done {
		if err := ws.sess.SetStatus(annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

// checks returns a setter that ticks the dialog's checks whose text
// starts with each of prefixes, or unticks those ticked.
func checks(prefixes ...string) func(*testing.T, fyne.CanvasObject) {
	return func(t *testing.T, top fyne.CanvasObject) {
		for _, p := range prefixes {
			findCheck(t, top, p).SetChecked(!findCheck(t, top, p).Checked)
		}
	}
}

// selectKind returns a setter that chooses the CoNLL kind and toggles
// the checks named by prefixes.
func selectKind(kind string, prefixes ...string) func(*testing.T, fyne.CanvasObject) {
	return func(t *testing.T, top fyne.CanvasObject) {
		var selects []*widget.Select
		for _, o := range test.LaidOutObjects(top) {
			if s, ok := o.(*widget.Select); ok {
				selects = append(selects, s)
			}
		}
		if len(selects) != 2 {
			t.Fatalf("%d selects, want the format's and the kind's", len(selects))
		}
		selects[1].SetSelected(kind)
		checks(prefixes...)(t, top)
	}
}

// findCheck returns the check inside o whose text starts with prefix.
func findCheck(t *testing.T, o fyne.CanvasObject, prefix string) *widget.Check {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if c, ok := c.(*widget.Check); ok && strings.HasPrefix(c.Text, prefix) {
			return c
		}
	}
	t.Fatalf("no check %q…", prefix)
	return nil
}
