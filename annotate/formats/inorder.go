package formats

import "iter"

// inOrder yields work(x) for every x that next returns until it reports
// false, in next's order, with the calls of work spread over workers
// goroutines: decoding JSON is most of the work of reading a big file,
// and the lines of JSON Lines decode independently. next is called on a
// goroutine of its own, at most 4×workers items ahead of the caller.
// Breaking out of the loop stops the reading.
func inOrder[T, U any](workers int, next func() (T, bool), work func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		type job struct {
			in   T
			out  U
			done chan struct{}
		}
		stop := make(chan struct{})
		defer close(stop)
		todo := make(chan *job, 4*workers)
		order := make(chan *job, 4*workers)
		go func() {
			defer close(todo)
			defer close(order)
			for {
				x, ok := next()
				if !ok {
					return
				}
				j := &job{in: x, done: make(chan struct{})}
				select {
				case order <- j:
				case <-stop:
					return
				}
				select {
				case todo <- j:
				case <-stop:
					return
				}
			}
		}()
		for range workers {
			go func() {
				for j := range todo {
					j.out = work(j.in)
					close(j.done)
				}
			}()
		}
		for j := range order {
			<-j.done
			if !yield(j.out) {
				return
			}
		}
	}
}
