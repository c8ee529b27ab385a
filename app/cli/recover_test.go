package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate/annotatetest"
)

// TestDamagedProject cuts a project short and overwrites its pages:
// every command says the file is damaged, in one line with exit 1, and
// recover salvages what can be read into a new project.
func TestDamagedProject(t *testing.T) {
	dir := isolate(t)
	good := filepath.Join(dir, "good.spanmark")
	mustRun(t, "", "gen", "--out", good, "--docs", "60", "--words-per-doc", "300", "--annotations-per-doc", "20")
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	damaged := map[string][]byte{
		"cut at 8 KiB":    data[:8<<10],
		"cut at 64 KiB":   data[:64<<10],
		"cut at 100000 B": data[:100000],
		"cut at 200000 B": data[:200000],
	}
	// Overwrite half the pages after the two meta pages: whatever bbolt
	// put where, export and compact read some of them.
	overwritten := append([]byte(nil), data...)
	for i := 2 * 4096; i < len(data)/2; i++ {
		overwritten[i] = 0xa5
	}
	damaged["pages overwritten"] = overwritten
	for name, b := range damaged {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "d.spanmark")
			if err := os.WriteFile(db, b, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"stats", "--db", db}, {"export", "--db", db}, {"compact", "--db", db}, {"import", "--db", db, filepath.Join(testdata, "article.txt")}} {
				code, _, stderr := spanmark(t, "", args...)
				// Damage in a data page shows when that page is read: stats
				// and import may not read it; export and compact read all.
				if code == exitOK && (args[0] == "stats" || args[0] == "import") {
					continue
				}
				if code != exitError || !strings.Contains(stderr, db+" is damaged: ") || strings.Contains(stderr, "goroutine") {
					t.Errorf("%s: exit %d, stderr %q", args[0], code, stderr)
				}
			}
			out := filepath.Join(t.TempDir(), "new.spanmark")
			code, _, stderr := spanmark(t, "", "recover", "--db", db, "--out", out)
			if code == exitOK {
				if !strings.Contains(stderr, "recovered ") {
					t.Errorf("recover: stderr %q", stderr)
				}
				mustRun(t, "", "stats", "--db", out)
				if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
					t.Errorf("the recovered project: %v, %v; want mode 0600", fi, err)
				}
			} else if code != exitError || !strings.Contains(stderr, "is damaged") && !strings.Contains(stderr, "could be read whole") {
				t.Errorf("recover: exit %d, stderr %q", code, stderr)
			}
		})
	}
	t.Run("recover a sound project", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "copy.spanmark")
		_, stderr := mustRun(t, "", "recover", "--db", good, "--out", out)
		if !strings.Contains(stderr, "recovered 60 documents into "+out) {
			t.Errorf("stderr %q", stderr)
		}
		if got, want := snapshot(t, out), snapshot(t, good); got != want {
			t.Error("the recovered copy of a sound project differs from it")
		}
	})
	t.Run("recover never writes over a file", func(t *testing.T) {
		code, _, stderr := spanmark(t, "", "recover", "--db", good, "--out", good)
		if code != exitError || annotatetest.FileState(t, good) == "" {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
}
