package cli

import (
	"fmt"
	"path/filepath"
	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
	"spanmark/storage"
)

// readPool reads the documents to assign and their schema: a project
// given alone, or files and folders, which are imported as spanmark
// import reads them into a scratch project in stage (so that texts met
// twice are one document, as in any project). Any file that cannot be
// read fails the whole pool.
func readPool(from []string, stage string) (annotate.Schema, []*annotate.DocumentData, error) {
	var schema annotate.Schema
	var docs []*annotate.DocumentData
	var err error
	if len(from) == 1 && isProject(from[0]) {
		var side agree.Side
		side, err = formats.ReadSide(from[0], OpenStore, nil)
		schema, docs = side.Schema, side.Docs
	} else {
		schema, docs, err = importPool(from, stage)
	}
	switch {
	case err != nil:
		return annotate.Schema{}, nil, fmt.Errorf("pool: %w", err)
	case len(docs) == 0:
		return annotate.Schema{}, nil, fmt.Errorf("pool: no documents in %v", from)
	}
	return schema, docs, nil
}

// isProject reports whether path names a project file.
func isProject(path string) bool {
	return filepath.Ext(path) == ".spanmark"
}

// importPool imports the files and folders of from into a scratch
// project in stage, and reads it back.
func importPool(from []string, stage string) (annotate.Schema, []*annotate.DocumentData, error) {
	for _, p := range from {
		if isProject(p) {
			return annotate.Schema{}, nil, fmt.Errorf("%s: a project is a pool on its own, not with other files", p)
		}
	}
	files, _, err := formats.Files(from)
	if err != nil {
		return annotate.Schema{}, nil, err
	}
	st, err := storage.Open(filepath.Join(stage, "pool.spanmark"), storage.Options{Create: true})
	if err != nil {
		return annotate.Schema{}, nil, err
	}
	defer st.Close()
	if _, err := formats.ImportFiles(st, files, formats.FilesOptions{}); err != nil {
		return annotate.Schema{}, nil, err
	}
	schema, err := st.Schema()
	if err != nil {
		return annotate.Schema{}, nil, err
	}
	docs, err := formats.LoadDocuments(st, nil)
	return schema, docs, err
}
