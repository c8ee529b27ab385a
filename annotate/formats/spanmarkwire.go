package formats

import (
	"encoding/json"
	"time"

	"spanmark/annotate"
)

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
		Labels     []wireLabel          `json:"labels"`
		Relations  []wireRelationType   `json:"relations"`
		Attributes []annotate.Attribute `json:"attributes,omitempty"`
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
		// Attributes is left out when empty, so that files without
		// attributes read and write as before.
		Attributes wireAttrs `json:"attributes,omitzero"`
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
		Attributes  wireAttrs        `json:"attributes,omitzero"`
		Annotations []wireAnnotation `json:"annotations"`
		Relations   []wireRelation   `json:"relations"`
		// Suggestions is written only by an export with suggestions
		// (Header.Suggestions) and read only to be checked: suggestions
		// are never imported as annotations.
		Suggestions []wireSuggestion `json:"suggestions,omitzero"`
	}

	wireSuggestion struct {
		Start  int     `json:"start"`
		End    int     `json:"end"`
		Text   string  `json:"text"`
		Label  string  `json:"label"`
		Source string  `json:"source"`
		Score  float64 `json:"score"`
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
	ws.Attributes = s.Attributes
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
	s.Attributes = ws.Attributes
	return s
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
