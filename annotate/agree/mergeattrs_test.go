package agree

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
)

// claimSide is an input named name whose copy of textX has the claim
// [28,42) with the given values, "-" for none at all, and the topic topic.
func claimSide(name, verdict, topic string) Side {
	d := doc(name+"-x", textX, nil)
	if verdict != "-" {
		d = doc(name+"-x", textX, []a{{28, 42, "CLAIM"}})
		if verdict != "" {
			d.Annotations[0].Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue(verdict)})
		}
	}
	if topic != "" {
		d.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue(topic)})
	}
	return side(name, d)
}

func TestMergeAttributeVotes(t *testing.T) {
	tests := []struct {
		name     string
		verdicts []string // per input: a value, "" unset, "-" no claim
		topics   []string
		want     string // the merged verdict, "" unset
		topic    string
		tie      string // the note's tie line, "" none
	}{
		{"majority", []string{"false", "mostly_false", "mostly_false"}, nil, "mostly_false", "", ""},
		{"tie keeps the first input's", []string{"false", "mostly_false"}, nil, "false", "",
			"verdict: tie false/mostly_false, kept alice"},
		{"unset is a vote", []string{"", "false", ""}, nil, "", "", ""},
		{"tie with unset", []string{"", "false"}, nil, "", "", "verdict: tie <unset>/false, kept alice"},
		// Bob has no claim: the vote is among alice, carol and dave.
		{"only inputs with the annotation", []string{"false", "-", "mixed", "mixed"}, nil, "mixed", "", ""},
		// The tie is between bob's false and dave's mixed: bob comes first.
		{"tie without the first input", []string{"true", "false", "false", "mixed", "mixed"}, nil, "false", "",
			"verdict: tie false/mixed, kept bob"},
		{"document majority", []string{"", "", ""}, []string{"politics", "sport", "sport"}, "", "sport", ""},
		{"document tie", []string{"", ""}, []string{"politics", "sport"}, "", "politics", ""},
	}
	names := []string{"alice", "bob", "carol", "dave", "erin"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inputs []Side
			for k, v := range tt.verdicts {
				topic := ""
				if tt.topics != nil {
					topic = tt.topics[k]
				}
				inputs = append(inputs, claimSide(names[k], v, topic))
			}
			_, docs, err := Merge(Union, inputs)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 || len(docs[0].Annotations) != 1 {
				t.Fatalf("merged %d documents, want 1 with one claim", len(docs))
			}
			got := docs[0].Annotations[0]
			if v := got.Attributes.Get("verdict"); v.String() != tt.want {
				t.Errorf("verdict = %q, want %q", v, tt.want)
			}
			if v := docs[0].Document.Attributes.Get("topic"); v.String() != tt.topic {
				t.Errorf("topic = %q, want %q", v, tt.topic)
			}
			lines := strings.Split(got.Note, "\n")
			tie := ""
			if len(lines) > 1 {
				tie = lines[1]
			}
			if !strings.HasPrefix(lines[0], "agreed: ") || tie != tt.tie || len(lines) > 2 {
				t.Errorf("note = %q, want the agreed line then %q", got.Note, tt.tie)
			}
		})
	}
}

// TestMergeAttributeStrategy: the values come from the inputs that have
// the annotation whatever the strategy, and a first note stays first.
func TestMergeAttributeStrategy(t *testing.T) {
	inputs := []Side{claimSide("alice", "true", ""), claimSide("bob", "false", ""), claimSide("carol", "false", "")}
	inputs[0].Docs[0].Annotations[0].Note = "check"
	for _, s := range []Strategy{Union, Intersection, Majority} {
		_, docs, err := Merge(s, inputs)
		if err != nil {
			t.Fatal(err)
		}
		got := docs[0].Annotations[0]
		if v := got.Attributes.Get("verdict").String(); v != "false" || got.Note != "check\nagreed: alice, bob, carol" {
			t.Errorf("%s: verdict %q, note %q; want false and no tie", s, v, got.Note)
		}
	}
}

func TestMergeAttributeSchemas(t *testing.T) {
	custom := func(values ...string) annotate.Schema {
		s := annotate.DefaultSchema()
		a := annotate.Attribute{Name: "stance", Type: annotate.AttrEnum, Label: "SOURCE"}
		for _, v := range values {
			a.Values = append(a.Values, annotate.EnumValue{Name: v, Key: v[:1]})
		}
		s.Attributes = append(s.Attributes, a)
		return s
	}
	withSchema := func(name string, s annotate.Schema, stance string) Side {
		d := doc(name+"-x", textX, []a{{44, 48, "SOURCE"}})
		d.Annotations[0].Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"stance": annotate.StringValue(stance)})
		return Side{Name: name, Schema: s, Docs: []*annotate.DocumentData{d}}
	}
	// Bob adds "against", whose key a is taken, and "neutral".
	schema, docs, err := Merge(Union, []Side{
		withSchema("alice", custom("for", "against"), "for"),
		withSchema("bob", custom("neutral", "abstain"), "neutral"),
	})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(schema.Attributes, func(a annotate.Attribute) bool { return a.Name == "stance" })
	if i < 0 {
		t.Fatalf("merged schema has no stance: %+v", schema.Attributes)
	}
	want := []annotate.EnumValue{{Name: "for", Key: "f"}, {Name: "against", Key: "a"}, {Name: "neutral", Key: "n"}, {Name: "abstain"}}
	if got := schema.Attributes[i].Values; !slices.Equal(got, want) {
		t.Errorf("stance values = %v, want %v", got, want)
	}
	if n := len(schema.Attributes); n != len(annotate.DefaultSchema().Attributes)+1 {
		t.Errorf("merged schema has %d attributes, want the default ones and stance", n)
	}
	if got := docs[0].Annotations[0].Note; !strings.Contains(got, "stance: tie for/neutral, kept alice") {
		t.Errorf("note = %q, want the tie", got)
	}

	text := annotate.DefaultSchema()
	text.Attributes = append(text.Attributes, annotate.Attribute{Name: "stance", Type: annotate.AttrText, Label: "SOURCE"})
	_, _, err = Merge(Union, []Side{withSchema("alice", custom("for"), "for"), withSchema("bob", text, "for")})
	want2 := "attribute stance is enum in alice but text in bob"
	if !errors.Is(err, annotate.ErrInvalid) || err == nil || !strings.Contains(err.Error(), want2) {
		t.Errorf("Merge = %v, want an ErrInvalid saying %q", err, want2)
	}
}
