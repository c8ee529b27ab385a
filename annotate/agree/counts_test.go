package agree

import "testing"

func TestCounts(t *testing.T) {
	tests := []struct {
		name                  string
		c                     Counts
		f1, precision, recall float64
	}{
		// 2·3/(4+6) = 0.6; 3/6 = 0.5; 3/4 = 0.75.
		{"some", Counts{A: 4, B: 6, Matched: 3}, 0.6, 0.5, 0.75},
		{"all", Counts{A: 5, B: 5, Matched: 5}, 1, 1, 1},
		{"none matched", Counts{A: 2, B: 3}, 0, 0, 0},
		// Two empty files agree perfectly.
		{"both empty", Counts{}, 1, 1, 1},
		// B found nothing: nothing B has is wrong, all of A is missed.
		{"B empty", Counts{A: 3}, 0, 1, 0},
		{"A empty", Counts{B: 3}, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.F1(); got != tt.f1 {
				t.Errorf("F1() = %v, want %v", got, tt.f1)
			}
			if got := tt.c.Precision(); got != tt.precision {
				t.Errorf("Precision() = %v, want %v", got, tt.precision)
			}
			if got := tt.c.Recall(); got != tt.recall {
				t.Errorf("Recall() = %v, want %v", got, tt.recall)
			}
		})
	}
}
