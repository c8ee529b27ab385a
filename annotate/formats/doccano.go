package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"

	"spanmark/annotate"
)

// doccano's sequence labelling data as JSON Lines, one document a line,
// in one of two variants. Without relations:
//
//	{"text": "…", "label": [[0, 11, "PERSON"], …], "meta": {…}}
//
// and with relations (ExportOptions.Relations), the variant doccano's
// "relation extraction" projects use, with integer ids that are unique in
// the file:
//
//	{"text": "…",
//	 "entities": [{"id": 1, "label": "CLAIM", "start_offset": 0, "end_offset": 40}, …],
//	 "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "attributed_to"}],
//	 "meta": {…}}
//
// Offsets are code points, as doccano's Python back end counts. "meta"
// carries the document's id, title and SHA-256 (doccano keeps unknown
// columns as meta data). Notes are not carried.
//
// The importer reads both variants, line by line ("labels" is taken for
// "label", as older doccano wrote it). As doccano itself does, it takes a
// span of either list as a triple or as an entity object, so that its
// intent-detection files, "entities": [[0, 1, "LOC"]], read too. Since doccano files give no quoted
// text, offsets are read as code points unless another reading fits the
// document's spans better (see repair.go).

type doccanoMeta struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	SHA256 string `json:"sha256"`
}

type doccanoLine struct {
	Text  string      `json:"text"`
	Label []spacySpan `json:"label"`
	Meta  doccanoMeta `json:"meta"`
}

type doccanoEntity struct {
	ID          int    `json:"id"`
	Label       string `json:"label"`
	StartOffset int    `json:"start_offset"`
	EndOffset   int    `json:"end_offset"`
}

type doccanoRelation struct {
	ID     int    `json:"id"`
	FromID int    `json:"from_id"`
	ToID   int    `json:"to_id"`
	Type   string `json:"type"`
}

type doccanoRelLine struct {
	Text      string            `json:"text"`
	Entities  []doccanoEntity   `json:"entities"`
	Relations []doccanoRelation `json:"relations"`
	Meta      doccanoMeta       `json:"meta"`
}

// ExportDoccano writes docs as doccano JSON Lines, with entities and
// relations when o.Relations is set.
func ExportDoccano(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error {
	bw := bufio.NewWriter(w)
	enc := newJSONEncoder(bw)
	var entityID, relationID int
	left := attrTally{format: "doccano", why: "doccano has no attributes"}
	err := eachDocument(docs, func(d *annotate.DocumentData) error {
		left.countAll(d)
		meta := doccanoMeta{ID: d.Document.ID, Title: d.Document.Title, SHA256: d.Document.SHA256}
		anns := sortedAnnotations(d.Annotations)
		if !o.Relations {
			line := doccanoLine{Text: d.Document.Text, Label: make([]spacySpan, 0, len(anns)), Meta: meta}
			for _, a := range anns {
				line.Label = append(line.Label, spacySpan{a.Start, a.End, a.Label})
			}
			return enc.Encode(line)
		}
		line := doccanoRelLine{
			Text:      d.Document.Text,
			Entities:  make([]doccanoEntity, 0, len(anns)),
			Relations: make([]doccanoRelation, 0, len(d.Relations)),
			Meta:      meta,
		}
		ids := make(map[string]int, len(anns))
		for _, a := range anns {
			entityID++
			ids[a.ID] = entityID
			line.Entities = append(line.Entities, doccanoEntity{entityID, a.Label, a.Start, a.End})
		}
		for _, r := range d.Relations {
			from, okFrom := ids[r.From]
			to, okTo := ids[r.To]
			if !okFrom || !okTo {
				o.warn("doccano: %s: relation %s names an annotation the document lacks; left out", exportDocName(d), r.ID)
				continue
			}
			relationID++
			line.Relations = append(line.Relations, doccanoRelation{relationID, from, to, r.Type})
		}
		return enc.Encode(line)
	})
	if err == nil {
		left.report(o)
	}
	return flushExport(bw, "doccano", err)
}

// doccanoIn is a doccano line of either variant, as read.
type doccanoIn struct {
	Text      *string           `json:"text"`
	Label     []json.RawMessage `json:"label"`
	Labels    []json.RawMessage `json:"labels"`
	Entities  []json.RawMessage `json:"entities"`
	Relations []json.RawMessage `json:"relations"`
	Meta      map[string]any    `json:"meta"`
}

// doccanoEntityIn and doccanoRelationIn take ids as numbers or strings.
type doccanoEntityIn struct {
	ID          json.RawMessage `json:"id"`
	Label       *string         `json:"label"`
	StartOffset *int            `json:"start_offset"`
	EndOffset   *int            `json:"end_offset"`
}

type doccanoRelationIn struct {
	FromID json.RawMessage `json:"from_id"`
	ToID   json.RawMessage `json:"to_id"`
	Type   string          `json:"type"`
}

// ImportDoccano reads doccano JSON Lines of either variant. name is the
// file, for messages.
func ImportDoccano(r io.Reader, name string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	return importLines(r, name, o, (*toolImport).doccanoLine)
}

func (t *toolImport) doccanoLine(where string, b []byte) error {
	var in doccanoIn
	if err := json.Unmarshal(b, &in); err != nil {
		return t.errorf(where, "%s", jsonProblem(err))
	}
	if in.Text == nil {
		return t.errorf(where, `no "text"`)
	}
	d, err := t.newDoc(where, *in.Text, toolMeta{
		ID:    metaString(in.Meta, "id"),
		Title: metaString(in.Meta, "title"),
	})
	if err != nil {
		return err
	}
	var spans []toolSpan
	var labels, keys []string
	for _, list := range []struct {
		what string
		raws []json.RawMessage
	}{{"label", append(in.Label, in.Labels...)}, {"entity", in.Entities}} {
		for i, raw := range list.raws {
			rec := fmt.Sprintf("%s: %s %d", where, list.what, i+1)
			s, e, label, key, err := doccanoSpan(raw, list.what == "entity")
			if err != nil {
				return t.errorf(rec, "%v", err)
			}
			spans = append(spans, toolSpan{rec, s, e})
			labels = append(labels, label)
			keys = append(keys, key)
		}
	}
	offs, err := t.unquotedSpans(d, where, spans)
	if err != nil {
		return err
	}
	ids := map[string]string{}
	for i, off := range offs {
		id := t.addAnnotation(d, annotate.Annotation{Start: off[0], End: off[1], Label: labels[i]})
		if keys[i] == "" {
			continue
		}
		if _, dup := ids[keys[i]]; dup {
			return t.errorf(spans[i].where, "id %s repeats", keys[i])
		}
		ids[keys[i]] = id
	}
	return t.doccanoRelations(d, where, in.Relations, ids)
}

func (t *toolImport) doccanoRelations(d *toolDoc, where string, rels []json.RawMessage, ids map[string]string) error {
	for i, raw := range rels {
		rec := fmt.Sprintf("%s: relation %d", where, i+1)
		var rel doccanoRelationIn
		if err := json.Unmarshal(raw, &rel); err != nil || rel.Type == "" {
			return t.errorf(rec, `want {"id", "from_id", "to_id", "type"}, got %s`, snippet(raw))
		}
		from, okFrom := ids[doccanoKey(rel.FromID)]
		to, okTo := ids[doccanoKey(rel.ToID)]
		switch {
		case !okFrom:
			return t.errorf(rec, "from_id %s is not an entity of this line", rel.FromID)
		case !okTo:
			return t.errorf(rec, "to_id %s is not an entity of this line", rel.ToID)
		}
		t.addRelation(d, rec, annotate.Relation{Type: rel.Type, From: from, To: to})
	}
	return nil
}

// doccanoSpan reads a span of the list "label" or, when entity is set,
// "entities", in the forms doccano reads in both (its SpanLabel.parse):
// a triple [start, end, "LABEL"], or an entity {"id", "label",
// "start_offset", "end_offset"} whose id is optional. An object in
// "label" may also be spaCy's {"start", "end", "label"}, as before
// doccano had entities. key is the entity's id, or "" when it has none.
func doccanoSpan(raw json.RawMessage, entity bool) (start, end int, label, key string, err error) {
	var ent doccanoEntityIn
	isObject := json.Unmarshal(raw, &ent) == nil
	if !isObject || !entity && ent.StartOffset == nil && ent.EndOffset == nil {
		start, end, label, err = parseTriple(raw)
		return start, end, label, "", err
	}
	switch {
	case ent.Label == nil || ent.StartOffset == nil || ent.EndOffset == nil:
		return 0, 0, "", "", fmt.Errorf(`want {"id", "label", "start_offset", "end_offset"}, got %s`, snippet(raw))
	case *ent.Label == "":
		return 0, 0, "", "", fmt.Errorf("label is empty")
	}
	if len(ent.ID) > 0 && string(ent.ID) != "null" {
		key = doccanoKey(ent.ID)
	}
	return *ent.StartOffset, *ent.EndOffset, *ent.Label, key, nil
}

// doccanoKey turns an id written as a number or a string into a map key.
func doccanoKey(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(bytes.TrimSpace(raw))
}
