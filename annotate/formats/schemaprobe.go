package formats

import (
	"bytes"
	"encoding/json"
)

// Learning the schema of a JSONL file that names none means reading every
// line before the documents are read (inferSchema), and with
// encoding/json that first pass cost as much as the second: it checks the
// whole line, then decodes it. probeSchemaLine reads a line once, checking
// that it is well-formed JSON while it picks out the few fields
// inferSchema needs, and answers only where it answers as encoding/json
// would; for anything else decodeSchemaLine asks encoding/json.

// probeMaxDepth is the nesting the probe follows; deeper lines go to
// encoding/json, which has its own limit.
const probeMaxDepth = 1000

// probeSchemaLine returns what json.Unmarshal(line, &schemaLine{}) gives,
// or ok false when it is not sure: the line is not well-formed, its
// top-level value is not an object, a key that matters differs from the
// field's name in case or holds an escape, a list comes twice, or a value
// that matters has an unexpected type. Then encoding/json decides.
func probeSchemaLine(line []byte) (sl *schemaLine, ok bool) {
	p := probe{b: line}
	sl = &schemaLine{}
	p.ws()
	if !p.object(0, func(key []byte) bool { return p.topField(sl, key) }) {
		return nil, false
	}
	p.ws()
	if p.i != len(p.b) || p.unsure {
		return nil, false
	}
	return sl, true
}

// probe is a position in a line being checked.
type probe struct {
	b      []byte
	i      int
	unsure bool // seen something the probe leaves to encoding/json
	seen   [2]bool
}

// topField reads the value of a top-level key.
func (p *probe) topField(sl *schemaLine, key []byte) bool {
	switch {
	case string(key) == "annotations":
		return p.once(0) && p.list(func() bool { return p.annotation(sl) })
	case string(key) == "relations":
		return p.once(1) && p.list(func() bool { return p.relation(sl) })
	case string(key) == "attributes":
		return p.attributes(&sl.Attributes)
	case p.confusable(key, "annotations", "relations", "attributes"):
		return false
	}
	return p.value(1)
}

// once reports whether list k is seen for the first time.
func (p *probe) once(k int) bool {
	if p.seen[k] {
		p.unsure = true
		return false
	}
	p.seen[k] = true
	return true
}

// confusable reports whether encoding/json could match key to one of
// names (it ignores case, and keys may hold escapes), marking the probe
// unsure if so.
func (p *probe) confusable(key []byte, names ...string) bool {
	escaped := bytes.IndexByte(key, '\\') >= 0
	for _, n := range names {
		if escaped || bytes.EqualFold(key, []byte(n)) {
			p.unsure = true
			return true
		}
	}
	return false
}

func (p *probe) annotation(sl *schemaLine) bool {
	sl.Annotations = append(sl.Annotations, schemaAnnotation{})
	a := &sl.Annotations[len(sl.Annotations)-1]
	return p.object(2, func(key []byte) bool {
		switch string(key) {
		case "id":
			return p.stringField(&a.ID)
		case "label":
			return p.stringField(&a.Label)
		case "kind":
			return p.stringField((*string)(&a.Kind))
		case "attributes":
			return p.attributes(&a.Attributes)
		}
		return !p.confusable(key, "id", "label", "kind", "attributes") && p.value(3)
	})
}

func (p *probe) relation(sl *schemaLine) bool {
	sl.Relations = append(sl.Relations, schemaRelation{})
	r := &sl.Relations[len(sl.Relations)-1]
	return p.object(2, func(key []byte) bool {
		switch string(key) {
		case "type":
			return p.stringField(&r.Type)
		case "from":
			return p.stringField(&r.From)
		case "to":
			return p.stringField(&r.To)
		}
		return !p.confusable(key, "type", "from", "to") && p.value(3)
	})
}

// list reads null or an array of objects, each read by elem.
func (p *probe) list(elem func() bool) bool {
	p.ws()
	if p.literal("null") {
		return true
	}
	if !p.expect('[') {
		p.unsure = true // another type: encoding/json reports it
		return false
	}
	p.ws()
	if p.expect(']') {
		return true
	}
	for {
		p.ws()
		if p.i >= len(p.b) || p.b[p.i] != '{' {
			p.unsure = true // null or another type in the list
			return false
		}
		if !elem() {
			return false
		}
		p.ws()
		if p.expect(']') {
			return true
		}
		if !p.expect(',') {
			return false
		}
	}
}

// stringField reads a string or null into *s.
func (p *probe) stringField(s *string) bool {
	p.ws()
	if p.literal("null") {
		return true // encoding/json leaves the field as it is
	}
	start := p.i
	raw, ok := p.str()
	if !ok {
		return false
	}
	if bytes.IndexByte(raw, '\\') < 0 && isASCII(raw) {
		*s = string(raw)
		return true
	}
	// Escapes and non-ASCII (invalid UTF-8 becomes U+FFFD): as encoding/json.
	if json.Unmarshal(p.b[start:p.i], s) != nil {
		p.unsure = true
		return false
	}
	return true
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// object reads an object, giving each key to field, which reads its value.
func (p *probe) object(depth int, field func(key []byte) bool) bool {
	if depth > probeMaxDepth {
		p.unsure = true
		return false
	}
	if !p.expect('{') {
		return false
	}
	p.ws()
	if p.expect('}') {
		return true
	}
	for {
		p.ws()
		key, ok := p.str()
		if !ok {
			return false
		}
		p.ws()
		if !p.expect(':') || !field(key) {
			return false
		}
		p.ws()
		if p.expect('}') {
			return true
		}
		if !p.expect(',') {
			return false
		}
	}
}

// value checks and skips any value.
func (p *probe) value(depth int) bool {
	p.ws()
	if p.i >= len(p.b) {
		return false
	}
	switch c := p.b[p.i]; {
	case c == '{':
		return p.object(depth, func([]byte) bool { return p.value(depth + 1) })
	case c == '[':
		return p.array(depth)
	case c == '"':
		_, ok := p.str()
		return ok
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	}
	return p.number()
}

func (p *probe) array(depth int) bool {
	if depth > probeMaxDepth {
		p.unsure = true
		return false
	}
	p.i++ // '['
	p.ws()
	if p.expect(']') {
		return true
	}
	for {
		if !p.value(depth + 1) {
			return false
		}
		p.ws()
		if p.expect(']') {
			return true
		}
		if !p.expect(',') {
			return false
		}
	}
}

// str reads a string and returns what is between its quotes, escapes as
// they are. It checks the escapes and that no control character is in it.
func (p *probe) str() ([]byte, bool) {
	if !p.expect('"') {
		return nil, false
	}
	start := p.i
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return p.b[start : p.i-1], true
		case c == '\\':
			if !p.escape() {
				return nil, false
			}
		case c < 0x20:
			return nil, false
		default:
			p.i++
		}
	}
	return nil, false
}

// escape checks the escape at p.i and moves past it.
func (p *probe) escape() bool {
	if p.i+1 >= len(p.b) {
		return false
	}
	switch p.b[p.i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		p.i += 2
		return true
	case 'u':
		if p.i+6 > len(p.b) {
			return false
		}
		for _, h := range p.b[p.i+2 : p.i+6] {
			if !isHex(h) {
				return false
			}
		}
		p.i += 6
		return true
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number reads a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *probe) number() bool {
	p.expect('-')
	switch {
	case p.expect('0'):
	case p.i < len(p.b) && '1' <= p.b[p.i] && p.b[p.i] <= '9':
		p.digits()
	default:
		return false
	}
	if p.expect('.') && !p.digits() {
		return false
	}
	if p.expect('e') || p.expect('E') {
		if !p.expect('+') {
			p.expect('-')
		}
		if !p.digits() {
			return false
		}
	}
	return true
}

// digits reads one or more digits and reports whether there was one.
func (p *probe) digits() bool {
	start := p.i
	for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

func (p *probe) literal(s string) bool {
	if bytes.HasPrefix(p.b[p.i:], []byte(s)) {
		p.i += len(s)
		return true
	}
	return false
}

func (p *probe) expect(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// ws skips JSON whitespace.
func (p *probe) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}
