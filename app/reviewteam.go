package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// A review of several teammates' files compares mine with their
// majority: the annotations that more than half of the files have, as
// spanmark merge --strategy majority makes them (of two files, those both
// have). Everything else is the review of one file; team adds what the
// files say one by one.

// team is what a review of several teammates' files knows beyond the
// review of one.
type team struct {
	sides []agree.Side                        // the teammates' files
	bySHA []map[string]*annotate.DocumentData // each file's documents by text hash
	// report is the agreement among mine and the files, as the review
	// started.
	report agree.ManyReport

	tallies map[string]*tally // by text hash, of the texts shown so far
}

// spanKey is an annotation's exact-match key.
type spanKey struct {
	start, end int
	label      string
}

func keyOfAnnotation(a *annotate.Annotation) spanKey {
	return spanKey{a.Start, a.End, a.Label}
}

// newTeam returns the team of the teammates' files, sides, with the
// agreement among them and mine.
func newTeam(sides []agree.Side, report agree.ManyReport) *team {
	tm := &team{sides: sides, report: report, tallies: map[string]*tally{}}
	for _, s := range sides {
		m := make(map[string]*annotate.DocumentData, len(s.Docs))
		for _, d := range s.Docs {
			if h := d.Document.TextHash(); m[h] == nil {
				m[h] = d
			}
		}
		tm.bySHA = append(tm.bySHA, m)
	}
	return tm
}

// majority returns the side a review of several files compares mine
// with: the annotations, relations and documents that more than half of
// sides have, named after them.
func majority(sides []agree.Side) (agree.Side, error) {
	schema, docs, err := agree.Merge(majorityOf(len(sides)), sides)
	if err != nil {
		return agree.Side{}, err
	}
	names := make([]string, len(sides))
	for i, s := range sides {
		names[i] = s.Name
	}
	return agree.Side{Name: "majority of " + strings.Join(names, ", "), Schema: schema, Docs: docs}, nil
}

// majorityOf returns the strategy that keeps what a majority of n files
// has.
func majorityOf(n int) agree.Strategy {
	if n < 3 {
		return agree.Intersection // the majority of two
	}
	return agree.Majority
}

// votesFor returns how many of the files have the span of an item:
// their (the majority's or a minority's) annotation of it, else mine.
func (tm *team) votesFor(sha string, it agree.DiffItem) int {
	a := it.B
	if a == nil {
		a = it.A
	}
	return len(tm.tallyOf(sha).inputs[keyOfAnnotation(a)])
}

// describeItem says what an item is, as describe does, and in a review of
// several files first how many of them have its span, "2/3".
func (r *review) describeItem(it agree.DiffItem) string {
	text := describe(it, r.ws.sess.Text)
	if r.team == nil {
		return text
	}
	sha := r.ws.sess.Document().TextHash()
	n := r.team.votesFor(sha, it)
	if it.Class == agree.Minority {
		// Who they are, since the majority does not stand behind it.
		return fmt.Sprintf("%d/%d %s · %s", n, len(r.team.sides), r.team.holders(sha, it.B), text)
	}
	return fmt.Sprintf("%d/%d · %s", n, len(r.team.sides), text)
}

// teamText lays out the agreement among several files for a monospace
// label: α per kind, then the exact and the overlap F1 of every pair.
func teamText(rep agree.ManyReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s rated by two or more, %d by one\n\n", plural(rep.Documents, "document"), rep.Single)
	width := utf8.RuneCountInString("alpha")
	pairs := make([]string, len(rep.Pairs))
	for i, p := range rep.Pairs {
		pairs[i] = rep.Names[p.A] + "|" + rep.Names[p.B]
		width = max(width, utf8.RuneCountInString(pairs[i]))
	}
	b.WriteString(padRight("alpha", width))
	for _, k := range annotate.Kinds {
		fmt.Fprintf(&b, " %6s", k)
	}
	b.WriteString("\n" + padRight("", width))
	for _, k := range annotate.Kinds {
		fmt.Fprintf(&b, " %6s", figure(rep.Alpha[k]))
	}
	fmt.Fprintf(&b, "\n\n%s %6s %7s", padRight("F1", width), "exact", "overlap")
	for i, p := range rep.Pairs {
		fmt.Fprintf(&b, "\n%s %6s %7s", padRight(pairs[i], width), figure(p.Exact.F1()), figure(p.Overlap.F1()))
	}
	return b.String()
}
