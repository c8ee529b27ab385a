package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"spanmark/annotate"
)

// Records are encoded as a sequence of fields, each a varint or a
// length-prefixed string, in a fixed order per record type. A document may
// hold tens of thousands of annotations, so the encoding is chosen to be
// small on disk (a few dozen bytes per annotation) and cheap to decode when
// a document is opened. Ids are not in the records: they are the keys, and
// the document id is the bucket the record lives in.

// errCorrupt is returned when a stored record cannot be decoded.
var errCorrupt = errors.New("corrupt record")

// encoder appends fields to a byte slice.
type encoder struct {
	buf   []byte
	codes *attrCodes // names attributes and enum values; never nil
}

func (e *encoder) int(v int) {
	e.buf = binary.AppendVarint(e.buf, int64(v))
}

func (e *encoder) string(s string) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// time stores t as seconds and nanoseconds since the Unix epoch, which
// covers every time.Time including the zero value. The zone is not kept:
// times come back in UTC.
func (e *encoder) time(t time.Time) {
	e.buf = binary.AppendVarint(e.buf, t.Unix())
	e.buf = binary.AppendUvarint(e.buf, uint64(t.Nanosecond()))
}

// decoder reads fields in the order an encoder wrote them. The first
// failure sticks in err and makes every later read return a zero value.
// Strings are copied, so the result stays valid after the bbolt
// transaction that owns the input ends.
type decoder struct {
	buf   []byte
	err   error
	codes *attrCodes // never nil
}

func (d *decoder) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.buf)
	if n <= 0 || int64(int(v)) != v {
		d.err = errCorrupt
		return 0
	}
	d.buf = d.buf[n:]
	return int(v)
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.buf)) {
		d.err = errCorrupt
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *decoder) time() time.Time {
	sec := d.int()
	nsec := d.uint()
	if d.err != nil {
		return time.Time{}
	}
	if nsec >= uint64(time.Second) {
		d.err = errCorrupt
		return time.Time{}
	}
	return time.Unix(int64(sec), int64(nsec)).UTC()
}

// done reports the first error, or errCorrupt if bytes are left over.
func (d *decoder) done() error {
	if d.err == nil && len(d.buf) != 0 {
		d.err = errCorrupt
	}
	return d.err
}

// encodeAnnotation encodes a, naming its attributes and values with the
// codes of c.
func encodeAnnotation(a annotate.Annotation, c *attrCodes) []byte {
	e := encoder{buf: make([]byte, 0, 40+len(a.Label)+len(a.Note)+len(a.Annotator)), codes: c}
	e.int(a.Start)
	e.int(a.End)
	e.string(a.Label)
	e.string(a.Note)
	e.string(a.Annotator)
	e.time(a.Created)
	e.time(a.Updated)
	e.attrs(a.Attributes)
	return e.buf
}

// decodeAnnotation decodes the annotation stored under key id in the
// bucket of document docID, with the codes of c.
func decodeAnnotation(docID string, id, b []byte, c *attrCodes) (annotate.Annotation, error) {
	d := decoder{buf: b, codes: c}
	a := annotate.Annotation{
		ID:         string(id),
		DocumentID: docID,
		Start:      d.int(),
		End:        d.int(),
		Label:      d.string(),
		Note:       d.string(),
		Annotator:  d.string(),
		Created:    d.time(),
		Updated:    d.time(),
	}
	a.Attributes = d.attrs()
	if err := d.done(); err != nil {
		return annotate.Annotation{}, fmt.Errorf("annotation %s of document %s: %w", id, docID, err)
	}
	return a, nil
}

func encodeRelation(r annotate.Relation) []byte {
	e := encoder{buf: make([]byte, 0, 16+len(r.Type)+len(r.From)+len(r.To))}
	e.string(r.Type)
	e.string(r.From)
	e.string(r.To)
	e.time(r.Created)
	return e.buf
}

// decodeRelation decodes the relation stored under key id in the bucket
// of document docID.
func decodeRelation(docID string, id, b []byte) (annotate.Relation, error) {
	d := decoder{buf: b}
	r := annotate.Relation{
		ID:         string(id),
		DocumentID: docID,
		Type:       d.string(),
		From:       d.string(),
		To:         d.string(),
		Created:    d.time(),
	}
	if err := d.done(); err != nil {
		return annotate.Relation{}, fmt.Errorf("relation %s of document %s: %w", id, docID, err)
	}
	return r, nil
}

// encodeInfo encodes a document's info record, naming its attributes and
// values with the codes of c.
func encodeInfo(in annotate.DocumentInfo, c *attrCodes) []byte {
	e := encoder{buf: make([]byte, 0, 64+len(in.ID)+len(in.Title)+len(in.SHA256)+len(in.SourcePath)), codes: c}
	e.string(in.ID)
	e.string(in.Title)
	e.string(in.SHA256)
	e.string(string(in.Status))
	e.string(in.SourcePath)
	e.int(in.Runes)
	e.int(in.Annotations)
	e.int(in.Relations)
	e.time(in.Created)
	e.time(in.Updated)
	e.attrs(in.Attributes)
	return e.buf
}

// decodeInfo decodes a document's info record with the codes of c.
func decodeInfo(b []byte, c *attrCodes) (annotate.DocumentInfo, error) {
	d := decoder{buf: b, codes: c}
	in := annotate.DocumentInfo{
		ID:          d.string(),
		Title:       d.string(),
		SHA256:      d.string(),
		Status:      annotate.Status(d.string()),
		SourcePath:  d.string(),
		Runes:       d.int(),
		Annotations: d.int(),
		Relations:   d.int(),
		Created:     d.time(),
		Updated:     d.time(),
	}
	in.Attributes = d.attrs()
	if err := d.done(); err != nil {
		return annotate.DocumentInfo{}, fmt.Errorf("document info: %w", err)
	}
	return in, nil
}
