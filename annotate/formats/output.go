package formats

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Errors of the destination of an export.
var (
	// ErrProjectOutput: the destination is a Spanmark project, which an
	// export never replaces, whatever it is told.
	ErrProjectOutput = errors.New("is a Spanmark project; an export never replaces one")
	// ErrOutputInUse: another program holds a lock on the destination.
	ErrOutputInUse = errors.New("is in use by another program (locked)")
)

// projectExt is the extension of Spanmark project files.
const projectExt = ".spanmark"

// WriteFile writes the file at path with fn, by the rules every export
// follows, from the command line and from the app alike:
//
//   - A Spanmark project is never replaced (ErrProjectOutput): a file
//     named *.spanmark, or any bbolt file, open in the app or not.
//   - An existing regular file is replaced only when replace is set
//     (otherwise an error wrapping fs.ErrExist), never while another
//     program holds a lock on it (ErrOutputInUse), and keeps its mode.
//   - A symbolic link is followed: its target is written.
//   - A device, a FIFO or a socket (/dev/stdout, a shell's >(cmd)) is
//     written directly; nothing replaces it.
//   - Otherwise fn writes a temporary file beside path, which replaces
//     path only once fn has succeeded and the data is synced, so that
//     path never holds half a file. When fn fails, the temporary file is
//     removed and path is left as it was. A new file gets the mode the
//     user's umask gives.
//
// Errors name path, never the temporary file.
func WriteFile(path string, replace bool, fn func(w io.Writer) error) error {
	target, info, err := prepareOutput(path, replace)
	if err != nil {
		return err
	}
	if info != nil && !info.Mode().IsRegular() {
		return writeDirect(path, target, fn)
	}
	mode := fs.FileMode(0o666)
	if info != nil {
		mode = info.Mode().Perm()
	}
	if err := writeReplacing(target, mode, info != nil, fn); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// CheckOutput returns the error WriteFile would refuse path with, without
// writing anything, so that a command can refuse before it starts.
func CheckOutput(path string, replace bool) error {
	_, _, err := prepareOutput(path, replace)
	return err
}

// prepareOutput returns the file WriteFile writes for path, and what it
// is now (nil when it does not exist), or why it must not be written.
func prepareOutput(path string, replace bool) (target string, info fs.FileInfo, err error) {
	target, info, err = resolveOutput(path)
	switch {
	case err != nil:
		return "", nil, err
	case info != nil && info.IsDir():
		return "", nil, fmt.Errorf("%s is a folder", path)
	case info != nil && !info.Mode().IsRegular():
		return target, info, nil
	}
	return target, info, checkReplace(path, target, info, replace)
}

// resolveOutput follows path's symbolic links and returns the file to
// write and what it is now; info is nil when it does not exist yet.
func resolveOutput(path string) (target string, info fs.FileInfo, err error) {
	target = path
	for range 40 { // as many links as Linux follows
		l, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return target, nil, nil
		case err != nil:
			return "", nil, fmt.Errorf("write %s: %w", path, plainError(err))
		case l.Mode()&fs.ModeSymlink == 0:
			return target, l, nil
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", nil, fmt.Errorf("write %s: %w", path, plainError(err))
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", nil, fmt.Errorf("write %s: too many symbolic links", path)
}

// checkReplace says whether the regular file target (info, nil when it
// does not exist), which path names, may be written over.
func checkReplace(path, target string, info fs.FileInfo, replace bool) error {
	if strings.EqualFold(filepath.Ext(path), projectExt) || strings.EqualFold(filepath.Ext(target), projectExt) {
		return fmt.Errorf("%s %w", path, ErrProjectOutput)
	}
	if info == nil {
		return nil
	}
	project, err := isDatabase(target)
	switch {
	case err != nil:
		return fmt.Errorf("write %s: %w", path, plainError(err))
	case project:
		return fmt.Errorf("%s %w", path, ErrProjectOutput)
	case !replace:
		return fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	locked, err := isLocked(target)
	switch {
	case err != nil:
		return fmt.Errorf("write %s: %w", path, plainError(err))
	case locked:
		return fmt.Errorf("%s %w", path, ErrOutputInUse)
	}
	return nil
}

// bboltMagic is the number every bbolt meta page carries after its
// 16-byte page header; a Spanmark project is a bbolt file.
var bboltMagic = []byte{0xed, 0xda, 0x0c, 0xed}

// isDatabase reports whether the file at path is a bbolt database: its
// first or second meta page carries bbolt's magic number. It reads bytes
// rather than opening the file as a database, so that a project another
// window holds is recognised too, and nothing of it is touched.
func isDatabase(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	// The second meta page starts one page in; pages are 4 KiB on most
	// systems and 16 KiB on some.
	for _, at := range []int64{0, 4096, 16384} {
		var b [4]byte
		if _, err := f.ReadAt(b[:], at+16); err != nil {
			if errors.Is(err, io.EOF) {
				return false, nil
			}
			return false, err
		}
		if bytes.Equal(b[:], bboltMagic) {
			return true, nil
		}
	}
	return false, nil
}

// writeDirect writes into target, a device, FIFO or socket that path
// names, as it is.
func writeDirect(path, target string, fn func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, plainError(err))
	}
	err = fn(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, plainError(err))
	}
	return nil
}

// writeReplacing writes target through a temporary file beside it, with
// mode; an existing target keeps its mode exactly, a new one gets mode
// less the umask.
func writeReplacing(target string, mode fs.FileMode, exists bool, fn func(io.Writer) error) (err error) {
	f, err := createTemp(target, mode)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := fn(f); err != nil {
		return plainError(err)
	}
	if exists {
		// The umask may have taken bits that the replaced file had.
		if err := f.Chmod(mode); err != nil {
			return plainError(err)
		}
	}
	if err := f.Sync(); err != nil {
		return plainError(err)
	}
	if err := f.Close(); err != nil {
		return plainError(err)
	}
	return plainError(os.Rename(f.Name(), target))
}

// createTemp creates a new file beside target, named after it, with mode
// less the umask (os.CreateTemp would make it private).
func createTemp(target string, mode fs.FileMode) (*os.File, error) {
	return makeTemp(target, func(name string) (*os.File, error) {
		return os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, mode)
	})
}

// makeTemp makes a new file or folder with mk under a hidden name beside
// target, trying other names while the name exists.
func makeTemp[T any](target string, mk func(name string) (T, error)) (T, error) {
	for range 100 {
		var r [6]byte
		rand.Read(r[:])
		t, err := mk(filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+"."+hex.EncodeToString(r[:])+".tmp"))
		if !errors.Is(err, fs.ErrExist) {
			return t, plainError(err)
		}
	}
	var zero T
	return zero, errors.New("cannot make a temporary file")
}

// plainError strips the path from err, which may name a temporary file
// the user never chose; the caller names the user's path instead.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// WriteFolder makes the folder dir with fn, which fills the folder it is
// given: a temporary one beside dir, renamed to dir once fn has
// succeeded, so that dir never holds half an export. When fn fails, the
// temporary folder is removed. dir must not exist, or be an empty folder.
func WriteFolder(dir string, fn func(tmp string) error) (err error) {
	info, err := os.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return fmt.Errorf("%s is a file, not a folder", dir)
	case err == nil:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("write %s: %w", dir, plainError(err))
		}
		if len(entries) > 0 {
			return fmt.Errorf("%s is a folder that is not empty", dir)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write %s: %w", dir, plainError(err))
	}
	tmp, err := makeTemp(filepath.Clean(dir), func(name string) (string, error) { return name, os.Mkdir(name, 0o777) })
	if err != nil {
		return fmt.Errorf("write %s: %w", dir, plainError(err))
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := fn(tmp); err != nil {
		return err
	}
	// An empty dir gives way: not every system renames over a folder.
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %s: %w", dir, plainError(err))
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("write %s: %w", dir, plainError(err))
	}
	return nil
}
