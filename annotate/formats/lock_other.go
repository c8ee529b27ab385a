//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package formats

// isLocked reports false: this system has no advisory lock that an export
// could test without taking it. A project is refused by its contents
// (isDatabase) all the same.
func isLocked(path string) (bool, error) { return false, nil }
