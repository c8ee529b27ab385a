// Package locale makes the process's locale one that Fyne can read,
// before Fyne reads it.
//
// Fyne takes its language from LC_ALL, LC_MESSAGES or LANG (the first
// that is set) and parses it as a BCP 47 tag after dropping the encoding.
// "C.UTF-8", which most containers and CI machines set, becomes "C", and
// "sr_RS@latin" keeps its modifier: neither parses, and Fyne logs three
// lines of "Fyne error: Error parsing user locale" on standard error
// while its packages initialise, before main runs and for every command
// of the command line. Fyne lets LANGUAGE name the language instead, so
// this package sets LANGUAGE to a tag Fyne can parse when the locale is
// not one, and leaves every other variable as it is.
//
// It must be initialised before Fyne's lang package. Go initialises the
// packages that are ready in the order of their import paths, and lang
// waits for text/template, which sorts after "spanmark/…" and needs
// everything this package imports; so this package, imported anywhere in
// the program, runs first. It must import nothing else.
package locale

import (
	"os"
	"strings"
)

func init() {
	if lang, ok := Language(os.Getenv); ok {
		os.Setenv("LANGUAGE", lang)
	}
}

// Language returns the value LANGUAGE needs for Fyne to read the locale
// getenv describes, and false when it needs none: the locale parses as it
// is, LANGUAGE is set already, or the locale is "C" or "POSIX" exactly,
// which Fyne reads as English.
func Language(getenv func(string) string) (string, bool) {
	var locale string
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if locale == "" || locale == "C" || locale == "POSIX" || getenv("LANGUAGE") != "" {
		return "", false
	}
	tag, _, _ := strings.Cut(locale, ".")
	tag, _, _ = strings.Cut(tag, "@")
	lang, region, _ := strings.Cut(strings.ReplaceAll(tag, "-", "_"), "_")
	switch {
	case lang == "C" || lang == "POSIX" || !isLetters(lang, 2, 3):
		// C.UTF-8 and C.utf8 are the C locale; anything else that is no
		// language is read as English too, as Fyne does with "C".
		return "en", true
	case region != "" && !isLetters(region, 2, 3) && !isDigits(region, 3):
		return lang, true
	case tag != locale:
		// An encoding or a modifier was dropped: Fyne drops the encoding
		// itself, but not a modifier, so give the plain tag.
		if strings.Contains(locale, "@") {
			return strings.ReplaceAll(tag, "-", "_"), true
		}
	}
	return "", false
}

// isLetters reports whether s is min to max ASCII letters.
func isLetters(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	return true
}

// isDigits reports whether s is n ASCII digits, a UN M.49 region.
func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
