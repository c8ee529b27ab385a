package agree

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"spanmark/annotate"
)

// voteText writes votes as "start end label: inputs, first copy's id".
func voteText(votes []SpanVote) []string {
	var out []string
	for _, v := range votes {
		c := v.Copies[0]
		out = append(out, fmt.Sprintf("%d %d %s: %v %s", c.Start, c.End, c.Label, v.Inputs, c.ID))
	}
	return out
}

func TestSpanVotes(t *testing.T) {
	copies := []*annotate.DocumentData{
		doc("a", textX, []a{{0, 3, "PERSON"}, {0, 3, "PERSON"}, {8, 13, "ORG"}}),
		nil,
		doc("c", textX, []a{{8, 13, "PERSON"}, {0, 3, "PERSON"}}),
	}
	got := voteText(SpanVotes(copies))
	want := []string{"0 3 PERSON: [0 2] a-0", "8 13 ORG: [0] a-2", "8 13 PERSON: [2] c-0"}
	if !slices.Equal(got, want) {
		t.Errorf("SpanVotes = %q, want %q", got, want)
	}
	if v := SpanVotes(copies)[0]; len(v.Copies) != 2 || v.Copies[1].ID != "c-1" {
		t.Errorf("copies of Kim = %v, want a-0 and c-1", v.Copies)
	}
}

func TestOutvoted(t *testing.T) {
	copies := []*annotate.DocumentData{
		doc("a", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}}),
		doc("b", textX, []a{{0, 3, "PERSON"}, {17, 26, "LOC"}}),
		doc("c", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}}),
	}
	for _, c := range []struct {
		name     string
		strategy Strategy
		want     []string
	}{
		{"majority", Majority, []string{"17 26 LOC: [1] b-1"}},
		{"intersection", Intersection, []string{"8 13 PERSON: [0 2] a-1", "17 26 LOC: [1] b-1"}},
		{"union", Union, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := voteText(Outvoted(SpanVotes(copies), len(copies), c.strategy)); !slices.Equal(got, c.want) {
				t.Errorf("Outvoted = %q, want %q", got, c.want)
			}
		})
	}
}

func TestMinorityDiff(t *testing.T) {
	mine := doc("m", textX, []a{{0, 3, "PERSON"}, {17, 26, "LOC"}, {44, 48, "ORG"}}).Annotations
	minority := doc("x", textX, []a{
		{0, 3, "PERSON"},  // mine has it: not shown
		{8, 13, "PERSON"}, // mine lacks it
		{17, 26, "LOC"},   // mine has it, and does not take my LOC from the next
		{17, 26, "ORG"},   // another label on my LOC
		{44, 52, "ORG"},   // other boundaries of my ORG
	}).Annotations
	var got []string
	for _, it := range MinorityDiff(mine, minority) {
		mineID := "-"
		if it.A != nil {
			mineID = it.A.ID
		}
		got = append(got, fmt.Sprintf("%v %s %s", it.Class, mineID, it.B.ID))
	}
	want := []string{"Minority - x-1", "Minority m-1 x-3", "Minority m-2 x-4"}
	if !slices.Equal(got, want) {
		t.Errorf("MinorityDiff = %q, want %q", got, want)
	}
}

// TestMinorityDiffNear: diffing only those of mine near the minority's
// spans pairs as diffing all of mine would.
func TestMinorityDiffNear(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 3))
	for round := range 20 {
		d := benchDocument(rng, "m", 200)
		mine := d.Annotations
		annotate.SortAnnotations(mine)
		// A few of a perturbed copy: the minority's spans.
		minority := slices.DeleteFunc(perturb(rng, d).Annotations, func(annotate.Annotation) bool { return rng.IntN(4) > 0 })
		annotate.SortAnnotations(minority)
		var want []string
		for _, it := range Diff(mine, slices.DeleteFunc(slices.Clone(minority), func(a annotate.Annotation) bool { return hasSpan(mine, a) })) {
			if it.B != nil {
				want = append(want, itemText(it))
			}
		}
		var got []string
		for _, it := range MinorityDiff(mine, minority) {
			got = append(got, itemText(it))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: MinorityDiff = %q, want %q", round, got, want)
		}
	}
}

// itemText writes an item as its annotations' ids, "-" for none.
func itemText(it DiffItem) string {
	ids := [2]string{"-", "-"}
	if it.A != nil {
		ids[0] = it.A.ID
	}
	if it.B != nil {
		ids[1] = it.B.ID
	}
	return ids[0] + " " + ids[1]
}
