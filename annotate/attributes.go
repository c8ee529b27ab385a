package annotate

import (
	"cmp"
	"iter"
	"maps"
	"slices"
)

// Attr is one attribute value with the name of its attribute.
type Attr struct {
	Name  string
	Value AttrValue
}

// Attributes holds attribute values, sorted by name, each name once; nil
// or empty holds none. A sorted slice rather than a map: an annotation
// holds one or two values, and a million annotations each with a map
// cost a project's export and load several hundred bytes and two
// allocations apiece, all of it scanned by the garbage collector.
//
// Values are never changed in place: the undo history and a store's
// shared sets (storage) hold them. With and Without return new slices.
type Attributes []Attr

// AttributesOf returns the values of m, sorted; nil when m is empty. It
// keeps zero values, for tests of their refusal.
func AttributesOf(m map[string]AttrValue) Attributes {
	var out Attributes
	for _, name := range slices.Sorted(maps.Keys(m)) {
		out = append(out, Attr{name, m[name]})
	}
	return out
}

// find returns where name is or would be in m, and whether it is there.
// A walk rather than a binary search: m holds a handful of values.
func (m Attributes) find(name string) (int, bool) {
	for i, a := range m {
		if a.Name >= name {
			return i, a.Name == name
		}
	}
	return len(m), false
}

// Lookup returns the value of the attribute called name and whether m
// has one.
func (m Attributes) Lookup(name string) (AttrValue, bool) {
	if i, ok := m.find(name); ok {
		return m[i].Value, true
	}
	return AttrValue{}, false
}

// Get returns the value of the attribute called name, zero when m has
// none.
func (m Attributes) Get(name string) AttrValue {
	v, _ := m.Lookup(name)
	return v
}

// With returns a copy of m with name set to v, or without name when v is
// zero (nil when nothing is left). m itself is not changed.
func (m Attributes) With(name string, v AttrValue) Attributes {
	if v.IsZero() {
		return m.Without(name)
	}
	i, ok := m.find(name)
	if ok {
		out := slices.Clone(m)
		out[i].Value = v
		return out
	}
	out := make(Attributes, 0, len(m)+1)
	out = append(out, m[:i]...)
	out = append(out, Attr{name, v})
	return append(out, m[i:]...)
}

// Without returns a copy of m without name, nil when nothing is left;
// m itself when it has no value called name.
func (m Attributes) Without(name string) Attributes {
	i, ok := m.find(name)
	if !ok {
		return m
	}
	if len(m) == 1 {
		return nil
	}
	return slices.Concat(m[:i], m[i+1:])
}

// Clone returns a copy of m, nil when m is empty, so that an annotation
// without values always holds nil.
func (m Attributes) Clone() Attributes {
	if len(m) == 0 {
		return nil
	}
	return slices.Clone(m)
}

// Equal reports whether m and o hold the same values; nil and empty are
// equal.
func (m Attributes) Equal(o Attributes) bool { return slices.Equal(m, o) }

// All yields the names and values of m in name order.
func (m Attributes) All() iter.Seq2[string, AttrValue] {
	return func(yield func(string, AttrValue) bool) {
		for _, a := range m {
			if !yield(a.Name, a.Value) {
				return
			}
		}
	}
}

// Names returns the names of m's values, in order.
func (m Attributes) Names() []string {
	names := make([]string, len(m))
	for i, a := range m {
		names[i] = a.Name
	}
	return names
}

// Ordered reports whether m's names are sorted, each once: whether m
// keeps the promise of the type. Decoders that build a slice from a
// file's values check it.
func (m Attributes) Ordered() bool {
	for i := 1; i < len(m); i++ {
		if m[i-1].Name >= m[i].Name {
			return false
		}
	}
	return true
}

// SortAttributes sorts attrs by name, in place, and returns them as
// Attributes, nil when empty; and, when a name appears twice, that name
// and false.
func SortAttributes(attrs []Attr) (Attributes, string, bool) {
	slices.SortFunc(attrs, func(a, b Attr) int { return cmp.Compare(a.Name, b.Name) })
	for i := 1; i < len(attrs); i++ {
		if attrs[i-1].Name == attrs[i].Name {
			return nil, attrs[i].Name, false
		}
	}
	if len(attrs) == 0 {
		return nil, "", true
	}
	return attrs, "", true
}
