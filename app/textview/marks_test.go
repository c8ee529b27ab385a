package textview

import (
	"image/color"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"spanmark/annotate"
)

// TestMarkColourIsNoLabelColour checks that a find match cannot be taken
// for an annotation: its outline is far from every default label colour,
// in the light and the dark theme.
func TestMarkColourIsNoLabelColour(t *testing.T) {
	const minDistance = 250 // sum of the channel differences, of 765
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		mark := color.NRGBAModel.Convert(markColor(variant)).(color.NRGBA)
		for _, l := range annotate.DefaultSchema().Labels {
			v, err := strconv.ParseUint(l.Color[1:], 16, 32)
			if err != nil {
				t.Fatalf("label %s colour %q: %v", l.Name, l.Color, err)
			}
			lc := color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
			if d := distance(mark, lc); d < minDistance {
				t.Errorf("variant %d: mark %v is %d from %s %s, want at least %d", variant, mark, d, l.Name, l.Color, minDistance)
			}
		}
	}
}

func distance(a, b color.NRGBA) int {
	abs := func(x int) int { return max(x, -x) }
	return abs(int(a.R)-int(b.R)) + abs(int(a.G)-int(b.G)) + abs(int(a.B)-int(b.B))
}
