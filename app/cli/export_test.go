package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"spanmark/annotate/annotatetest"
	"spanmark/annotate/formats"
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
		before := annotatetest.FileState(t, project)
		code, _, stderr := spanmark(t, "", "export", "--db", project, "--out", project, "--force")
		if code != exitError || !strings.Contains(stderr, "is a Spanmark project") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		if annotatetest.FileState(t, project) != before {
			t.Error("the project changed")
		}
	})
	t.Run("onto a project another window holds", func(t *testing.T) {
		held, err := storage.Open(other, storage.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer held.Close()
		before := annotatetest.FileState(t, other)
		code, _, stderr := spanmark(t, "", "export", "--db", project, "--out", other, "--force")
		if code != exitError || !strings.Contains(stderr, "is a Spanmark project") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		if annotatetest.FileState(t, other) != before {
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
		before := annotatetest.FileState(t, disguised)
		code, _, stderr := spanmark(t, "", "export", "--db", project, "--out", disguised, "--force")
		if code != exitError || !strings.Contains(stderr, "is a Spanmark project") || annotatetest.FileState(t, disguised) != before {
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

// TestExportFormats exports a project in each format through the command
// line and imports the result into a new project: the annotations and
// relations the format carries come back where they were.
func TestExportFormats(t *testing.T) {
	dir := isolate(t)
	src := filepath.Join(dir, "src.spanmark")
	mustRun(t, "", "import", "--db", src, "--format", "labelstudio", formatFile("article.labelstudio.json"), formatFile("unicode.labelstudio.json"))
	srcKeys, _ := spanKeys(t, src)
	tests := []struct {
		format, out string
		flags       []string
		conll       bool // entities only, on a text spaced anew
		relations   int
		notes       int // annotations the format cannot hold as they are
	}{
		{"spacy", "x.spacy.jsonl", nil, false, 0, 1},
		{"doccano", "x.doccano.jsonl", nil, false, 0, 0},
		{"doccano", "x.doccano-relations.jsonl", []string{"--relations"}, false, 4, 0},
		{"labelstudio", "x.labelstudio.json", nil, false, 4, 0},
		{"brat", "x.brat", nil, false, 4, 0},
		{"brat", "x.zip", nil, false, 4, 0},
		{"conll", "x.conll", nil, true, 0, 1},
		{"w3c", "x.w3c.jsonld", nil, false, 4, 0},
	}
	for _, tc := range tests {
		t.Run(tc.out, func(t *testing.T) {
			out := filepath.Join(dir, tc.out)
			args := append([]string{"export", "--db", src, "--format", tc.format, "--out", out}, tc.flags...)
			_, stderr := mustRun(t, "", args...)
			if got := strings.Count(stderr, "note: "); got != tc.notes {
				t.Errorf("got %d notes, want %d:\n%s", got, tc.notes, stderr)
			}
			if tc.notes > 0 && !strings.Contains(stderr, fmt.Sprintf("%d notes: what %s cannot hold", tc.notes, tc.format)) {
				t.Errorf("stderr lacks the count of notes:\n%s", stderr)
			}
			db := filepath.Join(dir, tc.out+".spanmark")
			mustRun(t, "", "import", "--db", db, "--format", tc.format, out)
			keys, rels := spanKeys(t, db)
			if tc.conll {
				if got, want := labelTexts(t, db, true), fixtureSpans(t, true); !slices.Equal(got, want) {
					t.Errorf("got %q\nwant %q", got, want)
				}
			} else if !slices.Equal(keys, srcKeys) {
				t.Errorf("got %q\nwant %q", keys, srcKeys)
			}
			if rels != tc.relations {
				t.Errorf("got %d relations, want %d", rels, tc.relations)
			}
		})
	}
	t.Run("brat folder", func(t *testing.T) {
		if fi, err := os.Stat(filepath.Join(dir, "x.brat")); err != nil || !fi.IsDir() {
			t.Fatalf("x.brat: %v; want a folder", err)
		}
		code, _, stderr := spanmark(t, "", "export", "--db", src, "--format", "brat", "--out", filepath.Join(dir, "x.brat"))
		if code != exitError || !strings.Contains(stderr, "is a folder that is not empty") {
			t.Errorf("export into a full folder: got exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("labelstudio config", func(t *testing.T) {
		want := formats.LabelStudioConfig(mustSchema(t, src))
		b, err := os.ReadFile(filepath.Join(dir, "x.labelstudio.config.xml"))
		if err != nil || string(b) != want {
			t.Errorf("config beside the export: got %q, %v; want %q", b, err, want)
		}
		if stdout, _ := mustRun(t, "", "export", "--db", src, "--format", "labelstudio", "--config"); stdout != want {
			t.Errorf("--config: got %q, want %q", stdout, want)
		}
	})
	t.Run("conll claims", func(t *testing.T) {
		want := 0
		for _, sp := range fixtureSpans(t, false) {
			if strings.HasPrefix(sp, "CLAIM ") {
				want++
			}
		}
		stdout, _ := mustRun(t, "", "export", "--db", src, "--format", "conll", "--kind", "claim")
		if got := strings.Count(stdout, "\tB-CLAIM\n"); got != want {
			t.Errorf("got %d claims, want %d:\n%s", got, want, stdout)
		}
	})
	noTemporaryFiles(t, dir)
}
