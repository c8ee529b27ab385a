package formats

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"spanmark/annotate"
)

// placedError is a problem at a place in a file.
type placedError struct {
	where string
	err   error
}

func (e *placedError) Error() string { return e.where + ": " + e.err.Error() }
func (e *placedError) Unwrap() error { return e.err }

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
