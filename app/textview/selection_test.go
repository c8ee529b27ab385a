package textview

import (
	"testing"

	"spanmark/annotate"
)

// selText is tokenized as: Kim [0,3) “ [4,5) has [5,8) — [9,10) Ukraine’s [11,20) 🚀 [21,22) go [22,24)
const selText = "Kim “has — Ukraine’s 🚀go"

func TestDragSelection(t *testing.T) {
	tokens := annotate.Tokenize(selText)
	tests := []struct {
		name                  string
		from, to              int
		exact                 bool
		wantAnchor, wantCaret int
	}{
		{"inside one word", 1, 2, false, 0, 3},
		{"right across words", 1, 6, false, 0, 8},
		{"left across words", 6, 1, false, 8, 0},
		{"word after a curly quote", 5, 7, false, 5, 8},
		{"from the space before a quote", 3, 7, false, 4, 8},
		{"word after an em dash", 12, 13, false, 11, 20},
		{"word after an emoji", 22, 23, false, 22, 24},
		{"exact", 1, 6, true, 1, 6},
		{"exact backwards", 6, 1, true, 6, 1},
		{"no movement", 2, 2, false, 2, 2},
		{"only spaces", 3, 4, false, 3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, c := dragSelection(tokens, tt.from, tt.to, tt.exact)
			if a != tt.wantAnchor || c != tt.wantCaret {
				t.Errorf("dragSelection(%d, %d, %v) = %d, %d, want %d, %d", tt.from, tt.to, tt.exact, a, c, tt.wantAnchor, tt.wantCaret)
			}
		})
	}
}

func TestWordSteps(t *testing.T) {
	tokens := annotate.Tokenize(selText)
	n := len([]rune(selText))
	tests := []struct {
		offset, wantNext, wantPrev int
	}{
		{0, 3, 0},
		{1, 3, 0},
		{3, 5, 0},
		{4, 5, 0},
		{5, 8, 4},
		{8, 10, 5},
		{20, 22, 11},
		{24, 24, 22},
	}
	for _, tt := range tests {
		if got := nextWordEnd(tokens, tt.offset, n); got != tt.wantNext {
			t.Errorf("nextWordEnd(%d) = %d, want %d", tt.offset, got, tt.wantNext)
		}
		if got := prevWordStart(tokens, tt.offset); got != tt.wantPrev {
			t.Errorf("prevWordStart(%d) = %d, want %d", tt.offset, got, tt.wantPrev)
		}
	}
}

func TestSnapOut(t *testing.T) {
	tokens := annotate.Tokenize(selText)
	tests := []struct {
		offset  int
		forward bool
		want    int
	}{
		{1, true, 3},
		{1, false, 0},
		{0, true, 0},
		{3, true, 3},
		{13, false, 11},
	}
	for _, tt := range tests {
		if got := snapOut(tokens, tt.offset, tt.forward); got != tt.want {
			t.Errorf("snapOut(%d, %v) = %d, want %d", tt.offset, tt.forward, got, tt.want)
		}
	}
}
