//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package formats

import (
	"errors"
	"os"
	"syscall"
)

// isLocked reports whether another program holds a lock on the file at
// path, as Spanmark and bbolt do on an open project (flock). The test
// lock is released at once.
func isLocked(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	if err != nil {
		// A file system without locks cannot tell; it is not locked by
		// flock then.
		return false, nil
	}
	return false, syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
