package textview

import "unicode/utf8"

// tabStops is how many space widths one tab stop is wide.
const tabStops = 4

// measurer measures strings in one font at one size. It caches the width
// of every distinct string it is asked about: a long article has a hundred
// thousand words but only a few thousand distinct ones, and measuring with
// Fyne costs over a microsecond a call.
type measurer struct {
	measure func(s string) float32
	widths  map[string]float32
	space   float32
	buf     []byte // scratch for widthOfRunes
}

func newMeasurer(measure func(s string) float32) *measurer {
	return &measurer{measure: measure, widths: make(map[string]float32), space: measure(" ")}
}

// width returns the advance of s.
func (m *measurer) width(s string) float32 {
	if w, ok := m.widths[s]; ok {
		return w
	}
	w := m.measure(s)
	m.widths[s] = w
	return w
}

// widthOfRunes returns the advance of rs, converting it to a string only
// when it is not in the cache yet.
func (m *measurer) widthOfRunes(rs []rune) float32 {
	m.buf = m.buf[:0]
	for _, r := range rs {
		m.buf = utf8.AppendRune(m.buf, r)
	}
	if w, ok := m.widths[string(m.buf)]; ok { // no allocation: the compiler sees the lookup
		return w
	}
	return m.width(string(m.buf))
}

// tabEnd returns where a tab that starts at x ends: the next tab stop.
func (m *measurer) tabEnd(x float32) float32 {
	stop := m.space * tabStops
	if stop <= 0 {
		return x
	}
	return (float32(int(x/stop)) + 1) * stop
}
