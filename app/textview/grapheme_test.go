package textview

import (
	"slices"
	"testing"
)

func TestIsBoundary(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []int // the boundaries strictly inside the text
	}{
		{"ascii", "abc", []int{1, 2}},
		{"combining mark", "Zoe\u0308s", []int{1, 2, 4}},
		{"ZWJ sequence", "a👩\u200d🔬b", []int{1, 4}},
		{"skin tone", "👍🏽!", []int{2}},
		{"flags", "🇺🇦🇫🇷x", []int{2, 4}},
		{"variation selector", "❤\ufe0fx", []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runes := []rune(tt.text)
			var got []int
			for k := 1; k < len(runes); k++ {
				if isBoundary(runes, k) {
					got = append(got, k)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("boundaries of %q = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
