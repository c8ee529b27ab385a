package formats

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"time"

	"spanmark/annotate"
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
	return w3cSource{ID: w3cDocIRI + doc.ID, Type: "Text", Format: "text/plain", Title: doc.Title, Text: doc.Text,
		Attributes: wireAttrsOf(doc.Attributes)}
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
		bodies := []w3cBody{{Type: "TextualBody", Purpose: "tagging", Value: a.Label}}
		if a.Note != "" {
			bodies = append(bodies, w3cBody{Type: "TextualBody", Purpose: "commenting", Value: a.Note})
		}
		bodies = append(bodies, w3cAttrBodies(a.Attributes, attrTypes(o.Schema, a.Label))...)
		var body any = bodies
		if len(bodies) == 1 {
			body = bodies[0]
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
			Body:    w3cBody{Type: "TextualBody", Purpose: "tagging", Value: r.Type},
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
