package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
)

// TestDoubleClickRelabels double-clicks a tagged word and presses another
// label key: the annotation changes label. With Shift the key adds a
// second annotation over the same range.
func TestDoubleClickRelabels(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	start := offsetOf(t, ws, "Pyongyang", 0)
	end := start + 9
	steps := []struct {
		name string
		key  rune
		want []string // the labels over [start, end) on disk
	}{
		{"tag", 'l', []string{"LOC"}},
		{"relabel", 'o', []string{"ORG"}},
		{"same label again", 'o', []string{"ORG"}},
		{"shift stacks", 'P', []string{"ORG", "PERSON"}},
		{"relabel keeps the stack", 'p', []string{"ORG", "PERSON"}},
	}
	for _, s := range steps {
		ws.view.DoubleTapped(&fyne.PointEvent{Position: pos(t, ws, start+3)})
		key(ws, s.key)
		var got []string
		for _, a := range onDisk(t, ws).Annotations {
			if a.Start == start && a.End == end {
				got = append(got, a.Label)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, s.want) {
			t.Fatalf("%s (%c): labels on disk %v, want %v", s.name, s.key, got, s.want)
		}
	}
}
