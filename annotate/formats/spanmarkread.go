package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"

	"spanmark/annotate"
)

// Reader reads a spanmark JSON or JSONL file one document at a time.
type Reader struct {
	name   string
	header Header
	scan   docScanner
	// schemaless is true for a JSONL file that gives no schema before its
	// first document, whose labels ReadSpanmark then learns.
	schemaless bool
}

// docScanner yields the documents of a file as decoded, before any checks.
type docScanner interface {
	// next returns the next record; ok is false after the last one.
	next() (rec docRecord, ok bool)
}

// docRecord is one document as decoded, with its place in the file.
type docRecord struct {
	index int    // 1-based position among the file's documents
	line  int    // line number in a JSONL file; 0 in a JSON file
	where string // the place of err when it is more exact than index or line
	doc   wireDocument
	err   error // the document could not be decoded (doc may be partial)
	fatal bool  // after err nothing more of the file can be read
}

// placedError is a problem at a place in a file.
type placedError struct {
	where string
	err   error
}

func (e *placedError) Error() string { return e.where + ": " + e.err.Error() }
func (e *placedError) Unwrap() error { return e.err }

// byteOrderMark is skipped at the start of a file, where some editors put it.
var byteOrderMark = []byte{0xEF, 0xBB, 0xBF}

// ReadSpanmark starts reading a spanmark file from r and returns its
// header. name is the file's name for messages; its extension picks JSON
// (.json) or JSONL (.jsonl, .ndjson), and any other name is sniffed: a
// first line that is a complete JSON object without "documents" makes it
// JSONL. A file of another format, or of a newer version (wrapping
// annotate.ErrNewerVersion), is an error here.
func ReadSpanmark(r io.Reader, name string) (*Reader, error) {
	seeker, canSeek := r.(io.ReadSeeker)
	var start int64
	if canSeek {
		var err error
		start, err = seeker.Seek(0, io.SeekCurrent)
		canSeek = err == nil
	}
	rd, err := readSpanmark(r, name, nil)
	if err != nil || !rd.schemaless || !canSeek {
		return rd, err
	}
	schema, err := inferSchema(seeker, start)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if _, err := seeker.Seek(start, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return readSpanmark(r, name, &schema)
}

// readSpanmark is ReadSpanmark, with schema, when not nil, standing for
// the schema of a JSONL file that gives none.
func readSpanmark(r io.Reader, name string, schema *annotate.Schema) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(len(byteOrderMark)); bytes.Equal(b, byteOrderMark) {
		br.Discard(len(byteOrderMark))
	}
	var first []byte
	var jsonl bool
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
	case ".jsonl", ".ndjson":
		jsonl = true
	default:
		line, err := readLongLine(br, nil)
		switch {
		case err == nil:
			// Put the newline back, for the line numbers of the rest.
			line = append(line, '\n')
		case err != io.EOF:
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		first, jsonl = line, isJSONLLine(line)
	}
	rd := &Reader{name: name}
	var err error
	if jsonl {
		var scan *jsonlScanner
		rd.header, scan, err = newJSONLScanner(name, br, first, schema)
		rd.scan = scan
		rd.schemaless = scan != nil && scan.schemaless
	} else {
		rd.header, rd.scan, err = newJSONScanner(name, io.MultiReader(bytes.NewReader(first), br))
	}
	if err != nil {
		return nil, err
	}
	return rd, nil
}

// isJSONLLine reports whether line is a whole JSON object that is not a
// complete spanmark JSON file.
func isJSONLLine(line []byte) bool {
	var probe struct {
		Documents json.RawMessage `json:"documents"`
	}
	return json.Unmarshal(line, &probe) == nil && probe.Documents == nil
}

// Header returns the file's header.
func (r *Reader) Header() Header { return r.header }

// Documents yields the file's documents in order, each checked against
// the text it carries and the header's schema. It stops at the first
// problem, yielding an error that names the file, the document (by index
// and id, or by JSONL line) and the annotation or relation. The sequence
// reads the file as it goes, so it can be ranged over only once.
func (r *Reader) Documents() iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		for d, errs := range r.records() {
			if len(errs) > 0 {
				yield(nil, errs[0])
				return
			}
			if !yield(d, nil) {
				return
			}
		}
	}
}

// records yields every document with all its problems, as placedErrors;
// a document with problems is nil. It stops after a problem that leaves
// the rest of the file unreadable.
func (r *Reader) records() iter.Seq2[*annotate.DocumentData, []error] {
	return func(yield func(*annotate.DocumentData, []error) bool) {
		seen := make(map[string]string)
		for c := range r.converted() {
			where := r.place(&c.rec)
			if c.rec.err != nil {
				if c.rec.where != "" {
					where = c.rec.where
				}
				if !yield(nil, []error{&placedError{where, c.rec.err}}) || c.rec.fatal {
					return
				}
				continue
			}
			doc, errs := c.doc, c.errs
			if prev, dup := seen[doc.Document.ID]; dup && doc.Document.ID != "" {
				errs = append(errs, annotate.Invalidf("document id %s is already used by %s", doc.Document.ID, prev))
			} else {
				seen[doc.Document.ID] = r.shortPlace(&c.rec)
			}
			if len(errs) > 0 {
				placed := make([]error, len(errs))
				for i, err := range errs {
					placed[i] = &placedError{where, err}
				}
				doc = nil
				errs = placed
			}
			if !yield(doc, errs) {
				return
			}
		}
	}
}

// conversion is one record with the document convert made of it and
// the problems it found.
type conversion struct {
	rec  docRecord
	doc  *annotate.DocumentData
	errs []error
}

// convertRecord decodes what the scanner left undecoded and converts it.
func (r *Reader) convertRecord(rec docRecord) conversion {
	if rec.err != nil {
		return conversion{rec: rec}
	}
	d, errs := r.convert(&rec.doc, rec.index)
	return conversion{rec: rec, doc: d, errs: errs}
}

// converted yields the file's records, converted, in file order. JSON
// Lines are decoded and converted on every core, since decoding is most
// of the work of reading a big file (agree reads whole projects); the
// order, and so every message's line, stays the file's.
func (r *Reader) converted() iter.Seq[conversion] {
	js, lines := r.scan.(*jsonlScanner)
	workers := runtime.GOMAXPROCS(0)
	if !lines || workers < 2 {
		return func(yield func(conversion) bool) {
			for {
				rec, ok := r.scan.next()
				if !ok || !yield(r.convertRecord(rec)) {
					return
				}
			}
		}
	}
	return inOrder(workers, js.nextRaw, func(raw rawLine) conversion {
		return r.convertRecord(js.decode(raw))
	})
}

// place names a record's document in messages: by line in JSONL, by
// index otherwise, with its id when it has one.
func (r *Reader) place(rec *docRecord) string {
	id := rec.doc.ID
	switch {
	case rec.line > 0 && id != "":
		return fmt.Sprintf("%s:%d (id %s)", r.name, rec.line, id)
	case rec.line > 0:
		return fmt.Sprintf("%s:%d", r.name, rec.line)
	case id != "":
		return fmt.Sprintf("%s: document %d (id %s)", r.name, rec.index, id)
	default:
		return fmt.Sprintf("%s: document %d", r.name, rec.index)
	}
}

// shortPlace names a record within its file.
func (r *Reader) shortPlace(rec *docRecord) string {
	if rec.line > 0 {
		return fmt.Sprintf("line %d", rec.line)
	}
	return fmt.Sprintf("document %d", rec.index)
}

// describeDecodeError words an error from decoding JSON for a message:
// which member has the wrong JSON type, the syntax error, or the early end.
func describeDecodeError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := jsonField(te)
		if field == "" {
			field = "value"
		}
		return annotate.Invalidf("%s: want %s, found JSON %s", field, jsonType(te.Type), te.Value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return annotate.Invalidf("JSON syntax error: %s", se.Error())
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return annotate.Invalidf("JSON ends too early")
	}
	return err
}

// jsonField names the member te is about as the file does
// ("annotations.start", or "" for the whole value), without the names of Go types that encoding/json
// puts in the path: the struct's, and those of embedded wire types (every
// one named wire…, which no member of the format is).
func jsonField(te *json.UnmarshalTypeError) string {
	var path []string
	for _, seg := range strings.Split(te.Field, ".") {
		if seg != "" && seg != te.Struct && !strings.HasPrefix(seg, "wire") {
			path = append(path, seg)
		}
	}
	return strings.Join(path, ".")
}

// jsonType names the JSON type that decodes into t.
func jsonType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "an integer"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice:
		return "an array"
	}
	return t.String()
}
