package storage

import (
	"encoding/binary"
	"sync"

	"spanmark/annotate"
)

// Most attribute values are enum values and bools, which a record holds
// as codes of the dictionary (codecattr.go), and a project holds few
// distinct sets of them: a claim's verdict and check-worthiness, a
// source's type. Decoding each such section into values of its own cost
// an export of a million annotations more than writing them, so a
// dictionary hands out one slice per distinct section of codes. An
// annotation's Attributes are never changed in place (see
// annotate.Annotation), which makes the sharing safe.

// maxSharedSections bounds how many sections a dictionary keeps maps of;
// beyond it, sections are decoded as before.
const maxSharedSections = 4096

// sharedSections holds the decoded values of sections of codes only, by
// the section's bytes. Stores read concurrently, hence the lock.
type sharedSections struct {
	mu sync.RWMutex
	m  map[string]annotate.Attributes
}

// sharedAttrs returns the values of section, a format 3 section after
// its 0 byte, and true, when it holds codes only; then it decodes it
// with decode once and hands out those values again for equal sections.
func (c *attrCodes) sharedAttrs(section []byte, decode func() annotate.Attributes) (annotate.Attributes, bool) {
	if !c.codesOnly(section) {
		return nil, false
	}
	c.shared.mu.RLock()
	m, ok := c.shared.m[string(section)]
	c.shared.mu.RUnlock()
	if ok {
		return m, true
	}
	m = decode()
	if m == nil {
		return nil, true // damage, which decode has reported
	}
	c.shared.mu.Lock()
	defer c.shared.mu.Unlock()
	if c.shared.m == nil {
		c.shared.m = make(map[string]annotate.Attributes)
	}
	if len(c.shared.m) < maxSharedSections {
		c.shared.m[string(section)] = m
	}
	return m, true
}

// codesOnly reports whether section is made of items that are an enum
// value's code or a bool with its name's code, all valid.
func (c *attrCodes) codesOnly(section []byte) bool {
	if len(section) == 0 {
		return false
	}
	for len(section) > 0 {
		h, n := binary.Uvarint(section)
		if n <= 0 {
			return false
		}
		section = section[n:]
		code, tag := h>>tagBits, h&(1<<tagBits-1)
		switch {
		case tag == attrEnum && code < uint64(len(c.values)):
		case (tag == attrTrue || tag == attrFalse) && code != 0 && code <= uint64(len(c.names)):
		default:
			return false
		}
	}
	return true
}
