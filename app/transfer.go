package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// errCancelled stops an export the person cancelled.
var errCancelled = errors.New("cancelled")

// progress is a dialog with a bar and a Cancel button for long work done
// on another goroutine. Its methods other than cancelled must run on
// Fyne's goroutine (inside the runner's Do when called from the work).
type progress struct {
	d      dialog.Dialog
	bar    *widget.ProgressBar
	detail *widget.Label
	stop   atomic.Bool
}

func newProgress(win fyne.Window, title string, total int) *progress {
	p := &progress{bar: widget.NewProgressBar(), detail: widget.NewLabel("")}
	p.bar.Max = float64(max(total, 1))
	p.detail.Truncation = fyne.TextTruncateEllipsis
	cancel := widget.NewButton("Cancel", func() { p.stop.Store(true) })
	content := container.NewVBox(p.bar, p.detail, container.NewCenter(cancel))
	p.d = dialog.NewCustomWithoutButtons(title, content, win)
	p.d.Resize(fyne.NewSize(420, 160))
	p.d.Show()
	return p
}

// cancelled reports whether Cancel was pressed; safe from any goroutine.
func (p *progress) cancelled() bool { return p.stop.Load() }

func (p *progress) set(done int, detail string) {
	p.bar.SetValue(float64(done))
	p.detail.SetText(detail)
}

func (p *progress) hide() { p.d.Hide() }

// first returns at most n items of s.
func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… and %d more", len(s)-n))
	}
	return s
}

// compactProject closes the project, compacts its file on a worker
// goroutine and opens it again on the same document.
func (ws *workspace) compactProject() {
	if ws.store == nil || ws.cfg.Compact == nil {
		return
	}
	path := ws.store.Path()
	var doc string
	if ws.sess != nil {
		doc = ws.sess.Document().ID
	}
	if err := ws.close(); err != nil {
		ws.showError(err)
		return
	}
	p := newProgress(ws.win, "Compacting "+filepath.Base(path), 1)
	var before, after int64
	ws.run.Go(func() (err error) {
		before, after, err = ws.cfg.Compact(path)
		return err
	}, func(err error) {
		p.hide()
		if oerr := ws.openProject(path); oerr != nil {
			ws.showError(fmt.Errorf("reopen %s: %w", path, oerr))
			return
		}
		if doc != "" {
			if oerr := ws.openDocument(doc); oerr != nil {
				ws.showError(oerr)
			}
		}
		if err != nil {
			ws.showError(fmt.Errorf("compact %s: %w (the project is unchanged)", path, err))
			return
		}
		ws.showInfo("Compact", fmt.Sprintf("%s: %s before, %s after.", filepath.Base(path), size(before), size(after)))
	})
}

// size writes a file size for people.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
