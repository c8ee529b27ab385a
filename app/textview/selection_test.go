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
	tests := []struct {
		offset, wantNextEnd, wantPrevStart, wantNextStart, wantPrevEnd int
	}{
		{0, 3, 0, 4, -1},
		{1, 3, 0, 4, -1},
		{3, 5, 0, 4, -1},
		{4, 5, 0, 5, 3},
		{5, 8, 4, 9, 3},
		{8, 10, 5, 9, 5},
		{20, 22, 11, 21, 10},
		{24, 24, 22, 99, 22},
	}
	for _, tt := range tests {
		if got := nextWordEnd(tokens, tt.offset); got != tt.wantNextEnd {
			t.Errorf("nextWordEnd(%d) = %d, want %d", tt.offset, got, tt.wantNextEnd)
		}
		if got := prevWordStart(tokens, tt.offset); got != tt.wantPrevStart {
			t.Errorf("prevWordStart(%d) = %d, want %d", tt.offset, got, tt.wantPrevStart)
		}
		if got := nextWordStart(tokens, tt.offset, 99); got != tt.wantNextStart {
			t.Errorf("nextWordStart(%d, 99) = %d, want %d", tt.offset, got, tt.wantNextStart)
		}
		if got := prevWordEnd(tokens, tt.offset, -1); got != tt.wantPrevEnd {
			t.Errorf("prevWordEnd(%d, -1) = %d, want %d", tt.offset, got, tt.wantPrevEnd)
		}
	}
}

func TestWordStep(t *testing.T) {
	tokens := annotate.Tokenize(selText)
	tests := []struct {
		name          string
		anchor, caret int
		forward       bool
		want          int
	}{
		{"right from a caret", 0, 0, true, 3},
		{"right grows", 0, 3, true, 5},
		{"left shrinks to the previous word end", 0, 8, false, 5},
		{"left from one word empties it", 0, 3, false, 0},
		{"left from a caret grows", 11, 11, false, 9},
		{"left before the anchor grows", 11, 9, false, 5},
		{"right before the anchor shrinks to the next word start", 20, 5, true, 9},
		{"right before the anchor stops at it", 10, 9, true, 10},
		{"right at the end", 24, 24, true, 24},
		{"left at the start", 0, 0, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wordStep(tokens, tt.anchor, tt.caret, tt.forward); got != tt.want {
				t.Errorf("wordStep(%d, %d, %v) = %d, want %d", tt.anchor, tt.caret, tt.forward, got, tt.want)
			}
		})
	}
}

func TestWordSelection(t *testing.T) {
	tokens := annotate.Tokenize(selText)
	tests := []struct {
		name                  string
		anchor, caret         int
		wantAnchor, wantCaret int
	}{
		{"trailing space", 0, 4, 0, 3},
		{"trailing space, backwards", 4, 0, 3, 0},
		{"leading space", 3, 8, 4, 8},
		{"empty", 1, 1, 1, 1},
		{"inside words", 13, 6, 20, 5},
		{"only a space", 20, 21, 21, 21},
		{"only a space, backwards", 21, 20, 20, 20},
		{"whole words", 5, 20, 5, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, c := wordSelection(tokens, tt.anchor, tt.caret)
			if a != tt.wantAnchor || c != tt.wantCaret {
				t.Errorf("wordSelection(%d, %d) = %d, %d, want %d, %d", tt.anchor, tt.caret, a, c, tt.wantAnchor, tt.wantCaret)
			}
		})
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
