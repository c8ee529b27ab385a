package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Build and CompactFile make a project in a temporary folder beside it,
// named like os.MkdirTemp names it from tempPattern. A process killed
// meanwhile leaves the folder behind, as large as the project.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".*.tmp" }

// staleAge is how long a temporary folder must have been left alone
// before it counts as stale: its maker holds the lock of the file inside
// while it writes, and lets it go only for the moments between steps.
const staleAge = time.Minute

// removeStaleTemps removes the temporary folders of the project at path
// that no live process is writing. It is best effort: a folder it cannot
// remove is left for the next time.
func removeStaleTemps(path string) {
	dir, base := filepath.Split(path)
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && isTempOf(e.Name(), base) && stale(filepath.Join(dir, e.Name()), base) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// isTempOf reports whether name is a temporary folder of the project
// named base: "." + base + "." + digits + ".tmp".
func isTempOf(name, base string) bool {
	mid, ok := strings.CutPrefix(name, "."+base+".")
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, ".tmp")
	return ok && mid != "" && strings.Trim(mid, "0123456789") == ""
}

// stale reports whether the temporary folder tmp holds nothing but the
// copy named base, which nobody holds locked and nobody changed for
// staleAge.
func stale(tmp, base string) bool {
	entries, err := os.ReadDir(tmp)
	if err != nil || len(entries) > 1 || (len(entries) == 1 && entries[0].Name() != base) {
		return false
	}
	newest, err := os.Stat(tmp)
	if err != nil {
		return false
	}
	mod := newest.ModTime()
	if len(entries) == 1 {
		file := filepath.Join(tmp, base)
		fi, err := os.Stat(file)
		if err != nil || !fi.Mode().IsRegular() || locked(file) {
			return false
		}
		if fi.ModTime().After(mod) {
			mod = fi.ModTime()
		}
	}
	return time.Since(mod) >= staleAge
}

// locked reports whether another process holds the bbolt file at path
// open for writing.
func locked(path string) bool {
	db, err := bolt.Open(path, 0, &bolt.Options{ReadOnly: true, Timeout: time.Millisecond})
	if err == nil {
		db.Close()
	}
	return errors.Is(err, berrors.ErrTimeout)
}
