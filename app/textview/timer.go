package textview

import "time"

// timer runs one function later on the Fyne goroutine, through the view's
// injected after func. Starting or stopping it makes any function still
// pending do nothing, even one already queued by fyne.Do.
type timer struct {
	gen    int
	cancel func()
}

func (t *timer) start(after func(time.Duration, func()) func(), d time.Duration, f func()) {
	t.stop()
	gen := t.gen
	t.cancel = after(d, func() {
		if gen != t.gen {
			return
		}
		t.cancel = nil
		f()
	})
}

func (t *timer) stop() {
	t.gen++
	if t.cancel != nil {
		t.cancel()
		t.cancel = nil
	}
}

func (t *timer) pending() bool {
	return t.cancel != nil
}
