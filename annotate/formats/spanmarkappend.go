package formats

import (
	"math"
	"strconv"
	"unicode/utf8"

	"spanmark/annotate"
)

// A document line is written by appending its bytes directly, member by
// member in the order of the wire types' fields, rather than through
// encoding/json: reflection over a million annotations, and the scan
// encoding/json makes of every Marshaler's output to check it, cost more
// than the rest of an export. The bytes are those encoding/json writes
// for the wire types with HTML escaping off (TestAppendDocumentAsJSON
// holds the two together), so files do not change.

// appendLine appends wd as one JSONL line's object, without the newline:
// the members of wireLine{Annotator: annotator, wireDocument: *wd}, whose
// other header members are empty and left out.
func appendLine(b []byte, annotator string, wd *wireDocument) []byte {
	b = append(b, `{"annotator":`...)
	b = appendJSONString(b, annotator)
	b = append(b, ',')
	return appendDocumentMembers(b, wd)
}

// appendDocument appends wd as a JSON object.
func appendDocument(b []byte, wd *wireDocument) []byte {
	return appendDocumentMembers(append(b, '{'), wd)
}

// appendDocumentMembers appends wd's members and the closing brace.
func appendDocumentMembers(b []byte, wd *wireDocument) []byte {
	b = appendMember(b, `"id":`, wd.ID)
	b = appendMember(b, `,"title":`, wd.Title)
	b = appendMember(b, `,"text":`, wd.Text)
	b = appendMember(b, `,"sha256":`, wd.SHA256)
	b = appendMember(b, `,"status":`, string(wd.Status))
	b = appendMember(b, `,"source_path":`, wd.SourcePath)
	b = appendMember(b, `,"created_at":`, wd.CreatedAt)
	b = appendMember(b, `,"updated_at":`, wd.UpdatedAt)
	if !wd.Attributes.IsZero() {
		b = wd.Attributes.appendJSON(append(b, `,"attributes":`...))
	}
	b = append(b, `,"annotations":`...)
	if wd.Annotations == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range wd.Annotations {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendAnnotation(b, &wd.Annotations[i])
		}
		b = append(b, ']')
	}
	b = append(b, `,"relations":`...)
	if wd.Relations == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, r := range wd.Relations {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendMember(b, `{"id":`, r.ID)
			b = appendMember(b, `,"type":`, r.Type)
			b = appendMember(b, `,"from":`, r.From)
			b = appendMember(b, `,"to":`, r.To)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if wd.Suggestions != nil { // omitzero: an empty list is written, nil is not
		b = appendSuggestions(append(b, `,"suggestions":`...), wd.Suggestions)
	}
	return append(b, '}')
}

// appendSuggestions appends ws as a JSON array.
func appendSuggestions(b []byte, ws []wireSuggestion) []byte {
	b = append(b, '[')
	for i, w := range ws {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(append(b, `{"start":`...), int64(w.Start), 10)
		b = strconv.AppendInt(append(b, `,"end":`...), int64(w.End), 10)
		b = appendMember(b, `,"text":`, w.Text)
		b = appendMember(b, `,"label":`, w.Label)
		b = appendMember(b, `,"source":`, w.Source)
		b = appendJSONFloat(append(b, `,"score":`...), w.Score)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendJSONFloat appends f as encoding/json writes a float64: the
// shortest form, in exponent form only below 1e-6 or from 1e21, with a
// one-digit negative exponent not padded ("1e-7", not "1e-07").
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendAnnotation appends wa as a JSON object.
func appendAnnotation(b []byte, wa *wireAnnotation) []byte {
	b = appendMember(b, `{"id":`, wa.ID)
	b = strconv.AppendInt(append(b, `,"start":`...), int64(wa.Start), 10)
	b = strconv.AppendInt(append(b, `,"end":`...), int64(wa.End), 10)
	b = appendMember(b, `,"text":`, wa.Text)
	b = appendMember(b, `,"label":`, wa.Label)
	b = appendMember(b, `,"kind":`, string(wa.Kind))
	b = appendMember(b, `,"note":`, wa.Note)
	b = appendMember(b, `,"annotator":`, wa.Annotator)
	b = appendMember(b, `,"created_at":`, wa.CreatedAt)
	b = appendMember(b, `,"updated_at":`, wa.UpdatedAt)
	if !wa.Attributes.IsZero() {
		b = wa.Attributes.appendJSON(append(b, `,"attributes":`...))
	}
	return append(b, '}')
}

// appendMember appends key, which holds the punctuation before the
// value, and s as a JSON string.
func appendMember(b []byte, key, s string) []byte {
	return appendJSONString(append(b, key...), s)
}

// appendJSON appends the values as a JSON object in name order, as
// encoding/json writes a map: the order Attributes keeps, so the values
// are written as they come, without sorting or looking up, for each of a
// million annotations.
func (w wireAttrs) appendJSON(b []byte) []byte {
	b = append(b, '{')
	for i, a := range w.vals {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendAttrValue(append(appendJSONString(b, a.Name), ':'), a.Value)
	}
	return append(b, '}')
}

// appendAttrValue appends v as a JSON bool or string.
func appendAttrValue(b []byte, v annotate.AttrValue) []byte {
	if v.IsBool() {
		return strconv.AppendBool(b, v.Bool())
	}
	return appendJSONString(b, v.Str())
}

// appendJSONString appends s as a JSON string the way encoding/json
// writes it with HTML escaping off: quotes, backslashes and control
// characters escaped (\b, \f, \n, \r and \t short), U+2028 and U+2029
// too (JavaScript reads them as line ends), invalid UTF-8 as U+FFFD.
// Runs of bytes that need no escape are copied whole: a document's text
// is most of an export's bytes.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), `\u202`...)
			b = append(b, hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}
