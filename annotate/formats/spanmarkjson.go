package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"spanmark/annotate"
)

// jsonScanner walks a JSON file: the header members with
// json.Decoder.Token, then the "documents" array one element at a time.
type jsonScanner struct {
	name  string
	dec   *json.Decoder
	track *syntaxTracker
	index int
	done  bool
}

// The members a JSON file's header may have, all before "documents".
var headerMembers = []string{"format", "version", "annotator", "exported_at", "schema", "documents"}

func newJSONScanner(name string, r io.Reader) (Header, *jsonScanner, error) {
	s := &jsonScanner{name: name, track: &syntaxTracker{r: r}}
	s.dec = json.NewDecoder(s.track)
	var h wireHeader
	var seen []string
	if err := s.delim('{', "a spanmark file starts with {"); err != nil {
		return Header{}, nil, err
	}
	for {
		tok, err := s.token()
		if err != nil {
			return Header{}, nil, err
		}
		if tok == json.Delim('}') {
			return Header{}, nil, &placedError{s.name, annotate.Invalidf(`no "documents" array`)}
		}
		member, _ := tok.(string)
		if slices.Contains(headerMembers, member) {
			seen = append(seen, member)
		}
		switch member {
		case "format":
			err = s.decode(&h.Format)
			if err == nil {
				err = checkFormatName(h.Format)
			}
		case "version":
			err = s.decode(&h.Version)
			if err == nil {
				err = checkVersion(h.Version)
			}
		case "annotator":
			err = s.decode(&h.Annotator)
		case "exported_at":
			err = s.decode(&h.ExportedAt)
		case "schema":
			err = s.decode(&h.Schema)
		case "documents":
			return s.begin(&h, seen)
		default:
			err = s.decode(new(json.RawMessage))
		}
		if err != nil {
			return Header{}, nil, s.placed(err)
		}
	}
}

// begin checks the header once "documents" is reached and steps into the
// array.
func (s *jsonScanner) begin(h *wireHeader, seen []string) (Header, *jsonScanner, error) {
	if !slices.Contains(seen, "format") {
		return Header{}, nil, &placedError{s.name, annotate.Invalidf(`not a spanmark file: no "format" before "documents"`)}
	}
	if err := checkFormat(h.Format, h.Version); err != nil {
		return Header{}, nil, &placedError{s.name, err}
	}
	exported, err := parseTime("exported_at", h.ExportedAt)
	if err != nil {
		return Header{}, nil, &placedError{s.name, err}
	}
	schema, err := checkSchema(h.Schema)
	if err != nil {
		return Header{}, nil, &placedError{s.name, err}
	}
	if err := s.delim('[', `"documents" is an array`); err != nil {
		return Header{}, nil, err
	}
	return Header{Annotator: h.Annotator, ExportedAt: exported, Schema: schema}, s, nil
}

// delim reads the next token, which must be d; want says so in the error.
func (s *jsonScanner) delim(d json.Delim, want string) error {
	start := s.dec.InputOffset()
	tok, err := s.token()
	if err != nil {
		return err
	}
	if tok != d {
		return &placedError{s.at(s.track.valueStart(start)), annotate.Invalidf("found %s where %s", tokenText(tok), want)}
	}
	return nil
}

// tokenText shows a token in a message as it was in the file.
func tokenText(tok json.Token) string {
	if d, ok := tok.(json.Delim); ok {
		return strconv.Quote(d.String())
	}
	if b, err := json.Marshal(tok); err == nil {
		return string(b)
	}
	return fmt.Sprint(tok)
}

func (s *jsonScanner) next() (docRecord, bool) {
	if s.done {
		return docRecord{}, false
	}
	if !s.dec.More() {
		s.done = true
		if err := s.end(); err != nil {
			pe := s.placed(err)
			return docRecord{index: s.index + 1, where: pe.where, err: pe.err, fatal: true}, true
		}
		return docRecord{}, false
	}
	s.index++
	rec := docRecord{index: s.index}
	err := s.decode(&rec.doc)
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
	case errors.As(err, &te):
		rec.err = describeDecodeError(err)
	default:
		pe := s.placed(err)
		rec.where, rec.err = pe.where, pe.err
		rec.fatal, s.done = true, true
	}
	return rec, true
}

// end reads what follows the documents array: more members, as long as
// they are not header members, the closing brace, and nothing after it.
func (s *jsonScanner) end() error {
	if err := s.delim(']', "the documents array ends"); err != nil {
		return err
	}
	for {
		start := s.dec.InputOffset()
		tok, err := s.token()
		if err != nil {
			return err
		}
		if tok == json.Delim('}') {
			break
		}
		if member, _ := tok.(string); slices.Contains(headerMembers, member) {
			return &placedError{s.at(s.track.valueStart(start)), annotate.Invalidf("%q comes after \"documents\"; it must come before", member)}
		}
		if err := s.decode(new(json.RawMessage)); err != nil {
			return s.placed(err)
		}
	}
	start := s.dec.InputOffset()
	s.track.forget(start)
	if _, err := s.dec.Token(); err != io.EOF {
		return &placedError{s.at(s.track.valueStart(start)), annotate.Invalidf("data after the end of the JSON object")}
	}
	return nil
}

// token returns the next token. Its errors, including the end of the
// input, come back as placedErrors.
func (s *jsonScanner) token() (json.Token, error) {
	start := s.dec.InputOffset()
	s.track.forget(start)
	tok, err := s.dec.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, s.locate(err, start)
	}
	return tok, nil
}

// decode decodes the next value into v. Its errors come back as
// placedErrors, but for an UnmarshalTypeError, after which decoding went
// on.
func (s *jsonScanner) decode(v any) error {
	start := s.dec.InputOffset()
	s.track.forget(start)
	err := s.dec.Decode(v)
	var te *json.UnmarshalTypeError
	if err == nil || errors.As(err, &te) {
		return err
	}
	return s.locate(err, start)
}

// locate places an error of a Token or Decode call that started at input
// offset start. json.Decoder's SyntaxError.Offset counts only the bytes its
// Decode calls scanned, so the place of a syntax error is found by
// scanning the value from start again with a fresh decoder; when that
// finds nothing wrong, the error was in what came before the value (a
// missing ',' or ':'), where the decoder's input offset stopped.
func (s *jsonScanner) locate(err error, start int64) *placedError {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off, ok := s.track.syntaxErrorOffset(start)
		if !ok {
			off = s.dec.InputOffset()
		}
		return &placedError{s.at(off), describeDecodeError(err)}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &placedError{s.at(s.track.read), describeDecodeError(err)}
	}
	return &placedError{s.name, err}
}

// placed gives an error a place if it has none yet.
func (s *jsonScanner) placed(err error) *placedError {
	var pe *placedError
	if errors.As(err, &pe) {
		return pe
	}
	return &placedError{s.name, describeDecodeError(err)}
}

// at names the byte at offset off as "name:line:column".
func (s *jsonScanner) at(off int64) string {
	line, col := s.track.position(off)
	return fmt.Sprintf("%s:%d:%d", s.name, line, col)
}

// syntaxTracker passes a JSON file through to a json.Decoder, keeping the
// bytes from the start of the token or value being decoded, so that the exact
// place of a syntax error can be found, and counting the lines before
// them.
type syntaxTracker struct {
	r      io.Reader
	read   int64  // bytes read so far
	mark   int64  // offset of kept[0]
	kept   []byte // the bytes from mark on
	lines  int    // newlines before mark
	lineAt int64  // offset just after the last newline before mark
}

func (t *syntaxTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.kept = append(t.kept, p[:n]...)
	t.read += int64(n)
	return n, err
}

// forget drops the bytes before off, which no later error can point into.
// Reslicing rather than copying keeps this cheap: append copies only the
// bytes still kept when it needs room.
func (t *syntaxTracker) forget(off int64) {
	drop := t.kept[:off-t.mark]
	if n := bytes.Count(drop, []byte{'\n'}); n > 0 {
		t.lines += n
		t.lineAt = t.mark + int64(bytes.LastIndexByte(drop, '\n')) + 1
	}
	t.kept = t.kept[off-t.mark:]
	t.mark = off
}

// syntaxErrorOffset returns the offset of the byte at which decoding the
// value after start fails, if it does, decoding the kept bytes again with a
// fresh decoder, whose offsets are exact.
func (t *syntaxTracker) syntaxErrorOffset(start int64) (int64, bool) {
	at := t.valueStart(start)
	var se *json.SyntaxError
	if err := json.NewDecoder(bytes.NewReader(t.kept[at-t.mark:])).Decode(new(json.RawMessage)); errors.As(err, &se) {
		return at + se.Offset - 1, true
	}
	return 0, false
}

// valueStart returns the offset of the token or value that follows start,
// after white space and at most one ',' or ':' (and white space after it).
func (t *syntaxTracker) valueStart(start int64) int64 {
	rest := t.kept[start-t.mark:]
	skip := len(rest) - len(bytes.TrimLeft(rest, " \t\r\n"))
	if skip < len(rest) && (rest[skip] == ',' || rest[skip] == ':') {
		skip++
		skip += len(rest[skip:]) - len(bytes.TrimLeft(rest[skip:], " \t\r\n"))
	}
	return start + int64(skip)
}

// position returns the 1-based line and byte column of offset off, which
// is clamped to the kept bytes.
func (t *syntaxTracker) position(off int64) (line int, col int64) {
	off = min(max(off, t.mark), t.mark+int64(len(t.kept)))
	before := t.kept[:off-t.mark]
	line = t.lines + bytes.Count(before, []byte{'\n'}) + 1
	lineStart := t.lineAt
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		lineStart = t.mark + int64(i) + 1
	}
	return line, off - lineStart + 1
}
