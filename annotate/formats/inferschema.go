package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"

	"spanmark/annotate"
)

// inferSchema reads a JSONL file from start on and returns the schema of
// a file that gives none (see the spanmark format): the default schema
// with the labels, relation types and attributes its documents use added
// (see schemaattr.go). Lines it
// cannot decode, and labels or kinds it cannot take, add nothing: reading
// the documents reports them. Lines are decoded on every core, and
// learned from in order.
func inferSchema(r io.ReadSeeker, start int64) (annotate.Schema, error) {
	if _, err := r.Seek(start, io.SeekStart); err != nil {
		return annotate.Schema{}, err
	}
	schema := annotate.DefaultSchema()
	added := 0
	br := bufio.NewReaderSize(r, 64<<10)
	var readErr error
	next := func() ([]byte, bool) {
		if readErr != nil {
			return nil, false
		}
		var line []byte
		line, readErr = readLongLine(br, nil)
		return line, true
	}
	for sl := range inOrder(runtime.GOMAXPROCS(0), next, decodeSchemaLine) {
		added += learnSchema(&schema, sl, added)
	}
	if readErr != io.EOF {
		return annotate.Schema{}, readErr
	}
	if schema.Validate() != nil {
		return annotate.DefaultSchema(), nil
	}
	return schema, nil
}

// schemaLine is what inferSchema decodes of a line.
type schemaLine struct {
	Annotations []schemaAnnotation `json:"annotations"`
	Relations   []schemaRelation   `json:"relations"`
	Attributes  schemaAttrs        `json:"attributes"`
}

// schemaAnnotation is what inferSchema decodes of an annotation.
type schemaAnnotation struct {
	ID         string        `json:"id"`
	Label      string        `json:"label"`
	Kind       annotate.Kind `json:"kind"`
	Attributes schemaAttrs   `json:"attributes"`
}

// schemaRelation is what inferSchema decodes of a relation.
type schemaRelation struct {
	Type string `json:"type"`
	From string `json:"from"`
	To   string `json:"to"`
}

// decodeSchemaLine decodes what inferSchema learns from of a line; nil
// when the line is blank or cannot be decoded. probeSchemaLine answers
// for nearly every line; encoding/json for the rest.
func decodeSchemaLine(line []byte) *schemaLine {
	if len(bytes.TrimSpace(line)) == 0 {
		return nil
	}
	if sl, ok := probeSchemaLine(line); ok {
		return sl
	}
	return unmarshalSchemaLine(line)
}

// unmarshalSchemaLine is decodeSchemaLine by encoding/json.
func unmarshalSchemaLine(line []byte) *schemaLine {
	var sl schemaLine
	if json.Unmarshal(line, &sl) != nil {
		return nil
	}
	return &sl
}

// learnSchema adds to s the labels, relation types and attributes of one
// decoded line (nil adds nothing) that it lacks, colouring labels on from
// the added-th colour, and returns how many labels it added.
func learnSchema(s *annotate.Schema, sl *schemaLine, added int) int {
	if sl == nil {
		return 0
	}
	n := 0
	kinds := make(map[string]annotate.Kind, len(sl.Annotations))
	for _, a := range sl.Annotations {
		kinds[a.ID] = a.Kind
		if _, ok := s.Label(a.Label); ok || a.Label == "" || !a.Kind.Valid() {
			continue
		}
		s.Labels = append(s.Labels, annotate.Label{
			Name: a.Label, Kind: a.Kind, Color: newLabelColors[(added+n)%len(newLabelColors)],
		})
		n++
	}
	for _, r := range sl.Relations {
		from, to := kinds[r.From], kinds[r.To]
		if _, ok := s.RelationType(r.Type); ok || r.Type == "" || !from.Valid() || !to.Valid() {
			continue
		}
		s.Relations = append(s.Relations, annotate.RelationType{Name: r.Type, FromKind: from, ToKind: to})
	}
	for _, a := range sl.Annotations {
		if a.Label != "" {
			learnAttributes(s, a.Label, a.Attributes)
		}
	}
	learnAttributes(s, "", sl.Attributes)
	return n
}
