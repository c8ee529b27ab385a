package cli

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/annotate/synth"
)

func TestGen(t *testing.T) {
	dir := isolate(t)
	out := filepath.Join(dir, "gen.spanmark")
	opts := synth.Options{Docs: 12, WordsPerDoc: 400, AnnotationsPerDoc: 30, Annotator: "gen", Seed: 5}
	var want []*annotate.DocumentData
	anns, rels := 0, 0
	for d, err := range synth.Documents(opts) {
		if err != nil {
			t.Fatal(err)
		}
		// The store orders annotations by start, then end.
		slices.SortStableFunc(d.Annotations, func(a, b annotate.Annotation) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.ID, b.ID))
		})
		want = append(want, d)
		anns += len(d.Annotations)
		rels += len(d.Relations)
	}
	_, stderr := mustRun(t, "", "gen", "--out", out, "--docs", "12", "--words-per-doc", "400",
		"--annotations-per-doc", "30", "--seed", "5", "--annotator", "gen")
	line := fmt.Sprintf("made %s: 12 documents, %d annotations, %d relations\n", out, anns, rels)
	if anns != 12*30 || !strings.HasPrefix(stderr, line) || !strings.Contains(stderr, " bytes per annotation, ") {
		t.Errorf("stderr %q, want it to start %q", stderr, line)
	}

	h, got := loadProject(t, out)
	if h.Annotator != "gen" || len(got) != len(want) {
		t.Fatalf("got annotator %q and %d documents, want gen and %d", h.Annotator, len(got), len(want))
	}
	for i := range want {
		if got[i].Document.ID != want[i].Document.ID || got[i].Document.Text != want[i].Document.Text ||
			!slices.EqualFunc(got[i].Annotations, want[i].Annotations, sameSpan) || len(got[i].Relations) != len(want[i].Relations) {
			t.Errorf("document %d differs from synth's", i)
		}
	}
	stats, _ := mustRun(t, "", "stats", "--db", out)
	for _, row := range [][]string{{"documents", "12"}, {"annotations", strconv.Itoa(anns)}, {"relations", strconv.Itoa(rels)}} {
		if !hasRow(stats, row) {
			t.Errorf("stats lacks %q:\n%s", row, stats)
		}
	}

	before := annotatetest.FileState(t, out)
	code, _, stderr := spanmark(t, "", "gen", "--out", out, "--docs", "1")
	if code != exitError || !strings.Contains(stderr, "exists (--force replaces it)") || annotatetest.FileState(t, out) != before {
		t.Errorf("gen over a project: got exit %d, stderr %q; want it refused", code, stderr)
	}
	mustRun(t, "", "gen", "--out", out, "--docs", "3", "--force")
	if _, docs := loadProject(t, out); len(docs) != 3 {
		t.Errorf("gen --force: got %d documents, want 3", len(docs))
	}
	noTemporaryFiles(t, dir)
}

// BenchmarkGen makes a project of 200 documents of 1,000 words and 100
// annotations each, as spanmark gen does, and reports the cost per
// annotation and the file size per annotation.
func BenchmarkGen(b *testing.B) {
	dir := b.TempDir()
	var size int64
	for i := 0; b.Loop(); i++ {
		out := filepath.Join(dir, fmt.Sprintf("gen%d.spanmark", i))
		var stdout, stderr bytes.Buffer
		if code := Run([]string{"gen", "--out", out, "--docs", "200", "--words-per-doc", "1000", "--annotations-per-doc", "100"},
			Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr}); code != exitOK {
			b.Fatalf("gen: exit %d: %s", code, stderr.String())
		}
		fi, err := os.Stat(out)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
		os.Remove(out)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*200*100), "ns/annotation")
	b.ReportMetric(float64(size)/(200*100), "bytes/annotation")
}
