package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"spanmark/annotate"
)

// Build makes a new project at path with opts and fills it with fill;
// when fill fails, no project is left behind. An existing path is an
// error unless replace is set: then the new project is made in a
// temporary folder beside path and renamed over it only once it is
// complete, so that the old file stays whole until then. A project that
// is open elsewhere is never replaced.
func Build(path string, replace bool, opts Options, fill func(*Store) error) error {
	target := path
	if _, err := os.Lstat(path); err == nil {
		if !replace {
			return fmt.Errorf("%s: %w", path, fs.ErrExist)
		}
		if err := checkNotOpen(path); err != nil {
			return err
		}
		dir, err := os.MkdirTemp(filepath.Dir(path), tempPattern(path))
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		target = filepath.Join(dir, filepath.Base(path))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	opts.Create, opts.ReadOnly = true, false
	st, err := Open(target, opts)
	if err != nil {
		return err
	}
	err = fill(st)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(target)
		return err
	}
	if target != path {
		return os.Rename(target, path)
	}
	return nil
}

// checkNotOpen returns the lock error when the project at path is open
// for writing elsewhere. A file that is no project, or one this version
// cannot read, is not open in Spanmark.
func checkNotOpen(path string) error {
	st, err := Open(path, Options{ReadOnly: true})
	if errors.Is(err, annotate.ErrLocked) {
		return err
	}
	if err == nil {
		st.Close()
	}
	return nil
}

// CompactFile rewrites the project at path without its free pages, and
// returns its sizes before and after. The copy is made beside path and
// renamed over it only when complete, in one step, so that path is
// always either the old file or the new one. It fails, changing nothing,
// when the project is open elsewhere (annotate.ErrLocked) or changes
// while it is copied. A copy that is not smaller is thrown away (after >=
// before says so). Copies left behind by a compaction that was killed
// are removed first.
func CompactFile(path string) (before, after int64, err error) {
	old, err := os.Stat(path)
	if err != nil {
		return 0, 0, err
	}
	removeStaleTemps(path)
	dir, err := os.MkdirTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, filepath.Base(path))
	if err := Compact(path, tmp); err != nil {
		return 0, 0, err
	}
	// Hold the project, so that nobody opens it until the copy is in its
	// place, and make sure nobody wrote to it while it was copied.
	st, err := Open(path, Options{})
	if err != nil {
		return 0, 0, err
	}
	defer st.Close()
	now, err := os.Stat(path)
	if err != nil {
		return 0, 0, err
	}
	if !now.ModTime().Equal(old.ModTime()) || now.Size() != old.Size() {
		return 0, 0, fmt.Errorf("%s changed while it was compacted; try again", path)
	}
	fresh, err := os.Stat(tmp)
	if err != nil {
		return 0, 0, err
	}
	if fresh.Size() >= old.Size() {
		return old.Size(), fresh.Size(), nil
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, 0, err
	}
	return old.Size(), fresh.Size(), nil
}
