package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/formats"
)

// isExport reports whether path names a spanmark JSON or JSONL export
// rather than a project file.
func isExport(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".jsonl":
		return true
	}
	return false
}

// readTheirs reads a teammate's work whole, for review: a spanmark JSON or
// JSONL export, or else a project file, which open opens read-only and
// which is closed again before readTheirs returns, so that it is never
// written and its lock is held no longer than the reading. The side is
// named after its annotator, or its file when it names none. read is
// called after each document with how many have been read; an error it
// returns stops the reading.
func readTheirs(path string, open func(string, bool) (annotate.Store, error), read func(n int) error) (agree.Side, error) {
	var side agree.Side
	var err error
	if isExport(path) {
		side, err = readExport(path, read)
	} else {
		side, err = readProject(path, open, read)
	}
	if err != nil {
		return agree.Side{}, err
	}
	if side.Name == "" {
		side.Name = filepath.Base(path)
	}
	return side, nil
}

// readExport reads a spanmark export. Its reader's errors name the file
// and the place in it.
func readExport(path string, read func(n int) error) (agree.Side, error) {
	in, err := formats.OpenPath(path)
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
		if err := read(len(side.Docs)); err != nil {
			return agree.Side{}, err
		}
	}
	return side, nil
}

// readProject reads a project file opened read-only.
func readProject(path string, open func(string, bool) (annotate.Store, error), read func(n int) error) (agree.Side, error) {
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
	docs, err := readAll(st, read)
	if err != nil {
		return agree.Side{}, err
	}
	return agree.Side{Name: meta.Annotator, Schema: schema, Docs: docs}, nil
}

// readAll reads every document of st with its annotations and relations,
// in the project's order, from one consistent read of the file.
func readAll(st annotate.Store, read func(n int) error) ([]*annotate.DocumentData, error) {
	var docs []*annotate.DocumentData
	err := st.Each(func(d *annotate.DocumentData) error {
		docs = append(docs, d)
		return read(len(docs))
	})
	return docs, err
}

// textHash is the hash that pairs a document with its copy in another
// file, as package agree pairs them: its SHA256, or the hash of its text
// when that is empty.
func textHash(d annotate.Document) string {
	if d.SHA256 != "" {
		return d.SHA256
	}
	return annotate.SHA256Hex(d.Text)
}

// sameFile reports whether the paths name the same file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
