package suggest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
)

// doc makes a document whose annotations are given as "label:surface@n",
// the n-th (from 0) occurrence of surface in text.
func doc(t testing.TB, id, text string, anns ...string) *annotate.DocumentData {
	t.Helper()
	d := &annotate.DocumentData{Document: annotate.Document{ID: id, Text: text}}
	for k, spec := range anns {
		label, rest, _ := strings.Cut(spec, ":")
		var surface string
		var n int
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			surface = rest[:at]
			fmt.Sscan(rest[at+1:], &n)
		} else {
			surface = rest
		}
		b := -1
		for range n + 1 {
			next := strings.Index(text[b+1:], surface)
			if next < 0 {
				t.Fatalf("%q: occurrence %d of %q not found", id, n, surface)
			}
			b += 1 + next
		}
		start := annotate.RuneLen(text[:b])
		d.Annotations = append(d.Annotations, annotate.Annotation{
			ID: fmt.Sprintf("%s-%d", id, k), DocumentID: id, Label: label,
			Start: start, End: start + annotate.RuneLen(surface),
		})
	}
	annotate.SortAnnotations(d.Annotations)
	return d
}

// show renders suggestions as "label:text@start=score".
func show(d *annotate.DocumentData, ss []annotate.Suggestion) []string {
	ix := annotate.NewIndex(d.Document.Text)
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s:%s@%d=%.2f", s.Label, ix.Slice(s.Start, s.End), s.Start, s.Score))
	}
	return out
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		indexed []*annotate.DocumentData
		rejects []annotate.Rejection
		target  *annotate.DocumentData
		want    []string
	}{{
		name:    "other occurrences, never inside a word",
		indexed: []*annotate.DocumentData{doc(t, "a", "Russia said.", "LOC:Russia")},
		target:  doc(t, "b", "Russian Russia, Russias and Russia’s Russia."),
		want:    []string{"LOC:Russia@8=1.00", "LOC:Russia@37=1.00"},
	}, {
		name: "score is the label's share",
		indexed: []*annotate.DocumentData{doc(t, "a", "Apple Apple Apple Apple",
			"ORG:Apple@0", "ORG:Apple@1", "ORG:Apple@2", "MISC:Apple@3")},
		target: doc(t, "b", "Apple pie"),
		want:   []string{"MISC:Apple@0=0.25", "ORG:Apple@0=0.75"},
	}, {
		name:    "covered by an annotation of that label",
		indexed: []*annotate.DocumentData{doc(t, "a", "Putin and Vladimir Putin", "PERSON:Putin")},
		target:  doc(t, "b", "Vladimir Putin met Putin.", "PERSON:Vladimir Putin", "LOC:Putin@1"),
		want:    []string{"PERSON:Putin@19=1.00"},
	}, {
		name:    "the annotated occurrence itself is not suggested",
		indexed: []*annotate.DocumentData{doc(t, "a", "Kyiv and Kyiv", "LOC:Kyiv")},
		target:  doc(t, "a", "Kyiv and Kyiv", "LOC:Kyiv"),
		want:    []string{"LOC:Kyiv@9=1.00"},
	}, {
		name:    "several tokens, exactly",
		indexed: []*annotate.DocumentData{doc(t, "a", "the New York Times", "ORG:New York Times")},
		target:  doc(t, "b", "New York Times, New York  Times, New York Timesless"),
		want:    []string{"ORG:New York Times@0=1.00"},
	}, {
		name: "of overlapping matches only the longest",
		indexed: []*annotate.DocumentData{doc(t, "a", "Vladimir Putin and Putin, West Bank and Bank Asia",
			"PERSON:Vladimir Putin", "PERSON:Putin@1", "LOC:West Bank", "ORG:Bank Asia")},
		// Overlapping matches of one length both stay.
		target: doc(t, "b", "Vladimir Putin spoke. Putin left West Bank Asia."),
		want:   []string{"PERSON:Vladimir Putin@0=1.00", "PERSON:Putin@22=1.00", "LOC:West Bank@33=1.00", "ORG:Bank Asia@38=1.00"},
	}, {
		name: "longer than the trie is deep, and a prefix of it",
		indexed: []*annotate.DocumentData{doc(t, "a", "the Organisation for Security and Co-operation in Europe",
			"ORG:Organisation for Security and Co-operation in Europe", "ORG:Organisation for Security")},
		target: doc(t, "b", "Organisation for Security and Co-operation in Asia; Organisation for Security and Co-operation in Europe"),
		want:   []string{"ORG:Organisation for Security@0=1.00", "ORG:Organisation for Security and Co-operation in Europe@52=1.00"},
	}, {
		name:    "case-sensitive by default",
		indexed: []*annotate.DocumentData{doc(t, "a", "Apple", "ORG:Apple")},
		target:  doc(t, "b", "apple APPLE Apple"),
		want:    []string{"ORG:Apple@12=1.00"},
	}, {
		name:    "case-insensitive",
		opts:    Options{CaseInsensitive: true},
		indexed: []*annotate.DocumentData{doc(t, "a", "Apple", "ORG:Apple")},
		target:  doc(t, "b", "apple APPLE Apple"),
		want:    []string{"ORG:apple@0=1.00", "ORG:APPLE@6=1.00", "ORG:Apple@12=1.00"},
	}, {
		name:    "a rejected string drops out for that label everywhere",
		indexed: []*annotate.DocumentData{doc(t, "a", "Apple Apple", "ORG:Apple@0", "MISC:Apple@1")},
		rejects: []annotate.Rejection{{DocumentID: "c", Start: 0, End: 5, Label: "ORG", Text: "Apple"}},
		target:  doc(t, "b", "Apple pie"),
		want:    []string{"MISC:Apple@0=0.50"},
	}, {
		name:    "a rejected place stays rejected for its label",
		indexed: []*annotate.DocumentData{doc(t, "a", "Apple Apple", "ORG:Apple@0", "MISC:Apple@1")},
		rejects: []annotate.Rejection{{DocumentID: "b", Start: 6, End: 11, Label: "MISC", Text: "Apple"}},
		target:  doc(t, "b", "Apple Apple"),
		want:    []string{"ORG:Apple@0=0.50", "ORG:Apple@6=0.50"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewIndex(tt.opts)
			for _, d := range tt.indexed {
				x.AddDocument(d)
			}
			for _, r := range tt.rejects {
				x.Reject(r)
			}
			got := show(tt.target, x.Suggest(tt.target, 0))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			// Opening the document as the app does gives the same.
			if got := show(tt.target, x.Open(tt.target, 0).Suggestions()); !slices.Equal(got, tt.want) {
				t.Errorf("Open: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMinScore(t *testing.T) {
	a := doc(t, "a", "Apple Apple Apple", "ORG:Apple@0", "ORG:Apple@1", "MISC:Apple@2")
	x := NewIndex(Options{})
	x.AddDocument(a)
	b := doc(t, "b", "Apple")
	got := show(b, x.Suggest(b, 0.5))
	if want := []string{"ORG:Apple@0=0.67"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDocEditMatchesRecompute makes random edits to an open document and
// checks after each that the incrementally kept suggestions are exactly
// those computed from scratch.
func TestDocEditMatchesRecompute(t *testing.T) {
	text := "Sergei Shoigu met Shoigu in Moscow. Moscow State said Sergei Shoigu, " +
		"not Moscow’s Shoigu, spoke. Shoiguism is new. State said so in Moscow State."
	other := doc(t, "o", "Moscow and Shoigu", "LOC:Moscow")
	rng := rand.New(rand.NewPCG(1, 2))
	w := newWords(text)
	labels := []string{"PERSON", "LOC", "ORG"}
	for k, fold := range []bool{false, true, false} {
		minScore := []float64{0, 0, DefaultMinScore}[k]
		x := NewIndex(Options{CaseInsensitive: fold})
		x.AddDocument(other)
		d := doc(t, "d", text)
		open := x.Open(d, minScore)
		for step := range 200 {
			var removed, added []annotate.Annotation
			if len(d.Annotations) > 0 && rng.IntN(3) == 0 {
				k := rng.IntN(len(d.Annotations))
				removed = append(removed, d.Annotations[k])
				d.Annotations = slices.Delete(d.Annotations, k, k+1)
			} else {
				i := rng.IntN(len(w.toks))
				j := min(i+rng.IntN(7), len(w.toks)-1)
				a := annotate.Annotation{ID: fmt.Sprint("n", step), DocumentID: "d",
					Start: w.toks[i].start, End: w.toks[j].end, Label: labels[rng.IntN(3)]}
				added = append(added, a)
				d.Annotations = append(d.Annotations, a)
				annotate.SortAnnotations(d.Annotations)
			}
			if step%17 == 0 && len(open.Suggestions()) > 0 {
				s := open.Suggestions()[0]
				open.Reject(annotate.Rejection{DocumentID: "d", Start: s.Start, End: s.End,
					Label: s.Label, Text: open.ix.Slice(s.Start, s.End)})
			}
			open.Edit(removed, added)
			got, want := show(d, open.Suggestions()), show(d, x.Suggest(d, minScore))
			if !slices.Equal(got, want) {
				t.Fatalf("fold %v, min-score %v, step %d: incremental %q,\nfrom scratch %q", fold, minScore, step, got, want)
			}
			if n := open.Len(); n != len(want) {
				t.Fatalf("fold %v, min-score %v, step %d: Len %d, Suggestions %d", fold, minScore, step, n, len(want))
			}
		}
	}
}

func TestRemoveUndoesAdd(t *testing.T) {
	x := NewIndex(Options{})
	x.Add("Kyiv", "LOC")
	x.Add("Kyiv", "ORG")
	x.Remove("Kyiv", "ORG")
	x.Remove("Kyiv", "PERSON") // never added: nothing changes
	if got := x.Shares("Kyiv"); len(got) != 1 || got[0].Label != "LOC" || got[0].Score != 1 {
		t.Errorf("after removing ORG: %+v, want LOC 1", got)
	}
	x.Remove("Kyiv", "LOC")
	if n := x.trie.child(0, x.vocab.id("Kyiv")); x.Patterns() != 0 || x.trie.nodes[n].pat != 0 {
		t.Errorf("after removing every annotation: %d patterns, want none", x.Patterns())
	}
}
