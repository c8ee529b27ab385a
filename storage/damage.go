package storage

import (
	"errors"
	"fmt"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// damaged returns the error for a project file that cannot be read
// because it is damaged.
func damaged(path string, reason any) error {
	return fmt.Errorf("%s %w: %v", path, annotate.ErrDamaged, reason)
}

// checkPages looks at the file's meta page before bbolt maps the file: a
// file shorter than its pages reach would make bbolt read past its end,
// which kills the process with SIGBUS, and a root or free list page that
// is not one makes bbolt panic. A file that is not a bbolt file at all is
// left for bbolt to refuse.
func checkPages(path string) error {
	pf, err := openPageFile(path)
	if errors.Is(err, errNoMeta) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open project: %w", err)
	}
	defer pf.Close()
	if problem := pf.sizeProblem(); problem != "" {
		return damaged(path, problem)
	}
	if err := pf.checkPage(pf.meta.root, flagBranch|flagLeaf); err != nil {
		return damaged(path, fmt.Errorf("root: %w", err))
	}
	if pf.meta.freelist != noFreelist {
		if err := pf.checkPage(pf.meta.freelist, flagFreelist); err != nil {
			return damaged(path, fmt.Errorf("free list: %w", err))
		}
	}
	return nil
}

// checkPage fails unless page id can be read and has one of the flags.
func (pf *pageFile) checkPage(id uint64, flags uint16) error {
	p, err := pf.page(id)
	if err != nil {
		return err
	}
	if order.Uint16(p[8:])&flags == 0 {
		return fmt.Errorf("page %d has the wrong type", id)
	}
	return nil
}

// safely runs fn, turning a panic or a memory fault into an error that
// wraps annotate.ErrDamaged. bbolt panics on pages it cannot make sense
// of, and faults on pages past the end of its memory map; both mean the
// file is damaged (or was cut short after it was opened), and the person
// should see an error, not a crash. bbolt's View and Update roll the
// transaction back while the panic unwinds.
func safely(path string, fn func() error) (err error) {
	// A fault is a panic only on this goroutine, which is where bbolt
	// reads the file.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if v := recover(); v != nil {
			err = damaged(path, v)
		}
	}()
	return fn()
}

// Verify runs bbolt's consistency check over the whole file and returns
// an error wrapping annotate.ErrDamaged that lists what it found. It reads
// every page (24 ms for a 71 MB project where Open takes 2 ms), so it is
// not run on every Open. bbolt checks in a goroutine of its own, where a
// memory fault cannot be caught; Open's size check keeps its reads inside
// the file.
func (s *Store) Verify() error {
	var problems []error
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			problems = append(problems, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return damaged(s.path, errors.Join(problems...))
	}
	return nil
}
