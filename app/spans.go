package app

import (
	"image/color"
	"strconv"

	"spanmark/annotate"
	"spanmark/app/textview"
)

// spansFor turns annotations into what the article view draws. Entities
// are filled, claims underlined and sources outlined, so that a claim
// containing entities, or a source that is also a PERSON, shows both.
func spansFor(anns []annotate.Annotation, s annotate.Schema) []textview.Span {
	colors := make(map[string]color.Color, len(s.Labels))
	for _, l := range s.Labels {
		colors[l.Name] = parseColor(l.Color)
	}
	spans := make([]textview.Span, len(anns))
	for i, a := range anns {
		spans[i] = textview.Span{
			ID:    a.ID,
			Start: a.Start,
			End:   a.End,
			Color: colors[a.Label],
			Style: styleFor(s.KindOf(a.Label)),
		}
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
