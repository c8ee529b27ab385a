package app

import "time"

// coalescer runs a piece of work once after a burst of requests for it
// has paused, on the Fyne goroutine. It keeps work that grows with the
// document (the annotation panel, the document list's counts) off the
// path of each keystroke: a person tagging fast pays for it once.
type coalescer struct {
	delay  time.Duration
	after  func(time.Duration, func()) (cancel func()) // a runner's After
	gen    int                                         // bumped by every schedule and flush; only Fyne's goroutine touches it
	cancel func()                                      // stops the pending run; nil when none is
	work   func()
}

func newCoalescer(delay time.Duration, after func(time.Duration, func()) func(), work func()) *coalescer {
	return &coalescer{delay: delay, after: after, work: work}
}

// schedule runs the work after delay, unless another schedule or a flush
// comes first.
func (c *coalescer) schedule() {
	c.stop()
	gen := c.gen
	c.cancel = c.after(c.delay, func() {
		// A run already handed to Fyne's goroutine cannot be cancelled.
		if gen == c.gen {
			c.cancel = nil
			c.work()
		}
	})
}

// flush runs the work now and drops any pending run.
func (c *coalescer) flush() {
	c.stop()
	c.work()
}

func (c *coalescer) stop() {
	c.gen++
	if c.cancel != nil {
		c.cancel()
		c.cancel = nil
	}
}
