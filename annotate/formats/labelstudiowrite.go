package formats

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"strings"

	"spanmark/annotate"
)

// ExportLabelStudio writes docs as a JSON array of Label Studio tasks,
// one task a line.
func ExportLabelStudio(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error {
	bw := bufio.NewWriter(w)
	sep := "[\n"
	attrs := newLSAttrWriter(o.Schema)
	err := eachDocument(docs, func(d *annotate.DocumentData) error {
		b, err := marshalJSON(lsTaskOf(d, o, attrs))
		if err != nil {
			return err
		}
		bw.WriteString(sep)
		sep = ",\n"
		_, err = bw.Write(b)
		return err
	})
	if err == nil {
		if sep == "[\n" {
			bw.WriteString(sep)
		}
		_, err = bw.WriteString("\n]\n")
		attrs.left.report(o)
	}
	return flushExport(bw, "labelstudio", err)
}

// lsTaskOf returns the task of d, its attribute values made results by
// attrs.
func lsTaskOf(d *annotate.DocumentData, o ExportOptions, attrs *lsAttrWriter) lsTask {
	doc := d.Document
	task := lsTask{
		Data:        lsData{Text: doc.Text, Title: doc.Title},
		Meta:        lsTaskMeta{SpanmarkID: doc.ID, SHA256: doc.SHA256, Status: string(doc.Status), Annotator: o.Annotator},
		Annotations: []lsAnnotation{},
	}
	if len(d.Annotations) == 0 && len(doc.Attributes) == 0 && doc.Status != annotate.StatusDone {
		return task
	}
	x := annotate.NewIndex(doc.Text)
	result := make([]any, 0, len(d.Annotations)+len(d.Relations))
	for _, a := range sortedAnnotations(d.Annotations) {
		region := lsRegion{
			ID: a.ID, FromName: "label", ToName: "text", Type: "labels",
			Value: lsValue{Start: a.Start, End: a.End, Text: x.Slice(a.Start, a.End), Labels: []string{a.Label}},
		}
		if a.Note != "" {
			region.Meta = &lsRegionMeta{Text: []string{a.Note}}
		}
		result = append(result, region)
		sp := lsSpan{&a.Start, &a.End, region.Value.Text}
		result = append(result, attrs.results(a.ID, sp, a.Attributes, attrTypes(o.Schema, a.Label))...)
	}
	result = append(result, attrs.results("", lsSpan{}, doc.Attributes, attrTypes(o.Schema, ""))...)
	for _, r := range d.Relations {
		result = append(result, lsRelation{
			FromID: r.From, ToID: r.To, Type: "relation", Direction: "right", Labels: []string{r.Type},
		})
	}
	task.Annotations = []lsAnnotation{{Result: result}}
	return task
}

// LabelStudioConfig returns the Label Studio labelling configuration that
// matches s and the tasks ExportLabelStudio writes.
func LabelStudioConfig(s annotate.Schema) string {
	var b strings.Builder
	b.WriteString("<View>\n  <Labels name=\"label\" toName=\"text\">\n")
	for _, l := range s.Labels {
		fmt.Fprintf(&b, "    <Label value=\"%s\" background=\"%s\"/>\n", xmlAttr(l.Name), xmlAttr(l.Color))
	}
	b.WriteString("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n")
	if len(s.Relations) > 0 {
		b.WriteString("  <Relations>\n")
		for _, rt := range s.Relations {
			fmt.Fprintf(&b, "    <Relation value=\"%s\"/>\n", xmlAttr(rt.Name))
		}
		b.WriteString("  </Relations>\n")
	}
	lsControlsConfig(&b, s)
	b.WriteString("</View>\n")
	return b.String()
}

// xmlAttr escapes s for an XML attribute value in double quotes.
func xmlAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
