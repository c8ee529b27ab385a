package app

import (
	"time"

	"fyne.io/fyne/v2"
)

// coalescer runs a piece of work once after a burst of requests for it
// has paused, on the Fyne goroutine. It keeps work that grows with the
// document (the annotation panel, the document list's counts) off the
// path of each keystroke: a person tagging fast pays for it once.
type coalescer struct {
	delay time.Duration
	gen   int // bumped by every schedule and flush; only Fyne's goroutine touches it
	work  func()
}

func newCoalescer(delay time.Duration, work func()) *coalescer {
	return &coalescer{delay: delay, work: work}
}

// schedule runs the work after delay, unless another schedule or a flush
// comes first.
func (c *coalescer) schedule() {
	c.gen++
	gen := c.gen
	time.AfterFunc(c.delay, func() {
		fyne.Do(func() {
			if gen == c.gen {
				c.work()
			}
		})
	})
}

// flush runs the work now and drops any pending run.
func (c *coalescer) flush() {
	c.gen++
	c.work()
}
