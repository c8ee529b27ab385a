package formats

import (
	"bufio"
	"encoding/json"
	"io"
	"iter"
	"maps"
	"slices"

	"spanmark/annotate"
)

// spaCy's training data as JSON Lines, one document a line:
//
//	{"text": "…", "entities": [[0, 11, "PERSON"], …],
//	 "spans": {"sc": [[0, 11, "PERSON"], [12, 40, "CLAIM"], …]},
//	 "meta": {"id": "…", "title": "…", "sha256": "…", "status": "…", "annotator": "…"}}
//
// Offsets are code points, which is what Python's str and so spaCy's
// Doc.char_span count. "entities" becomes doc.ents, which cannot overlap:
// it holds the entity labels only and, of two that overlap, the longer.
// "spans" holds every annotation in the span group "sc" (the key spaCy's
// span categorizer reads). Relations and notes are not carried.
// Attribute values are carried (see spacyattr.go).
//
// The importer also reads "ents" and span groups in the shape of
// Doc.to_json ({"start", "end", "label"} objects), takes every span
// group, and drops spans that repeat one already read.

// spacySpan is one span of a spaCy line, written as [start, end, label].
type spacySpan struct {
	Start, End int
	Label      string
}

// MarshalJSON writes the span as [start, end, "LABEL"].
func (s spacySpan) MarshalJSON() ([]byte, error) {
	return marshalJSON([]any{s.Start, s.End, s.Label})
}

type spacyMeta struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	SHA256    string `json:"sha256"`
	Status    string `json:"status"`
	Annotator string `json:"annotator,omitempty"`
}

type spacyLine struct {
	Text           string                 `json:"text"`
	Entities       []spacySpan            `json:"entities"`
	Spans          map[string][]spacySpan `json:"spans"`
	SpanAttributes map[string][]wireAttrs `json:"span_attributes,omitempty"`
	Attributes     wireAttrs              `json:"attributes,omitzero"`
	Meta           spacyMeta              `json:"meta"`
}

// ExportSpacy writes docs as spaCy JSON Lines. Entities left out of
// "entities" because they overlap a longer one are reported to o.Warn.
func ExportSpacy(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error {
	bw := bufio.NewWriter(w)
	enc := newJSONEncoder(bw)
	err := eachDocument(docs, func(d *annotate.DocumentData) error {
		return enc.Encode(spacyLineOf(d, o))
	})
	return flushExport(bw, "spacy", err)
}

func spacyLineOf(d *annotate.DocumentData, o ExportOptions) spacyLine {
	anns := sortedAnnotations(d.Annotations)
	var ents []annotate.Annotation
	all := make([]spacySpan, 0, len(anns))
	for _, a := range anns {
		all = append(all, spacySpan{a.Start, a.End, a.Label})
		if o.Schema.KindOf(a.Label) == annotate.KindEntity {
			ents = append(ents, a)
		}
	}
	kept, dropped := keepLongest(ents)
	if len(dropped) > 0 {
		x := annotate.NewIndex(d.Document.Text)
		for _, ov := range dropped {
			o.warn("spacy: %s: entity %s overlaps %s: left out of entities, kept in spans.sc",
				exportDocName(d), describeSpan(x, ov.dropped), describeSpan(x, ov.kept))
		}
	}
	entities := make([]spacySpan, 0, len(kept))
	for _, a := range kept {
		entities = append(entities, spacySpan{a.Start, a.End, a.Label})
	}
	return spacyLine{
		Text:           d.Document.Text,
		Entities:       entities,
		Spans:          map[string][]spacySpan{"sc": all},
		SpanAttributes: spacySpanAttributes(anns),
		Attributes:     wireAttrsOf(d.Document.Attributes),
		Meta: spacyMeta{
			ID:        d.Document.ID,
			Title:     d.Document.Title,
			SHA256:    d.Document.SHA256,
			Status:    string(d.Document.Status),
			Annotator: o.Annotator,
		},
	}
}

// spacyIn is a spaCy line as read, lenient about what it does not need.
type spacyIn struct {
	Text           *string                      `json:"text"`
	Entities       []json.RawMessage            `json:"entities"`
	Ents           []json.RawMessage            `json:"ents"`
	Spans          map[string][]json.RawMessage `json:"spans"`
	SpanAttributes map[string][]wireAttrs       `json:"span_attributes"`
	Attributes     wireAttrs                    `json:"attributes"`
	Meta           map[string]any               `json:"meta"`
}

// ImportSpacy reads spaCy JSON Lines. name is the file, for messages.
// Offsets are read as code points unless another reading fits the
// document's spans better (see repair.go).
func ImportSpacy(r io.Reader, name string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	return importLines(r, name, o, (*toolImport).spacyLine)
}

func (t *toolImport) spacyLine(where string, b []byte) error {
	var in spacyIn
	if err := json.Unmarshal(b, &in); err != nil {
		return t.errorf(where, "%s", jsonProblem(err))
	}
	if in.Text == nil {
		return t.errorf(where, `no "text"`)
	}
	d, err := t.newDoc(where, *in.Text, toolMeta{
		ID:     metaString(in.Meta, "id"),
		Title:  metaString(in.Meta, "title"),
		Status: metaString(in.Meta, "status"),
	})
	if err != nil {
		return err
	}
	r := spacyReader{where: where, index: map[spacySpan]int{}}
	if err := r.read("entity", in.Entities, nil); err != nil {
		return t.errorf(err.where, "%v", err.err)
	}
	if err := r.read("ent", in.Ents, nil); err != nil {
		return t.errorf(err.where, "%v", err.err)
	}
	for _, group := range slices.Sorted(maps.Keys(in.Spans)) {
		if err := r.read("spans."+group, in.Spans[group], in.SpanAttributes[group]); err != nil {
			return t.errorf(err.where, "%v", err.err)
		}
	}
	if err := spacyStrayAttributes(where, in); err != nil {
		return t.errorf(err.where, "%v", err.err)
	}
	offs, err := t.unquotedSpans(d, where, r.spans)
	if err != nil {
		return err
	}
	ids := make([]string, len(offs))
	for i, off := range offs {
		ids[i] = t.addAnnotation(d, annotate.Annotation{Start: off[0], End: off[1], Label: r.labels[i]})
	}
	return t.spacyAttributes(d, where, in.Attributes, r.attrs, ids)
}
