package storage

import (
	"encoding/binary"

	"spanmark/annotate"
)

// Attribute values follow the fixed fields of an annotation or document
// info record as an optional trailing section. A record without values
// writes nothing, so records from before attributes existed decode
// unchanged, and a project that uses none is not a byte bigger.
//
// The section of format 3 is a 0 byte, then the values to the end of the
// record, in name order. Each starts with a uvarint whose two low bits
// say what follows and whose other bits are a code (attrcodes.go): an
// enum value's code, which names its attribute too; or an attribute
// name's code, or 0 and the name written out, then for a bool nothing
// more, for a string its text. So a coded enum or bool value takes one
// byte while the project has fewer than 32 of each.
//
// Formats 1 and 2 wrote a count (never 0) first, then per value the name
// and a tag (attrString, attrFalse, attrTrue, and for a string its text);
// such records are still read, for read-only opens of older files and
// the upgrade.

// The tags of an attribute value: in a format 3 item's low bits, and
// whole in formats 1 and 2.
const (
	attrString = 0
	attrFalse  = 1
	attrTrue   = 2
	attrEnum   = 3 // format 3 only: the code is an enum value's
	tagBits    = 2
)

// attrs appends m's values in name order, the order Attributes keeps,
// so that equal values encode to equal bytes, with the codes of e.codes.
func (e *encoder) attrs(m annotate.Attributes) {
	if len(m) == 0 {
		return
	}
	e.buf = append(e.buf, 0)
	for _, a := range m {
		e.value(a.Name, a.Value)
	}
}

// value appends one item: v, the value of the attribute name.
func (e *encoder) value(name string, v annotate.AttrValue) {
	code := e.codes.nameCode[name]
	tag := uint64(attrString)
	switch {
	case v.IsBool() && v.Bool():
		tag = attrTrue
	case v.IsBool():
		tag = attrFalse
	case code != 0:
		if vc, ok := e.codes.valCode[codedValue{code, v.Str()}]; ok {
			e.buf = binary.AppendUvarint(e.buf, vc<<tagBits|attrEnum)
			return
		}
	}
	e.buf = binary.AppendUvarint(e.buf, code<<tagBits|tag)
	if code == 0 {
		e.string(name)
	}
	if tag == attrString {
		e.string(v.Str())
	}
}

// attrs reads the optional trailing section: nil when the record ends
// before it.
func (d *decoder) attrs() annotate.Attributes {
	if d.err != nil || len(d.buf) == 0 {
		return nil
	}
	if d.buf[0] != 0 {
		return d.oldAttrs()
	}
	d.buf = d.buf[1:]
	if len(d.buf) == 0 {
		d.err = errCorrupt // a section without values
		return nil
	}
	if m, ok := d.codes.sharedAttrs(d.buf, d.items); ok {
		d.buf = nil
		return m
	}
	return d.items()
}

// items reads the values of a format 3 section to the end of the record,
// into a slice of exactly their number: one allocation per record, which
// a load of a million annotations makes a million times.
func (d *decoder) items() annotate.Attributes {
	m := make(annotate.Attributes, countItems(d.buf))
	for i := range m {
		m[i].Name, m[i].Value = d.item()
		if d.err != nil {
			return nil
		}
	}
	if len(d.buf) > 0 || !m.Ordered() {
		d.err = errCorrupt // a value cut short, out of order, or a name twice
		return nil
	}
	return m
}

// countItems returns how many items section holds, by skipping over
// them as item reads them. On damage it stops, having counted at most one
// item per byte; items then finds the damage.
func countItems(section []byte) int {
	n := 0
	for len(section) > 0 {
		h, k := binary.Uvarint(section)
		if k <= 0 {
			return n + 1
		}
		section = section[k:]
		n++
		code, tag := h>>tagBits, h&(1<<tagBits-1)
		if code == 0 && tag != attrEnum {
			section = skipString(section) // the name written out
		}
		if tag == attrString {
			section = skipString(section)
		}
	}
	return n
}

// skipString returns b after the string at its start: a uvarint length
// and that many bytes; nil when b is too short.
func skipString(b []byte) []byte {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil
	}
	return b[k+int(n):]
}

// item reads one value of a format 3 section.
func (d *decoder) item() (string, annotate.AttrValue) {
	h := d.uint()
	code, tag := h>>tagBits, h&(1<<tagBits-1)
	switch {
	case d.err != nil:
		return "", annotate.AttrValue{}
	case tag == attrEnum:
		if code < uint64(len(d.codes.values)) {
			v := d.codes.values[code]
			return d.codes.names[v.Attr-1], annotate.StringValue(v.Name)
		}
		d.err = errCorrupt
		return "", annotate.AttrValue{}
	}
	var name string
	switch {
	case code == 0:
		name = d.internedName()
	case code <= uint64(len(d.codes.names)):
		name = d.codes.names[code-1]
	default:
		d.err = errCorrupt
	}
	if tag != attrString {
		return name, annotate.BoolValue(tag == attrTrue)
	}
	if s := d.string(); s != "" || d.err != nil {
		return name, annotate.StringValue(s)
	}
	d.err = errCorrupt // an empty string is no value
	return "", annotate.AttrValue{}
}

// oldAttrs reads the section of formats 1 and 2.
func (d *decoder) oldAttrs() annotate.Attributes {
	n := d.uint()
	// Each value takes at least three bytes; a larger count is damage,
	// and must not size an allocation.
	if d.err != nil || n > uint64(len(d.buf))/3 {
		d.err = errCorrupt
		return nil
	}
	m := make(annotate.Attributes, n)
	for i := range m {
		m[i].Name, m[i].Value = d.internedName(), d.attrValue()
		if d.err != nil {
			return nil
		}
	}
	m, _, ok := annotate.SortAttributes(m)
	if !ok {
		d.err = errCorrupt // a name twice
	}
	return m
}

// internedName reads a name written out, and returns the dictionary's
// string for it when there is one, so that a million records holding it
// do not hold a million copies. (A map index by string(b) does not
// allocate.)
func (d *decoder) internedName() string {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.buf)) || n == 0 {
		d.err = errCorrupt
		return ""
	}
	b := d.buf[:n]
	d.buf = d.buf[n:]
	if code, ok := d.codes.nameCode[string(b)]; ok {
		return d.codes.names[code-1]
	}
	return string(b)
}

// attrValue reads one tagged value of a format 1 or 2 record.
func (d *decoder) attrValue() annotate.AttrValue {
	if d.err != nil || len(d.buf) == 0 {
		d.err = errCorrupt
		return annotate.AttrValue{}
	}
	tag := d.buf[0]
	d.buf = d.buf[1:]
	switch tag {
	case attrTrue, attrFalse:
		return annotate.BoolValue(tag == attrTrue)
	case attrString:
		if s := d.string(); s != "" {
			return annotate.StringValue(s)
		}
	}
	d.err = errCorrupt
	return annotate.AttrValue{}
}
