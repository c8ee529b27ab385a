package app

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// Attribute values in review mode: how a difference in values is told,
// and which of their values mine can take.

// valueDiffs lists, by name, the attributes whose values differ between
// mine and theirs, as "verdict: false (mine) / mostly_false (theirs)".
func valueDiffs(mine, theirs annotate.Attributes) []string {
	names := mine.Names()
	for n := range theirs.All() {
		if _, ok := mine.Lookup(n); !ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var out []string
	for _, name := range names {
		if m, t := mine.Get(name), theirs.Get(name); m != t {
			out = append(out, fmt.Sprintf("%s: %s (mine) / %s (theirs)", name, shownValue(m), shownValue(t)))
		}
	}
	return out
}

// shownValue writes an attribute value for a person, "unset" for none.
func shownValue(v annotate.AttrValue) string {
	if v.IsZero() {
		return "unset"
	}
	return v.String()
}

// fittingValues returns the values of a that fit the attributes its label
// has in schema (nil when none), and the names of those that do not: a
// teammate's schema may have attributes or enum values that mine lacks,
// which should not keep a reviewer from taking their range and label.
func fittingValues(a annotate.Annotation, schema annotate.Schema) (annotate.Attributes, []string) {
	var kept annotate.Attributes
	var left []string
	for _, v := range a.Attributes {
		one := annotate.Annotation{ID: a.ID, Label: a.Label, Attributes: annotate.Attributes{v}}
		if annotate.ValidateAttributes(one, schema) != nil {
			left = append(left, v.Name)
			continue
		}
		kept = append(kept, v)
	}
	return kept, left
}

// writeAttrFigures lays out, after a blank line, each attribute's pairs,
// share of equal values and kappa, by key; nothing when there are none.
func writeAttrFigures(b *strings.Builder, figs map[string]agree.AttrFigures) {
	if len(figs) == 0 {
		return
	}
	keys := slices.Sorted(maps.Keys(figs))
	width := utf8.RuneCountInString("values")
	for _, k := range keys {
		width = max(width, utf8.RuneCountInString(k))
	}
	fmt.Fprintf(b, "\n\n%s pairs agree  kappa", padRight("values", width))
	for _, k := range keys {
		f := figs[k]
		fmt.Fprintf(b, "\n%s %5d %5s %6s", padRight(k, width), f.Pairs, figure(f.Agreement()), figure(f.Kappa))
	}
}
