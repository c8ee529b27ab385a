package app

import (
	"time"

	"fyne.io/fyne/v2"
)

// runner is how the workspace runs what must not hold up Fyne's goroutine:
// slow work (reading, writing and comparing projects) and work that waits
// (a burst of edits to pause). The workspace is given one when it is
// made, as the text view is given its clock: the app's runs work on a
// goroutine and hands back through fyne.Do; tests give one that runs
// everything in place, so that they need neither waiting nor timers.
type runner interface {
	// Go runs work off Fyne's goroutine, then done on it with work's
	// error: done is the one place that error is shown.
	Go(work func() error, done func(error))
	// Do runs f on Fyne's goroutine; work calls it to show progress.
	Do(f func())
	// After runs f on Fyne's goroutine once d has passed, unless cancel
	// is called first.
	After(d time.Duration, f func()) (cancel func())
}

// fyneRunner is the app's runner: a goroutine per piece of work, and
// fyne.Do to come back.
type fyneRunner struct{}

var _ runner = fyneRunner{}

func (fyneRunner) Go(work func() error, done func(error)) {
	go func() {
		err := work()
		fyne.Do(func() { done(err) })
	}()
}

func (fyneRunner) Do(f func()) { fyne.Do(f) }

func (fyneRunner) After(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}
