package agree

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"spanmark/annotate"
)

// voteAttributes returns the values that the most of the given inputs'
// copies of an annotation or document have, attribute by attribute; an
// input that leaves an attribute unset votes for leaving it unset. values
// holds the copies' values in the order of the inputs, inputs the index
// of each. A tie keeps the value of the first input, among those with a
// value in the tie; each tie adds a line to the returned notes, such as
// "verdict: tie false/mostly_false, kept alice".
func (m merger) voteAttributes(values []annotate.Attributes, inputs []int) (annotate.Attributes, []string) {
	names := map[string]bool{}
	for _, vs := range values {
		for _, a := range vs {
			names[a.Name] = true
		}
	}
	var out annotate.Attributes
	var notes []string
	for _, name := range slices.Sorted(maps.Keys(names)) {
		votes := map[annotate.AttrValue]int{}
		for _, vs := range values {
			votes[vs.Get(name)]++
		}
		best := slices.Max(slices.Collect(maps.Values(votes)))
		var tied []annotate.AttrValue
		winner := -1 // the first copy with a value in the tie
		for c, vs := range values {
			v := vs.Get(name)
			if votes[v] == best && !slices.Contains(tied, v) {
				tied = append(tied, v)
				if winner < 0 {
					winner = c
				}
			}
		}
		if v := values[winner].Get(name); !v.IsZero() {
			out = append(out, annotate.Attr{Name: name, Value: v}) // names are sorted
		}
		if len(tied) > 1 {
			notes = append(notes, fmt.Sprintf("%s: tie %s, kept %s", name, valueList(tied), m.names[inputs[winner]]))
		}
	}
	return out, notes
}

// valueList writes values for a note, "<unset>" for an unset one.
func valueList(vs []annotate.AttrValue) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = v.String()
		if v.IsZero() {
			s[i] = "<unset>"
		}
	}
	return strings.Join(s, "/")
}
