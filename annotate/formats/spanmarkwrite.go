package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"spanmark/annotate"
)

// EachFunc is the shape of annotate.Store.Each: it calls fn for every
// document in turn and stops at fn's first error.
type EachFunc func(fn func(*annotate.DocumentData) error) error

// WriteJSON writes a spanmark JSON file to w: h, then every document that
// each produces, one line per document, as each produces it. Pass
// store.Each to export a project. A document that breaks the schema (an
// annotation outside its text or with a label h.Schema lacks) stops the
// export with an error naming it, since the file could not be read back.
func WriteJSON(w io.Writer, h Header, each EachFunc) error {
	e := newLineEncoder(w)
	head, err := e.encode(wireHeaderOf(h))
	if err != nil {
		return err
	}
	// The header's closing brace gives way to the documents array.
	e.bw.Write(head[:len(head)-1])
	e.bw.WriteString(`,"documents":[`)
	sep := "\n"
	check := annotate.NewChecker(h.Schema)
	err = each(func(d *annotate.DocumentData) error {
		wd, err := wireDocumentOf(d, h.Schema, check)
		if err != nil {
			return err
		}
		if err := h.addSuggestions(wd, d); err != nil {
			return err
		}
		e.line = appendDocument(e.line[:0], wd)
		e.bw.WriteString(sep)
		_, err = e.bw.Write(e.line)
		sep = ",\n"
		return err
	})
	if err != nil {
		return err
	}
	e.bw.WriteString("\n]}\n")
	return e.bw.Flush()
}

// WriteJSONL writes a spanmark JSONL file to w: one line for every
// document that each produces, as each produces it, with h's annotator.
// h's schema checks the documents but is not written (see WriteSchema).
// Its errors are those of WriteJSON.
func WriteJSONL(w io.Writer, h Header, each EachFunc) error {
	e := newLineEncoder(w)
	check := annotate.NewChecker(h.Schema)
	err := each(func(d *annotate.DocumentData) error {
		wd, err := wireDocumentOf(d, h.Schema, check)
		if err != nil {
			return err
		}
		if err := h.addSuggestions(wd, d); err != nil {
			return err
		}
		e.line = append(appendLine(e.line[:0], h.Annotator, wd), '\n')
		_, err = e.bw.Write(e.line)
		return err
	})
	if err != nil {
		return err
	}
	return e.bw.Flush()
}

// WriteSchema writes h, schema and all, as a spanmark JSON file without
// documents: the schema of a JSONL export, which an import of that file
// adds to a project as it would a JSON export's.
func WriteSchema(w io.Writer, h Header) error {
	return WriteJSON(w, h, func(func(*annotate.DocumentData) error) error { return nil })
}

// lineEncoder turns wire values into compact JSON lines on a buffered
// writer. HTML escaping is off, so that "<" and "&" in texts stay readable.
type lineEncoder struct {
	bw   *bufio.Writer
	buf  bytes.Buffer
	enc  *json.Encoder
	line []byte // a document line, reused (see appendLine)
}

func newLineEncoder(w io.Writer) *lineEncoder {
	e := &lineEncoder{bw: bufio.NewWriterSize(w, 64<<10)}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

// encode returns v as JSON without the newline json.Encoder adds. The
// bytes are valid until the next call.
func (e *lineEncoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	b := e.buf.Bytes()
	return b[:len(b)-1], nil
}

// wireDocumentOf converts d for writing, checking each annotation against
// the text and s, because the annotation's text and kind come from them.
// check checks against s.
func wireDocumentOf(d *annotate.DocumentData, s annotate.Schema, check *annotate.Checker) (*wireDocument, error) {
	doc := d.Document
	x := annotate.NewIndex(doc.Text)
	wd := &wireDocument{
		ID:          doc.ID,
		Title:       doc.Title,
		Text:        doc.Text,
		SHA256:      doc.TextHash(),
		Status:      doc.Status,
		SourcePath:  doc.SourcePath,
		CreatedAt:   formatTime(doc.Created),
		UpdatedAt:   formatTime(doc.Updated),
		Attributes:  wireAttrsOf(doc.Attributes),
		Annotations: make([]wireAnnotation, 0, len(d.Annotations)),
		Relations:   make([]wireRelation, 0, len(d.Relations)),
	}
	if wd.Status == "" {
		wd.Status = annotate.StatusTodo
	}
	if err := annotate.ValidateDocumentAttributes(doc, s); err != nil {
		return nil, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	for _, a := range d.Annotations {
		if err := check.ValidateAnnotation(a, x.Len()); err != nil {
			return nil, fmt.Errorf("document %s: %w", doc.ID, err)
		}
		wd.Annotations = append(wd.Annotations, wireAnnotation{
			ID:         a.ID,
			Start:      a.Start,
			End:        a.End,
			Text:       x.Slice(a.Start, a.End),
			Label:      a.Label,
			Kind:       s.KindOf(a.Label),
			Note:       a.Note,
			Annotator:  a.Annotator,
			CreatedAt:  formatTime(a.Created),
			UpdatedAt:  formatTime(a.Updated),
			Attributes: wireAttrsOf(a.Attributes),
		})
	}
	for _, r := range d.Relations {
		wd.Relations = append(wd.Relations, wireRelation{ID: r.ID, Type: r.Type, From: r.From, To: r.To})
	}
	return wd, nil
}
