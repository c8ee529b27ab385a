package agree

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"spanmark/annotate"
)

// benchWords are the words benchmark texts are made of, some with
// code points beyond ASCII.
var benchWords = []string{"Kim", "Pyongyang", "Shoigu", "said", "the", "workers", "région", "Moscow’s",
	"über", "north-east", "troops", "6,000", "ministry", "TASS", "reported", "on", "Tuesday", "naïve"}

// benchDocument returns a text of about 2n words and n annotations of A
// on it: mostly entities of one to three words, and claims of several
// words attributed to sources.
func benchDocument(rng *rand.Rand, id string, n int) *annotate.DocumentData {
	var text strings.Builder
	var starts, ends []int
	pos := 0
	for range 2*n + 10 {
		w := benchWords[rng.IntN(len(benchWords))]
		starts = append(starts, pos)
		pos += annotate.RuneLen(w)
		ends = append(ends, pos)
		text.WriteString(w)
		text.WriteByte(' ')
		pos++
	}
	d := &annotate.DocumentData{Document: annotate.Document{ID: id, Title: id, Text: text.String()}}
	entities := []string{"PERSON", "ORG", "LOC", "DATE", "QUANTITY", "MISC"}
	lastClaim := -1
	for i := range n {
		w := rng.IntN(len(starts) - 8)
		a := annotate.Annotation{ID: fmt.Sprintf("%s-%d", id, i), DocumentID: id, Start: starts[w]}
		switch k := rng.IntN(20); {
		case k == 0:
			a.Label, a.End = "CLAIM", ends[w+3+rng.IntN(5)]
			lastClaim = i
		case k == 1:
			a.Label, a.End = "SOURCE", ends[w]
			if lastClaim >= 0 {
				d.Relations = append(d.Relations, annotate.Relation{
					ID: fmt.Sprintf("%s-r%d", id, i), DocumentID: id, Type: annotate.RelationAttributedTo,
					From: d.Annotations[lastClaim].ID, To: a.ID,
				})
			}
		default:
			a.Label, a.End = entities[rng.IntN(len(entities))], ends[w+rng.IntN(3)]
		}
		d.Annotations = append(d.Annotations, a)
	}
	return d
}

// perturb returns B's copy of d: of every 100 annotations about 70 are
// the same, 10 have a boundary moved by one code point, 8 another label,
// 6 are dropped, and 6 new ones are added; relations follow their ends.
func perturb(rng *rand.Rand, d *annotate.DocumentData) *annotate.DocumentData {
	id := d.Document.ID + "b"
	b := &annotate.DocumentData{Document: d.Document}
	b.Document.ID = id
	kept := map[string]string{}
	for i, a := range d.Annotations {
		a.ID, a.DocumentID = fmt.Sprintf("%s-%d", id, i), id
		switch k := rng.IntN(100); {
		case k < 70:
		case k < 80:
			if a.End-a.Start > 1 {
				a.End--
			} else {
				a.End++
			}
		case k < 88:
			a.Label = "MISC"
		case k < 94:
			continue
		default:
			b.Annotations = append(b.Annotations, a)
			a.ID += "n"
			a.Start, a.End = a.Start+1, a.End+2
		}
		kept[d.Annotations[i].ID] = a.ID
		b.Annotations = append(b.Annotations, a)
	}
	for _, r := range d.Relations {
		from, okFrom := kept[r.From]
		to, okTo := kept[r.To]
		if okFrom && okTo {
			r.ID, r.DocumentID, r.From, r.To = r.ID+"b", id, from, to
			b.Relations = append(b.Relations, r)
		}
	}
	return b
}

// benchSides returns two sides of docs documents with perDoc annotations
// each in A, B a perturbation of A.
func benchSides(docs, perDoc int) (Side, Side) {
	rng := rand.New(rand.NewPCG(7, 11))
	a, b := side("A"), side("B")
	for i := range docs {
		d := benchDocument(rng, fmt.Sprintf("d%d", i), perDoc)
		a.Docs = append(a.Docs, d)
		b.Docs = append(b.Docs, perturb(rng, d))
	}
	return a, b
}

func BenchmarkCompare(b *testing.B) {
	for _, size := range []struct{ docs, perDoc int }{{100, 1000}, {10000, 100}} {
		b.Run(fmt.Sprintf("%dx%d", size.docs, size.perDoc), func(b *testing.B) {
			sa, sb := benchSides(size.docs, size.perDoc)
			var r Report
			for b.Loop() {
				r = Compare(sa, sb)
			}
			b.ReportMetric(r.Overall.Exact.F1(), "exactF1")
			b.ReportMetric(r.Overall.Overlap.F1(), "overlapF1")
		})
	}
}

func BenchmarkDiff(b *testing.B) {
	sa, sb := benchSides(1, 10000)
	for b.Loop() {
		Diff(sa.Docs[0].Annotations, sb.Docs[0].Annotations)
	}
}

// BenchmarkMinorityDiff measures what a review of several files adds to
// each edit: mine, 10,000 annotations, against the minority's spans,
// taken from a perturbed copy of mine: all of it (the worst case, as
// costly as BenchmarkDiff), or one in twenty.
func BenchmarkMinorityDiff(b *testing.B) {
	sa, sb := benchSides(1, 10000)
	mine := sa.Docs[0].Annotations
	annotate.SortAnnotations(mine)
	theirs := sb.Docs[0].Annotations
	annotate.SortAnnotations(theirs)
	for _, every := range []int{1, 20} {
		var minority []annotate.Annotation
		for i := 0; i < len(theirs); i += every {
			minority = append(minority, theirs[i])
		}
		b.Run(fmt.Sprintf("minority=%d", len(minority)), func(b *testing.B) {
			for b.Loop() {
				MinorityDiff(mine, minority)
			}
		})
	}
}
