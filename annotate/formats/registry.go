// Package formats reads and writes annotations in Spanmark's own JSON and
// in the formats of other annotation and training tools: spaCy, doccano,
// Label Studio, brat, CoNLL and W3C Web Annotation.
//
// Offsets are Unicode code points, half-open [start, end), in every format
// here: all their consumers count characters as Python does. Exporters
// stream, one document at a time. The importers of other tools' formats
// read one file (or one brat folder) whole, since those files are sized
// for one labelling task, and are all or nothing: a bad record is an error
// that names the file, the line and the record, and no document is
// returned. What they had to change or leave out, and the labels the
// schema lacks, they say in a Report. Offsets that other tools wrote in
// UTF-16 units or against a text with CRLF line ends are re-anchored
// where the format lets that be checked; see repair.go. Exporters and
// importers are listed by name in Exporters and Importers.
package formats

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"spanmark/annotate"
)

// ExportOptions says how to export.
type ExportOptions struct {
	// Schema gives the kinds and colours of the labels.
	Schema annotate.Schema
	// Annotator is the name of the person whose work is exported.
	Annotator string
	// Replace lets ExportPath replace an existing regular file (WriteFile
	// says which files it never replaces).
	Replace bool
	// Progress, when not nil, is told of each document before ExportPath
	// writes it, with the count so far; an error from it stops the
	// export, which then writes nothing.
	Progress func(done int, title string) error
	// Kind is the kind of annotation a CoNLL export tags; empty means
	// entities.
	Kind annotate.Kind
	// Relations selects doccano's variant with entities and relations.
	Relations bool
	// OmitRelations leaves relations out of a W3C export, whose linking
	// annotations (a List target with no selector) some W3C consumers,
	// Recogito among them, cannot read.
	OmitRelations bool
	// Offsets is the unit the offsets of a W3C export count: "" or
	// OffsetsCodePoints, as the Web Annotation model says, or
	// OffsetsUTF16 for consumers that count UTF-16 code units, as
	// JavaScript strings do.
	Offsets string
	// DocStart is what a CoNLL export writes before each document:
	// "" or DocStartCoNLL2003, or DocStartNone.
	DocStart string
	// Warn, when not nil, is told about annotations a format cannot hold
	// and leaves out or changes, one message at a time.
	Warn func(msg string)
}

// warn passes msg to o.Warn, if there is one.
func (o ExportOptions) warn(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// ImportOptions says how to import.
type ImportOptions struct {
	// Schema is the project's schema. Labels missing from it are reported
	// in Report.NewLabels, relation types missing from it in
	// Report.NewRelations; relations between annotations of kinds their
	// type does not link are left out and noted.
	Schema annotate.Schema
	// TrustOffsets takes every span's offsets as code points of the text
	// as given, without checking them against the span's quoted text and
	// without repairing them.
	TrustOffsets bool
	// Annotator is recorded on annotations whose file does not name one.
	Annotator string
	// NewID makes ids for documents, annotations and relations the file
	// does not give Spanmark ids to; nil means annotate.NewID.
	NewID func() string
	// ZipLimit is the most bytes the members of a brat .zip may
	// decompress to, each and all together; 0 means DefaultZipLimit.
	ZipLimit int64
}

// Report says what an import found besides the documents it returns.
type Report struct {
	Documents   int
	Annotations int
	Relations   int
	// Repaired counts spans whose offsets did not fit their text and
	// were re-anchored.
	Repaired int
	// Unconfirmed lists, one line each, spans that were left out because
	// their quoted text was found neither at their offsets nor near them.
	Unconfirmed []string
	// Notes lists, one line each, other things the import changed or
	// left out.
	Notes []string
	// NewLabels are the labels the file uses that the schema lacks, in
	// order of first use, with a kind guessed from the name (CLAIM and
	// SOURCE by name, entity otherwise) and a colour. The documents are
	// valid against the schema with these labels added.
	NewLabels []annotate.Label
	// NewRelations are the relation types the file uses that the schema
	// lacks, in order of first use, each linking the kinds of the
	// annotations its first relation links. The documents are valid
	// against the schema with these and NewLabels added.
	NewRelations []annotate.RelationType
}

// ExportFunc writes documents in one format to w, one at a time.
type ExportFunc func(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error

// ImportFunc reads the file, or for brat the folder or .zip, at path in
// one format.
type ImportFunc func(path string, o ImportOptions) ([]*annotate.DocumentData, Report, error)

// Exporters holds every export format by name. The brat entry writes a
// .zip; ExportBrat writes a folder instead.
var Exporters = map[string]ExportFunc{
	"spacy":       ExportSpacy,
	"doccano":     ExportDoccano,
	"labelstudio": ExportLabelStudio,
	"brat":        ExportBratZip,
	"conll":       ExportCoNLL,
	"w3c":         ExportW3C,
}

// Importers holds every import format by name.
var Importers = map[string]ImportFunc{
	"spacy":       importFile(ImportSpacy),
	"doccano":     importFile(ImportDoccano),
	"labelstudio": importFile(ImportLabelStudio),
	"brat":        importBratPath,
	"conll":       importFile(ImportCoNLL),
	"w3c":         importFile(ImportW3C),
}

// importFile turns an importer of one stream into an ImportFunc.
func importFile(read func(io.Reader, string, ImportOptions) ([]*annotate.DocumentData, Report, error)) ImportFunc {
	return func(path string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, Report{}, fmt.Errorf("import %w", err)
		}
		defer f.Close()
		return read(f, path, o)
	}
}

// importBratPath imports a brat folder, or a .zip of one, read within
// o.ZipLimit (see zipFS).
func importBratPath(path string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		z, err := zip.OpenReader(path)
		if err != nil {
			return nil, Report{}, fmt.Errorf("import %s: %w", path, err)
		}
		defer z.Close()
		fsys, err := newZipFS(&z.Reader, o.ZipLimit)
		if err != nil {
			return nil, Report{}, fmt.Errorf("import %s: %w", path, err)
		}
		return ImportBrat(fsys, path, o)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, Report{}, fmt.Errorf("import %w", err)
	}
	if !info.IsDir() {
		return nil, Report{}, fmt.Errorf("import %s: brat needs a folder of .txt and .ann files or a .zip of one", path)
	}
	return ImportBrat(os.DirFS(path), path, o)
}

// eachDocument calls fn for each document of docs, stopping at the first
// error of either.
func eachDocument(docs iter.Seq2[*annotate.DocumentData, error], fn func(*annotate.DocumentData) error) error {
	for d, err := range docs {
		if err != nil {
			return err
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// exportDocName names a document in export warnings.
func exportDocName(d *annotate.DocumentData) string {
	return fmt.Sprintf("document %s (%s)", d.Document.ID, d.Document.Title)
}

// newLabelColors colour the labels an import adds, in turn.
var newLabelColors = []string{
	"#8c564b", "#e377c2", "#bcbd22", "#9467bd", "#2ca02c", "#ff7f0e", "#1f77b4", "#7f7f7f",
}

// toolImport gathers the documents of one imported file, with what the
// Report says about them. Importers build documents through it so that
// ids, labels, relations and repairs follow the same rules everywhere.
type toolImport struct {
	name   string // the file, for messages
	o      ImportOptions
	schema annotate.Schema          // o.Schema with the new labels added
	hints  map[string]annotate.Kind // kinds the file's own configuration gives labels
	ids    map[string]bool          // every id given out, so that none repeats
	docs   []*toolDoc
	rep    Report
}

// toolDoc is one document being imported.
type toolDoc struct {
	data *annotate.DocumentData
	text *anchor
	anns map[string]annotate.Annotation
	rels map[[3]string]bool // type, from, to of the relations so far
}

// toolMeta is what a file may say about a document besides its text.
// Without a title, the document's first line is its title, or else
// FallbackTitle, or else the file and record it comes from.
type toolMeta struct {
	ID, Title, Status, SourcePath, FallbackTitle string
}

// toolSpan is a span as a file gives it, before it is anchored.
type toolSpan struct {
	where      string // the record, for messages
	start, end int
}

// newToolImport starts the import of the file name.
func newToolImport(name string, o ImportOptions) *toolImport {
	if o.NewID == nil {
		o.NewID = annotate.NewID
	}
	schema := o.Schema
	schema.Labels = slices.Clone(schema.Labels)
	schema.Relations = slices.Clone(schema.Relations)
	return &toolImport{name: name, o: o, schema: schema, ids: map[string]bool{}}
}

// errorf returns an import error naming the file and the record where.
func (t *toolImport) errorf(where, format string, args ...any) error {
	return fmt.Errorf("import %s: %s", t.name, joinWhere(where, fmt.Sprintf(format, args...)))
}

// note records something the import changed or left out.
func (t *toolImport) note(where, format string, args ...any) {
	t.rep.Notes = append(t.rep.Notes, t.name+": "+joinWhere(where, fmt.Sprintf(format, args...)))
}

// joinWhere puts the record where in front of msg.
func joinWhere(where, msg string) string {
	if where == "" {
		return msg
	}
	return where + ": " + msg
}

// id returns want when it is a Spanmark id not used yet in this import,
// and a new id otherwise, so that ids survive a round trip through a
// format that carries them and foreign ids never collide.
func (t *toolImport) id(want string) string {
	if !isSpanmarkID(want) || t.ids[want] {
		want = t.o.NewID()
		for t.ids[want] {
			want = t.o.NewID()
		}
	}
	t.ids[want] = true
	return want
}

// isSpanmarkID reports whether s looks like an id annotate.NewID makes.
func isSpanmarkID(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := range len(s) {
		if !('0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f') {
			return false
		}
	}
	return true
}

// newDoc starts a document with the text raw, as the file gives it; the
// document keeps it with line ends normalised (annotate.NormalizeText).
func (t *toolImport) newDoc(where, raw string, m toolMeta) (*toolDoc, error) {
	a, err := newAnchor(joinWhere(where, "text"), raw)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", t.name, err)
	}
	status := annotate.Status(m.Status)
	if !status.Valid() {
		status = annotate.StatusTodo
	}
	title := m.Title
	if title == "" {
		fallback := m.FallbackTitle
		if fallback == "" {
			fallback = strings.TrimSpace(filepath.Base(t.name) + " " + where)
		}
		title = annotate.TitleFromText(a.norm, fallback)
	}
	d := &toolDoc{
		data: &annotate.DocumentData{Document: annotate.Document{
			ID:         t.id(m.ID),
			Title:      title,
			Text:       a.norm,
			SHA256:     annotate.SHA256Hex(a.norm),
			Status:     status,
			SourcePath: m.SourcePath,
		}},
		text: a,
		anns: map[string]annotate.Annotation{},
		rels: map[[3]string]bool{},
	}
	t.docs = append(t.docs, d)
	return d, nil
}

// addAnnotation adds a to d, with an id, document id and annotator filled
// in, and returns its id. A label the schema lacks becomes a new label.
func (t *toolImport) addAnnotation(d *toolDoc, a annotate.Annotation) string {
	a.Label = t.useLabel(a.Label)
	a.ID = t.id(a.ID)
	a.DocumentID = d.data.Document.ID
	if a.Annotator == "" {
		a.Annotator = t.o.Annotator
	}
	d.data.Annotations = append(d.data.Annotations, a)
	d.anns[a.ID] = a
	return a.ID
}

// addRelation adds r to d unless the schema does not allow it or d
// already has it; then it notes why r was left out.
func (t *toolImport) addRelation(d *toolDoc, where string, r annotate.Relation) {
	r.DocumentID = d.data.Document.ID
	r.Type = t.useRelationType(r.Type, d.anns[r.From], d.anns[r.To])
	check := r
	check.ID = "new"
	if err := annotate.ValidateRelation(check, d.anns, t.schema); err != nil {
		msg := strings.TrimSuffix(err.Error(), ": "+annotate.ErrInvalid.Error())
		t.note(where, "relation left out: %s", strings.TrimPrefix(msg, "relation new: "))
		return
	}
	key := [3]string{r.Type, r.From, r.To}
	if d.rels[key] {
		t.note(where, "relation left out: repeats an earlier %s relation between the same annotations", r.Type)
		return
	}
	d.rels[key] = true
	r.ID = t.id(r.ID)
	d.data.Relations = append(d.data.Relations, r)
}

// useLabel returns the label to use for name, adding it to the schema
// and the report's new labels when the schema lacks it. A name the schema
// could not hold has its other characters replaced by '_', with a note.
func (t *toolImport) useLabel(name string) string {
	name, known := t.schemaName(name, "label", func(n string) bool {
		_, ok := t.schema.Label(n)
		return ok
	})
	if known {
		return name
	}
	l := annotate.Label{
		Name:  name,
		Kind:  t.guessKind(name),
		Color: newLabelColors[len(t.rep.NewLabels)%len(newLabelColors)],
	}
	t.schema.Labels = append(t.schema.Labels, l)
	t.rep.NewLabels = append(t.rep.NewLabels, l)
	return name
}

// useRelationType returns the relation type to use for name, between the
// annotations from and to, adding it to the schema and the report's new
// relation types, with the kinds of from and to, when the schema lacks
// it, as useLabel does for labels. Without both ends nothing is added:
// the relation is left out anyway.
func (t *toolImport) useRelationType(name string, from, to annotate.Annotation) string {
	name, known := t.schemaName(name, "relation type", func(n string) bool {
		_, ok := t.schema.RelationType(n)
		return ok
	})
	if known {
		return name
	}
	fromKind, toKind := t.schema.KindOf(from.Label), t.schema.KindOf(to.Label)
	if name == "" || fromKind == "" || toKind == "" {
		return name
	}
	rt := annotate.RelationType{Name: name, FromKind: fromKind, ToKind: toKind}
	t.schema.Relations = append(t.schema.Relations, rt)
	t.rep.NewRelations = append(t.rep.NewRelations, rt)
	return name
}

// schemaName returns name, or if the schema could not hold it, name with
// its other characters replaced by '_' (labelName) and a note, and
// whether the schema has that name, as has tells. what is "label" or
// "relation type", for the note.
func (t *toolImport) schemaName(name, what string, has func(string) bool) (string, bool) {
	if has(name) {
		return name, true
	}
	valid := labelName(name)
	if valid == name {
		return name, false
	}
	if !has(valid) {
		t.note("", "%s %q renamed %q: a %s holds only letters, digits, '_', '-' and '.'", what, name, valid, what)
		return valid, false
	}
	return valid, true
}

// labelName replaces every character of name that a label name cannot
// hold (see annotate.Schema.Validate) with '_'.
func labelName(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.' {
			return r
		}
		return '_'
	}, name)
}

// guessKind guesses the kind of a label the schema lacks.
func (t *toolImport) guessKind(name string) annotate.Kind {
	if k, ok := t.hints[name]; ok {
		return k
	}
	switch {
	case strings.EqualFold(name, "CLAIM"):
		return annotate.KindClaim
	case strings.EqualFold(name, "SOURCE"):
		return annotate.KindSource
	}
	return annotate.KindEntity
}

// quotedSpan anchors a span whose file gives its text, quote, with its
// offsets [start, end). It reports false, after listing the span as
// unconfirmed, when the quote cannot be found. Offsets out of range are
// an error only when the span is taken as given.
func (t *toolImport) quotedSpan(d *toolDoc, where string, start, end int, quote string) (int, int, bool, error) {
	if t.o.TrustOffsets || quote == "" {
		s, e, err := d.text.span(start, end, unitCodePoints)
		if err != nil {
			return 0, 0, false, t.errorf(where, "%v", err)
		}
		return s, e, true, nil
	}
	s, e, repaired, ok := d.text.place(start, end, quote)
	if !ok {
		t.rep.Unconfirmed = append(t.rep.Unconfirmed,
			fmt.Sprintf("%s: %s: text %q not found at [%d,%d) nor near it", t.name, where, quote, start, end))
		return 0, 0, false, nil
	}
	if repaired {
		t.rep.Repaired++
	}
	return s, e, true, nil
}

// unquotedSpans anchors the spans of one document whose file gives no
// quoted text: they are read in the unit that fits them best (see
// anchor.guessUnit), or as given with TrustOffsets.
func (t *toolImport) unquotedSpans(d *toolDoc, where string, spans []toolSpan) ([][2]int, error) {
	unit := unitCodePoints
	if !t.o.TrustOffsets {
		unit = d.text.guessUnit(spans)
	}
	out := make([][2]int, len(spans))
	moved := 0
	for i, sp := range spans {
		s, e, err := d.text.span(sp.start, sp.end, unit)
		if err != nil {
			return nil, t.errorf(sp.where, "%v", err)
		}
		if gs, ge, err := d.text.span(sp.start, sp.end, unitCodePoints); err != nil || gs != s || ge != e {
			moved++
		}
		out[i] = [2]int{s, e}
	}
	if moved > 0 {
		t.rep.Repaired += moved
		t.note(where, "offsets read as %s: %d spans moved", unit, moved)
	}
	return out, nil
}

// finish checks every document against the schema with the new labels
// and returns them with the report.
func (t *toolImport) finish() ([]*annotate.DocumentData, Report, error) {
	out := make([]*annotate.DocumentData, 0, len(t.docs))
	for _, d := range t.docs {
		slices.SortStableFunc(d.data.Annotations, func(a, b annotate.Annotation) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		if err := annotate.ValidateDocumentData(d.data, t.schema); err != nil {
			return nil, Report{}, fmt.Errorf("import %s: %w", t.name, err)
		}
		t.rep.Annotations += len(d.data.Annotations)
		t.rep.Relations += len(d.data.Relations)
		out = append(out, d.data)
	}
	t.rep.Documents = len(out)
	return out, t.rep, nil
}

// sortedAnnotations returns a copy of anns ordered by start, end, label
// and id, the order every export writes them in.
func sortedAnnotations(anns []annotate.Annotation) []annotate.Annotation {
	out := slices.Clone(anns)
	slices.SortFunc(out, func(a, b annotate.Annotation) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End),
			cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// droppedOverlap is an annotation left out because it overlaps a longer one.
type droppedOverlap struct {
	dropped, kept annotate.Annotation
}

// keepLongest returns the annotations of anns that remain when, of any
// two that overlap, the shorter is left out (the earlier on a tie), for
// formats that cannot hold overlapping spans. kept is ordered by start.
func keepLongest(anns []annotate.Annotation) (kept []annotate.Annotation, dropped []droppedOverlap) {
	byLength := sortedAnnotations(anns)
	slices.SortStableFunc(byLength, func(a, b annotate.Annotation) int {
		return cmp.Compare(b.End-b.Start, a.End-a.Start)
	})
	// keep holds indexes into byLength, ordered by start; since the spans
	// it holds do not overlap, they are ordered by end too, and only the
	// first one that ends after a span starts can overlap it.
	var keep []int
	for i, a := range byLength {
		at := sort.Search(len(keep), func(j int) bool { return byLength[keep[j]].End > a.Start })
		if at < len(keep) && byLength[keep[at]].Start < a.End {
			dropped = append(dropped, droppedOverlap{a, byLength[keep[at]]})
			continue
		}
		keep = slices.Insert(keep, at, i)
	}
	kept = make([]annotate.Annotation, len(keep))
	for i, k := range keep {
		kept[i] = byLength[k]
	}
	return kept, dropped
}

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

// flushExport flushes an exporter's buffer, naming the format on error.
func flushExport(bw *bufio.Writer, format string, err error) error {
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
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

// describeSpan names an annotation with its offsets and text in a warning.
func describeSpan(x *annotate.Index, a annotate.Annotation) string {
	return fmt.Sprintf("%s [%d,%d) %q", a.Label, a.Start, a.End, x.Slice(a.Start, a.End))
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
