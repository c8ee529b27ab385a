package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/app/apptest"
	"spanmark/storage"
)

// open is the Config.Open the real binary uses, over bbolt.
func open(path string, readOnly bool) (annotate.Store, error) {
	return storage.Open(path, storage.Options{Create: !readOnly, ReadOnly: readOnly, Annotator: "tess"})
}

// newTestWorkspace opens a window on a new project holding the given
// testdata texts, the first one open.
func newTestWorkspace(t *testing.T, files ...string) (*workspace, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.spanmark")
	st, err := open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, err := st.AddDocument(annotate.Document{Title: f, Text: annotatetest.Text(t, f)}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	return openTestWorkspace(t, path), path
}

// openTestWorkspace opens a window on an existing project. Tests that
// open a window do not run in parallel: Fyne's test driver keeps the
// current app in a global that test.NewTempApp swaps, its CanvasForObject
// returns the last window made, whichever test made it, and its renderer
// cache and text measuring race when two windows are drawn at once.
func openTestWorkspace(t *testing.T, path string) *workspace {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Spanmark")
	ws := newWorkspace(a, w, Config{Path: path, Open: open}, &apptest.Runner{})
	if err := ws.openProject(path); err != nil {
		t.Fatal(err)
	}
	w.Resize(fyne.NewSize(1200, 780))
	w.Show()
	t.Cleanup(func() { ws.close() })
	return ws
}

// offsetOf returns the code-point offset of the n-th (from 0) occurrence
// of sub in the open document.
func offsetOf(t *testing.T, ws *workspace, sub string, n int) int {
	t.Helper()
	text := ws.sess.Document().Text
	from := 0
	for ; n >= 0; n-- {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not found in the document", sub)
		}
		from += i + len(sub)
	}
	return ws.sess.Index().CodePoint(from - len(sub))
}

// pos returns where the character at offset is drawn, scrolling it into
// view first.
func pos(t *testing.T, ws *workspace, offset int) fyne.Position {
	t.Helper()
	ws.view.ScrollTo(offset)
	p, ok := ws.view.PositionOf(offset)
	if !ok {
		t.Fatalf("offset %d is not in view", offset)
	}
	return p
}

func press(pos fyne.Position) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary}
}

// drag selects from the first to the last character of [start, end) as
// the GLFW driver reports a drag: MouseDown at the press, Dragged with the
// current pointer position, MouseUp, DragEnd.
func drag(t *testing.T, ws *workspace, start, end int) {
	t.Helper()
	from, to := pos(t, ws, start), pos(t, ws, end-1)
	ws.view.MouseDown(press(from))
	ws.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	ws.view.MouseUp(press(to))
	ws.view.DragEnd()
}

// key types r into the article view, as a person pressing a hotkey.
func key(ws *workspace, r rune) {
	ws.win.Canvas().Focus(ws.view)
	test.Type(ws.view, string(r))
}

// tap clicks the character at offset once. (test.Tap would click a
// second time, at the view's top left corner.)
func tap(t *testing.T, ws *workspace, offset int) {
	t.Helper()
	p := pos(t, ws, offset)
	ws.view.MouseDown(press(p))
	ws.view.MouseUp(press(p))
	ws.view.Tapped(&fyne.PointEvent{Position: p})
}

// onDisk reads the project file afresh, as another process would, and
// returns the annotations of the open document.
func onDisk(t *testing.T, ws *workspace) *annotate.DocumentData {
	t.Helper()
	data, err := ws.store.Load(ws.sess.Document().ID)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// find returns the annotation on disk over [start, end), if any.
func find(data *annotate.DocumentData, start, end int) (annotate.Annotation, bool) {
	for _, a := range data.Annotations {
		if a.Start == start && a.End == end {
			return a, true
		}
	}
	return annotate.Annotation{}, false
}

// TestDragAndHotkeyTags drags across words, including words right after a
// curly quote and an em dash, presses a label's hotkey, and checks the
// project file for exact code-point offsets.
func TestDragAndHotkeyTags(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	for _, c := range []struct {
		name, words string
		n           int
		key         rune
		label       string
	}{
		{"two words", "Sergei Shoigu", 0, 'p', "PERSON"},
		{"after a curly quote", "has decided", 0, 'c', "CLAIM"},
		{"after an em dash", "North Korea will", 0, 'o', "ORG"},
		{"apostrophe inside", "Ukraine’s", 0, 'l', "LOC"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := offsetOf(t, ws, c.words, c.n)
			end := start + annotate.RuneLen(c.words)
			drag(t, ws, start, end)
			if s, e := ws.view.Selection(); s != start || e != end {
				t.Fatalf("selection = [%d, %d), want [%d, %d) %q", s, e, start, end, c.words)
			}
			key(ws, c.key)
			a, ok := find(onDisk(t, ws), start, end)
			if !ok || a.Label != c.label {
				t.Fatalf("no %s annotation [%d, %d) on disk; have %+v", c.label, start, end, onDisk(t, ws).Annotations)
			}
			if got := ws.sess.Text(a.Start, a.End); got != c.words {
				t.Errorf("text = %q, want %q", got, c.words)
			}
			if !strings.Contains(ws.status.text(), "saved") {
				t.Errorf("status bar %q does not say saved", ws.status.text())
			}
		})
	}
}

// TestTagAfterEmoji tags a word that follows an emoji outside the BMP:
// its code-point offsets differ from its UTF-16 ones.
func TestTagAfterEmoji(t *testing.T) {
	ws, _ := newTestWorkspace(t, "unicode.txt")
	text := ws.sess.Document().Text
	i := strings.Index(text, "🚀")
	if i < 0 {
		t.Fatal("no 🚀 in unicode.txt")
	}
	after := text[i+len("🚀"):]
	word := strings.Fields(after)[0]
	word = strings.TrimFunc(word, func(r rune) bool { return strings.ContainsRune(".,;:!?“”\"'()", r) })
	start := offsetOf(t, ws, word, 0)
	if start <= ws.sess.Index().CodePoint(i) {
		t.Fatalf("the word %q does not follow the emoji", word)
	}
	end := start + annotate.RuneLen(word)
	drag(t, ws, start, end)
	key(ws, 'm')
	a, ok := find(onDisk(t, ws), start, end)
	if !ok {
		t.Fatalf("no annotation [%d, %d) %q on disk; have %+v", start, end, word, onDisk(t, ws).Annotations)
	}
	if got := []rune(text)[a.Start:a.End]; string(got) != word {
		t.Errorf("text[%d:%d] = %q, want %q", a.Start, a.End, string(got), word)
	}
}

func TestDoubleClickTagsWord(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	start := offsetOf(t, ws, "Pyongyang", 0)
	p := pos(t, ws, start+3)
	ws.view.DoubleTapped(&fyne.PointEvent{Position: p})
	key(ws, 'l')
	a, ok := find(onDisk(t, ws), start, start+9)
	if !ok || a.Label != "LOC" {
		t.Fatalf("double-click + l: no LOC Pyongyang on disk; have %+v", onDisk(t, ws).Annotations)
	}
}

// TestSelectRelabelDeleteUndo clicks an annotation, changes its label with
// another hotkey, deletes it, and walks the history back and forth.
func TestSelectRelabelDeleteUndo(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	start := offsetOf(t, ws, "Kim Jong Un", 0)
	end := start + 11
	drag(t, ws, start, end)
	key(ws, 'p')
	tap(t, ws, start+1)
	if ws.active == "" {
		t.Fatal("clicking the annotation did not select it")
	}
	key(ws, 'o')
	if a, _ := find(onDisk(t, ws), start, end); a.Label != "ORG" {
		t.Fatalf("after pressing o the label on disk is %q, want ORG", a.Label)
	}
	ws.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if _, ok := find(onDisk(t, ws), start, end); ok {
		t.Fatal("Delete left the annotation on disk")
	}
	steps := []struct {
		do    func()
		label string // "" for no annotation
	}{
		{ws.undo, "ORG"},
		{ws.undo, "PERSON"},
		{ws.undo, ""},
		{ws.redo, "PERSON"},
		{ws.redo, "ORG"},
		{ws.redo, ""},
	}
	for i, s := range steps {
		s.do()
		a, ok := find(onDisk(t, ws), start, end)
		if s.label == "" && ok || s.label != "" && a.Label != s.label {
			t.Fatalf("step %d: on disk %+v (present %v), want label %q", i, a, ok, s.label)
		}
	}
}

// TestLinkClaimToSource tags a claim and its source, presses a on the
// claim and clicks the source.
func TestLinkClaimToSource(t *testing.T) {
	ws, path := newTestWorkspace(t, "article.txt")
	claim := "fraternal help from the Korean people"
	cs := offsetOf(t, ws, claim, 0)
	drag(t, ws, cs, cs+annotate.RuneLen(claim))
	key(ws, 'c')
	ss := offsetOf(t, ws, "Shoigu said.", 0)
	drag(t, ws, ss, ss+6)
	key(ws, 's')

	tap(t, ws, cs+2)
	key(ws, 'a')
	if !ws.linking {
		t.Fatal("pressing a on a claim did not start linking")
	}
	tap(t, ws, ss+2)
	data := onDisk(t, ws)
	if len(data.Relations) != 1 {
		t.Fatalf("%d relations on disk, want 1", len(data.Relations))
	}
	r := data.Relations[0]
	from, _ := find(data, cs, cs+annotate.RuneLen(claim))
	to, _ := find(data, ss, ss+6)
	if r.Type != annotate.RelationAttributedTo || r.From != from.ID || r.To != to.ID {
		t.Errorf("relation %+v, want attributed_to from %s to %s", r, from.ID, to.ID)
	}
	rows := panelRows(ws.sess, ws.schema)
	var listed bool
	for _, row := range rows {
		listed = listed || row.linked && row.id == to.ID
	}
	if !listed {
		t.Error("the panel does not list the source under its claim")
	}

	// Closing and reopening shows everything.
	ws.close()
	again := openTestWorkspace(t, path)
	if n, m := len(again.sess.Annotations()), len(again.sess.Relations()); n != 2 || m != 1 {
		t.Errorf("after reopening %d annotations and %d relations, want 2 and 1", n, m)
	}
}

// TestFindTagAll tags every match of a word in one undoable step.
func TestFindTagAll(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	ws.find.show()
	test.Type(ws.find.query, "pyongyang")
	if len(ws.find.matches) < 3 {
		t.Fatalf("%d matches of pyongyang, want several", len(ws.find.matches))
	}
	ws.find.label.SetSelected("LOC")
	ws.find.tagAll()
	data := onDisk(t, ws)
	if len(data.Annotations) != len(ws.find.matches) {
		t.Fatalf("tag all wrote %d annotations, want %d", len(data.Annotations), len(ws.find.matches))
	}
	for _, a := range data.Annotations {
		if got := ws.sess.Text(a.Start, a.End); got != "Pyongyang" || a.Label != "LOC" {
			t.Errorf("tagged %q as %s", got, a.Label)
		}
	}
	ws.undo()
	if n := len(onDisk(t, ws).Annotations); n != 0 {
		t.Errorf("one undo left %d annotations, want 0", n)
	}
}

// TestEditingMarksInProgress passes through documents with ] and [,
// which leaves them to do; the first edit marks the open one in progress
// on disk, in the list and in the status control.
func TestEditingMarksInProgress(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt", "unicode.txt")
	statuses := func() (a, b annotate.Status) {
		infos, err := ws.store.Documents()
		if err != nil {
			t.Fatal(err)
		}
		return infos[0].Status, infos[1].Status
	}
	ws.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRightBracket})
	ws.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeftBracket})
	ws.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRightBracket})
	if a, b := statuses(); a != annotate.StatusTodo || b != annotate.StatusTodo {
		t.Fatalf("after ], [, ]: statuses %q, %q; want both to do", a, b)
	}
	infos, _ := ws.store.Documents()
	if ws.sess.Document().ID != infos[1].ID {
		t.Fatal("] did not open the next document")
	}
	drag(t, ws, 0, 3)
	key(ws, 'm')
	if a, b := statuses(); a != annotate.StatusTodo || b != annotate.StatusInProgress {
		t.Errorf("after an edit: statuses %q, %q; want to do, in progress", a, b)
	}
	if got := ws.docs.all[1].Status; got != annotate.StatusInProgress {
		t.Errorf("the list says %q, want in progress", got)
	}
	if got := ws.status.status.Selected; got != "In progress" {
		t.Errorf("the status control says %q, want In progress", got)
	}
	ws.setStatus(annotate.StatusDone)
	infos, _ = ws.store.Documents()
	if infos[1].Status != annotate.StatusDone {
		t.Errorf("status on disk %q, want done", infos[1].Status)
	}
}

func TestFindAll(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text, q   string
		matchCase bool
		want      [][2]int
	}{
		{"Kim met kim", "kim", false, [][2]int{{0, 3}, {8, 11}}},
		{"Kim met kim", "kim", true, [][2]int{{8, 11}}},
		{"aaa", "aa", false, [][2]int{{0, 2}}},
		{"🚀 Zoë 🚀 zoë", "zoë", false, [][2]int{{2, 5}, {8, 11}}},
		{"abc", "", false, nil},
	} {
		got := findAll([]rune(c.text), []rune(c.q), c.matchCase)
		if len(got) != len(c.want) {
			t.Errorf("findAll(%q, %q) = %v, want %v", c.text, c.q, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("findAll(%q, %q) = %v, want %v", c.text, c.q, got, c.want)
			}
		}
	}
}

func TestSchemaFromRowsRefusesReservedKeys(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	rows := []*labelRow{ws.newLabelRow(annotate.Label{Name: "X", Kind: annotate.KindEntity, Color: "#123456", Key: "a"}, "")}
	if _, _, err := schemaFromRows(ws.schema, rows); err == nil {
		t.Error("key a was accepted; it links claims")
	}
	rows[0].key.SetText("x")
	rows[0].name.SetText("Y")
	rows[0].original = "X"
	s, renames, err := schemaFromRows(ws.schema, rows)
	if err != nil {
		t.Fatal(err)
	}
	if renames["X"] != "Y" || s.Labels[0].Color != "#123456" {
		t.Errorf("schema %+v renames %v", s, renames)
	}
}
