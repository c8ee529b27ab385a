package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/annotate/formats"
	"spanmark/storage"
)

// mergeTrio makes three projects of one text, annotated by x (Alice, Bob,
// Paris), y (Alice, Bob) and z (Alice, Monday).
func mergeTrio(t *testing.T, dir string) []string {
	t.Helper()
	const text = "Alice met Bob in Paris on Monday."
	spans := map[string]annotate.Annotation{
		"Alice":  {Start: 0, End: 5, Label: "PERSON"},
		"Bob":    {Start: 10, End: 13, Label: "PERSON"},
		"Paris":  {Start: 17, End: 22, Label: "LOC"},
		"Monday": {Start: 26, End: 32, Label: "DATE"},
	}
	var paths []string
	for _, who := range []struct {
		name  string
		spans []string
	}{
		{"x", []string{"Alice", "Bob", "Paris"}},
		{"y", []string{"Alice", "Bob"}},
		{"z", []string{"Alice", "Monday"}},
	} {
		path := filepath.Join(dir, who.name+".spanmark")
		st, err := storage.Open(path, storage.Options{Create: true, Annotator: who.name})
		if err != nil {
			t.Fatal(err)
		}
		d := &annotate.DocumentData{Document: annotate.Document{Title: "Meeting", Text: text}}
		for _, s := range who.spans {
			a := spans[s]
			a.ID = annotate.NewID()
			d.Annotations = append(d.Annotations, a)
		}
		_, err = st.Import(formats.Seq([]*annotate.DocumentData{d}))
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

func TestMerge(t *testing.T) {
	dir := isolate(t)
	trio := mergeTrio(t, dir)
	tests := []struct {
		strategy string
		want     []string
	}{
		{"union", []string{"DATE \"Monday\"", "LOC \"Paris\"", "PERSON \"Alice\"", "PERSON \"Bob\""}},
		{"intersection", []string{"PERSON \"Alice\""}},
		{"majority", []string{"PERSON \"Alice\"", "PERSON \"Bob\""}},
	}
	for _, tc := range tests {
		t.Run(tc.strategy, func(t *testing.T) {
			out := filepath.Join(dir, tc.strategy+".spanmark")
			_, stderr := mustRun(t, "", append([]string{"merge", "--out", out, "--strategy", tc.strategy}, trio...)...)
			want := fmt.Sprintf("merged 3 files by %s into %s: 1 documents, %d annotations, 0 relations\n", tc.strategy, out, len(tc.want))
			if stderr != want {
				t.Errorf("stderr %q, want %q", stderr, want)
			}
			if got := labelTexts(t, out, false); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}

	t.Run("majority of two", func(t *testing.T) {
		out := filepath.Join(dir, "two.spanmark")
		code, _, stderr := spanmark(t, "", "merge", "--strategy", "majority", "--out", out, trio[0], trio[1])
		if _, err := os.Stat(out); code != exitUsage || !strings.Contains(stderr, "a majority needs at least three files") || err == nil {
			t.Errorf("got exit %d, stderr %q, project %v", code, stderr, err)
		}
	})
	t.Run("existing out", func(t *testing.T) {
		out := filepath.Join(dir, "union.spanmark")
		before := annotatetest.FileState(t, out)
		code, _, stderr := spanmark(t, "", "merge", "--strategy", "intersection", "--out", out, trio[0], trio[1])
		if code != exitError || !strings.Contains(stderr, "exists (--force replaces it)") || annotatetest.FileState(t, out) != before {
			t.Errorf("got exit %d, stderr %q; want the file kept", code, stderr)
		}
		mustRun(t, "", "merge", "--force", "--strategy", "intersection", "--out", out, trio[0], trio[1])
		if got, want := labelTexts(t, out, false), []string{"PERSON \"Alice\"", "PERSON \"Bob\""}; !slices.Equal(got, want) {
			t.Errorf("after --force: got %q, want %q", got, want)
		}
	})
	t.Run("out open elsewhere", func(t *testing.T) {
		out := filepath.Join(dir, "majority.spanmark")
		st, err := storage.Open(out, storage.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		code, _, stderr := spanmark(t, "", "merge", "--force", "--out", out, trio[0], trio[1])
		if code != exitError || !strings.Contains(stderr, annotate.ErrLocked.Error()) {
			t.Errorf("got exit %d, stderr %q", code, stderr)
		}
	})
	noTemporaryFiles(t, dir)
}
