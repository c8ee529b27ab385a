// Package apptest holds what the tests of the user interface share: a
// runner that does the app's background work in place, so that a test
// sees its results as soon as the call that started it returns, and
// whose timers (the app's and the text view's clock) run when the test
// fires them. Only tests import it.
package apptest

import "time"

// Runner runs the work the app would run off Fyne's goroutine at once, on
// the test's goroutine, and holds what the app would run later until the
// test fires it. The zero value is ready to use. It is not safe for use
// by more than one goroutine, as Fyne's goroutine is one.
type Runner struct {
	// Hold, when set, makes Go queue the work and what follows it until
	// Drain, so that a benchmark can time the two apart.
	Hold bool

	queue  []func()
	timers []*timer
}

type timer struct {
	d       time.Duration
	f       func()
	stopped bool
}

// Go runs work and then done with its error, unless r holds them.
func (r *Runner) Go(work func() error, done func(error)) {
	run := func() { done(work()) }
	if r.Hold {
		r.queue = append(r.queue, run)
		return
	}
	run()
}

// Drain runs the work held by Go, and the work that it starts, until
// none is left.
func (r *Runner) Drain() {
	for r.Step() {
	}
}

// Step runs the first piece of work held by Go, then its done, and
// reports whether there was one; what it starts is held, while Hold is
// set. Held pieces are what the app would run at the same time.
func (r *Runner) Step() bool {
	if len(r.queue) == 0 {
		return false
	}
	run := r.queue[0]
	r.queue = r.queue[1:]
	run()
	return true
}

// Held returns how many pieces of work Go holds.
func (r *Runner) Held() int { return len(r.queue) }

// Do runs f.
func (r *Runner) Do(f func()) { f() }

// After holds f until Fire, whatever d is; cancel drops it.
func (r *Runner) After(d time.Duration, f func()) (cancel func()) {
	t := &timer{d: d, f: f}
	r.timers = append(r.timers, t)
	return func() { t.stopped = true }
}

// Fire runs the functions After holds and has not cancelled, in the order
// they came, and returns their delays. What they start with After waits
// for the next Fire.
func (r *Runner) Fire() []time.Duration {
	timers := r.timers
	r.timers = nil
	var ds []time.Duration
	for _, t := range timers {
		if !t.stopped {
			ds = append(ds, t.d)
			t.f()
		}
	}
	return ds
}
