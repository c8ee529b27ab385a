package formats

import (
	"fmt"
	"path/filepath"

	"spanmark/annotate"
)

// StreamSide is one annotator's work opened for CompareSides, which reads
// its documents one at a time: a spanmark export, or a project opened
// read-only, of which only the document list is read up front.
type StreamSide struct {
	// Name is the side's annotator, or its file's name when it names
	// none, as ReadSide names a side.
	Name   string
	Schema annotate.Schema

	path  string
	in    *Input                   // an export, or nil
	st    annotate.Store           // a project, or nil
	infos []annotate.DocumentInfo  // the project's documents
	docs  []*annotate.DocumentData // an export read whole, when neither side is a project
}

// OpenStreamSide opens the file at path, as ReadSide reads it, for
// CompareSides; open opens a project read-only. Close it once done.
func OpenStreamSide(path string, open func(path string, readOnly bool) (annotate.Store, error)) (*StreamSide, error) {
	s := &StreamSide{path: path}
	if IsExport(path) {
		in, err := OpenPath(path)
		if err != nil {
			return nil, err
		}
		s.in, s.Name, s.Schema = in, in.Header().Annotator, in.Header().Schema
	} else if err := s.openProject(open); err != nil {
		return nil, err
	}
	if s.Name == "" {
		s.Name = filepath.Base(path)
	}
	return s, nil
}

// openProject opens the side's project and reads its annotator, schema
// and document list.
func (s *StreamSide) openProject(open func(string, bool) (annotate.Store, error)) error {
	st, err := open(s.path, true)
	if err != nil {
		return err
	}
	meta, err := st.Meta()
	if err == nil {
		s.Schema, err = st.Schema()
	}
	if err == nil {
		s.infos, err = st.Documents()
	}
	if err != nil {
		st.Close()
		return fmt.Errorf("%s: %w", s.path, err)
	}
	s.st, s.Name = st, meta.Annotator
	return nil
}

// Close closes the side's file.
func (s *StreamSide) Close() error {
	if s.in != nil {
		return s.in.Close()
	}
	return s.st.Close()
}

// each calls fn with the side's documents in order; an error of fn stops
// the walk and is returned.
func (s *StreamSide) each(fn func(*annotate.DocumentData) error) error {
	if s.st != nil {
		if err := s.st.Each(fn); err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
		return nil
	}
	for d, err := range s.in.Documents() {
		if err == nil {
			err = fn(d)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// hashes returns the text hashes of the side's documents in order, for
// a side whose documents load reads in any order: a project, or an export
// that it reads whole first.
func (s *StreamSide) hashes() ([]string, error) {
	if s.st == nil && s.docs == nil {
		err := s.each(func(d *annotate.DocumentData) error {
			s.docs = append(s.docs, d)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var out []string
	for _, in := range s.infos {
		out = append(out, in.SHA256)
	}
	for _, d := range s.docs {
		out = append(out, d.Document.TextHash())
	}
	return out, nil
}

// load returns the side's document at position i, after hashes.
func (s *StreamSide) load(i int) (*annotate.DocumentData, error) {
	if s.st == nil {
		return s.docs[i], nil
	}
	d, err := s.st.Load(s.infos[i].ID)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.path, err)
	}
	return d, nil
}
