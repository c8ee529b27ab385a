package app

// lane runs background work one piece at a time, for work that shares
// what is not safe to use from two goroutines at once: the suggestion
// index, whose vocabulary Index.Open grows (it numbers the document's
// new words) while another document's Open reads it. A piece's done
// runs before the next piece starts, so done may start more. Of the
// pieces that wait, only the last given is kept: each supersedes the one
// before (the document opened before the one just opened), and the
// dropped pieces' done is not called. The zero value is ready to use, on
// Fyne's goroutine only.
type lane struct {
	busy bool
	next func()
}

// Go runs work through run, then done, once the piece running (if any)
// is done.
func (l *lane) Go(run runner, work func() error, done func(error)) {
	start := func() {
		l.busy = true
		run.Go(work, func(err error) {
			l.busy = false
			done(err)
			if next := l.next; next != nil && !l.busy {
				l.next = nil
				next()
			}
		})
	}
	if l.busy {
		l.next = start
		return
	}
	start()
}
