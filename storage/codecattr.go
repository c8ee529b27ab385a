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
// The section of format 3 is a 0 byte, the count of values, then per
// value its name's code (attrcodes.go), or 0 and the name, and a tag:
// false, true, an enum value's code plus attrCoded, or attrString and the
// text. Formats 1 and 2 wrote the count (never 0) first, then per value
// the name and a tag of their own (attrOld*); such records are still
// read, for read-only opens of older files and the upgrade.

// The tags of an attribute value.
const (
	attrString byte = 0
	attrFalse  byte = 1
	attrTrue   byte = 2
	// attrCoded is the tag of the enum value of code 0; code n is
	// attrCoded+n, a uvarint.
	attrCoded = 3
)

// maxAttrs bounds the values of a record, so that a stack array can hold
// the names being sorted: a schema binds a handful of attributes to a
// label. More is written and read as well, only slower.
const maxAttrs = 8

// attrs appends m's values in name order, so that equal maps encode to
// equal bytes, with the codes of e.codes.
func (e *encoder) attrs(m annotate.Attributes) {
	if len(m) == 0 {
		return
	}
	e.buf = append(e.buf, 0)
	e.buf = binary.AppendUvarint(e.buf, uint64(len(m)))
	for _, name := range sortedNames(m) {
		v := m[name]
		code := e.codes.nameCode[name]
		e.buf = binary.AppendUvarint(e.buf, code)
		if code == 0 {
			e.string(name)
		}
		e.value(code, v)
	}
}

// value appends v, a value of the attribute of name code code.
func (e *encoder) value(code uint64, v annotate.AttrValue) {
	switch {
	case v.IsBool() && v.Bool():
		e.buf = append(e.buf, attrTrue)
	case v.IsBool():
		e.buf = append(e.buf, attrFalse)
	default:
		if vc, ok := e.codes.valCode[codedValue{code, v.Str()}]; ok && code != 0 {
			e.buf = binary.AppendUvarint(e.buf, attrCoded+vc)
			return
		}
		e.buf = append(e.buf, attrString)
		e.string(v.Str())
	}
}

// sortedNames returns m's names in order, in a slice on the caller's
// stack when they are few.
func sortedNames(m annotate.Attributes) []string {
	var arr [maxAttrs]string
	names := arr[:0]
	for name := range m {
		names = append(names, name)
	}
	for i := 1; i < len(names); i++ { // insertion sort: few names
		for j := i; j > 0 && names[j] < names[j-1]; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	return names
}

// attrs reads the optional trailing section: nil when the record ends
// before it.
func (d *decoder) attrs() annotate.Attributes {
	if d.err != nil || len(d.buf) == 0 {
		return nil
	}
	old := d.buf[0] != 0
	if !old {
		d.buf = d.buf[1:]
	}
	n := d.uint()
	// Each value takes at least two bytes; a larger count is damage, and
	// must not size an allocation.
	if d.err != nil || n == 0 || n > uint64(len(d.buf))/2 {
		d.err = errCorrupt
		return nil
	}
	m := make(annotate.Attributes, n)
	for range n {
		var name string
		var v annotate.AttrValue
		if old {
			name, v = d.internedName(), d.attrValue()
		} else {
			name, v = d.codedAttr()
		}
		if d.err != nil {
			return nil
		}
		m[name] = v
	}
	if len(m) != int(n) {
		d.err = errCorrupt // a name twice
		return nil
	}
	return m
}

// codedAttr reads one value of the format 3 section.
func (d *decoder) codedAttr() (string, annotate.AttrValue) {
	code := d.uint()
	var name string
	switch {
	case d.err != nil:
		return "", annotate.AttrValue{}
	case code == 0:
		name = d.internedName()
	case code <= uint64(len(d.codes.names)):
		name = d.codes.names[code-1]
	default:
		d.err = errCorrupt
		return "", annotate.AttrValue{}
	}
	tag := d.uint()
	switch {
	case d.err != nil:
	case tag == uint64(attrTrue) || tag == uint64(attrFalse):
		return name, annotate.BoolValue(tag == uint64(attrTrue))
	case tag == uint64(attrString):
		if s := d.string(); s != "" {
			return name, annotate.StringValue(s)
		}
	case tag-attrCoded < uint64(len(d.codes.values)) && d.codes.values[tag-attrCoded].Attr == code:
		return name, annotate.StringValue(d.codes.values[tag-attrCoded].Name)
	}
	d.err = errCorrupt
	return "", annotate.AttrValue{}
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
