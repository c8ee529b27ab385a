package formats

import (
	"errors"
	"fmt"

	"spanmark/annotate"
)

// FileImport is what ImportFiles did with one file.
type FileImport struct {
	Path string
	// Result is what the file added and skipped.
	Result annotate.ImportResult
	// Header is the header of a spanmark file (its annotator and schema);
	// zero for other files.
	Header Header
	// SchemaAdded names what a spanmark file added to the project's
	// schema (see ImportSource).
	SchemaAdded []string
	// Report is what the import of a file in another tool's format found
	// (see ImportWith).
	Report Report
	// Empty is set for a plain-text file without text (ErrNoText): there
	// was nothing to import, which is no failure.
	Empty bool
	// Err is why the file was not imported; nothing from it was written.
	// It names the file.
	Err error
}

// FilesOptions says how ImportFiles reads its files.
type FilesOptions struct {
	// Format is a name of Importers, or "" for files read by their
	// extension (see OpenPath).
	Format string
	// Import is passed to the importer of Format; an empty Annotator
	// means the project's.
	Import ImportOptions
	// Open, when not nil, opens a file read by its extension in place of
	// OpenPath, and returns the function that closes it: the command line
	// reads "-" from standard input so.
	Open func(path string) (Source, func() error, error)
	// Each, when not nil, is called after each file with its number,
	// counting from 1, and what became of it. When it returns false the
	// files after it are left alone (a Cancel button). It is called on
	// ImportFiles' goroutine.
	Each func(n int, f FileImport) bool
}

// ImportFiles imports files into st one after another, each in a
// transaction of its own and all or nothing, going on past a file that
// fails, so that one bad file in a folder costs only itself. It returns
// what became of each file it tried, in order, and the failures joined
// (errors.Join), each naming its file, or nil when there were none. A
// plain-text file without text is passed over (FileImport.Empty), not a
// failure: it holds nothing that could be lost.
func ImportFiles(st annotate.Store, files []string, o FilesOptions) ([]FileImport, error) {
	if o.Format != "" && o.Import.Annotator == "" {
		meta, err := st.Meta()
		if err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		o.Import.Annotator = meta.Annotator
	}
	var done []FileImport
	var errs []error
	for i, path := range files {
		f := o.importOne(st, path)
		done = append(done, f)
		if f.Err != nil {
			errs = append(errs, f.Err)
		}
		if o.Each != nil && !o.Each(i+1, f) {
			break
		}
	}
	return done, errors.Join(errs...)
}

// importOne imports the file at path, all or nothing.
func (o FilesOptions) importOne(st annotate.Store, path string) FileImport {
	f := FileImport{Path: path}
	if o.Format != "" {
		f.Report, f.Result, f.Err = ImportWith(st, o.Format, path, o.Import)
		return f
	}
	src, closeSrc, err := o.open(path)
	switch {
	case errors.Is(err, ErrNoText):
		f.Empty = true
		return f
	case err != nil:
		f.Err = err
		return f
	}
	defer closeSrc()
	f.Result, f.SchemaAdded, f.Err = ImportSource(st, src, path)
	if f.Err == nil {
		f.Header = src.Header()
	}
	return f
}

// open opens a file read by its extension, with o.Open or OpenPath.
func (o FilesOptions) open(path string) (Source, func() error, error) {
	if o.Open != nil {
		return o.Open(path)
	}
	in, err := OpenPath(path)
	if err != nil {
		return nil, nil, err
	}
	return in, in.Close, nil
}
