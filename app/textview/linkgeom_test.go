package textview

import (
	"slices"
	"testing"
)

func TestLinkPath(t *testing.T) {
	l := layoutOf(hitText, 75) // lines 20 apart; see hitText
	style := func(top, bottom float32) linkStyle {
		return linkStyle{textTop: 2, textHeight: 16, head: 4, lane: -3, top: top, bottom: bottom}
	}
	down := func(x, y float32) []seg { return []seg{{x - 4, y - 4, x, y}, {x + 4, y - 4, x, y}} }
	up := func(x, y float32) []seg { return []seg{{x - 4, y + 4, x, y}, {x + 4, y + 4, x, y}} }
	tests := []struct {
		name        string
		from, to    [2]int
		first, last int
		s           linkStyle
		want        []seg
	}{
		{"one line: a bracket over the text", [2]int{0, 3}, [2]int{4, 7}, 0, 4, style(0, 100), append([]seg{
			{15, 2, 15, -1}, {15, -1, 55, -1}, {55, -1, 55, 2},
		}, down(55, 2)...)},
		{"to the next line: out below the claim", [2]int{0, 3}, [2]int{9, 11}, 0, 4, style(0, 100), append([]seg{
			{15, 18, 15, 19}, {15, 19, 20, 19}, {20, 19, 20, 22},
		}, down(20, 22)...)},
		{"to a later line: along the margin", [2]int{0, 3}, [2]int{13, 14}, 0, 4, style(0, 100), append([]seg{
			{15, 18, 15, 19}, {15, 19, -3, 19}, {-3, 19, -3, 59}, {-3, 59, 5, 59}, {5, 59, 5, 62},
		}, down(5, 62)...)},
		{"to an earlier line", [2]int{8, 11}, [2]int{0, 3}, 0, 4, style(0, 100), append([]seg{
			{15, 22, 15, 19}, {15, 19, -3, 19}, {-3, 19, -3, -1}, {-3, -1, 15, -1}, {15, -1, 15, 2},
		}, down(15, 2)...)},
		{"a claim over the wrap meets its first line", [2]int{4, 10}, [2]int{13, 14}, 0, 4, style(0, 100), append([]seg{
			{57.5, 18, 57.5, 19}, {57.5, 19, -3, 19}, {-3, 19, -3, 59}, {-3, 59, 5, 59}, {5, 59, 5, 62},
		}, down(5, 62)...)},
		{"the source below the view: to the bottom edge", [2]int{0, 3}, [2]int{17, 22}, 0, 1, style(0, 40), append([]seg{
			{15, 18, 15, 19}, {15, 19, -3, 19}, {-3, 19, -3, 40},
		}, down(-3, 40)...)},
		{"the source above the view: to the top edge", [2]int{13, 14}, [2]int{0, 3}, 3, 4, style(55, 100), append([]seg{
			{5, 62, 5, 59}, {5, 59, -3, 59}, {-3, 59, -3, 55},
		}, up(-3, 55)...)},
		{"the claim above the view: in from the top edge", [2]int{0, 3}, [2]int{17, 18}, 3, 4, style(55, 100), append([]seg{
			{-3, 55, -3, 79}, {-3, 79, 5, 79}, {5, 79, 5, 82},
		}, down(5, 82)...)},
		{"the claim below the view: in from the bottom edge", [2]int{17, 18}, [2]int{0, 3}, 0, 1, style(0, 40), append([]seg{
			{-3, 40, -3, -1}, {-3, -1, 15, -1}, {15, -1, 15, 2},
		}, down(15, 2)...)},
		{"both ends above the view", [2]int{0, 3}, [2]int{4, 7}, 3, 4, style(55, 100), nil},
		{"ends on either side of the view", [2]int{0, 3}, [2]int{17, 18}, 1, 2, style(20, 60), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := l.linkPath(nil, tt.from, tt.to, tt.first, tt.last, tt.s)
			if !slices.Equal(got, tt.want) {
				t.Errorf("linkPath(%v, %v, lines %d-%d)\n got %v\nwant %v", tt.from, tt.to, tt.first, tt.last, got, tt.want)
			}
		})
	}
}
