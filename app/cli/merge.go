package cli

import (
	"fmt"
	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
	"spanmark/storage"
)

func (c *cli) mergeCmd(args []string) int {
	fset := c.flags("merge", "--out FILE.spanmark [--strategy union|intersection|majority] [--force] A B [C...]",
		"Merge several annotators' work (project files or spanmark exports) into a new project,\n"+
			"keeping the annotations the chosen rule selects. Attribute values are those most of\n"+
			"the inputs with the annotation have; a tie keeps the first input's, and the note says so.")
	out := fset.String("out", "", "the new project `FILE` for the merged work")
	name := fset.String("strategy", string(agree.Union), "keep what `RULE` of the inputs have: union (any), intersection (all) or majority (more than half)")
	force := fset.Bool("force", false, "replace --out if it exists")
	paths, code, ok := c.parse(fset, args)
	if !ok {
		return code
	}
	strategy, err := agree.ParseStrategy(*name)
	switch {
	case err != nil:
		return c.usageError(fset, "--strategy %q: want union, intersection or majority", *name)
	case *out == "":
		return c.usageError(fset, "--out is required")
	case len(paths) < 2:
		return c.usageError(fset, "want at least two files to merge; got %d", len(paths))
	case strategy == agree.Majority && len(paths) < 3:
		return c.usageError(fset, "a majority needs at least three files; got %d", len(paths))
	}
	sides, err := loadSides(paths)
	if err != nil {
		return c.fail(fmt.Errorf("merge: %w", err))
	}
	schema, docs, err := agree.Merge(strategy, sides)
	if err != nil {
		return c.fail(err)
	}
	var res annotate.ImportResult
	err = storage.Build(*out, *force, storage.Options{Annotator: "merged"}, func(st *storage.Store) error {
		if err := st.SetSchema(schema, annotate.SchemaChange{}); err != nil {
			return err
		}
		res, err = st.Import(formats.Seq(docs))
		return err
	})
	err = forceHint(err)
	if err != nil {
		return c.fail(fmt.Errorf("merge: %w", err))
	}
	anns, rels := addedCounts(res)
	fmt.Fprintf(c.stderr, "merged %d files by %s into %s: %d documents, %d annotations, %d relations\n",
		len(paths), strategy, *out, len(res.Added), anns, rels)
	return exitOK
}
