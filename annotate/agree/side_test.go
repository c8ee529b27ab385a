package agree

import (
	"slices"
	"testing"
)

// TestPairer: the k-th copy of a text on the streamed side pairs with its
// k-th copy on the indexed side; the rest are counted unpaired.
func TestPairer(t *testing.T) {
	tests := []struct {
		name                      string
		indexed, streamed         []string
		want                      []int
		onlyIndexed, onlyStreamed int
	}{
		{"same order", []string{"x", "y"}, []string{"x", "y"}, []int{0, 1}, 0, 0},
		{"other order", []string{"x", "y", "z"}, []string{"z", "x"}, []int{2, 0}, 1, 0},
		{"copies", []string{"x", "y", "x"}, []string{"x", "x", "x", "y"}, []int{0, 2, -1, 1}, 0, 1},
		{"nothing indexed", nil, []string{"x"}, []int{-1}, 0, 1},
		{"nothing streamed", []string{"x"}, nil, nil, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := NewPairer(tc.indexed)
			var got []int
			for _, sha := range tc.streamed {
				got = append(got, p.Pair(sha))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("partners = %v, want %v", got, tc.want)
			}
			if i, s := p.Unpaired(); i != tc.onlyIndexed || s != tc.onlyStreamed {
				t.Errorf("Unpaired() = %d, %d; want %d, %d", i, s, tc.onlyIndexed, tc.onlyStreamed)
			}
		})
	}
}
