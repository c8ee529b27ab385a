package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"spanmark/annotate"
)

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
	attrs                                   []w3cBody // bodies that give attribute values
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
	label, note, attrs := w3cBodies(in.Body)
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
		sp.label, sp.note, sp.attrs, sp.creator = label, note, attrs, w3cCreator(in.Creator)
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
