package formats

import (
	"errors"
	"runtime"
	"runtime/debug"
	"sync"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// streamGCPercent is the garbage collector's GOGC while CompareSides
// streams against a project. Only the documents in flight are alive then,
// a few megabytes, so the default of 100 collects every few megabytes
// allocated: hundreds of collections on a large export, a tenth of the
// CPU time. At 400 the heap stays under a hundred megabytes.
const streamGCPercent = 400

// collectLessOften raises GOGC to streamGCPercent, unless it is higher
// or off already, and returns the function that sets it back.
func collectLessOften() (restore func()) {
	old := debug.SetGCPercent(streamGCPercent)
	if old < 0 || old > streamGCPercent {
		debug.SetGCPercent(old)
	}
	return func() { debug.SetGCPercent(old) }
}

// errStopped ends the reading of the streamed side once a worker has
// failed.
var errStopped = errors.New("comparison stopped")

// CompareSides measures the agreement of side b with side a, the
// reference, with the report agree.Compare makes of the whole sides, but
// holding neither whole when one is a project: the documents of the other
// side are read one at a time, in order, and each one's partner is loaded
// from the project, by the text hashes of its document list. Of two
// exports, a is held whole and b read one document at a time. Errors name
// the file; the first one stops the comparison.
func CompareSides(a, b *StreamSide) (agree.Report, error) {
	streamed, indexed := b, a
	if b.st != nil {
		streamed, indexed = a, b
	}
	if indexed.st != nil {
		defer collectLessOften()()
	}
	hashes, err := indexed.hashes()
	if err != nil {
		return agree.Report{}, err
	}
	c := &sideComparison{pairer: agree.NewPairer(hashes), indexed: indexed, streamedIsA: streamed == a}
	tally, err := c.run(streamed, a.Schema, b.Schema)
	if err != nil {
		return agree.Report{}, err
	}
	onlyIndexed, onlyStreamed := c.pairer.Unpaired()
	onlyA, onlyB := onlyIndexed, onlyStreamed
	if c.streamedIsA {
		onlyA, onlyB = onlyStreamed, onlyIndexed
	}
	return tally.Report(a.Name, b.Name, onlyA, onlyB), nil
}

// sideComparison is the state of one CompareSides.
type sideComparison struct {
	pairer      *agree.Pairer
	indexed     *StreamSide
	streamedIsA bool

	mu  sync.Mutex
	err error // the first error of a worker
}

// pairJob is a document of the streamed side, its position there, and
// its partner's position on the indexed side.
type pairJob struct {
	doc          *annotate.DocumentData
	pos, partner int
}

// run reads the streamed side on this goroutine and hands each paired
// document to workers on every core, which load its partner and count
// the pair into Tallies of their own; it returns them added up.
func (c *sideComparison) run(streamed *StreamSide, sa, sb annotate.Schema) (*agree.Tally, error) {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan pairJob, 4*workers)
	tallies := make([]*agree.Tally, workers)
	var wg sync.WaitGroup
	for w := range tallies {
		tallies[w] = agree.NewTally(sa, sb)
		wg.Go(func() { c.work(jobs, tallies[w]) })
	}
	pos := 0
	err := streamed.each(func(d *annotate.DocumentData) error {
		if c.failed() {
			return errStopped
		}
		if partner := c.pairer.Pair(d.Document.TextHash()); partner >= 0 {
			jobs <- pairJob{doc: d, pos: pos, partner: partner}
		}
		pos++
		return nil
	})
	close(jobs)
	wg.Wait()
	if c.err != nil {
		return nil, c.err
	}
	if err != nil {
		return nil, err
	}
	for _, t := range tallies[1:] {
		tallies[0].Merge(t)
	}
	return tallies[0], nil
}

// work counts the pairs of jobs into t until jobs is closed; after an
// error it only drains jobs.
func (c *sideComparison) work(jobs <-chan pairJob, t *agree.Tally) {
	for j := range jobs {
		if c.failed() {
			continue
		}
		other, err := c.indexed.load(j.partner)
		if err != nil {
			c.fail(err)
			continue
		}
		if c.streamedIsA {
			t.Add(j.pos, j.doc, other)
		} else {
			t.Add(j.partner, other, j.doc)
		}
	}
}

// fail records the first error of a worker.
func (c *sideComparison) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
	}
}

// failed reports whether a worker has failed.
func (c *sideComparison) failed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err != nil
}
