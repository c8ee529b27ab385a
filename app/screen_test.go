package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestFitIn(t *testing.T) {
	tests := []struct {
		name         string
		size, screen fyne.Size
		want         fyne.Size
	}{
		{"fits", fyne.NewSize(1200, 780), fyne.NewSize(1400, 900), fyne.NewSize(1200, 780)},
		{"the default at scale 2 on 1400×900", fyne.NewSize(1200, 780), fyne.NewSize(700, 450), fyne.NewSize(700, 450)},
		{"too wide only", fyne.NewSize(1600, 500), fyne.NewSize(1400, 900), fyne.NewSize(1400, 500)},
		{"too tall only", fyne.NewSize(800, 1000), fyne.NewSize(1400, 900), fyne.NewSize(800, 900)},
		{"exactly the screen", fyne.NewSize(1400, 900), fyne.NewSize(1400, 900), fyne.NewSize(1400, 900)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fitIn(tt.size, tt.screen); got != tt.want {
				t.Errorf("fitIn(%v, %v) = %v, want %v", tt.size, tt.screen, got, tt.want)
			}
		})
	}
}
