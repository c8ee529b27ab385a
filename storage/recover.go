package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"spanmark/annotate"
)

// RecoverReport says what Recover salvaged and what it could not read.
type RecoverReport struct {
	// Recovered lists the documents written to the new project, in the
	// order they were added to the damaged one.
	Recovered []annotate.DocumentInfo
	// Lost lists the documents that were found but could not be read
	// whole; they are not in the new project. A document of which nothing
	// at all could be read is not listed: Problems says how many pages
	// were lost.
	Lost []LostDocument
	// Problems describes the damage: missing bytes, unreadable pages, a
	// lost free list, schema or meta data.
	Problems []string
}

// LostDocument is a document Recover found but could not read whole.
type LostDocument struct {
	ID string
	// Title is empty when the document's record could not be read.
	Title string
	Err   error
}

// Recover salvages the documents of the damaged project src, with their
// annotations, relations and status, their suggestions and rejections,
// and its schema and meta data, into a new project dst. src is only read; dst must not exist. It reads src's
// pages itself rather than through bbolt, so a truncated file or
// overwritten pages cannot crash it, and it finds documents whose index
// pages are lost. Only documents that pass every check (the text matches
// its SHA-256, the annotations and relations their counts in the
// document's record, and validation against the schema) are written, and
// of their suggestions and rejections only those that can be read whole
// and fit the text.
//
// When nothing can be read, the error wraps annotate.ErrDamaged and no
// file is made. Recover works on a sound project too.
func Recover(src, dst string) (RecoverReport, error) {
	if err := checkRecoverPaths(src, dst); err != nil {
		return RecoverReport{}, err
	}
	// Hold a reader's lock if bbolt can take one, so that a Spanmark
	// writing to src waits; a file bbolt refuses is read all the same.
	db, err := openBolt(src, Options{ReadOnly: true, Timeout: defaultTimeout}, false)
	if errors.Is(err, annotate.ErrLocked) {
		return RecoverReport{}, fmt.Errorf("recover: %w", err)
	}
	if err == nil {
		defer db.Close()
	}
	pf, err := openPageFile(src)
	if errors.Is(err, errNoMeta) {
		return RecoverReport{}, fmt.Errorf("recover %s: %w: %v", src, annotate.ErrNotProject, err)
	}
	if err != nil {
		return RecoverReport{}, fmt.Errorf("recover: %w", err)
	}
	defer pf.Close()
	return recoverInto(scan(pf), src, dst)
}

// checkRecoverPaths refuses a dst that exists, which includes src.
func checkRecoverPaths(src, dst string) error {
	fi, err := os.Stat(src)
	if err != nil {
		return fmt.Errorf("recover: %w", err)
	}
	if !fi.Mode().IsRegular() {
		// Reading a FIFO or a device would wait or never end.
		return fmt.Errorf("recover %s: %w: not a regular file", src, annotate.ErrNotProject)
	}
	if filepath.Clean(src) == filepath.Clean(dst) {
		return fmt.Errorf("recover %s: the new project must be another file", src)
	}
	if _, err := os.Lstat(dst); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("recover into %s: %w", dst, fs.ErrExist)
	}
	return nil
}

// recoverInto writes what sv found into the new project dst.
func recoverInto(sv *salvage, src, dst string) (RecoverReport, error) {
	m, found := sv.project()
	if m.version > FormatVersion {
		return RecoverReport{}, fmt.Errorf("recover %s: format version %d: %w", src, m.version, annotate.ErrNewerVersion)
	}
	docs, lost := sv.documents(m.schema)
	sugs := sv.salvageSuggestions(docs)
	rep := RecoverReport{Lost: lost, Problems: sv.problems}
	if !found && len(docs) == 0 {
		return rep, damaged(src, "nothing could be read")
	}
	created := m.created
	if created.IsZero() {
		created = time.Now()
	}
	opts := Options{Annotator: m.annotator, Now: func() time.Time { return created }}
	err := Build(dst, false, opts, func(st *Store) error {
		if err := st.SetSchema(m.schema, annotate.SchemaChange{}); err != nil {
			return err
		}
		res, err := st.Import(func(yield func(*annotate.DocumentData, error) bool) {
			for _, d := range docs {
				if !yield(d, nil) {
					return
				}
			}
		})
		rep.Recovered = res.Added
		if err != nil {
			return err
		}
		return st.restoreSuggestions(renamedSuggestions(sugs, res.Renamed))
	})
	if err != nil {
		return RecoverReport{}, fmt.Errorf("recover %s into %s: %w", src, dst, err)
	}
	return rep, nil
}
