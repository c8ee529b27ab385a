// Package app is Spanmark's desktop user interface: the annotation
// workspace (document list, article view, label bar, annotation panel,
// status bar), its menus and dialogs.
//
// The package talks to projects only through annotate.Store; which storage
// backs it is the caller's choice (Config.Open).
package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"spanmark/annotate"
	// For its side effect: it makes the locale one Fyne can read, before
	// Fyne's packages read it (see its doc).
	_ "spanmark/app/locale"
	"spanmark/assets"
)

// ID is the application id; Fyne keys preferences by it.
const ID = "io.spanmark.app"

// metadata is what FyneApp.toml says of the app (a test keeps the two the
// same). Fyne reads FyneApp.toml itself only when built with its own tool
// or run from the source folder. The fyneDo migration says that the app
// touches widgets only on Fyne's goroutine (its runner hands work back
// through fyne.Do): Fyne then skips its check of the calling goroutine,
// which takes a stack trace at every refresh, a tenth of the work of a
// resize.
var metadata = fyne.AppMetadata{
	ID:         ID,
	Name:       "Spanmark",
	Version:    "0.1.0",
	Build:      1,
	Migrations: map[string]bool{"fyneDo": true},
}

// Config says what Run opens and how.
type Config struct {
	// Path is the project file to open first.
	Path string
	// Open opens (and, unless readOnly, creates when missing) a project.
	Open func(path string, readOnly bool) (annotate.Store, error)
	// Compact rewrites the closed project at path without the space that
	// deletions left, swapping the new file in only once it is complete,
	// and returns the sizes before and after. Nil hides File → Compact.
	Compact func(path string) (before, after int64, err error)
}

// Run opens the main window on cfg.Path and returns when it is closed.
func Run(cfg Config) error {
	fyneapp.SetMetadata(metadata)
	a := fyneapp.NewWithID(ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w, err := newWindow(a)
	if err != nil {
		return err
	}
	ws := newWorkspace(a, w, cfg, fyneRunner{})
	if err := ws.openProject(cfg.Path); err != nil {
		// The store's errors name the file already. The caller prints
		// it too, and exits with its status.
		showStartupError(w, startupMessage(err))
		return err
	}
	ws.sugg.awaitBuild(firstPaintWait)
	w.Show()
	fitWindow(w)
	a.Run()
	return ws.close()
}

// newWindow makes the main window. Fyne's GLFW driver panics when it
// cannot reach the display (a display that went away after the command
// line looked for it): that becomes an error, not a stack trace.
func newWindow(a fyne.App) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot open a window: %v", r)
		}
	}()
	return a.NewWindow("Spanmark"), nil
}
