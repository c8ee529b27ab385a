package cli

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"spanmark/storage"
)

// TestExportOutput gives export's --out every kind of path an adversary
// or a slip of the hand would: no project and no file is lost, a device
// and a FIFO stay what they are, a link's target is written.
func TestExportOutput(t *testing.T) {
	dir := isolate(t)
	project := filepath.Join(dir, "a.spanmark")
	mustRun(t, "", "import", "--db", project, filepath.Join(testdata, "article.txt"))
	other := filepath.Join(dir, "other.spanmark")
	mustRun(t, "", "import", "--db", other, filepath.Join(testdata, "unicode.txt"))

	t.Run("onto its own project", func(t *testing.T) {
		before := fileState(t, project)
		code, _, stderr := spanmark(t, "", "export", "--db", project, "--out", project, "--force")
		if code != exitError || !strings.Contains(stderr, "is a Spanmark project") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		if fileState(t, project) != before {
			t.Error("the project changed")
		}
	})
	t.Run("onto a project another window holds", func(t *testing.T) {
		held, err := storage.Open(other, storage.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer held.Close()
		before := fileState(t, other)
		code, _, stderr := spanmark(t, "", "export", "--db", project, "--out", other, "--force")
		if code != exitError || !strings.Contains(stderr, "is a Spanmark project") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		if fileState(t, other) != before {
			t.Error("the held project changed")
		}
		if _, err := held.Documents(); err != nil {
			t.Errorf("the window's project after the refused export: %v", err)
		}
	})
	t.Run("a project renamed", func(t *testing.T) {
		disguised := filepath.Join(dir, "backup.json")
		b, _ := os.ReadFile(other)
		os.WriteFile(disguised, b, 0o600)
		before := fileState(t, disguised)
		code, _, stderr := spanmark(t, "", "export", "--db", project, "--out", disguised, "--force")
		if code != exitError || !strings.Contains(stderr, "is a Spanmark project") || fileState(t, disguised) != before {
			t.Errorf("exit %d: %s", code, stderr)
		}
	})
	t.Run("an existing file needs --force and keeps its mode", func(t *testing.T) {
		out := filepath.Join(dir, "out.json")
		os.WriteFile(out, []byte("keep"), 0o600)
		code, _, stderr := spanmark(t, "", "export", "--db", project, "--out", out)
		if code != exitError || !strings.Contains(stderr, "--force replaces it") {
			t.Errorf("without --force: exit %d: %s", code, stderr)
		}
		if b, _ := os.ReadFile(out); string(b) != "keep" {
			t.Errorf("without --force the file holds %q", b)
		}
		mustRun(t, "", "export", "--db", project, "--out", out, "--force")
		b, _ := os.ReadFile(out)
		if fi, err := os.Stat(out); !strings.Contains(string(b), `"documents"`) || err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("with --force: mode %v, %v; %.40q", fi.Mode(), err, b)
		}
	})
	t.Run("a symbolic link", func(t *testing.T) {
		target := filepath.Join(dir, "target.json")
		link := filepath.Join(dir, "link.json")
		os.Symlink("target.json", link)
		mustRun(t, "", "export", "--db", project, "--out", link)
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link is now %v, %v", fi.Mode(), err)
		}
		if b, err := os.ReadFile(target); err != nil || !strings.Contains(string(b), `"documents"`) {
			t.Errorf("the link's target: %v", err)
		}
	})
	t.Run("a FIFO", func(t *testing.T) {
		fifo := filepath.Join(dir, "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		got := make(chan []byte)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- nil
				return
			}
			b, _ := io.ReadAll(f)
			f.Close()
			got <- b
		}()
		mustRun(t, "", "export", "--db", project, "--format", "jsonl", "--out", fifo)
		if b := <-got; !strings.Contains(string(b), "Shoigu") {
			t.Errorf("the FIFO's reader got %.80q", b)
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the FIFO is now %v, %v", fi.Mode(), err)
		}
	})
	t.Run("a device", func(t *testing.T) {
		mustRun(t, "", "export", "--db", project, "--out", os.DevNull)
		if fi, err := os.Lstat(os.DevNull); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("%s is now %v, %v", os.DevNull, fi.Mode(), err)
		}
	})
	t.Run("no folder", func(t *testing.T) {
		out := filepath.Join(dir, "nodir", "x.json")
		code, _, stderr := spanmark(t, "", "export", "--db", project, "--out", out)
		if code != exitError || !strings.Contains(stderr, out) || strings.Contains(stderr, ".tmp") {
			t.Errorf("exit %d: %s", code, stderr)
		}
	})
}

// TestCompactHeld compacts a project another window holds: one message
// that says "compact" once and names the user's file.
func TestCompactHeld(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "import", "--db", db, filepath.Join(testdata, "article.txt"))
	held, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	code, _, stderr := spanmark(t, "", "compact", "--db", db)
	if want := "spanmark: compact: " + db + " is open in another Spanmark window\n"; code != exitError || stderr != want {
		t.Errorf("exit %d, stderr %q; want %q", code, stderr, want)
	}
	code, _, stderr = spanmark(t, "", "compact", "--db", filepath.Join(dir, "none.spanmark"))
	if want := "spanmark: compact: no project at " + filepath.Join(dir, "none.spanmark") + "\n"; code != exitError || stderr != want {
		t.Errorf("exit %d, stderr %q; want %q", code, stderr, want)
	}
}
