package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"spanmark/annotate"
)

// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as one
// JSON-LD AnnotationCollection whose first page holds every annotation:
//
//	{"@context": "http://www.w3.org/ns/anno.jsonld",
//	 "type": "AnnotationCollection", "label": "Spanmark export",
//	 "first": {"type": "AnnotationPage", "items": [
//	   {"id": "urn:spanmark:ann:<id>", "type": "Annotation", "motivation": "tagging",
//	    "creator": {"type": "Person", "name": "…"}, "created": "…", "modified": "…",
//	    "body": {"type": "TextualBody", "purpose": "tagging", "value": "PERSON"},
//	    "target": {"source": "urn:spanmark:doc:<id>", "selector": [
//	      {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
//	      {"type": "TextPositionSelector", "start": 20, "end": 31}]}},
//	   {"id": "urn:spanmark:rel:<id>", "type": "Annotation", "motivation": "linking",
//	    "body": {"type": "TextualBody", "purpose": "tagging", "value": "attributed_to"},
//	    "target": {"type": "List", "items": ["urn:spanmark:ann:<from>", "urn:spanmark:ann:<to>"]}}]},
//	 "total": 2}
//
// TextPositionSelector counts code points, as the model says; prefix and
// suffix are the 32 code points around the span. A note is a second body
// with purpose "commenting". A relation is an annotation that links its
// two ends, in order, so its target is a List.
//
// The model has no place for a document's text, which Spanmark needs to
// import the file again. The first annotation of each document therefore
// describes its source instead of only naming it:
//
//	"source": {"id": "urn:spanmark:doc:<id>", "type": "Text", "format": "text/plain",
//	           "spanmark:title": "…", "spanmark:text": "…"}
//
// JSON-LD processors keep "spanmark:text" as a property whose IRI has the
// scheme "spanmark"; other consumers ignore it. A document without
// annotations has no annotation to carry it, so the collection lists such
// documents' sources after its page, as "spanmark:documents"; they are
// held until the page is written, and an import puts them after the
// others. Not in the page's items, since consumers such as Recogito throw
// on an item without a text selector. A document's status and source path
// are not carried. "total" comes last because the export streams.
//
// With ExportOptions.Offsets "utf16", TextPositionSelector counts UTF-16
// code units instead, as Recogito and other JavaScript consumers do, and
// the collection says "spanmark:offsets": "utf16" so that an import reads
// them so; prefix and suffix still quote 32 code points. With
// ExportOptions.OmitRelations the linking annotations are left out.
//
// The importer reads such a collection, a single AnnotationPage, a JSON
// array of annotations or one annotation. It needs each source's text from
// spanmark:text, so W3C files from other tools, which point at documents
// on the web, cannot be imported: that is an error naming the source.
// It reads positions as UTF-16 code units when the collection says
// "spanmark:offsets": "utf16", and makes a document of each source of
// "spanmark:documents" too.
// Spans are anchored by their position and checked against their quote
// (and repaired); spans with only a quote are found by it, using prefix
// and suffix to choose among repeats.

// w3cContext is the JSON-LD context of the Web Annotation model.
const w3cContext = "http://www.w3.org/ns/anno.jsonld"

// w3cContextLength is how many code points prefix and suffix quote.
const w3cContextLength = 32

// The IRIs of Spanmark's documents, annotations and relations.
const (
	w3cDocIRI = "urn:spanmark:doc:"
	w3cAnnIRI = "urn:spanmark:ann:"
	w3cRelIRI = "urn:spanmark:rel:"
)

type w3cBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
}

type w3cAgent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

type w3cSource struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Format string `json:"format"`
	Title  string `json:"spanmark:title"`
	Text   string `json:"spanmark:text"`
}

type w3cSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

type w3cSpanTarget struct {
	Source   any           `json:"source"`
	Selector []w3cSelector `json:"selector"`
}

type w3cList struct {
	Type  string   `json:"type"`
	Items []string `json:"items"`
}

type w3cItem struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Creator    *w3cAgent `json:"creator,omitempty"`
	Created    string    `json:"created,omitempty"`
	Modified   string    `json:"modified,omitempty"`
	Body       any       `json:"body"`
	Target     any       `json:"target"`
}

// The values of ExportOptions.Offsets.
const (
	OffsetsCodePoints = "codepoints" // Unicode code points; the default
	OffsetsUTF16      = "utf16"      // UTF-16 code units, as JavaScript counts
)

// w3cUTF16 reports whether o asks for UTF-16 offsets, or fails on an
// unknown unit.
func w3cUTF16(o ExportOptions) (bool, error) {
	switch o.Offsets {
	case "", OffsetsCodePoints:
		return false, nil
	case OffsetsUTF16:
		return true, nil
	}
	return false, fmt.Errorf("export w3c: offsets %q: want %s or %s", o.Offsets, OffsetsCodePoints, OffsetsUTF16)
}

// ExportW3C writes docs as one W3C Web Annotation collection.
func ExportW3C(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error {
	utf16, err := w3cUTF16(o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"@context":"` + w3cContext + `","type":"AnnotationCollection","label":"Spanmark export",`)
	if utf16 {
		bw.WriteString(`"spanmark:offsets":"` + OffsetsUTF16 + `",`)
	}
	bw.WriteString(`"first":{"type":"AnnotationPage","items":[`)
	total := 0
	var bare []w3cSource // documents without annotations
	err = eachDocument(docs, func(d *annotate.DocumentData) error {
		if len(d.Annotations) == 0 {
			bare = append(bare, w3cSourceOf(d.Document))
			return nil
		}
		for _, item := range w3cItems(d, o, utf16) {
			b, err := marshalJSON(item)
			if err != nil {
				return err
			}
			if total > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n")
			bw.Write(b)
			total++
		}
		return nil
	})
	if err == nil {
		bw.WriteString("\n]},")
		err = w3cBareDocuments(bw, bare)
	}
	if err == nil {
		_, err = fmt.Fprintf(bw, "\"total\":%d}\n", total)
	}
	return flushExport(bw, "w3c", err)
}

// w3cBareDocuments writes the "spanmark:documents" member for the sources
// of documents without annotations, if there are any.
func w3cBareDocuments(bw *bufio.Writer, bare []w3cSource) error {
	if len(bare) == 0 {
		return nil
	}
	bw.WriteString(`"spanmark:documents":[`)
	for i, src := range bare {
		b, err := marshalJSON(src)
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n")
		bw.Write(b)
	}
	bw.WriteString("\n],")
	return nil
}

// w3cSourceOf describes a document in full, with its text.
func w3cSourceOf(doc annotate.Document) w3cSource {
	return w3cSource{ID: w3cDocIRI + doc.ID, Type: "Text", Format: "text/plain", Title: doc.Title, Text: doc.Text}
}

// w3cItems returns the annotations of one document and then its
// relations, as W3C annotations, with positions in UTF-16 code units when
// utf16 is true.
func w3cItems(d *annotate.DocumentData, o ExportOptions, utf16 bool) []w3cItem {
	doc := d.Document
	x := annotate.NewIndex(doc.Text)
	items := make([]w3cItem, 0, len(d.Annotations)+len(d.Relations))
	for i, a := range sortedAnnotations(d.Annotations) {
		var source any = w3cDocIRI + doc.ID
		if i == 0 {
			source = w3cSourceOf(doc)
		}
		var body any = w3cBody{"TextualBody", "tagging", a.Label}
		if a.Note != "" {
			body = []w3cBody{{"TextualBody", "tagging", a.Label}, {"TextualBody", "commenting", a.Note}}
		}
		start, end := a.Start, a.End
		pos := w3cSelector{Type: "TextPositionSelector", Start: &start, End: &end}
		if utf16 {
			us, ue := x.UTF16Offset(start), x.UTF16Offset(end)
			pos.Start, pos.End = &us, &ue
		}
		item := w3cItem{
			ID: w3cAnnIRI + a.ID, Type: "Annotation", Motivation: "tagging",
			Created: w3cTime(a.Created), Modified: w3cTime(a.Updated),
			Body: body,
			Target: w3cSpanTarget{Source: source, Selector: []w3cSelector{
				{
					Type:   "TextQuoteSelector",
					Exact:  x.Slice(start, end),
					Prefix: x.Slice(start-w3cContextLength, start),
					Suffix: x.Slice(end, end+w3cContextLength),
				},
				pos,
			}},
		}
		if name := w3cOr(a.Annotator, o.Annotator); name != "" {
			item.Creator = &w3cAgent{"Person", name}
		}
		items = append(items, item)
	}
	if o.OmitRelations {
		return items
	}
	for _, r := range d.Relations {
		items = append(items, w3cItem{
			ID: w3cRelIRI + r.ID, Type: "Annotation", Motivation: "linking",
			Created: w3cTime(r.Created),
			Body:    w3cBody{"TextualBody", "tagging", r.Type},
			Target:  w3cList{"List", []string{w3cAnnIRI + r.From, w3cAnnIRI + r.To}},
		})
	}
	return items
}

// w3cOr returns the first of a and b that is not empty.
func w3cOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// w3cTime formats t for "created" and "modified", or "" for the zero time.
func w3cTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// w3cItemIn is an annotation as read, with the fields that may hold one
// value or a list of them left raw.
type w3cItemIn struct {
	ID         string          `json:"id"`
	Type       json.RawMessage `json:"type"`
	Motivation json.RawMessage `json:"motivation"`
	Creator    json.RawMessage `json:"creator"`
	Created    string          `json:"created"`
	Modified   string          `json:"modified"`
	Body       json.RawMessage `json:"body"`
	Target     json.RawMessage `json:"target"`
}

// w3cSpanIn is a span read from one target of an annotation.
type w3cSpanIn struct {
	where, id, source, label, note, creator string
	created, modified                       time.Time
	quote, prefix, suffix                   *string
	start, end                              *int
}

// w3cImport holds what has been read of a W3C file: spans by source, in
// order of first appearance, the sources' texts, and the relations.
type w3cImport struct {
	*toolImport
	sources []string
	spans   map[string][]w3cSpanIn
	texts   map[string]w3cSource
	links   []w3cLinkIn
	annIDs  map[string]string   // annotation IRI → annotation id
	annDocs map[string]*toolDoc // annotation id → its document
	utf16   bool                // positions count UTF-16 code units
	bare    []string            // sources listed without annotations
}

// w3cLinkIn is a linking annotation as read.
type w3cLinkIn struct {
	where, id, typ string
	created        time.Time
	ends           []string
}

// ImportW3C reads W3C Web Annotation JSON-LD written by ExportW3C, or
// a page, array or annotation of the same kind. name is the file, for
// messages.
func ImportW3C(r io.Reader, name string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, Report{}, fmt.Errorf("import %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	w := &w3cImport{
		toolImport: newToolImport(name, o),
		spans:      map[string][]w3cSpanIn{},
		texts:      map[string]w3cSource{},
		annIDs:     map[string]string{},
		annDocs:    map[string]*toolDoc{},
	}
	if err := w.walk(data); err != nil {
		return nil, Report{}, err
	}
	for _, src := range w.sources {
		if err := w.document(src); err != nil {
			return nil, Report{}, err
		}
	}
	for _, src := range w.bare {
		if _, annotated := w.spans[src]; !annotated {
			if err := w.document(src); err != nil {
				return nil, Report{}, err
			}
		}
	}
	for _, l := range w.links {
		w.link(l)
	}
	return w.finish()
}

// walk finds the annotations in data and reads each.
func (w *w3cImport) walk(data []byte) error {
	first := bytes.TrimLeft(data, " \t\r\n")
	if len(first) > 0 && first[0] == '[' {
		return w.jsonArray(data, "annotation", w.item)
	}
	var top struct {
		Type      json.RawMessage   `json:"type"`
		Items     json.RawMessage   `json:"items"`
		First     json.RawMessage   `json:"first"`
		Offsets   string            `json:"spanmark:offsets"`
		Documents []json.RawMessage `json:"spanmark:documents"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		where := ""
		if syntax, ok := err.(*json.SyntaxError); ok {
			where = fmt.Sprintf("line %d", (&lineCounter{data: data}).at(int(syntax.Offset)))
		}
		return w.errorf(where, "%s", jsonProblem(err))
	}
	switch top.Offsets {
	case "", OffsetsCodePoints:
	case OffsetsUTF16:
		w.utf16 = true
	default:
		return w.errorf("", "spanmark:offsets %q: want %s or %s", top.Offsets, OffsetsCodePoints, OffsetsUTF16)
	}
	if err := w.bareDocuments(top.Documents); err != nil {
		return err
	}
	switch {
	case w3cHas(top.Type, "Annotation"):
		return w.item("line 1: annotation 1", data)
	case w3cHas(top.Type, "AnnotationPage"):
		return w.page(data, top.Items)
	case w3cHas(top.Type, "AnnotationCollection"):
		var page struct {
			Items json.RawMessage `json:"items"`
			Next  json.RawMessage `json:"next"`
		}
		if json.Unmarshal(top.First, &page) != nil {
			return w.errorf("", `"first" is not an embedded AnnotationPage: pages by reference cannot be read`)
		}
		if len(page.Next) > 0 && string(page.Next) != "null" {
			return w.errorf("", "the collection has further pages, which cannot be read")
		}
		return w.page(data, page.Items)
	}
	return w.errorf("", "not a W3C AnnotationCollection, AnnotationPage or Annotation")
}

// bareDocuments records the sources the collection lists as documents
// without annotations, to be imported after the annotated ones.
func (w *w3cImport) bareDocuments(docs []json.RawMessage) error {
	for i, raw := range docs {
		where := fmt.Sprintf("spanmark:documents %d", i+1)
		var src w3cSource
		if json.Unmarshal(raw, &src) != nil || src.ID == "" {
			return w.errorf(where, "not a source with an id")
		}
		if err := w.addText(where, raw, src); err != nil {
			return err
		}
		if _, ok := w.texts[src.ID]; !ok {
			return w.errorf(where, "source %s has no spanmark:text", src.ID)
		}
		w.bare = append(w.bare, src.ID)
	}
	return nil
}

// page reads items, a page's array of annotations within data, which
// json.Unmarshal has found to be well-formed. It reads the array where
// its bytes first occur in data, for line numbers: should an identical
// array come earlier, it holds the same annotations, and only the line
// numbers are off.
func (w *w3cImport) page(data, items []byte) error {
	off := bytes.Index(data, items)
	if len(items) == 0 || off < 0 {
		return w.errorf("", "the page has no items")
	}
	dec := json.NewDecoder(bytes.NewReader(data[off:]))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return w.errorf("", "the page's items are not an array")
	}
	return w.jsonElements(dec, &lineCounter{data: data}, off, "annotation", w.item)
}

// w3cHas reports whether raw, one string or a list of them, holds want.
func w3cHas(raw json.RawMessage, want string) bool {
	return slices.Contains(w3cStrings(raw), want)
}

// w3cStrings reads one string or a list of strings.
func w3cStrings(raw json.RawMessage) []string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []string{s}
	}
	var list []string
	_ = json.Unmarshal(raw, &list) // anything else holds no strings
	return list
}

// item reads one annotation.
func (w *w3cImport) item(where string, raw json.RawMessage) error {
	var in w3cItemIn
	if err := json.Unmarshal(raw, &in); err != nil {
		return w.errorf(where, "%s", jsonProblem(err))
	}
	created, err := w3cParseTime(in.Created)
	if err != nil {
		return w.errorf(where, "created: %v", err)
	}
	modified, err := w3cParseTime(in.Modified)
	if err != nil {
		return w.errorf(where, "modified: %v", err)
	}
	label, note := w3cBodies(in.Body)
	if label == "" {
		w.note(where, "left out: no tagging body gives a label")
		return nil
	}
	if w3cHas(in.Motivation, "linking") {
		ends, err := w3cLinkEnds(in.Target)
		if err != nil {
			return w.errorf(where, "target: %v", err)
		}
		w.links = append(w.links, w3cLinkIn{where, in.ID, label, created, ends})
		return nil
	}
	targets, err := w3cTargets(in.Target)
	if err != nil {
		return w.errorf(where, "target: %v", err)
	}
	for i, tg := range targets {
		sp, err := w.target(where, tg)
		if err != nil {
			return err
		}
		if sp == nil {
			continue
		}
		sp.label, sp.note, sp.creator = label, note, w3cCreator(in.Creator)
		sp.created, sp.modified = created, modified
		if i == 0 {
			sp.id = in.ID
		}
		if _, seen := w.spans[sp.source]; !seen {
			w.sources = append(w.sources, sp.source)
		}
		w.spans[sp.source] = append(w.spans[sp.source], *sp)
	}
	return nil
}

// w3cParseTime parses an xsd:dateTime, or "" as the zero time.
func w3cParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// w3cBodies returns the label of the tagging body and the text of the
// commenting bodies. A textual body without a purpose tags.
func w3cBodies(raw json.RawMessage) (label, note string) {
	var bodies []w3cBody
	if json.Unmarshal(raw, &bodies) != nil {
		var one w3cBody
		if json.Unmarshal(raw, &one) != nil {
			return "", ""
		}
		bodies = []w3cBody{one}
	}
	var notes []string
	for _, b := range bodies {
		switch {
		case b.Purpose == "commenting":
			notes = append(notes, b.Value)
		case label == "" && (b.Purpose == "tagging" || b.Purpose == "classifying" || b.Purpose == ""):
			label = b.Value
		}
	}
	return label, strings.Join(notes, "\n")
}

// w3cCreator returns the name of a creator given as a name or an agent.
func w3cCreator(raw json.RawMessage) string {
	var agent struct {
		Name     string `json:"name"`
		Nickname string `json:"nickname"`
	}
	if json.Unmarshal(raw, &agent) == nil {
		return w3cOr(agent.Name, agent.Nickname)
	}
	var name string
	_ = json.Unmarshal(raw, &name) // neither an agent nor a name: no creator
	return name
}

// w3cLinkEnds returns the IRIs a linking annotation's target lists, in
// order: a List, a plain array, or a single resource.
func w3cLinkEnds(raw json.RawMessage) ([]string, error) {
	var list struct {
		Items []json.RawMessage `json:"items"`
	}
	var items []json.RawMessage
	switch {
	case json.Unmarshal(raw, &items) == nil:
	case json.Unmarshal(raw, &list) == nil && list.Items != nil:
		items = list.Items
	default:
		return nil, fmt.Errorf("want a List of two annotations")
	}
	ends := make([]string, len(items))
	for i, it := range items {
		var ref struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(it, &ends[i]) != nil && (json.Unmarshal(it, &ref) != nil || ref.ID == "") {
			return nil, fmt.Errorf("item %d is not an annotation's IRI", i+1)
		}
		if ends[i] == "" {
			ends[i] = ref.ID
		}
	}
	return ends, nil
}

// w3cTargets returns the targets of an annotation: one or a list.
func w3cTargets(raw json.RawMessage) ([]json.RawMessage, error) {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		return list, nil
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("missing")
	}
	return []json.RawMessage{raw}, nil
}

// target reads one target of a tagging annotation, or returns nil after
// noting why it is not a span of text.
func (w *w3cImport) target(where string, raw json.RawMessage) (*w3cSpanIn, error) {
	var tg struct {
		Source   json.RawMessage `json:"source"`
		Selector json.RawMessage `json:"selector"`
	}
	if json.Unmarshal(raw, &tg) != nil || len(tg.Source) == 0 {
		w.note(where, "target left out: not a selection of a text")
		return nil, nil
	}
	sp := &w3cSpanIn{where: where}
	var src w3cSource
	if json.Unmarshal(tg.Source, &sp.source) != nil {
		if json.Unmarshal(tg.Source, &src) != nil || src.ID == "" {
			return nil, w.errorf(where, "target source is neither an IRI nor a resource with an id")
		}
		sp.source = src.ID
		if err := w.addText(where, tg.Source, src); err != nil {
			return nil, err
		}
	}
	var sels []w3cSelectorIn
	if json.Unmarshal(tg.Selector, &sels) != nil {
		var one w3cSelectorIn
		if json.Unmarshal(tg.Selector, &one) != nil {
			w.note(where, "target left out: no selector")
			return nil, nil
		}
		sels = []w3cSelectorIn{one}
	}
	for _, s := range sels {
		switch s.Type {
		case "TextQuoteSelector":
			sp.quote, sp.prefix, sp.suffix = s.Exact, s.Prefix, s.Suffix
		case "TextPositionSelector":
			sp.start, sp.end = s.Start, s.End
		}
	}
	if sp.quote == nil && (sp.start == nil || sp.end == nil) {
		w.note(where, "target left out: neither a TextQuoteSelector nor a TextPositionSelector")
		return nil, nil
	}
	return sp, nil
}

type w3cSelectorIn struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact"`
	Prefix *string `json:"prefix"`
	Suffix *string `json:"suffix"`
	Start  *int    `json:"start"`
	End    *int    `json:"end"`
}

// addText records the text of a source described in full.
func (w *w3cImport) addText(where string, raw json.RawMessage, src w3cSource) error {
	var has struct {
		Text *string `json:"spanmark:text"`
	}
	if json.Unmarshal(raw, &has) != nil || has.Text == nil {
		return nil
	}
	if old, ok := w.texts[src.ID]; ok && old.Text != src.Text {
		return w.errorf(where, "source %s is given two different texts", src.ID)
	}
	w.texts[src.ID] = src
	return nil
}

// document makes the document of one source with its spans.
func (w *w3cImport) document(source string) error {
	spans := w.spans[source] // empty only for a source of spanmark:documents, which has a text
	where := "spanmark:documents"
	if len(spans) > 0 {
		where = spans[0].where
	}
	src, ok := w.texts[source]
	if !ok {
		return w.errorf(where, "no text for source %s: W3C annotations point at a document but do not hold it; "+
			"only files that carry it as spanmark:text, as Spanmark's export does, can be imported", source)
	}
	d, err := w.newDoc(where, src.Text, toolMeta{ID: strings.TrimPrefix(source, w3cDocIRI), Title: src.Title})
	if err != nil {
		return err
	}
	for _, sp := range spans {
		s, e, ok, err := w.span(d, sp)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		id := w.addAnnotation(d, annotate.Annotation{
			ID: strings.TrimPrefix(sp.id, w3cAnnIRI), Start: s, End: e, Label: sp.label, Note: sp.note,
			Annotator: sp.creator, Created: sp.created, Updated: sp.modified,
		})
		if sp.id != "" {
			w.annIDs[sp.id] = id
		}
		w.annDocs[id] = d
	}
	return nil
}

// span anchors one span by its position, checked against its quote, or by
// its quote alone.
func (w *w3cImport) span(d *toolDoc, sp w3cSpanIn) (int, int, bool, error) {
	if sp.start != nil && sp.end != nil {
		quote := ""
		if sp.quote != nil {
			quote = *sp.quote
		}
		start, end := *sp.start, *sp.end
		if w.utf16 {
			start, end = w3cFromUTF16(d.text.rawIdx, start), w3cFromUTF16(d.text.rawIdx, end)
		}
		return w.quotedSpan(d, sp.where, start, end, quote)
	}
	s, ok := w3cFindQuote(d.text, *sp.quote, sp.prefix, sp.suffix)
	if !ok {
		w.rep.Unconfirmed = append(w.rep.Unconfirmed, fmt.Sprintf("%s: %s: text %q not found", w.name, sp.where, *sp.quote))
		return 0, 0, false, nil
	}
	return s, s + annotate.RuneLen(lfQuote(*sp.quote)), true, nil
}

// w3cFromUTF16 converts a UTF-16 offset into the text x to code points,
// leaving an offset outside the text as it is for quotedSpan to report.
func w3cFromUTF16(x *annotate.Index, u int) int {
	switch {
	case u < 0:
		return u
	case u > x.UTF16Len():
		return u - x.UTF16Len() + x.Len()
	}
	return x.CodePointFromUTF16(u)
}

// w3cFindQuote finds exact in the text, preferring the occurrence whose
// surroundings match prefix and suffix best, then the first.
func w3cFindQuote(a *anchor, exact string, prefix, suffix *string) (int, bool) {
	exact = lfQuote(exact)
	if exact == "" {
		return 0, false
	}
	best, bestScore, found := 0, -1, false
	for b := 0; b < len(a.norm); {
		i := strings.Index(a.norm[b:], exact)
		if i < 0 {
			break
		}
		at := b + i
		score := 0
		if prefix != nil && strings.HasSuffix(a.norm[:at], lfQuote(*prefix)) {
			score++
		}
		if suffix != nil && strings.HasPrefix(a.norm[at+len(exact):], lfQuote(*suffix)) {
			score++
		}
		if score > bestScore {
			best, bestScore, found = a.normIdx.CodePoint(at), score, true
		}
		b = at + 1
		for b < len(a.norm) && !utf8.RuneStart(a.norm[b]) {
			b++
		}
	}
	return best, found
}

// link adds a relation between two annotations read from the file.
func (w *w3cImport) link(l w3cLinkIn) {
	if len(l.ends) != 2 {
		w.note(l.where, "relation left out: it links %d annotations, not 2", len(l.ends))
		return
	}
	from, okFrom := w.annIDs[l.ends[0]]
	to, okTo := w.annIDs[l.ends[1]]
	if !okFrom || !okTo {
		w.note(l.where, "relation left out: %s or %s is not an annotation imported from this file", l.ends[0], l.ends[1])
		return
	}
	w.addRelation(w.annDocs[from], l.where, annotate.Relation{
		ID: strings.TrimPrefix(l.id, w3cRelIRI), Type: l.typ, From: from, To: to, Created: l.created,
	})
}
