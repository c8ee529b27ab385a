package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"spanmark/annotate"
)

// jsonlScanner reads a JSONL file line by line.
type jsonlScanner struct {
	name    string
	br      *bufio.Reader
	line    int
	index   int
	pending []byte // a line read ahead, not yet scanned
	readErr error  // the error that ended reading
	schema  annotate.Schema
	// schemaless is true when no line before the first document gives a
	// schema.
	schemaless bool
}

func newJSONLScanner(name string, br *bufio.Reader, first []byte, given *annotate.Schema) (Header, *jsonlScanner, error) {
	s := &jsonlScanner{name: name, br: br, pending: first}
	if first == nil {
		s.pending, s.readErr = readLongLine(br, nil)
	}
	// The header comes from the first line that is not blank: the header
	// line itself, or the first document line standing in for it.
	for len(bytes.TrimSpace(s.pending)) == 0 && s.readErr == nil {
		s.line++
		s.pending, s.readErr = readLongLine(br, nil)
	}
	if s.readErr != nil && s.readErr != io.EOF {
		return Header{}, nil, &placedError{name, s.readErr}
	}
	if len(bytes.TrimSpace(s.pending)) == 0 {
		s.schema = annotate.DefaultSchema()
		return Header{Schema: s.schema}, s, nil
	}
	var wl wireLine
	if err := json.Unmarshal(s.pending, &wl); err != nil {
		// Not a header: its problem is reported where the line is
		// scanned as a document.
		s.schema = annotate.DefaultSchema()
		return Header{Schema: s.schema}, s, nil
	}
	where := fmt.Sprintf("%s:%d", name, s.line+1)
	if wl.Documents != nil {
		return Header{}, nil, &placedError{where, annotate.Invalidf("a whole spanmark JSON file on one line; name the file .json")}
	}
	if wl.Format != "" || wl.Version != 0 {
		if err := checkFormat(wl.Format, wl.Version); err != nil {
			return Header{}, nil, &placedError{where, err}
		}
	}
	schema, err := checkSchema(wl.Schema)
	if err != nil {
		return Header{}, nil, &placedError{where, err}
	}
	exported, err := parseTime("exported_at", wl.ExportedAt)
	if err != nil {
		return Header{}, nil, &placedError{where, err}
	}
	if wl.Schema == nil && !isHeaderLine(&wl) {
		s.schemaless = true
		if given != nil {
			schema = *given
		}
	}
	s.schema = schema
	if isHeaderLine(&wl) {
		s.line++
		s.pending = nil
	}
	return Header{Annotator: wl.Annotator, ExportedAt: exported, Schema: schema}, s, nil
}

// isHeaderLine tells a header line from a document line.
func isHeaderLine(wl *wireLine) bool {
	return wl.Format != "" && wl.ID == "" && wl.Text == ""
}

// rawLine is one non-blank line of a JSONL file, not yet decoded, or the
// read error that ended the file.
type rawLine struct {
	b           []byte
	index, line int
	err         error
}

func (s *jsonlScanner) next() (docRecord, bool) {
	raw, ok := s.nextRaw()
	if !ok {
		return docRecord{}, false
	}
	return s.decode(raw), true
}

// nextRaw reads the next non-blank line into storage of its own, so that
// it can be decoded while later lines are read.
func (s *jsonlScanner) nextRaw() (rawLine, bool) {
	for {
		b := s.pending
		s.pending = nil
		if b == nil {
			if s.readErr != nil {
				if s.readErr == io.EOF {
					return rawLine{}, false
				}
				err := s.readErr
				s.readErr = io.EOF
				return rawLine{index: s.index + 1, line: s.line + 1, err: err}, true
			}
			b, s.readErr = readLongLine(s.br, nil)
			if len(b) == 0 && s.readErr != nil {
				continue
			}
		}
		s.line++
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		s.index++
		return rawLine{b: b, index: s.index, line: s.line}, true
	}
}

// decode turns a raw line into a record. It reads only what the scanner
// fixed before the first line, so lines can be decoded concurrently.
func (s *jsonlScanner) decode(raw rawLine) docRecord {
	if raw.err != nil {
		return docRecord{index: raw.index, line: raw.line, err: raw.err, fatal: true}
	}
	return s.scanLine(raw.b, raw.index, raw.line)
}

// scanLine decodes one non-blank line, the index-th document, at line.
func (s *jsonlScanner) scanLine(b []byte, index, line int) docRecord {
	rec := docRecord{index: index, line: line}
	wl, err := decodeDocLine(b)
	rec.doc = wl.wireDocument
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		rec.where = fmt.Sprintf("%s:%d:%d", s.name, line, se.Offset)
		rec.err = describeDecodeError(err)
	case err != nil:
		rec.err = describeDecodeError(err)
	case wl.Documents != nil:
		rec.err = annotate.Invalidf("a whole spanmark JSON file on one line; name the file .json")
	case isHeaderLine(wl):
		rec.err = annotate.Invalidf("a header line; it belongs on the first line")
	case wl.Format != "" || wl.Version != 0:
		rec.err = checkFormat(wl.Format, wl.Version)
	}
	if rec.err == nil && wl.Schema != nil && !wl.Schema.schema().Equal(s.schema) {
		rec.err = annotate.Invalidf("its schema differs from the file's")
	}
	return rec
}

// readLongLine reads one line of any length, without its "\n", into buf's
// storage. At the end of the input it returns what is left with io.EOF.
func readLongLine(br *bufio.Reader, buf []byte) ([]byte, error) {
	line := buf[:0]
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil:
			return line, err
		}
		return line[:len(line)-1], nil
	}
}
