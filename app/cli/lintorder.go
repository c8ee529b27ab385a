package cli

import (
	"errors"
	"sync"

	"spanmark/annotate"
)

// errReportFailed stops a walk of inOrder's after its report failed; the
// report's own error is what inOrder returns.
var errReportFailed = errors.New("report failed")

// inOrder calls check with every document walk gives, on workers
// goroutines, and report with each result in the walk's order, on one
// goroutine, as soon as the result and those before it are ready. Lint's
// checks of one document need nothing of another's, and were most of the
// time of a project's lint on one processor while the others idled. The
// walk runs on the caller's goroutine, at most 4×workers documents ahead
// of report, so that a project is never in memory at once. An error from
// report stops the walk and is returned; otherwise walk's error is.
func inOrder[R any](walk func(func(*annotate.DocumentData) error) error, workers int,
	check func(*annotate.DocumentData) R, report func(R) error) error {
	type job struct {
		d    *annotate.DocumentData
		out  R
		done chan struct{}
	}
	todo := make(chan *job, 4*workers)
	order := make(chan *job, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range todo {
				j.out = check(j.d)
				close(j.done)
			}
		})
	}
	failed := make(chan struct{})
	reported := make(chan struct{})
	var reportErr error
	go func() {
		defer close(reported)
		for j := range order {
			<-j.done
			if reportErr != nil {
				continue // drained, so that the walk never waits on order
			}
			if reportErr = report(j.out); reportErr != nil {
				close(failed)
			}
		}
	}()
	err := walk(func(d *annotate.DocumentData) error {
		j := &job{d: d, done: make(chan struct{})}
		// Queued for report before for the workers: report waits on the
		// jobs in order, and every job it waits on is then in todo.
		select {
		case order <- j:
		case <-failed:
			return errReportFailed
		}
		todo <- j
		return nil
	})
	close(todo)
	close(order)
	wg.Wait()
	<-reported
	if reportErr != nil {
		return reportErr
	}
	return err
}
