package agree

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"spanmark/annotate"
)

// mergeInputs returns three annotators' work on X, Y and Z. The spans of X:
// PERSON [0,3) "Kim", ORG and PERSON [8,13) "Putin", LOC [17,26)
// "Pyongyang", CLAIM [28,42) "Troops will go", SOURCE [44,48) "TASS". Y is
// "Seoul is far.": LOC [0,5) "Seoul", MISC [9,12) "far". Z: DATE [0,7).
//
//	                    alice     bob   carol
//	X PERSON [0,3)      twice     yes   yes
//	X ORG [8,13)          -        -    yes
//	X PERSON [8,13)     note       -    yes
//	X LOC [17,26)        yes      yes    -
//	X CLAIM, SOURCE      yes      yes   yes
//	X attributed_to      yes      yes    -
//	Y LOC [0,5)          yes      yes    -
//	Y MISC [9,12)         -       yes    -
//	Z DATE [0,7)          -        -    yes
func mergeInputs() []Side {
	alice := doc("alice-x", textX, []a{{0, 3, "PERSON"}, {0, 3, "PERSON"}, {17, 26, "LOC"}, {8, 13, "PERSON"},
		{28, 42, "CLAIM"}, {44, 48, "SOURCE"}}, r{4, 5})
	alice.Annotations[3].Note = "check spelling"
	bob := doc("bob-x", textX, []a{{28, 42, "CLAIM"}, {44, 48, "SOURCE"}, {17, 26, "LOC"}, {0, 3, "PERSON"}}, r{0, 1})
	carol := doc("carol-x", textX, []a{{8, 13, "ORG"}, {8, 13, "PERSON"}, {0, 3, "PERSON"},
		{28, 42, "CLAIM"}, {44, 48, "SOURCE"}})
	schemaC := annotate.DefaultSchema()
	schemaC.Labels = append(schemaC.Labels, annotate.Label{Name: "EVENT", Kind: annotate.KindEntity, Color: "#123456", Key: "p"})
	return []Side{
		side("alice", alice, doc("alice-y", textY, []a{{0, 5, "LOC"}})),
		side("bob", bob, doc("bob-y", textY, []a{{9, 12, "MISC"}, {0, 5, "LOC"}})),
		{Name: "carol", Schema: schemaC, Docs: []*annotate.DocumentData{carol, doc("carol-z", textZ, []a{{0, 7, "DATE"}})}},
	}
}

// merged is a merged document reduced to what a test compares.
type merged struct {
	id          string
	annotations []string // "start-end LABEL: note"
	relations   []string // "type from -> to", ends as "start-end LABEL"
}

// summarize reduces docs for comparison, checking on the way that ids are
// fresh and the relations join the document's annotations.
func summarize(t *testing.T, docs []*annotate.DocumentData, inputs []Side) []merged {
	t.Helper()
	old := map[string]bool{}
	for _, in := range inputs {
		for _, d := range in.Docs {
			for _, x := range d.Annotations {
				old[x.ID] = true
			}
			for _, x := range d.Relations {
				old[x.ID] = true
			}
		}
	}
	idPattern := regexp.MustCompile(`^[0-9a-f]{16}$`)
	seen := map[string]bool{}
	checkID := func(id string) {
		if !idPattern.MatchString(id) || old[id] || seen[id] {
			t.Errorf("id %q is not a fresh id", id)
		}
		seen[id] = true
	}
	out := make([]merged, 0, len(docs))
	for _, d := range docs {
		if d.Document.SHA256 != annotate.SHA256Hex(d.Document.Text) {
			t.Errorf("document %s: SHA256 %q does not match its text", d.Document.ID, d.Document.SHA256)
		}
		m := merged{id: d.Document.ID}
		byID := map[string]string{}
		for _, x := range d.Annotations {
			checkID(x.ID)
			if x.DocumentID != d.Document.ID {
				t.Errorf("annotation %s: document %q, want %q", x.ID, x.DocumentID, d.Document.ID)
			}
			key := fmt.Sprintf("%d-%d %s", x.Start, x.End, x.Label)
			byID[x.ID] = key
			m.annotations = append(m.annotations, key+": "+x.Note)
		}
		for _, x := range d.Relations {
			checkID(x.ID)
			from, okFrom := byID[x.From]
			to, okTo := byID[x.To]
			if !okFrom || !okTo || x.DocumentID != d.Document.ID {
				t.Errorf("relation %+v does not join annotations of document %s", x, d.Document.ID)
			}
			m.relations = append(m.relations, fmt.Sprintf("%s %s -> %s", x.Type, from, to))
		}
		out = append(out, m)
	}
	return out
}

func TestMerge(t *testing.T) {
	const rel = "attributed_to 28-42 CLAIM -> 44-48 SOURCE"
	tests := []struct {
		strategy Strategy
		want     []merged
	}{
		{Union, []merged{
			{"alice-x", []string{
				"0-3 PERSON: agreed: alice, bob, carol",
				"8-13 ORG: agreed: carol",
				"8-13 PERSON: check spelling\nagreed: alice, carol",
				"17-26 LOC: agreed: alice, bob",
				"28-42 CLAIM: agreed: alice, bob, carol",
				"44-48 SOURCE: agreed: alice, bob, carol",
			}, []string{rel}},
			{"alice-y", []string{"0-5 LOC: agreed: alice, bob", "9-12 MISC: agreed: bob"}, nil},
			{"carol-z", []string{"0-7 DATE: agreed: carol"}, nil},
		}},
		// Only what all three have; Y and Z are not in every input.
		{Intersection, []merged{
			{"alice-x", []string{
				"0-3 PERSON: agreed: alice, bob, carol",
				"28-42 CLAIM: agreed: alice, bob, carol",
				"44-48 SOURCE: agreed: alice, bob, carol",
			}, nil},
		}},
		// Two of three. Y is in two inputs; its MISC only in one.
		{Majority, []merged{
			{"alice-x", []string{
				"0-3 PERSON: agreed: alice, bob, carol",
				"8-13 PERSON: check spelling\nagreed: alice, carol",
				"17-26 LOC: agreed: alice, bob",
				"28-42 CLAIM: agreed: alice, bob, carol",
				"44-48 SOURCE: agreed: alice, bob, carol",
			}, []string{rel}},
			{"alice-y", []string{"0-5 LOC: agreed: alice, bob"}, nil},
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.strategy), func(t *testing.T) {
			inputs := mergeInputs()
			schema, docs, err := Merge(tt.strategy, inputs)
			if err != nil {
				t.Fatalf("Merge: %v", err)
			}
			got := summarize(t, docs, inputs)
			if !slices.EqualFunc(got, tt.want, func(x, y merged) bool {
				return x.id == y.id && slices.Equal(x.annotations, y.annotations) && slices.Equal(x.relations, y.relations)
			}) {
				t.Errorf("Merge =\n%q\nwant\n%q", got, tt.want)
			}
			wantSchema := annotate.DefaultSchema()
			wantSchema.Labels = append(wantSchema.Labels, annotate.Label{Name: "EVENT", Kind: annotate.KindEntity, Color: "#123456"})
			if !slices.Equal(schema.Labels, wantSchema.Labels) || !slices.Equal(schema.Relations, wantSchema.Relations) {
				t.Errorf("schema = %+v, want %+v", schema, wantSchema)
			}
		})
	}
}

func TestMergeUnnamedInputs(t *testing.T) {
	inputs := []Side{
		{Schema: annotate.DefaultSchema(), Docs: []*annotate.DocumentData{doc("x1", textX, []a{{0, 3, "PERSON"}})}},
		{Schema: annotate.DefaultSchema(), Docs: []*annotate.DocumentData{doc("x2", textX, []a{{0, 3, "PERSON"}})}},
	}
	_, docs, err := Merge(Intersection, inputs)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	if got, want := docs[0].Annotations[0].Note, "agreed: input 1, input 2"; got != want {
		t.Errorf("note = %q, want %q", got, want)
	}
}

func TestMergeErrors(t *testing.T) {
	conflict := annotate.DefaultSchema()
	conflict.Labels[0].Kind = annotate.KindClaim // PERSON
	otherRelation := annotate.DefaultSchema()
	otherRelation.Relations[0].ToKind = annotate.KindEntity
	two := func() []Side { return mergeInputs()[:2] }
	tests := []struct {
		name     string
		strategy Strategy
		inputs   []Side
		want     string // a regular expression
	}{
		{"unknown strategy", "most", mergeInputs(),
			`merge: merge strategy "most": want union, intersection or majority`},
		{"one input", Union, mergeInputs()[:1], "merge: 1 inputs: need at least two"},
		{"majority of two", Majority, two(), "merge: majority of 2 inputs: need at least three"},
		{"same text twice", Union, append(two(), side("dave", doc("d1", textZ, nil), doc("d2", textZ, nil))),
			"merge: dave: documents d1 and d2 have the same text"},
		{"label kinds differ", Union, append(two(), Side{Name: "erin", Schema: conflict}),
			"merge: label PERSON is entity in alice but claim in erin"},
		{"relation kinds differ", Union, append(two(), Side{Name: "erin", Schema: otherRelation}),
			"merge: relation type attributed_to links claim to source in alice but claim to entity in erin"},
		{"label in no schema", Union, append(two(), side("frank", doc("f", textZ, []a{{0, 7, "FOO"}}))),
			`merge: frank: document f: annotation f-0: label "FOO" is not in the schema`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, docs, err := Merge(tt.strategy, tt.inputs)
			if !errors.Is(err, annotate.ErrInvalid) || docs != nil {
				t.Fatalf("Merge = %d documents, %v; want nothing and an error wrapping ErrInvalid", len(docs), err)
			}
			if !regexp.MustCompile("^" + tt.want + "$").MatchString(err.Error()) {
				t.Errorf("error = %q, want %q", err, tt.want)
			}
		})
	}
}
