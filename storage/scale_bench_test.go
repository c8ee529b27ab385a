package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// benchProjectEnv names the environment variable that gives
// BenchmarkOpenProject a real project file, such as the 10,000-document
// project .ci/bench.sh generates. Building one that size inside the
// benchmark would take longer than the measurement.
const benchProjectEnv = "SPANMARK_BENCH_PROJECT"

// BenchmarkOpenProject measures what a person waits for between choosing
// a project and seeing its document list with counts: Open as the app
// opens it (for writing), Documents, Close. It also reports the size of
// the file per annotation, one of the scale budgets.
func BenchmarkOpenProject(b *testing.B) {
	path := os.Getenv(benchProjectEnv)
	if path == "" {
		b.Skipf("set %s to a project file to measure opening it", benchProjectEnv)
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs, anns int
	for b.Loop() {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		infos, err := s.Documents()
		if err != nil {
			b.Fatal(err)
		}
		docs, anns = len(infos), 0
		for _, in := range infos {
			anns += in.Annotations
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	if anns == 0 {
		b.Fatalf("%s holds %d documents and no annotations", path, docs)
	}
	b.ReportMetric(float64(docs), "docs")
	b.ReportMetric(float64(anns), "annotations")
	b.ReportMetric(float64(fi.Size())/float64(anns), "file-bytes/annotation")
}

// BenchmarkEditCycleWith20000 measures the three edits behind the
// hotkeys — tag (a new annotation), relabel (the same id with another
// label) and untag (its deletion) — on a document with 20,000
// annotations, each against one bare commit of one key to the same file
// made just before it, so that both sides see the same disk. The ratios
// are the budget's: at most 2.
func BenchmarkEditCycleWith20000(b *testing.B) {
	s := newProject(b)
	importInto(b, s, seq(nil, bigDoc("big", 20000)))
	if err := s.db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("bench"))
		return err
	}); err != nil {
		b.Fatal(err)
	}
	i := 0
	bareCommit := func() time.Duration {
		t := time.Now()
		err := s.db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("bench")).Put([]byte("k"), fmt.Appendf(nil, "%d", i))
		})
		if err != nil {
			b.Fatal(err)
		}
		return time.Since(t)
	}
	timed := func(e annotate.Edit) time.Duration {
		t := time.Now()
		if err := s.Apply("big", e); err != nil {
			b.Fatal(err)
		}
		return time.Since(t)
	}
	var bare, tag, relabel, untag time.Duration
	for b.Loop() {
		i++
		start := (i * 7919) % 190000
		a := ann(fmt.Sprintf("cycle%d", i), start, start+5, "PERSON")
		bare += bareCommit()
		tag += timed(annotate.Edit{PutAnnotations: []annotate.Annotation{a}})
		a.Label = "ORG"
		bare += bareCommit()
		relabel += timed(annotate.Edit{PutAnnotations: []annotate.Annotation{a}})
		bare += bareCommit()
		untag += timed(annotate.Edit{DeleteAnnotations: []string{a.ID}})
	}
	perBare := float64(bare) / 3
	b.ReportMetric(perBare/float64(i), "bare-ns/op")
	b.ReportMetric(float64(tag)/perBare, "tag/bare")
	b.ReportMetric(float64(relabel)/perBare, "relabel/bare")
	b.ReportMetric(float64(untag)/perBare, "untag/bare")
}

// BenchmarkCompactAfterDeletes fills a project with synthetic documents,
// deletes every other annotation of each document, one Apply per
// document as a person's edits would, and compacts it. bbolt reuses
// freed pages but never shrinks its file, so the sizes before and after
// Compact show what `spanmark compact` gives back. The timed part is
// Compact.
func BenchmarkCompactAfterDeletes(b *testing.B) {
	const docs, perDoc = 1000, 100
	src := filepath.Join(b.TempDir(), "project.spanmark")
	s, err := Open(src, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	opts := synth.Options{Docs: docs, WordsPerDoc: 800, AnnotationsPerDoc: perDoc, Annotator: "bench", Seed: 1}
	importInto(b, s, synth.Documents(opts))
	full := fileSize(b, s)
	infos, err := s.Documents()
	if err != nil {
		b.Fatal(err)
	}
	var kept int
	for _, in := range infos {
		d := load(b, s, in.ID)
		var e annotate.Edit
		for k, a := range d.Annotations {
			if k%2 == 0 {
				e.DeleteAnnotations = append(e.DeleteAnnotations, a.ID)
			} else {
				kept++
			}
		}
		apply(b, s, in.ID, e)
	}
	deleted, deletedData := fileSize(b, s), dataSize(b, s.db)
	// Compact reads src under a shared lock, which this process's own
	// writer would refuse.
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	checkFile(b, src)
	dir := b.TempDir()
	var dst string
	n := 0
	for b.Loop() {
		n++
		os.Remove(dst)
		dst = filepath.Join(dir, fmt.Sprintf("compacted%d.spanmark", n))
		if err := Compact(src, dst); err != nil {
			b.Fatal(err)
		}
	}
	c := openProject(b, dst, Options{ReadOnly: true})
	if got := annotationsIn(b, c); got != kept {
		b.Fatalf("the compacted project holds %d annotations, want %d", got, kept)
	}
	b.ReportMetric(float64(full)/(1<<20), "MB-full")
	b.ReportMetric(float64(deleted)/(1<<20), "MB-after-deletes")
	b.ReportMetric(float64(fileSize(b, c))/(1<<20), "MB-compacted")
	b.ReportMetric(float64(deletedData)/(1<<20), "MB-pages-after-deletes")
	b.ReportMetric(float64(dataSize(b, c.db))/(1<<20), "MB-pages-compacted")
	b.ReportMetric(float64(fileSize(b, c))/float64(deleted), "compacted/deleted")
}

// annotationsIn sums the annotation counts of s's document list.
func annotationsIn(tb testing.TB, s *Store) int {
	tb.Helper()
	infos, err := s.Documents()
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, in := range infos {
		n += in.Annotations
	}
	return n
}

// dataSize returns how much of db's file its pages reach, free pages
// included: bbolt grows a file in steps of up to 16 MB, so the file size
// alone hides what Compact gives back in a small project.
func dataSize(tb testing.TB, db *bolt.DB) int64 {
	tb.Helper()
	var n int64
	if err := db.View(func(tx *bolt.Tx) error {
		n = tx.Size()
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return n
}
