package cli

import (
	"fmt"
	"os"
	"spanmark/annotate"
	"spanmark/annotate/formats"
	"spanmark/annotate/synth"
	"spanmark/storage"
	"time"
)

// Gen imports at most genChunkDocs documents or about genChunkAnnotations
// annotations per transaction: bbolt holds a transaction's pages in
// memory until it commits, and a million annotations at once would not
// fit in the memory a laptop has to spare.
const (
	genChunkDocs        = 200
	genChunkAnnotations = 100_000
)

func (c *cli) genCmd(args []string) int {
	fset := c.flags("gen", "--out FILE.spanmark [--docs N] [--words-per-doc W] [--annotations-per-doc A] [--seed S] [--annotator NAME] [--force]",
		"Make a synthetic project of news-like documents with annotations and relations, to\n"+
			"measure speed with. The same seed always makes the same project.")
	out := fset.String("out", "", "the new project `FILE`")
	opts := synth.Options{}
	fset.IntVar(&opts.Docs, "docs", 100, "the number of documents, `N`")
	fset.IntVar(&opts.WordsPerDoc, "words-per-doc", 1000, "the number of words, `W`, in each document")
	fset.IntVar(&opts.AnnotationsPerDoc, "annotations-per-doc", 50, "the number of annotations, `A`, in each document; a short one gets as many as fit")
	fset.Uint64Var(&opts.Seed, "seed", 1, "the seed, `S`: one seed always makes the same project")
	fset.StringVar(&opts.Annotator, "annotator", "synth", "the `NAME` of the annotator")
	force := fset.Bool("force", false, "replace --out if it exists")
	rest, code, ok := c.parse(fset, args)
	switch {
	case !ok:
		return code
	case len(rest) > 0:
		return c.usageError(fset, "unexpected %q", rest[0])
	case *out == "":
		return c.usageError(fset, "--out is required")
	case opts.Docs < 1 || opts.WordsPerDoc < 1 || opts.AnnotationsPerDoc < 0:
		return c.usageError(fset, "--docs and --words-per-doc must be at least 1, --annotations-per-doc at least 0")
	}
	began := time.Now()
	var res annotate.ImportResult
	err := storage.Build(*out, *force, storage.Options{Annotator: opts.Annotator}, func(st *storage.Store) error {
		var err error
		res, err = formats.ImportChunked(st, synth.Documents(opts), genChunkDocs, genChunkAnnotations)
		return err
	})
	err = forceHint(err)
	if err != nil {
		return c.fail(fmt.Errorf("gen: %w", err))
	}
	fi, err := os.Stat(*out)
	if err != nil {
		return c.fail(fmt.Errorf("gen: %w", err))
	}
	anns, rels := addedCounts(res)
	fmt.Fprintf(c.stderr, "made %s: %d documents, %d annotations, %d relations", *out, len(res.Added), anns, rels)
	if len(res.Skipped) > 0 {
		fmt.Fprintf(c.stderr, " (%d documents skipped: same text as another)", len(res.Skipped))
	}
	fmt.Fprintf(c.stderr, "\n%d bytes", fi.Size())
	if anns > 0 {
		fmt.Fprintf(c.stderr, ", %.0f bytes per annotation", float64(fi.Size())/float64(anns))
	}
	fmt.Fprintf(c.stderr, ", %.1f seconds\n", time.Since(began).Seconds())
	return exitOK
}
