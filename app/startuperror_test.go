package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

func TestStartupMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"locked", fmt.Errorf("/p/a.spanmark %w", annotate.ErrLocked),
			"/p/a.spanmark is open in another Spanmark window.\nSwitch to that window, or close it and start Spanmark again."},
		{"damaged", fmt.Errorf("/p/a.spanmark %w: page 7", annotate.ErrDamaged),
			"/p/a.spanmark is damaged: page 7.\n`spanmark recover` salvages what is left into a new project."},
		{"other", errors.New("/p/a.spanmark: permission denied"), "/p/a.spanmark: permission denied"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := startupMessage(tc.err); got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestShowStartupError shows the message with an OK button, without the
// workspace's menu.
func TestShowStartupError(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Spanmark")
	msg := startupMessage(fmt.Errorf("/p/a.spanmark %w", annotate.ErrLocked))
	showStartupError(w, msg)
	var texts []string
	for _, o := range test.LaidOutObjects(w.Content()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	if got := strings.Join(texts, " "); got != msg {
		t.Errorf("the window says %q, want %q", got, msg)
	}
	findButton(t, w.Content(), "OK")
	if w.MainMenu() != nil {
		t.Error("the window keeps a menu")
	}
}
