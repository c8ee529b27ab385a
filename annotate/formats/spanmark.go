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
	"slices"
	"strconv"
	"strings"
	"time"

	"spanmark/annotate"
)

// The spanmark format, version 1, is Spanmark's own dataset format, in
// JSON and JSONL. Its readers and writers stream, one document at a time,
// so that a large project never sits in memory whole.
//
// A JSON file is one object. Its members come in this order, and the
// header members ("format", "version", "annotator", "exported_at",
// "schema") must come before "documents", so that a reader can check each
// document against the schema as it arrives:
//
//	{"format":"spanmark","version":1,"annotator":"…","exported_at":"…",
//	 "schema":{"labels":[{"name":"PERSON","kind":"entity","color":"#rrggbb","key":"p"}, …],
//	           "relations":[{"name":"attributed_to","from_kind":"claim","to_kind":"source"}]},
//	 "documents":[
//	 {"id":"…","title":"…","text":"…","sha256":"…","status":"done",
//	  "source_path":"…","created_at":"…","updated_at":"…",
//	  "annotations":[{"id":"…","start":0,"end":5,"text":"North","label":"LOC","kind":"entity",
//	                  "note":"","annotator":"…","created_at":"…","updated_at":"…"}],
//	  "relations":[{"id":"…","type":"attributed_to","from":"<annotation id>","to":"<annotation id>"}]},
//	 …]}
//
// WriteJSON puts the header on the first line and each document on a line
// of its own. Offsets are Unicode code points, half-open: "text" is
// exactly Python's text[start:end], and a reader checks that it is. "kind"
// repeats the kind of the label in the schema, for consumers that do not
// read the schema; a reader checks that too. "source_path" is the path
// the document was imported from, as it was given, or "". Times are RFC
// 3339 in UTC with as many fractional-second digits as needed
// (time.RFC3339Nano), so that nothing is lost in a round trip; an unknown
// time is "".
//
// A JSONL file holds one document per line, each line also carrying
// "annotator" (so that lines can be split and concatenated), and nothing
// else: every line is a document, for the consumers that read a line as
// one (json.loads(line)["annotations"], dataframes). The schema travels in
// the JSON format, or in a file of its own (WriteSchema).
//
//	{"annotator":"…","id":"…","title":"…","text":"…", …,"annotations":[…],"relations":[…]}
//
// A reader also takes the JSONL that earlier versions wrote, whose first
// line is a header with the members of a JSON file's header:
//
//	{"format":"spanmark","version":1,"annotator":"…","exported_at":"…","schema":{…}}
//
// Without that header, the first document line's "annotator" and
// "schema" stand for the file. When no line before the first document
// gives a schema, the file's schema is the default one with every label
// and relation type its annotations use added: a label with the kind its
// annotations give it (the first, should they differ, which is then an
// error at the others) and a colour of its own, a relation type between
// the kinds of its first relation's ends. This needs a second reading of
// the file, so a file that cannot seek (standard input) gets the default
// schema alone. Any line may carry "format", "version" and "schema"; they
// must agree with the file's.
//
// On reading, "sha256", "status", "title", "source_path" and the times may
// be left out (or empty): the SHA-256 is computed, the status is "todo",
// the title comes from the text, and a missing document id is left for
// the store to make up. A document's text is kept exactly as given: no
// byte order mark or line ending clean-up, since the offsets refer to it.
const (
	// FormatName is the value of the "format" member of every spanmark
	// file.
	FormatName = "spanmark"
	// Version is the version of the spanmark format this package writes,
	// and the newest it reads.
	Version = 1
)

// Header is what a spanmark file says about all its documents: whose work
// they are, when they were exported, and the schema their labels and
// relations come from.
type Header struct {
	Annotator  string
	ExportedAt time.Time
	Schema     annotate.Schema
}

// The wire types mirror the format field by field; their field order is
// the order members are written in.
type (
	wireLabel struct {
		Name  string        `json:"name"`
		Kind  annotate.Kind `json:"kind"`
		Color string        `json:"color"`
		Key   string        `json:"key"`
	}

	wireRelationType struct {
		Name     string        `json:"name"`
		FromKind annotate.Kind `json:"from_kind"`
		ToKind   annotate.Kind `json:"to_kind"`
	}

	wireSchema struct {
		Labels    []wireLabel        `json:"labels"`
		Relations []wireRelationType `json:"relations"`
	}

	wireHeader struct {
		Format     string      `json:"format"`
		Version    int         `json:"version"`
		Annotator  string      `json:"annotator"`
		ExportedAt string      `json:"exported_at"`
		Schema     *wireSchema `json:"schema"`
	}

	wireAnnotation struct {
		ID        string        `json:"id"`
		Start     int           `json:"start"`
		End       int           `json:"end"`
		Text      string        `json:"text"`
		Label     string        `json:"label"`
		Kind      annotate.Kind `json:"kind"`
		Note      string        `json:"note"`
		Annotator string        `json:"annotator"`
		CreatedAt string        `json:"created_at"`
		UpdatedAt string        `json:"updated_at"`
	}

	wireRelation struct {
		ID   string `json:"id"`
		Type string `json:"type"`
		From string `json:"from"`
		To   string `json:"to"`
	}

	wireDocument struct {
		ID          string           `json:"id"`
		Title       string           `json:"title"`
		Text        string           `json:"text"`
		SHA256      string           `json:"sha256"`
		Status      annotate.Status  `json:"status"`
		SourcePath  string           `json:"source_path"`
		CreatedAt   string           `json:"created_at"`
		UpdatedAt   string           `json:"updated_at"`
		Annotations []wireAnnotation `json:"annotations"`
		Relations   []wireRelation   `json:"relations"`
	}

	// wireLine is one line of a JSONL file: a document, which may carry
	// the header's members too, or the header itself. Documents is there
	// only to recognise a whole JSON file written on one line.
	wireLine struct {
		Format     string          `json:"format,omitempty"`
		Version    int             `json:"version,omitempty"`
		Annotator  string          `json:"annotator"`
		ExportedAt string          `json:"exported_at,omitempty"`
		Schema     *wireSchema     `json:"schema,omitempty"`
		Documents  json.RawMessage `json:"documents,omitempty"`
		wireDocument
	}
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
	err = each(func(d *annotate.DocumentData) error {
		wd, err := wireDocumentOf(d, h.Schema)
		if err != nil {
			return err
		}
		b, err := e.encode(wd)
		if err != nil {
			return err
		}
		e.bw.WriteString(sep)
		_, err = e.bw.Write(b)
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
	err := each(func(d *annotate.DocumentData) error {
		wd, err := wireDocumentOf(d, h.Schema)
		if err != nil {
			return err
		}
		return e.writeLine(&wireLine{Annotator: h.Annotator, wireDocument: *wd})
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

// The names Export knows spanmark's own formats by; the tools' formats go
// by their names in Exporters.
const (
	ExportJSON  = "spanmark JSON"
	ExportJSONL = "spanmark JSONL"
)

// Export writes every document that each produces to w in format:
// ExportJSON or ExportJSONL (also called "json" and "jsonl"), or a format
// of Exporters. The annotator and schema come from st, and the export is
// stamped with the current time. warn, when not nil, hears about
// annotations a tool's format cannot hold.
func Export(w io.Writer, format string, st annotate.Store, each EachFunc, warn func(string)) error {
	return exportAt(w, format, st, each, warn, time.Now())
}

// exportAt is Export stamped with the time at.
func exportAt(w io.Writer, format string, st annotate.Store, each EachFunc, warn func(string), at time.Time) error {
	meta, err := st.Meta()
	if err != nil {
		return err
	}
	schema, err := st.Schema()
	if err != nil {
		return err
	}
	h := Header{Annotator: meta.Annotator, ExportedAt: at.UTC(), Schema: schema}
	switch format {
	case ExportJSON, "json":
		return WriteJSON(w, h, each)
	case ExportJSONL, "jsonl":
		return WriteJSONL(w, h, each)
	}
	export, ok := Exporters[format]
	if !ok {
		return fmt.Errorf("unknown export format %q", format)
	}
	return export(w, documentsOf(each), ExportOptions{Schema: schema, Annotator: meta.Annotator, Warn: warn})
}

// documentsOf turns each into the sequence the tools' exporters range
// over. An error from each is the sequence's last element.
func documentsOf(each EachFunc) iter.Seq2[*annotate.DocumentData, error] {
	return func(yield func(*annotate.DocumentData, error) bool) {
		stop := errors.New("stopped")
		err := each(func(d *annotate.DocumentData) error {
			if !yield(d, nil) {
				return stop
			}
			return nil
		})
		if err != nil && err != stop {
			yield(nil, err)
		}
	}
}

// lineEncoder turns wire values into compact JSON lines on a buffered
// writer. HTML escaping is off, so that "<" and "&" in texts stay readable.
type lineEncoder struct {
	bw  *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
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

// writeLine writes v as one line.
func (e *lineEncoder) writeLine(v any) error {
	b, err := e.encode(v)
	if err != nil {
		return err
	}
	e.bw.Write(b)
	return e.bw.WriteByte('\n')
}

func wireHeaderOf(h Header) *wireHeader {
	return &wireHeader{
		Format:     FormatName,
		Version:    Version,
		Annotator:  h.Annotator,
		ExportedAt: formatTime(h.ExportedAt),
		Schema:     wireSchemaOf(h.Schema),
	}
}

func wireSchemaOf(s annotate.Schema) *wireSchema {
	ws := &wireSchema{
		Labels:    make([]wireLabel, 0, len(s.Labels)),
		Relations: make([]wireRelationType, 0, len(s.Relations)),
	}
	for _, l := range s.Labels {
		ws.Labels = append(ws.Labels, wireLabel(l))
	}
	for _, rt := range s.Relations {
		ws.Relations = append(ws.Relations, wireRelationType(rt))
	}
	return ws
}

// schema converts ws back; a nil ws is the default schema.
func (ws *wireSchema) schema() annotate.Schema {
	if ws == nil {
		return annotate.DefaultSchema()
	}
	var s annotate.Schema
	for _, l := range ws.Labels {
		s.Labels = append(s.Labels, annotate.Label(l))
	}
	for _, rt := range ws.Relations {
		s.Relations = append(s.Relations, annotate.RelationType(rt))
	}
	return s
}

// wireDocumentOf converts d for writing, checking each annotation against
// the text and s, because the annotation's text and kind come from them.
func wireDocumentOf(d *annotate.DocumentData, s annotate.Schema) (*wireDocument, error) {
	doc := d.Document
	x := annotate.NewIndex(doc.Text)
	wd := &wireDocument{
		ID:          doc.ID,
		Title:       doc.Title,
		Text:        doc.Text,
		SHA256:      doc.SHA256,
		Status:      doc.Status,
		SourcePath:  doc.SourcePath,
		CreatedAt:   formatTime(doc.Created),
		UpdatedAt:   formatTime(doc.Updated),
		Annotations: make([]wireAnnotation, 0, len(d.Annotations)),
		Relations:   make([]wireRelation, 0, len(d.Relations)),
	}
	if wd.SHA256 == "" {
		wd.SHA256 = annotate.SHA256Hex(doc.Text)
	}
	if wd.Status == "" {
		wd.Status = annotate.StatusTodo
	}
	for _, a := range d.Annotations {
		if err := annotate.ValidateAnnotation(a, x.Len(), s); err != nil {
			return nil, fmt.Errorf("document %s: %w", doc.ID, err)
		}
		wd.Annotations = append(wd.Annotations, wireAnnotation{
			ID:        a.ID,
			Start:     a.Start,
			End:       a.End,
			Text:      x.Slice(a.Start, a.End),
			Label:     a.Label,
			Kind:      s.KindOf(a.Label),
			Note:      a.Note,
			Annotator: a.Annotator,
			CreatedAt: formatTime(a.Created),
			UpdatedAt: formatTime(a.Updated),
		})
	}
	for _, r := range d.Relations {
		wd.Relations = append(wd.Relations, wireRelation{ID: r.ID, Type: r.Type, From: r.From, To: r.To})
	}
	return wd, nil
}

// formatTime writes t in UTC, RFC 3339 with nanoseconds trimmed of
// trailing zeros; the zero time is "".
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseTime reads what formatTime writes, or any RFC 3339 time.
func parseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, annotate.Invalidf("%s %q is not an RFC 3339 time", field, s)
	}
	return t.UTC(), nil
}

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
	return func(yield func(conversion) bool) {
		type job struct {
			raw  rawLine
			out  conversion
			done chan struct{}
		}
		stop := make(chan struct{})
		defer close(stop)
		todo := make(chan *job, 4*workers)
		order := make(chan *job, 4*workers)
		go func() {
			defer close(todo)
			defer close(order)
			for {
				raw, ok := js.nextRaw()
				if !ok {
					return
				}
				j := &job{raw: raw, done: make(chan struct{})}
				select {
				case order <- j:
				case <-stop:
					return
				}
				select {
				case todo <- j:
				case <-stop:
					return
				}
			}
		}()
		for range workers {
			go func() {
				for j := range todo {
					j.out = r.convertRecord(js.decode(j.raw))
					close(j.done)
				}
			}()
		}
		for j := range order {
			<-j.done
			if !yield(j.out) {
				return
			}
		}
	}
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

// convert turns a decoded document into DocumentData and lists every way
// it breaks the format's rules.
func (r *Reader) convert(wd *wireDocument, index int) (*annotate.DocumentData, []error) {
	var errs []error
	add := func(err error) { errs = append(errs, err) }
	schema := r.header.Schema
	doc := annotate.Document{
		ID:         wd.ID,
		Title:      wd.Title,
		Text:       wd.Text,
		SHA256:     annotate.SHA256Hex(wd.Text),
		Status:     wd.Status,
		SourcePath: wd.SourcePath,
	}
	if strings.TrimSpace(doc.Text) == "" {
		add(annotate.Invalidf("document has no text"))
	}
	if doc.Title == "" {
		doc.Title = annotate.TitleFromText(doc.Text, fmt.Sprintf("%s %d", filepath.Base(r.name), index))
	}
	if wd.SHA256 != "" && wd.SHA256 != doc.SHA256 {
		add(annotate.Invalidf("sha256 %s does not match the text, whose SHA-256 is %s", wd.SHA256, doc.SHA256))
	}
	if doc.Status == "" {
		doc.Status = annotate.StatusTodo
	} else if !doc.Status.Valid() {
		add(annotate.Invalidf("unknown status %q", doc.Status))
	}
	var err error
	if doc.Created, err = parseTime("created_at", wd.CreatedAt); err != nil {
		add(err)
	}
	if doc.Updated, err = parseTime("updated_at", wd.UpdatedAt); err != nil {
		add(err)
	}
	d := &annotate.DocumentData{
		Document:    doc,
		Annotations: make([]annotate.Annotation, 0, len(wd.Annotations)),
		Relations:   make([]annotate.Relation, 0, len(wd.Relations)),
	}
	x := annotate.NewIndex(doc.Text)
	anns := make(map[string]annotate.Annotation, len(wd.Annotations))
	for _, wa := range wd.Annotations {
		a, aerrs := convertAnnotation(&wa, doc.ID, x, schema)
		errs = append(errs, aerrs...)
		if _, dup := anns[a.ID]; dup && a.ID != "" {
			add(annotate.Invalidf("annotation %s appears twice", a.ID))
		}
		anns[a.ID] = a
		d.Annotations = append(d.Annotations, a)
	}
	rels := make(map[string]bool, len(wd.Relations))
	for _, wr := range wd.Relations {
		rel := annotate.Relation{ID: wr.ID, DocumentID: doc.ID, Type: wr.Type, From: wr.From, To: wr.To}
		if err := annotate.ValidateRelation(rel, anns, schema); err != nil {
			add(err)
		}
		if rels[rel.ID] && rel.ID != "" {
			add(annotate.Invalidf("relation %s appears twice", rel.ID))
		}
		rels[rel.ID] = true
		d.Relations = append(d.Relations, rel)
	}
	// The domain may have rules beyond the ones above; with those met, it
	// gets the last word.
	if len(errs) == 0 {
		if err := annotate.ValidateDocumentData(d, schema); err != nil {
			add(err)
		}
	}
	return d, errs
}

// convertAnnotation turns a decoded annotation into an Annotation of the
// document docID and lists its problems: those ValidateAnnotation finds,
// and a "text" or "kind" that does not match the document or the schema.
func convertAnnotation(wa *wireAnnotation, docID string, x *annotate.Index, s annotate.Schema) (annotate.Annotation, []error) {
	var errs []error
	a := annotate.Annotation{
		ID:         wa.ID,
		DocumentID: docID,
		Start:      wa.Start,
		End:        wa.End,
		Label:      wa.Label,
		Note:       wa.Note,
		Annotator:  wa.Annotator,
	}
	if err := annotate.ValidateAnnotation(a, x.Len(), s); err != nil {
		errs = append(errs, err)
	} else {
		if got := x.Slice(a.Start, a.End); wa.Text != got {
			errs = append(errs, annotate.Invalidf("annotation %s: text %q does not match [%d,%d) %q",
				a.ID, wa.Text, a.Start, a.End, got))
		}
		if k := s.KindOf(a.Label); wa.Kind != k {
			errs = append(errs, annotate.Invalidf("annotation %s: kind %q does not match label %s, which is %s",
				a.ID, wa.Kind, a.Label, k))
		}
	}
	var err error
	if a.Created, err = parseTime("created_at", wa.CreatedAt); err != nil {
		errs = append(errs, fmt.Errorf("annotation %s: %w", a.ID, err))
	}
	if a.Updated, err = parseTime("updated_at", wa.UpdatedAt); err != nil {
		errs = append(errs, fmt.Errorf("annotation %s: %w", a.ID, err))
	}
	return a, errs
}

// checkFormat checks the "format" and "version" members of a header.
func checkFormat(format string, version int) error {
	if err := checkFormatName(format); err != nil {
		return err
	}
	return checkVersion(version)
}

// checkFormatName checks the "format" member of a header.
func checkFormatName(format string) error {
	if format != FormatName {
		return annotate.Invalidf("not a spanmark file: format is %q, want %q", format, FormatName)
	}
	return nil
}

// checkVersion checks the "version" member of a header.
func checkVersion(version int) error {
	if version > Version {
		return fmt.Errorf("format version %d, newer than version %d that this Spanmark reads: %w",
			version, Version, annotate.ErrNewerVersion)
	}
	if version < 1 {
		return annotate.Invalidf("format version %d: want %d", version, Version)
	}
	return nil
}

// checkSchema checks a header's schema; nil stands for the default one.
func checkSchema(ws *wireSchema) (annotate.Schema, error) {
	s := ws.schema()
	if err := s.Validate(); err != nil {
		return annotate.Schema{}, err
	}
	return s, nil
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

// jsonlScanner reads a JSONL file line by line.
type jsonlScanner struct {
	name    string
	br      *bufio.Reader
	line    int
	index   int
	pending []byte // a line read ahead, not yet scanned
	readErr error  // the error that ended reading
	schema  annotate.Schema
	format  string // the header's, for messages
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
	var wl wireLine
	err := json.Unmarshal(b, &wl)
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
	case isHeaderLine(&wl):
		rec.err = annotate.Invalidf("a header line; it belongs on the first line")
	case wl.Format != "" || wl.Version != 0:
		rec.err = checkFormat(wl.Format, wl.Version)
	}
	if rec.err == nil && wl.Schema != nil && !sameSchema(wl.Schema.schema(), s.schema) {
		rec.err = annotate.Invalidf("its schema differs from the file's")
	}
	return rec
}

// sameSchema reports whether a and b have the same labels and relation
// types in the same order.
func sameSchema(a, b annotate.Schema) bool {
	return slices.Equal(a.Labels, b.Labels) && slices.Equal(a.Relations, b.Relations)
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

// Problem is one thing wrong with a file, and where: the file and JSONL
// line, or the document's index and id, or the line and column of a
// syntax error.
type Problem struct {
	Where string
	Msg   string
}

// String returns "where: msg", the form compilers use, so that editors can
// jump to it.
func (p Problem) String() string { return p.Where + ": " + p.Msg }

// Summary counts what a file holds.
type Summary struct {
	Documents   int
	Annotations int
	Relations   int
}

// Check reads a whole spanmark file and returns what it holds and every
// problem in it: it does not stop at the first, but goes on past bad
// documents (and bad JSONL lines) as far as the file can be read. It
// streams like Reader.
func Check(r io.Reader, name string) (Summary, []Problem) {
	var sum Summary
	rd, err := ReadSpanmark(r, name)
	if err != nil {
		return sum, []Problem{problemOf(err, name)}
	}
	var problems []Problem
	for d, errs := range rd.records() {
		sum.Documents++
		if d != nil {
			sum.Annotations += len(d.Annotations)
			sum.Relations += len(d.Relations)
		}
		for _, err := range errs {
			problems = append(problems, problemOf(err, name))
		}
	}
	return sum, problems
}

// Validate returns every problem in a spanmark file, as Check does.
func Validate(r io.Reader, name string) []Problem {
	_, problems := Check(r, name)
	return problems
}

// problemOf turns an error of this package into a Problem.
func problemOf(err error, name string) Problem {
	var pe *placedError
	if errors.As(err, &pe) {
		return Problem{Where: pe.where, Msg: pe.err.Error()}
	}
	return Problem{Where: name, Msg: err.Error()}
}
