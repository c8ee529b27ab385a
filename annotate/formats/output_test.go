//go:build linux

package formats

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"spanmark/annotate/annotatetest"
)

// withUmask runs the test under umask mask, as a user's shell would set it.
func withUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

// fakeProject writes a file that carries bbolt's meta page magic where a
// project has it.
func fakeProject(t *testing.T, path string) {
	t.Helper()
	b := make([]byte, 8192)
	copy(b[16:], bboltMagic)
	copy(b[4096+16:], bboltMagic)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// lockFile holds a lock on path, as an open project's window does, until
// the test ends.
func lockFile(t *testing.T, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
}

func TestWriteFile(t *testing.T) {
	withUmask(t, 0o022)
	broken := errors.New("disk full")
	write := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string) string // returns the path to write
		replace bool
		fn      func(w io.Writer) error
		wantErr error  // errors.Is
		errText string // or a part of the message
		check   func(t *testing.T, dir, path string)
	}{
		{name: "new file follows the umask", fn: write,
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "out.json") },
			check: wantFile("new", 0o644)},
		{name: "existing file kept without replace", fn: write, wantErr: fs.ErrExist,
			setup: existing("out.json", 0o644), check: wantFile("old", 0o644)},
		{name: "replace keeps the mode", fn: write, replace: true,
			setup: existing("out.json", 0o640), check: wantFile("new", 0o640)},
		{name: "a failed write keeps the file", replace: true, wantErr: broken,
			fn:    func(w io.Writer) error { io.WriteString(w, "half"); return broken },
			setup: existing("out.json", 0o644), check: wantFile("old", 0o644)},
		{name: "a .spanmark name is never written", fn: write, replace: true, wantErr: ErrProjectOutput,
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "new.spanmark") },
			check: func(t *testing.T, dir, path string) { wantMissing(t, path) }},
		{name: "a project under another name is never replaced", fn: write, replace: true, wantErr: ErrProjectOutput,
			setup: func(t *testing.T, dir string) string {
				path := filepath.Join(dir, "project.json")
				fakeProject(t, path)
				return path
			},
			check: func(t *testing.T, dir, path string) { wantSize(t, path, 8192) }},
		{name: "a locked file is never replaced", fn: write, replace: true, wantErr: ErrOutputInUse,
			setup: func(t *testing.T, dir string) string {
				path := existing("out.json", 0o644)(t, dir)
				lockFile(t, path)
				return path
			},
			check: wantFile("old", 0o644)},
		{name: "a link is followed to its file", fn: write, replace: true,
			setup: func(t *testing.T, dir string) string {
				existing("real.json", 0o600)(t, dir)
				link := filepath.Join(dir, "link.json")
				if err := os.Symlink("real.json", link); err != nil {
					t.Fatal(err)
				}
				return link
			},
			check: func(t *testing.T, dir, path string) {
				wantLink(t, path)
				wantFile("new", 0o600)(t, dir, filepath.Join(dir, "real.json"))
			}},
		{name: "a dangling link makes its file", fn: write,
			setup: func(t *testing.T, dir string) string {
				link := filepath.Join(dir, "link.json")
				if err := os.Symlink("made.json", link); err != nil {
					t.Fatal(err)
				}
				return link
			},
			check: func(t *testing.T, dir, path string) {
				wantLink(t, path)
				wantFile("new", 0o644)(t, dir, filepath.Join(dir, "made.json"))
			}},
		{name: "a link to a project is refused", fn: write, replace: true, wantErr: ErrProjectOutput,
			setup: func(t *testing.T, dir string) string {
				fakeProject(t, filepath.Join(dir, "p.spanmark"))
				link := filepath.Join(dir, "out.json")
				if err := os.Symlink("p.spanmark", link); err != nil {
					t.Fatal(err)
				}
				return link
			},
			check: func(t *testing.T, dir, path string) { wantSize(t, filepath.Join(dir, "p.spanmark"), 8192) }},
		{name: "a folder is refused", fn: write, replace: true, errText: "is a folder",
			setup: func(t *testing.T, dir string) string { return dir }},
		{name: "errors name the user's path", fn: write, errText: "write ",
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "nodir", "x.json") },
			check: func(t *testing.T, dir, path string) { wantMissing(t, path) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tc.setup(t, dir)
			err := WriteFile(path, tc.replace, tc.fn)
			switch {
			case tc.wantErr != nil && !errors.Is(err, tc.wantErr):
				t.Errorf("got error %v, want %v", err, tc.wantErr)
			case tc.errText != "" && (err == nil || !strings.Contains(err.Error(), tc.errText)):
				t.Errorf("got error %v, want one saying %q", err, tc.errText)
			case tc.wantErr == nil && tc.errText == "" && err != nil:
				t.Errorf("got error %v", err)
			}
			if err != nil && (strings.Contains(err.Error(), ".tmp") || !strings.Contains(err.Error(), path)) {
				t.Errorf("error %q must name %s and no temporary file", err, path)
			}
			if tc.check != nil {
				tc.check(t, dir, path)
			}
			noTemporaries(t, dir)
		})
	}
}

// TestWriteFileSpecial writes into a FIFO and a device as they are.
func TestWriteFileSpecial(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := WriteFile(fifo, false, func(w io.Writer) error { _, err := io.WriteString(w, "through"); return err }); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through" {
		t.Errorf("the FIFO's reader got %q", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is now %v, %v", fi.Mode(), err)
	}
	noTemporaries(t, dir)

	if err := WriteFile(os.DevNull, false, func(w io.Writer) error { _, err := io.WriteString(w, "gone"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(os.DevNull); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s is now %v, %v", os.DevNull, fi.Mode(), err)
	}
}

func TestWriteFolder(t *testing.T) {
	withUmask(t, 0o022)
	broken := errors.New("disk full")
	write := func(dir string) error { return os.WriteFile(filepath.Join(dir, "a.txt"), []byte("new"), 0o644) }
	tests := []struct {
		name    string
		before  map[string]string // files in the folder beforehand; nil: no folder
		file    bool              // the path is a file beforehand
		fn      func(dir string) error
		wantErr string
		want    []string // the folder's files afterwards; nil: no folder
	}{
		{name: "new folder", fn: write, want: []string{"a.txt"}},
		{name: "empty folder", before: map[string]string{}, fn: write, want: []string{"a.txt"}},
		{name: "full folder", before: map[string]string{"b.txt": "old"}, fn: write, wantErr: "is a folder that is not empty", want: []string{"b.txt"}},
		{name: "a file", file: true, fn: write, wantErr: "is a file, not a folder"},
		{name: "fails", fn: func(dir string) error { write(dir); return broken }, wantErr: "disk full"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out.brat")
			if tc.before != nil {
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				annotatetest.WriteFiles(t, dir, tc.before)
			}
			if tc.file {
				annotatetest.WriteFiles(t, parent, map[string]string{"out.brat": "keep"})
			}
			err := WriteFolder(dir, tc.fn)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("got error %v, want %q", err, tc.wantErr)
			}
			if tc.file {
				wantFile("keep", 0o644)(t, parent, dir)
				return
			}
			var got []string
			if entries, err := os.ReadDir(dir); err == nil {
				got = []string{}
				for _, e := range entries {
					got = append(got, e.Name())
				}
			}
			if tc.want == nil && got != nil || tc.want != nil && !slices.Equal(got, tc.want) {
				t.Errorf("the folder holds %v, want %v", got, tc.want)
			}
			if fi, err := os.Stat(dir); tc.want != nil && (err != nil || fi.Mode().Perm() != 0o755) {
				t.Errorf("folder mode %v, %v; want 0755 under umask 022", fi.Mode(), err)
			}
			noTemporaries(t, parent)
		})
	}
}

// existing returns a setup that writes "old" to name with mode.
func existing(name string, mode fs.FileMode) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("old"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// wantFile checks that path holds content with mode.
func wantFile(content string, mode fs.FileMode) func(t *testing.T, dir, path string) {
	return func(t *testing.T, dir, path string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil || string(b) != content {
			t.Errorf("%s holds %q, %v; want %q", path, b, err, content)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode() != mode {
			t.Errorf("%s has mode %v, %v; want %v", path, fi.Mode(), err, mode)
		}
	}
}

func wantMissing(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s exists (%v)", path, err)
	}
}

func wantSize(t *testing.T, path string, size int64) {
	t.Helper()
	if fi, err := os.Stat(path); err != nil || fi.Size() != size {
		t.Errorf("%s: %v, %v; want it untouched, %d bytes", path, fi, err, size)
	}
}

func wantLink(t *testing.T, path string) {
	t.Helper()
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link: %v, %v", path, fi, err)
	}
}

// noTemporaries fails if a temporary file or folder was left in dir.
func noTemporaries(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
