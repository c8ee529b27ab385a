package app

import (
	"image/color"
	"slices"
	"strconv"

	"spanmark/annotate"
	"spanmark/app/textview"
)

// spansFor turns annotations into what the article view draws. Entities
// are filled, claims underlined and sources outlined, so that a claim
// containing entities, or a source that is also a PERSON, shows both.
// A span is Unset while an attribute the schema marks required has no
// value.
func spansFor(anns []annotate.Annotation, s annotate.Schema) []textview.Span {
	type look struct {
		color    color.Color
		style    textview.SpanStyle
		required []string // the label's required attributes
	}
	looks := make(map[string]look, len(s.Labels))
	for _, l := range s.Labels {
		looks[l.Name] = look{parseColor(l.Color), styleFor(l.Kind), requiredAttrs(s, l.Name)}
	}
	spans := make([]textview.Span, len(anns))
	for i, a := range anns {
		lk := looks[a.Label]
		spans[i] = textview.Span{ID: a.ID, Start: a.Start, End: a.End, Color: lk.color, Style: lk.style, Label: a.Label,
			Unset: lacksAny(a.Attributes, lk.required)}
	}
	// The session orders by start, then end; the view's index by start,
	// then end descending. Reordering the runs that share a start hands
	// the view spans it need not sort, after every edit.
	for i := 0; i < len(spans); {
		j := i + 1
		for j < len(spans) && spans[j].Start == spans[i].Start {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(spans[i:j], textview.CompareSpans)
		}
		i = j
	}
	return spans
}

func styleFor(k annotate.Kind) textview.SpanStyle {
	switch k {
	case annotate.KindClaim:
		return textview.Underline
	case annotate.KindSource:
		return textview.Outline
	}
	return textview.Fill
}

// parseColor reads "#rrggbb"; anything else is mid grey, so a label with
// a broken colour still shows.
func parseColor(s string) color.NRGBA {
	grey := color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
	if len(s) != 7 || s[0] != '#' {
		return grey
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return grey
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// hexColor writes c as "#rrggbb".
func hexColor(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint8{n.R, n.G, n.B} {
		b[1+2*i] = digits[v>>4]
		b[2+2*i] = digits[v&0xf]
	}
	return string(b)
}

// requiredAttrs returns the names of the attributes of label that the
// schema marks required.
func requiredAttrs(s annotate.Schema, label string) []string {
	var names []string
	for _, d := range s.AttributesFor(label) {
		if d.Required {
			names = append(names, d.Name)
		}
	}
	return names
}

// lacksAny reports whether m has no value for one of names.
func lacksAny(m annotate.Attributes, names []string) bool {
	for _, n := range names {
		if _, ok := m.Lookup(n); !ok {
			return true
		}
	}
	return false
}
