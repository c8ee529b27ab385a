// The JSON of the tools' formats: written without HTML escapes; JSON Lines
// and arrays read one record at a time, each with its line; spans given
// as triples; errors in the file's terms.

package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"spanmark/annotate"
)

// newJSONEncoder returns an encoder that writes one value a line and
// leaves <, > and & as they are.
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// marshalJSON is json.Marshal without escaping <, > and &.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := newJSONEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// importLines imports a JSON Lines file of a tool's format, one document
// a line, with line reading one line, all or nothing.
func importLines(r io.Reader, name string, o ImportOptions, line func(t *toolImport, where string, b []byte) error) ([]*annotate.DocumentData, Report, error) {
	t := newToolImport(name, o)
	err := jsonLines(r, name, func(n int, b []byte) error {
		return line(t, fmt.Sprintf("line %d", n), b)
	})
	if err != nil {
		return nil, Report{}, err
	}
	return t.finish()
}

// jsonLines calls fn with each line of r that is not blank and its number,
// counting from 1. A byte order mark before the first line is skipped.
func jsonLines(r io.Reader, name string, fn func(line int, b []byte) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		b, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("import %s: line %d: %w", name, n, err)
		}
		if n == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		}
		if len(bytes.TrimSpace(b)) > 0 {
			if err := fn(n, b); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// jsonProblem describes an error of encoding/json in the terms of the
// file rather than of Go.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return "invalid JSON: " + strings.TrimPrefix(syntax.Error(), "json: ")
	case errors.As(err, &typ) && jsonField(typ) != "":
		return fmt.Sprintf("%s: unexpected JSON %s", jsonField(typ), typ.Value)
	case errors.As(err, &typ):
		return fmt.Sprintf("unexpected JSON %s", typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "JSON ends too early"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// metaString returns m[key] when it is a string or a number, and "".
func metaString(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// parseTriple reads a span written as [start, end, "LABEL"], or as an
// object {"start": …, "end": …, "label": …} the way spaCy's Doc.to_json
// writes it.
func parseTriple(raw json.RawMessage) (start, end int, label string, err error) {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		if len(list) != 3 || json.Unmarshal(list[0], &start) != nil ||
			json.Unmarshal(list[1], &end) != nil || json.Unmarshal(list[2], &label) != nil {
			return 0, 0, "", fmt.Errorf("want [start, end, \"LABEL\"], got %s", snippet(raw))
		}
	} else {
		var obj struct {
			Start *int    `json:"start"`
			End   *int    `json:"end"`
			Label *string `json:"label"`
		}
		if json.Unmarshal(raw, &obj) != nil || obj.Start == nil || obj.End == nil || obj.Label == nil {
			return 0, 0, "", fmt.Errorf("want [start, end, \"LABEL\"], got %s", snippet(raw))
		}
		start, end, label = *obj.Start, *obj.End, *obj.Label
	}
	if label == "" {
		return 0, 0, "", fmt.Errorf("label is empty")
	}
	return start, end, label, nil
}

// snippet quotes at most about 60 bytes of raw input for an error
// message, cut where a character starts.
func snippet(raw []byte) string {
	if len(raw) <= 60 {
		return string(raw)
	}
	cut := 57
	for cut > 0 && !utf8.RuneStart(raw[cut]) {
		cut--
	}
	return string(raw[:cut]) + "..."
}

// lineCounter turns byte offsets into a file, asked for mostly in
// ascending order, into line numbers counted from 1.
type lineCounter struct {
	data       []byte
	off, lines int // lines is the number of newlines before off
}

// at returns the line of byte offset off.
func (c *lineCounter) at(off int) int {
	off = min(max(off, 0), len(c.data))
	if off < c.off {
		c.off, c.lines = 0, 0
	}
	c.lines += bytes.Count(c.data[c.off:off], []byte("\n"))
	c.off = off
	return c.lines + 1
}

// jsonElements calls fn for each element of the JSON array whose '[' dec
// has just read, with its number (from 1) and the line it starts on, and
// reads the closing ']'. dec reads lines.data from byte base on. what
// names an element in errors ("task").
func (t *toolImport) jsonElements(dec *json.Decoder, lines *lineCounter, base int, what string,
	fn func(where string, raw json.RawMessage) error) error {
	for n := 1; dec.More(); n++ {
		start := base + int(dec.InputOffset())
		for start < len(lines.data) && strings.IndexByte(" \t\r\n,", lines.data[start]) >= 0 {
			start++
		}
		where := fmt.Sprintf("line %d: %s %d", lines.at(start), what, n)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return t.errorf(where, "%s", jsonProblem(err))
		}
		if err := fn(where, raw); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return t.errorf(fmt.Sprintf("line %d", lines.at(base+int(dec.InputOffset()))), "%s", jsonProblem(err))
	}
	return nil
}

// jsonArray calls fn for each element of the JSON array that is the whole
// of data, as jsonElements does.
func (t *toolImport) jsonArray(data []byte, what string, fn func(where string, raw json.RawMessage) error) error {
	lines := &lineCounter{data: data}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err == io.EOF {
		return t.errorf("line 1", "empty: want a JSON array of %ss", what)
	}
	if err != nil {
		return t.errorf("line 1", "%s", jsonProblem(err))
	}
	if tok != json.Delim('[') {
		return t.errorf("line 1", "want a JSON array of %ss", what)
	}
	if err := t.jsonElements(dec, lines, 0, what, fn); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return t.errorf(fmt.Sprintf("line %d", lines.at(int(dec.InputOffset()))), "more after the array of %ss", what)
	}
	return nil
}
