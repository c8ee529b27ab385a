package textview

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"spanmark/app/apptest"
)

func TestTipPlace(t *testing.T) {
	t.Parallel()
	view := fyne.NewSize(300, 200)
	box := fyne.NewSize(100, 50)
	for _, c := range []struct {
		name        string
		p           fyne.Position
		top, bottom float32
		want        fyne.Position
	}{
		{"below the spans", fyne.NewPos(10, 30), 20, 60, fyne.NewPos(10+tooltipOffset, 60+tipGap)},
		{"above when no room below", fyne.NewPos(10, 150), 130, 170, fyne.NewPos(10+tooltipOffset, 130-tipGap-50)},
		{"kept inside on the right", fyne.NewPos(290, 30), 20, 60, fyne.NewPos(200, 60+tipGap)},
		{"no room either side: the larger side", fyne.NewPos(10, 100), 40, 180, fyne.NewPos(10+tooltipOffset, 0)},
		{"no room either side, more below", fyne.NewPos(10, 20), 10, 150, fyne.NewPos(10+tooltipOffset, 150)},
	} {
		if got := tipPlace(box, view, c.p, c.top, c.bottom); got != c.want {
			t.Errorf("%s: tipPlace = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestWrapTip(t *testing.T) {
	t.Parallel()
	width := func(s string) float32 { return float32(utf8.RuneCountInString(s)) }
	for _, c := range []struct {
		name     string
		lines    []string
		maxW     float32
		maxLines int
		want     []string
	}{
		{"fits", []string{"PERSON “Kim”"}, 20, 5, []string{"PERSON “Kim”"}},
		{"at spaces", []string{"CLAIM “he has decided to send”"}, 12, 5, []string{"CLAIM “he", "has decided", "to send”"}},
		{"a long word", []string{"abcdefghij"}, 4, 5, []string{"abcd", "efgh", "ij"}},
		{"too many lines", []string{"a", "b", "c", "d"}, 4, 3, []string{"a", "b", "…"}},
		{"each line apart", []string{"ab cd", "ef"}, 2, 5, []string{"ab", "cd", "ef"}},
	} {
		if got := wrapTip(c.lines, c.maxW, c.maxLines, width); !slices.Equal(got, c.want) {
			t.Errorf("%s: wrapTip = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestTooltipClearOfSpans rests the pointer on a claim over several lines
// and on a word near the bottom: the tooltip, long enough to need
// wrapping, covers neither and lies inside the view.
func TestTooltipClearOfSpans(t *testing.T) {
	article := readArticle(t)
	long := "CLAIM “" + strings.Repeat("word ", 30) + "” — a note that goes on"
	for _, c := range []struct {
		name       string
		start, end int
		at         int
	}{
		{"claim over lines", 0, 150, 60},
		{"word near the bottom", 0, 0, 0}, // set below from the layout
	} {
		t.Run(c.name, func(t *testing.T) {
			v, _ := newTestView(t, article, fyne.NewSize(320, 260))
			clock := &apptest.Runner{}
			v.after = clock.After
			if c.end == 0 {
				l := v.layout()
				li := l.lineAt(v.Size().Height - 2*l.lineHeight)
				c.start = int(l.lines[li].start)
				c.end, c.at = c.start+3, c.start+1
			}
			v.SetSpans([]Span{{ID: "s", Start: c.start, End: c.end, Style: Outline}})
			v.Tooltip = func(int) string { return long }
			v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: charPos(v, c.at)}})
			clock.Fire()
			objs := test.TempWidgetRenderer(t, v).Objects()
			i := slices.IndexFunc(objs, func(o fyne.CanvasObject) bool {
				tx, ok := o.(*canvas.Text)
				return ok && strings.HasPrefix(tx.Text, "CLAIM")
			})
			if i < 1 {
				t.Fatal("no tooltip drawn")
			}
			tip := objs[i-1] // its background
			p, s := tip.Position(), tip.Size()
			if p.X < 0 || p.Y < 0 || p.X+s.Width > v.Size().Width || p.Y+s.Height > v.Size().Height {
				t.Errorf("tooltip at %v size %v is not inside the view %v", p, s, v.Size())
			}
			lh := v.layout().lineHeight
			top, bottom := charPos(v, c.start).Y-lh/2, charPos(v, c.end-1).Y+lh/2
			if p.Y < bottom && p.Y+s.Height > top {
				t.Errorf("tooltip %v..%v covers the span's lines %v..%v", p.Y, p.Y+s.Height, top, bottom)
			}
		})
	}
}
