package app

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefRecent       = "recent_projects"
	prefZoom         = "zoom"
	prefTheme        = "theme"
	prefAllLinks     = "all_links"
	prefLabels       = "label_tags"
	prefSuggestions  = "suggestions"
	prefWindowWidth  = "window_width"
	prefWindowHeight = "window_height"
)

// maxRecent is how many projects File → Recent projects remembers.
const maxRecent = 8

// Zoom limits and step, as factors of the theme's text size.
const (
	zoomMin  = 0.5
	zoomMax  = 3.0
	zoomStep = 1.1
)

// prefs wraps Fyne's preferences with the values Spanmark keeps.
type prefs struct{ p fyne.Preferences }

func (p prefs) recent() []string { return p.p.StringList(prefRecent) }

// addRecent puts path first in the recent list, without duplicates.
func (p prefs) addRecent(path string) {
	list := slices.DeleteFunc(p.recent(), func(s string) bool { return s == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	p.p.SetStringList(prefRecent, list)
}

func (p prefs) zoom() float32 {
	z := float32(p.p.FloatWithFallback(prefZoom, 1))
	return min(max(z, zoomMin), zoomMax)
}

func (p prefs) setZoom(z float32) { p.p.SetFloat(prefZoom, float64(z)) }

func (p prefs) theme() string { return p.p.String(prefTheme) }

func (p prefs) setTheme(name string) { p.p.SetString(prefTheme, name) }

// allLinks is whether the article view draws every link, not only the
// selected annotation's.
func (p prefs) allLinks() bool { return p.p.Bool(prefAllLinks) }

func (p prefs) setAllLinks(on bool) { p.p.SetBool(prefAllLinks, on) }

// labels is whether spans carry a tag with their label's name.
func (p prefs) labels() bool { return p.p.Bool(prefLabels) }

func (p prefs) setLabels(on bool) { p.p.SetBool(prefLabels, on) }

// suggestions is whether the article view draws the suggestions (on
// unless turned off).
func (p prefs) suggestions() bool { return p.p.BoolWithFallback(prefSuggestions, true) }

func (p prefs) setSuggestions(on bool) { p.p.SetBool(prefSuggestions, on) }

func (p prefs) windowSize() fyne.Size {
	return fyne.NewSize(
		float32(p.p.FloatWithFallback(prefWindowWidth, 1200)),
		float32(p.p.FloatWithFallback(prefWindowHeight, 780)),
	)
}

func (p prefs) setWindowSize(s fyne.Size) {
	p.p.SetFloat(prefWindowWidth, float64(s.Width))
	p.p.SetFloat(prefWindowHeight, float64(s.Height))
}
