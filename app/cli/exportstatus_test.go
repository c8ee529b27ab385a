package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/storage"
)

// TestExportStatus exports only the documents of --status, in
// spanmark's own format and in a tool's, to standard output and to a
// file, and refuses a status that does not exist.
func TestExportStatus(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "a.spanmark")
	mustRun(t, "", "import", "--db", db, filepath.Join(testdata, "article.txt"), filepath.Join(testdata, "unicode.txt"))
	markDone(t, db, "Orbita")
	tests := []struct {
		name string
		args []string
		want int // documents exported
	}{
		{"jsonl, every document", []string{"--format", "jsonl"}, 2},
		{"jsonl, done", []string{"--format", "jsonl", "--status", "done"}, 1},
		{"spacy, done", []string{"--format", "spacy", "--status", "done"}, 1},
		{"spacy, todo", []string{"--format", "spacy", "--status", "todo"}, 1},
		{"spacy, in progress", []string{"--format", "spacy", "--status", "in_progress"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, _ := mustRun(t, "", append([]string{"export", "--db", db}, tc.args...)...)
			if lines := strings.Count(stdout, "\n"); lines != tc.want {
				t.Errorf("got %d documents, want %d:\n%.300s", lines, tc.want, stdout)
			}
			if tc.want == 1 && tc.args[len(tc.args)-1] == "done" && !strings.Contains(stdout, "Orbita") {
				t.Errorf("the export lacks the document marked done:\n%.300s", stdout)
			}
		})
	}
	t.Run("to a file", func(t *testing.T) {
		out := filepath.Join(dir, "done.jsonl")
		mustRun(t, "", "export", "--db", db, "--status", "done", "--out", out)
		if _, docs := loadProject(t, out); len(docs) != 1 || docs[0].Document.Status != annotate.StatusDone {
			t.Errorf("got %d documents, want the one marked done", len(docs))
		}
	})
	t.Run("unknown status", func(t *testing.T) {
		code, _, stderr := spanmark(t, "", "export", "--db", db, "--status", "finished")
		if code != exitUsage || !strings.Contains(stderr, `--status "finished": want todo, in_progress or done`) {
			t.Errorf("exit %d: %s", code, stderr)
		}
	})
}

// markDone marks done the document of the project at path whose title
// starts with prefix.
func markDone(t *testing.T, path, prefix string) {
	t.Helper()
	st, infos := openDocuments(t, path, storage.Options{})
	defer st.Close()
	for _, in := range infos {
		if strings.HasPrefix(in.Title, prefix) {
			if err := st.SetStatus(in.ID, annotate.StatusDone); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no document titled %s… in %s", prefix, path)
}
