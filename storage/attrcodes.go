package storage

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// Since format 3 a record names an attribute, and an enum value, by a
// small number from the project's dictionary of attribute codes, kept in
// meta under "attrcodes", rather than by its text: a claim's verdict and
// check-worthiness take 3 bytes instead of 33, a million times over.
//
// The dictionary only grows: a code, once given, keeps its meaning for
// every record that holds it. Every attribute name and enum value of the
// schema has a code (ensure), so a record written under the schema holds
// codes only, and text values and anything else literally. A rename of an
// attribute or value that is the only holder of its code edits the
// dictionary instead of every record (renameCodes). A delete removes the
// values from the records (SetSchema's walk) and leaves the code, so that
// an attribute or value of that name added later gets the code back but
// none of the old values: no record holds them any more.

// keyAttrCodes is the key of the dictionary in bucketMeta.
var keyAttrCodes = []byte("attrcodes")

// attrCodes is the dictionary. Name code n (from 1) is names[n-1]; value
// code v (from 0) is values[v], a value of the attribute named by its own
// name code. A record's name field uses 0 for a name written out.
type attrCodes struct {
	names    []string
	values   []codedValue
	nameCode map[string]uint64
	valCode  map[codedValue]uint64
	shared   sharedSections // see codecshared.go
}

// codedValue is one enum value in the dictionary: the code of its
// attribute's name and its own name.
type codedValue struct {
	Attr uint64 `json:"attr"`
	Name string `json:"name"`
}

// attrCodesJSON is how the dictionary is stored.
type attrCodesJSON struct {
	Names  []string     `json:"names"`
	Values []codedValue `json:"values"`
}

// newAttrCodes returns the dictionary of names and values, indexed.
func newAttrCodes(names []string, values []codedValue) *attrCodes {
	c := &attrCodes{names: names, values: values,
		nameCode: make(map[string]uint64, len(names)), valCode: make(map[codedValue]uint64, len(values))}
	for i, n := range names {
		c.nameCode[n] = uint64(i + 1)
	}
	for i, v := range values {
		c.valCode[v] = uint64(i)
	}
	return c
}

// noCodes is the empty dictionary.
var noCodes = newAttrCodes(nil, nil)

// decodeAttrCodes reads a stored dictionary; none (nil) is the empty one
// of a project without attributes or of formats 1 and 2. A value of a
// name code the dictionary lacks is damage.
func decodeAttrCodes(b []byte) (*attrCodes, error) {
	var j attrCodesJSON
	if b != nil {
		if err := json.Unmarshal(b, &j); err != nil {
			return nil, fmt.Errorf("attribute codes: %w", err)
		}
	}
	for _, v := range j.Values {
		if v.Attr == 0 || v.Attr > uint64(len(j.Names)) {
			return nil, fmt.Errorf("attribute codes: value %q of name code %d: %w", v.Name, v.Attr, errCorrupt)
		}
	}
	return newAttrCodes(j.Names, j.Values), nil
}

func (c *attrCodes) encode() ([]byte, error) {
	return json.Marshal(attrCodesJSON{Names: c.names, Values: c.values})
}

// ensure returns c with a code for every attribute name and enum value of
// s, and whether it had to add any. c itself is not changed: it may be
// shared by the cache.
func (c *attrCodes) ensure(s annotate.Schema) (*attrCodes, bool) {
	n, grew := c.clone(), false
	for _, a := range s.Attributes {
		code, ok := n.nameCode[a.Name]
		if !ok {
			n.names = append(n.names, a.Name)
			code, grew = uint64(len(n.names)), true
			n.nameCode[a.Name] = code
		}
		for _, v := range a.Values {
			cv := codedValue{code, v.Name}
			if _, ok := n.valCode[cv]; !ok {
				n.valCode[cv], grew = uint64(len(n.values)), true
				n.values = append(n.values, cv)
			}
		}
	}
	if !grew {
		return c, false
	}
	return n, true
}

// clone returns a copy of c that shares nothing with it.
func (c *attrCodes) clone() *attrCodes {
	return &attrCodes{names: slices.Clone(c.names), values: slices.Clone(c.values),
		nameCode: maps.Clone(c.nameCode), valCode: maps.Clone(c.valCode)}
}

// putCodes stores c in tx.
func putCodes(tx *bolt.Tx, c *attrCodes) error {
	raw, err := c.encode()
	if err != nil {
		return fmt.Errorf("attribute codes: %w", err)
	}
	return tx.Bucket(bucketMeta).Put(keyAttrCodes, raw)
}

// ensureCodes gives every attribute name and enum value of s a code in
// tx's dictionary, writing it when it grows, and returns it.
func ensureCodes(tx *bolt.Tx, s annotate.Schema) (*attrCodes, error) {
	c, err := codesIn(tx)
	if err != nil {
		return nil, err
	}
	c, grew := c.ensure(s)
	if grew {
		err = putCodes(tx, c)
	}
	return c, err
}

// codesCache keeps the dictionaries last read, by their bytes, so that a
// transaction that reads one document does not parse the dictionary
// again. It is shared by every open project, hence by content; it is
// emptied when it holds more than a few, which only schema edits make.
var codesCache struct {
	mu sync.Mutex
	m  map[string]*attrCodes
}

// codesIn returns the dictionary of the project in tx. The result is
// shared and must not be changed.
func codesIn(tx *bolt.Tx) (*attrCodes, error) {
	raw := tx.Bucket(bucketMeta).Get(keyAttrCodes)
	codesCache.mu.Lock()
	defer codesCache.mu.Unlock()
	if c, ok := codesCache.m[string(raw)]; ok {
		return c, nil
	}
	c, err := decodeAttrCodes(raw)
	if err != nil {
		return nil, err
	}
	if codesCache.m == nil || len(codesCache.m) >= 8 {
		codesCache.m = make(map[string]*attrCodes)
	}
	codesCache.m[string(raw)] = c
	return c, nil
}
