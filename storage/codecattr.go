package storage

import (
	"encoding/binary"
	"maps"
	"slices"

	"spanmark/annotate"
)

// Attribute values follow the fixed fields of an annotation or document
// info record as an optional trailing section: a count, then per value
// its name and a tag, and for a string its text. A record without values
// writes nothing, so records from before attributes existed decode
// unchanged, and a project that uses none is not a byte bigger.

// The tags of an attribute value.
const (
	attrString byte = 0
	attrFalse  byte = 1
	attrTrue   byte = 2
)

// attrs appends m's values in name order, so that equal maps encode to
// equal bytes.
func (e *encoder) attrs(m annotate.Attributes) {
	if len(m) == 0 {
		return
	}
	e.buf = binary.AppendUvarint(e.buf, uint64(len(m)))
	for _, name := range slices.Sorted(maps.Keys(m)) {
		v := m[name]
		e.string(name)
		switch {
		case !v.IsBool():
			e.buf = append(e.buf, attrString)
			e.string(v.Str())
		case v.Bool():
			e.buf = append(e.buf, attrTrue)
		default:
			e.buf = append(e.buf, attrFalse)
		}
	}
}

// attrs reads the optional trailing section: nil when the record ends
// before it.
func (d *decoder) attrs() annotate.Attributes {
	if d.err != nil || len(d.buf) == 0 {
		return nil
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
		name := d.string()
		v := d.attrValue()
		if d.err != nil {
			return nil
		}
		m[name] = v
	}
	return m
}

// attrValue reads one tagged value.
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
