package formats

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Reading a JSONL export with encoding/json costs most of `spanmark
// agree` and `import`: it checks each line whole before decoding it, and
// finds each field by reflection. probeDocLine reads a document line in
// one pass with the probe of schemaprobe.go, and answers only for lines
// it reads exactly as encoding/json would: the members of a document and
// its annotations and relations, each once, with the types the wire
// types expect. Anything else (header members, suggestions, keys that
// encoding/json could match in another case, a member twice, a number
// that is not a plain integer, a string with a \u escape or invalid
// UTF-8) is left to encoding/json, which then also reports the errors.

// Bits of the members a document or an annotation has already given, to
// leave a member given twice to encoding/json.
type seenMembers uint32

// first reports whether member bit is seen for the first time, marking
// the probe unsure if not.
func (p *probe) first(seen *seenMembers, bit int) bool {
	if *seen&(1<<bit) != 0 {
		p.unsure = true
		return false
	}
	*seen |= 1 << bit
	return true
}

// docMembers are the members of a document line the probe reads, in bit
// order; lineOnly are those it leaves to encoding/json.
var (
	docMembers = []string{"annotator", "id", "title", "text", "sha256", "status", "source_path",
		"created_at", "updated_at", "attributes", "annotations", "relations"}
	lineOnly = []string{"format", "version", "exported_at", "schema", "documents", "suggestions"}
)

// probeDocLine returns what json.Unmarshal(line, &wireLine{}) gives, or
// ok false when the probe is not sure (see above).
func probeDocLine(line []byte) (wl *wireLine, ok bool) {
	p := probe{b: line}
	wl = &wireLine{}
	var seen seenMembers
	p.ws()
	if !p.object(0, func(key []byte) bool { return p.docField(wl, &seen, key) }) {
		return nil, false
	}
	p.ws()
	if p.i != len(p.b) || p.unsure {
		return nil, false
	}
	return wl, true
}

// docField reads the value of a top-level key of a document line.
func (p *probe) docField(wl *wireLine, seen *seenMembers, key []byte) bool {
	wd := &wl.wireDocument
	strs := [...]*string{&wl.Annotator, &wd.ID, &wd.Title, &wd.Text, &wd.SHA256, (*string)(&wd.Status),
		&wd.SourcePath, &wd.CreatedAt, &wd.UpdatedAt}
	bit := memberBit(docMembers, key)
	switch {
	case bit < 0:
		if p.confusable(key, docMembers...) || p.confusable(key, lineOnly...) {
			return false
		}
		return p.value(1)
	case !p.first(seen, bit):
		return false
	case bit < len(strs):
		return p.plainString(strs[bit])
	case docMembers[bit] == "attributes":
		return p.wireAttrs(&wd.Attributes, 1)
	case docMembers[bit] == "annotations":
		return docList(p, &wd.Annotations, func(wa *wireAnnotation) bool { return p.docAnnotation(wa) })
	}
	return docList(p, &wd.Relations, func(r *wireRelation) bool { return p.docRelation(r) })
}

// memberBit returns the position of key in members, -1 when absent.
func memberBit(members []string, key []byte) int {
	for i, m := range members {
		if string(key) == m {
			return i
		}
	}
	return -1
}

// annotationMembers are the members of an annotation, in bit order.
var annotationMembers = []string{"id", "text", "label", "kind", "note", "annotator", "created_at",
	"updated_at", "start", "end", "attributes"}

// docAnnotation reads an annotation object into wa.
func (p *probe) docAnnotation(wa *wireAnnotation) bool {
	strs := [...]*string{&wa.ID, &wa.Text, &wa.Label, (*string)(&wa.Kind), &wa.Note, &wa.Annotator,
		&wa.CreatedAt, &wa.UpdatedAt}
	var seen seenMembers
	return p.object(2, func(key []byte) bool {
		bit := memberBit(annotationMembers, key)
		switch {
		case bit < 0:
			return !p.confusable(key, annotationMembers...) && p.value(3)
		case !p.first(&seen, bit):
			return false
		case bit < len(strs):
			return p.plainString(strs[bit])
		case annotationMembers[bit] == "start":
			return p.integer(&wa.Start)
		case annotationMembers[bit] == "end":
			return p.integer(&wa.End)
		}
		return p.wireAttrs(&wa.Attributes, 3)
	})
}

// relationMembers are the members of a relation, in bit order.
var relationMembers = []string{"id", "type", "from", "to"}

// docRelation reads a relation object into r.
func (p *probe) docRelation(r *wireRelation) bool {
	strs := [...]*string{&r.ID, &r.Type, &r.From, &r.To}
	var seen seenMembers
	return p.object(2, func(key []byte) bool {
		bit := memberBit(relationMembers, key)
		switch {
		case bit < 0:
			return !p.confusable(key, relationMembers...) && p.value(3)
		case !p.first(&seen, bit):
			return false
		}
		return p.plainString(strs[bit])
	})
}

// docList reads null (a nil list, as encoding/json leaves it) or an array
// of objects into *list, each read by elem; an empty array is an empty,
// not nil, list, as encoding/json makes it.
func docList[T any](p *probe, list *[]T, elem func(*T) bool) bool {
	p.ws()
	if p.i < len(p.b) && p.b[p.i] == '[' {
		*list = make([]T, 0, 16)
	}
	return p.list(func() bool {
		*list = append(*list, *new(T))
		return elem(&(*list)[len(*list)-1])
	})
}

// plainString reads a string or null into *s; a string with a \u escape
// or invalid UTF-8 makes the probe unsure.
func (p *probe) plainString(s *string) bool {
	p.ws()
	if p.literal("null") {
		return true // encoding/json leaves the field as it is
	}
	raw, ok := p.str()
	if !ok {
		return false
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		if !utf8.Valid(raw) {
			p.unsure = true
			return false
		}
		*s = string(raw)
		return true
	}
	out, ok := unescape(raw)
	if !ok {
		p.unsure = true
		return false
	}
	*s = out
	return true
}

// unescape returns raw, the inside of a string whose escapes str has
// checked, with its escapes replaced, or ok false when it holds a \u
// escape or invalid UTF-8, which encoding/json decodes.
func unescape(raw []byte) (s string, ok bool) {
	if !utf8.Valid(raw) {
		return "", false
	}
	out := make([]byte, 0, len(raw))
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '\\')
		if i < 0 {
			out = append(out, raw...)
			break
		}
		out = append(out, raw[:i]...)
		c := raw[i+1]
		switch c {
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'u':
			return "", false
		} // '"', '\\' and '/' stand for themselves
		out = append(out, c)
		raw = raw[i+2:]
	}
	return string(out), true
}

// integer reads a number without fraction or exponent, as encoding/json
// reads it into an int; anything else, null too, makes the probe unsure.
func (p *probe) integer(n *int) bool {
	p.ws()
	start := p.i
	if !p.number() {
		return false
	}
	v, err := strconv.ParseInt(string(p.b[start:p.i]), 10, strconv.IntSize)
	if err != nil {
		p.unsure = true
		return false
	}
	*n = int(v)
	return true
}

// wireAttrs reads an "attributes" value at depth into w by its own
// UnmarshalJSON, after checking it; null leaves w as it is.
func (p *probe) wireAttrs(w *wireAttrs, depth int) bool {
	p.ws()
	start := p.i
	if !p.value(depth) {
		return false
	}
	raw := p.b[start:p.i]
	if string(raw) == "null" {
		return true
	}
	if raw[0] != '{' || w.UnmarshalJSON(raw) != nil {
		p.unsure = true
		return false
	}
	return true
}

// unmarshalDocLine is probeDocLine by encoding/json.
func unmarshalDocLine(line []byte) (*wireLine, error) {
	var wl wireLine
	err := json.Unmarshal(line, &wl)
	return &wl, err
}

// decodeDocLine decodes a JSONL line as json.Unmarshal into a wireLine
// does: by probeDocLine when it answers, else by encoding/json.
func decodeDocLine(line []byte) (*wireLine, error) {
	if wl, ok := probeDocLine(line); ok {
		return wl, nil
	}
	return unmarshalDocLine(line)
}
