package textview

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
)

const (
	shiftMod = fyne.KeyModifierShift
	ctrlMod  = fyne.KeyModifierControl
	altMod   = fyne.KeyModifierAlt
)

// keyPress is a key and the modifiers held with it.
type keyPress struct {
	name fyne.KeyName
	mod  fyne.KeyModifier
}

// typeKey sends k to v as the GLFW driver does: with Ctrl or Alt as a
// shortcut, with Shift alone as a key between Shift's KeyDown and KeyUp.
func typeKey(v *View, k keyPress) {
	switch {
	case k.mod&(ctrlMod|altMod) != 0:
		v.TypedShortcut(&desktop.CustomShortcut{KeyName: k.name, Modifier: k.mod})
	case k.mod == shiftMod:
		v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		v.TypedKey(&fyne.KeyEvent{Name: k.name})
		v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	default:
		v.TypedKey(&fyne.KeyEvent{Name: k.name})
	}
}

// homeEndOfLine returns the end of line li's text, without the spaces
// where it wraps.
func homeEndOfLine(v *View, li int) int {
	ln := v.layout().lines[li]
	s := string(v.runes[ln.start:ln.end])
	return int(ln.start) + utf8.RuneCountInString(strings.TrimRight(s, " \t"))
}

func TestCaretKeys(t *testing.T) {
	article := readArticle(t)
	n := utf8.RuneCountInString(article)
	kim := cp(t, article, "Kim Jong Un", 0)
	flagText := "from 🇺🇦 Kyiv"
	flag := cp(t, flagText, "🇺🇦", 0)
	lastWord := utf8.RuneCountInString(strings.TrimRight(article, " \n"))
	const line1, endLine0, endLine1 = -1, -2, -3 // worked out from the layout
	tests := []struct {
		name       string
		text       string
		start      [2]int // the selection before the keys
		keys       []keyPress
		want       [2]int
		wantSelect int // calls of OnSelect
	}{
		{"ctrl+home, ctrl+shift+right selects the first word", article, [2]int{kim, kim},
			[]keyPress{{fyne.KeyHome, ctrlMod}, {fyne.KeyRight, ctrlMod | shiftMod}}, [2]int{0, len("North")}, 2},
		{"right a character", article, [2]int{kim, kim}, []keyPress{{fyne.KeyRight, 0}}, [2]int{kim + 1, kim + 1}, 1},
		{"left a character", article, [2]int{kim, kim}, []keyPress{{fyne.KeyLeft, 0}}, [2]int{kim - 1, kim - 1}, 1},
		{"left at the start stays", article, [2]int{0, 0}, []keyPress{{fyne.KeyLeft, 0}}, [2]int{0, 0}, 1},
		{"right over a flag", flagText, [2]int{flag, flag}, []keyPress{{fyne.KeyRight, 0}}, [2]int{flag + 2, flag + 2}, 1},
		{"left over a flag", flagText, [2]int{flag + 2, flag + 2}, []keyPress{{fyne.KeyLeft, 0}}, [2]int{flag, flag}, 1},
		{"right leaves a selection at its end", article, [2]int{kim, kim + 3}, []keyPress{{fyne.KeyRight, 0}}, [2]int{kim + 3, kim + 3}, 1},
		{"left leaves a selection at its start", article, [2]int{kim, kim + 3}, []keyPress{{fyne.KeyLeft, 0}}, [2]int{kim, kim}, 1},
		{"ctrl+right to word ends", article, [2]int{kim, kim},
			[]keyPress{{fyne.KeyRight, ctrlMod}, {fyne.KeyRight, ctrlMod}}, [2]int{kim + 8, kim + 8}, 2},
		{"ctrl+left to a word's start", article, [2]int{kim + 6, kim + 6}, []keyPress{{fyne.KeyLeft, ctrlMod}}, [2]int{kim + 4, kim + 4}, 1},
		{"down a line", article, [2]int{0, 0}, []keyPress{{fyne.KeyDown, 0}}, [2]int{line1, line1}, 1},
		{"up at the first line goes to the start", article, [2]int{3, 3}, []keyPress{{fyne.KeyUp, 0}}, [2]int{0, 0}, 1},
		{"end of the line", article, [2]int{3, 3}, []keyPress{{fyne.KeyEnd, 0}}, [2]int{endLine0, endLine0}, 1},
		{"home of the line", article, [2]int{line1, line1}, []keyPress{{fyne.KeyEnd, 0}, {fyne.KeyHome, 0}}, [2]int{line1, line1}, 2},
		{"ctrl+end", article, [2]int{3, 3}, []keyPress{{fyne.KeyEnd, ctrlMod}}, [2]int{n, n}, 1},
		{"shift+end selects whole words to the line's end", article, [2]int{line1, line1}, []keyPress{{fyne.KeyEnd, shiftMod}}, [2]int{line1, endLine1}, 1},
		{"ctrl+shift+end selects to the last word", article, [2]int{kim, kim}, []keyPress{{fyne.KeyEnd, ctrlMod | shiftMod}}, [2]int{kim, lastWord}, 1},
		{"ctrl+shift+home selects to the start", article, [2]int{kim + 1, kim + 1}, []keyPress{{fyne.KeyHome, ctrlMod | shiftMod}}, [2]int{0, kim + 3}, 1},
		{"alt+right is not the view's", article, [2]int{kim, kim}, []keyPress{{fyne.KeyRight, altMod}}, [2]int{kim, kim}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestView(t, tt.text, fyne.NewSize(600, 800))
			at := func(o int) int {
				switch o {
				case line1:
					return int(v.layout().lines[1].start)
				case endLine0:
					return homeEndOfLine(v, 0)
				case endLine1:
					return homeEndOfLine(v, 1)
				}
				return o
			}
			v.SetSelection(at(tt.start[0]), at(tt.start[1]))
			var got selections
			got.record(v)
			for _, k := range tt.keys {
				typeKey(v, k)
			}
			if a, b := v.Selection(); a != at(tt.want[0]) || b != at(tt.want[1]) {
				t.Errorf("Selection() = %d, %d, want %d, %d", a, b, at(tt.want[0]), at(tt.want[1]))
			}
			if len(got) != tt.wantSelect {
				t.Errorf("OnSelect called %d times, want %d", len(got), tt.wantSelect)
			}
		})
	}
}

// TestCaretKeepsInView moves the caret down a long text a line at a
// time: it stays in view and the text moves a line at a time; Page Down
// pages and leaves the caret.
func TestCaretKeepsInView(t *testing.T) {
	v, _ := newTestView(t, longText(t, 20_000), fyne.NewSize(500, 300))
	lh := v.metrics.lineHeight
	for i := range 30 {
		before := v.scrollY
		typeKey(v, keyPress{fyne.KeyDown, 0})
		a, _ := v.Selection()
		top := float32(v.layout().lineOf(a))*lh + v.metrics.pad - v.scrollY
		if top < 0 || top+lh > 300 {
			t.Fatalf("after %d Downs the caret's line is at y %v, out of the view", i+1, top)
		}
		if d := v.scrollY - before; d < 0 || d > lh+0.01 {
			t.Fatalf("Down %d scrolled by %v, want 0 to a line (%v)", i+1, d, lh)
		}
	}
	if v.scrollY == 0 {
		t.Error("30 lines down did not scroll")
	}
	caret, _ := v.Selection()
	before := v.scrollY
	typeKey(v, keyPress{fyne.KeyPageDown, 0})
	if a, _ := v.Selection(); a != caret || v.scrollY <= before {
		t.Errorf("Page Down: caret %d → %d, scroll %v → %v; want the caret kept and a page down", caret, a, before, v.scrollY)
	}
}

// caretLines returns the caret lines the view draws: thin rectangles of
// the foreground colour.
func caretLines(t *testing.T, v *View) int {
	n := 0
	fg := v.Theme().Color("foreground", fyne.CurrentApp().Settings().ThemeVariant())
	for _, o := range test.TempWidgetRenderer(t, v).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.Size().Width == caretWidth && sameColor(r.FillColor, fg) {
			n++
		}
	}
	return n
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

func TestCaretDrawnWhileFocused(t *testing.T) {
	v, w := newTestView(t, readArticle(t), fyne.NewSize(600, 300))
	v.SetSelection(5, 5)
	if n := caretLines(t, v); n != 0 {
		t.Errorf("without the focus %d caret lines, want 0", n)
	}
	w.Canvas().Focus(v)
	if n := caretLines(t, v); n != 1 {
		t.Errorf("with the focus %d caret lines, want 1", n)
	}
	v.SetSelection(5, 9)
	if n := caretLines(t, v); n != 0 {
		t.Errorf("with a selection %d caret lines, want 0", n)
	}
}

func TestResizeStep(t *testing.T) {
	tokens := annotate.Tokenize(selText) // Kim [0,3) “ [4,5) has [5,8) — [9,10) Ukraine’s [11,20) 🚀 [21,22) go [22,24)
	flagText := "a🇺🇦b"
	tests := []struct {
		name               string
		text               string
		start, end         int
		head, fwd, exact   bool
		wantStart, wantEnd int
		wantOK             bool
	}{
		{"end a word on", selText, 5, 8, false, true, false, 5, 10, true},
		{"end a word back", selText, 0, 8, false, false, false, 0, 5, true},
		{"end back past the start", selText, 5, 8, false, false, false, 5, 8, false},
		{"end a word on at the last word", selText, 22, 24, false, true, false, 22, 24, false},
		{"start a word back", selText, 5, 8, true, false, false, 4, 8, true},
		{"start a word on", selText, 0, 8, true, true, false, 4, 8, true},
		{"start on past the end", selText, 5, 8, true, true, false, 5, 8, false},
		{"start back at the text's start", selText, 0, 3, true, false, false, 0, 3, false},
		{"end a character on", selText, 11, 20, false, true, true, 11, 21, true},
		{"end a character back", selText, 11, 20, false, false, true, 11, 19, true},
		{"end a character back to empty", selText, 5, 6, false, false, true, 5, 6, false},
		{"end a character on at the text's end", selText, 22, 24, false, true, true, 22, 24, false},
		{"start a character back", selText, 5, 8, true, false, true, 4, 8, true},
		{"start a character on to empty", selText, 5, 6, true, true, true, 5, 6, false},
		{"end over a flag", flagText, 0, 1, false, true, true, 0, 3, true},
		{"start back over a flag", flagText, 3, 4, true, false, true, 1, 4, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokens
			if tt.text != selText {
				toks = annotate.Tokenize(tt.text)
			}
			s, e, ok := resizeStep(toks, []rune(tt.text), tt.start, tt.end, tt.head, tt.fwd, tt.exact)
			if ok != tt.wantOK || (ok && (s != tt.wantStart || e != tt.wantEnd)) {
				t.Errorf("resizeStep = %d, %d, %v; want %d, %d, %v", s, e, ok, tt.wantStart, tt.wantEnd, tt.wantOK)
			}
		})
	}
}

// TestResizeKeys selects a span and types the resize keys: each asks
// OnResize for the range, which sets the span anew as the app does; the
// selection stays as it was. Without an active span, or without
// OnResize, Shift+→ extends the selection.
func TestResizeKeys(t *testing.T) {
	article := readArticle(t)
	kim := cp(t, article, "Kim Jong Un", 0)
	v, _ := newTestView(t, article, fyne.NewSize(600, 800))
	v.SetSpans([]Span{{ID: "k", Start: kim + 4, End: kim + 8, Style: Fill}})
	v.SetActive("k")
	var asked [][2]int
	v.OnResize = func(id string, start, end int) {
		if id != "k" {
			t.Errorf("OnResize for %q, want k", id)
		}
		asked = append(asked, [2]int{start, end})
		v.UpdateSpans([]Span{{ID: id, Start: start, End: end, Style: Fill}}, nil)
	}
	var sel selections
	sel.record(v)
	for _, k := range []keyPress{
		{fyne.KeyRight, shiftMod}, {fyne.KeyLeft, shiftMod}, {fyne.KeyRight, ctrlMod | shiftMod},
		{fyne.KeyLeft, altMod | shiftMod}, {fyne.KeyRight, altMod | shiftMod}, {fyne.KeyLeft, ctrlMod | altMod | shiftMod},
	} {
		typeKey(v, k)
	}
	want := [][2]int{{kim + 4, kim + 11}, {kim + 4, kim + 8}, {kim + 4, kim + 9}, {kim, kim + 9}, {kim + 4, kim + 9}, {kim + 3, kim + 9}}
	if !slices.Equal(asked, want) {
		t.Errorf("OnResize asked %v, want %v", asked, want)
	}
	if len(sel) != 0 {
		t.Errorf("resize keys changed the selection: %v", sel)
	}
	v.SetSelection(kim, kim)
	for _, c := range []struct {
		name   string
		active string
		resize func(string, int, int)
	}{{"no active span", "", v.OnResize}, {"no OnResize", "k", nil}} {
		asked, sel = nil, nil
		v.SetActive(c.active)
		v.OnResize = c.resize
		v.SetSelection(kim, kim)
		typeKey(v, keyPress{fyne.KeyRight, shiftMod})
		if a, b := v.Selection(); len(asked) != 0 || a != kim || b != kim+3 {
			t.Errorf("%s: Shift+→ asked %v and selected %d, %d; want nothing asked and %d, %d", c.name, asked, a, b, kim, kim+3)
		}
	}
}

// TestCaretKeyCallback: a caret moved by a key goes to OnCaretKey when it
// is set, and to OnSelect only when it is not.
func TestCaretKeyCallback(t *testing.T) {
	v, _ := newTestView(t, readArticle(t), fyne.NewSize(600, 300))
	var sel selections
	sel.record(v)
	var moved []int
	v.OnCaretKey = func(o int) { moved = append(moved, o) }
	typeKey(v, keyPress{fyne.KeyRight, 0})
	typeKey(v, keyPress{fyne.KeyRight, ctrlMod})
	if !slices.Equal(moved, []int{1, len("North")}) || len(sel) != 0 {
		t.Errorf("OnCaretKey got %v, OnSelect %v; want [1 5] and nothing", moved, sel)
	}
}
