package formats

import (
	"fmt"
	"path/filepath"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// IsExport reports whether path names a spanmark JSON or JSONL export
// rather than a project file.
func IsExport(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// ReadSide reads one annotator's whole work, for agreement and review: a
// spanmark export, or else a project, which open opens read-only and which
// is closed again before ReadSide returns, so that it is never written and
// its lock is held no longer than the reading. The side is named after
// its annotator, or its file when it names none. progress, when not nil,
// is told after each document how many have been read; an error it
// returns stops the reading.
func ReadSide(path string, open func(path string, readOnly bool) (annotate.Store, error), progress func(n int) error) (agree.Side, error) {
	if progress == nil {
		progress = func(int) error { return nil }
	}
	var side agree.Side
	var err error
	if IsExport(path) {
		side, err = readExportSide(path, progress)
	} else {
		side, err = readProjectSide(path, open, progress)
	}
	if err != nil {
		return agree.Side{}, err
	}
	if side.Name == "" {
		side.Name = filepath.Base(path)
	}
	return side, nil
}

// readExportSide reads a spanmark export. Its reader's errors name the
// file and the place in it.
func readExportSide(path string, progress func(n int) error) (agree.Side, error) {
	in, err := OpenPath(path)
	if err != nil {
		return agree.Side{}, err
	}
	defer in.Close()
	side := agree.Side{Name: in.Header().Annotator, Schema: in.Header().Schema}
	for d, err := range in.Documents() {
		if err != nil {
			return agree.Side{}, err
		}
		side.Docs = append(side.Docs, d)
		if err := progress(len(side.Docs)); err != nil {
			return agree.Side{}, err
		}
	}
	return side, nil
}

// readProjectSide reads every document of a project opened read-only, in
// the project's order, from one consistent read of the file.
func readProjectSide(path string, open func(string, bool) (annotate.Store, error), progress func(n int) error) (agree.Side, error) {
	st, err := open(path, true)
	if err != nil {
		return agree.Side{}, err
	}
	defer st.Close()
	meta, err := st.Meta()
	if err != nil {
		return agree.Side{}, fmt.Errorf("%s: %w", path, err)
	}
	schema, err := st.Schema()
	if err != nil {
		return agree.Side{}, fmt.Errorf("%s: %w", path, err)
	}
	docs, err := LoadDocuments(st, progress)
	if err != nil {
		return agree.Side{}, fmt.Errorf("%s: %w", path, err)
	}
	return agree.Side{Name: meta.Annotator, Schema: schema, Docs: docs}, nil
}

// LoadDocuments reads every document of st with its annotations and
// relations into memory, in the project's order, from one consistent read
// of the file. progress, when not nil, is told after each document how
// many have been read; an error it returns stops the reading.
func LoadDocuments(st annotate.Store, progress func(n int) error) ([]*annotate.DocumentData, error) {
	var docs []*annotate.DocumentData
	err := st.Each(func(d *annotate.DocumentData) error {
		docs = append(docs, d)
		if progress == nil {
			return nil
		}
		return progress(len(docs))
	})
	return docs, err
}
