package app

import (
	"fmt"
	"slices"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/app/textview"
)

// A review of several files diffs mine with their majority, which leaves
// out the spans that some files have but not most. Those, the minority's,
// are items of their own (class agree.Minority), drawn as a faint
// underline among the majority's differences: n and p reach them and t
// takes one, but accepting the majority in the document leaves them be.

// tally is what the teammates' files say of one text.
type tally struct {
	inputs   map[spanKey][]int     // the files that have each span, in order
	minority []annotate.Annotation // the spans some files have but not most
}

// tallyOf returns the tally of the text whose hash is sha, counting it
// the first time. The minority's spans get fresh ids once, so that they
// name the same items every time the text is shown.
func (tm *team) tallyOf(sha string) *tally {
	if t := tm.tallies[sha]; t != nil {
		return t
	}
	copies := make([]*annotate.DocumentData, len(tm.bySHA))
	for i, m := range tm.bySHA {
		copies[i] = m[sha]
	}
	votes := agree.SpanVotes(copies)
	t := &tally{inputs: make(map[spanKey][]int, len(votes))}
	for _, v := range votes {
		t.inputs[keyOfAnnotation(&v.Copies[0])] = v.Inputs
	}
	for _, v := range agree.Outvoted(votes, len(copies), majorityOf(len(copies))) {
		a := v.Copies[0]
		a.ID = annotate.NewID()
		t.minority = append(t.minority, a)
	}
	annotate.SortAnnotations(t.minority)
	tm.tallies[sha] = t
	return t
}

// holders names the files that have the span of a, "(bob, cai)".
func (tm *team) holders(sha string, a *annotate.Annotation) string {
	inputs := tm.tallyOf(sha).inputs[keyOfAnnotation(a)]
	names := make([]string, len(inputs))
	for i, k := range inputs {
		names[i] = tm.sides[k].Name
	}
	return "(" + strings.Join(names, ", ") + ")"
}

// updateMinority diffs mine, the open document's annotations as they are
// now, with the minority's spans, draws those mine has come to lack and
// takes away those mine has come to have, and puts the items among the
// majority's. It does nothing unless several files are reviewed.
func (r *review) updateMinority(mine []annotate.Annotation) {
	if r.team == nil {
		return
	}
	old := r.minor
	r.minor = nil
	if r.diff != nil {
		r.minor = agree.MinorityDiff(mine, r.team.tallyOf(r.ws.sess.Document().TextHash()).minority)
	}
	// Their spans never change, so only those that came or went are
	// drawn or taken away: an edit touches one or two.
	came, went := changedSpans(old, r.minor)
	if len(came) > 0 || len(went) > 0 {
		r.ws.view.UpdateSpans(minoritySpans(came), went)
	}
	r.all = nil
	if r.diff != nil {
		r.all = mergeItems(r.diff.Items(), r.minor)
	}
}

// changedSpans returns the items of now whose minority span old lacks,
// and the view ids of the spans of old that now lacks.
func changedSpans(old, now []agree.DiffItem) (came []agree.DiffItem, went []string) {
	drawn := make(map[string]bool, len(old))
	for _, it := range old {
		drawn[it.B.ID] = true
	}
	for _, it := range now {
		if !drawn[it.B.ID] {
			came = append(came, it)
		}
		delete(drawn, it.B.ID)
	}
	for id := range drawn {
		went = append(went, theirsPrefix+id)
	}
	return came, went
}

// minoritySpans draws the minority's spans: their underline only, since
// my annotation of an item is drawn already with the majority's.
func minoritySpans(items []agree.DiffItem) []textview.Span {
	spans := make([]textview.Span, len(items))
	c := diffLooks[agree.Minority].color
	for i, it := range items {
		spans[i] = textview.Span{ID: theirsPrefix + it.B.ID, Start: it.B.Start, End: it.B.End, Color: c, Style: textview.Underline}
	}
	return spans
}

// mergeItems returns the items of major and minor, both in agree.Diff's
// order, in one list in that order: by start, then by the end from the
// last; of the same extent, the majority's first.
func mergeItems(major, minor []agree.DiffItem) []agree.DiffItem {
	out := make([]agree.DiffItem, 0, len(major)+len(minor))
	i := 0
	for _, m := range minor {
		ms, me := m.Extent()
		for ; i < len(major); i++ {
			s, e := major[i].Extent()
			if ms < s || ms == s && me > e {
				break
			}
			out = append(out, major[i])
		}
		out = append(out, m)
	}
	return append(out, major[i:]...)
}

// nameAccept names the accept button in a review of several files after
// whose span t would take, the majority's or, at item it, a minority's.
func (r *review) nameAccept(it agree.DiffItem) {
	if r.team == nil {
		return
	}
	text := "Accept majority  T"
	if it.Class == agree.Minority {
		text = "Accept minority  T"
	}
	if r.bar.accept.Text != text {
		r.bar.accept.SetText(text)
	}
}

// isKept reports whether item it is settled by keeping mine: kept with
// k, or mine taken from a minority, which disagrees with the majority by
// choice.
func (r *review) isKept(it agree.DiffItem) bool {
	return r.kept[keyOf(it)] || it.Class != agree.Minority && it.A != nil && r.chosen[it.A.ID]
}

// majorityOpen reports whether a disagreement with the majority waits
// for a decision, which Accept majority in document would settle.
func (r *review) majorityOpen() bool {
	for i, it := range r.items() {
		if it.Class != agree.Minority && r.open(i) {
			return true
		}
	}
	return false
}

// acceptedHint says what accepting t, of an item of class c, took.
func (r *review) acceptedHint(c agree.Class, t annotate.Annotation) string {
	whose := "theirs"
	if c == agree.Minority {
		whose = "the minority's " + r.team.holders(r.ws.sess.Document().TextHash(), &t)
	}
	return fmt.Sprintf("Accepted %s: %s “%s”", whose, t.Label, ellipsis(r.ws.sess.Text(t.Start, t.End), 40))
}

// minorityRelations returns the relations of the minority's span t, as
// the first of the files that have it relates it, made into relations of
// mine in which t is the annotation id (see relationsIn), and how many
// were left out: a span taken as a teammate has it comes with its links
// to what I have, as the majority's does.
func (r *review) minorityRelations(t annotate.Annotation, id string) ([]annotate.Relation, int) {
	if r.team == nil {
		return nil, 0
	}
	sha := r.ws.sess.Document().TextHash()
	k := keyOfAnnotation(&t)
	for _, in := range r.team.tallyOf(sha).inputs[k] {
		d := r.team.bySHA[in][sha]
		if d == nil {
			continue
		}
		i := slices.IndexFunc(d.Annotations, func(a annotate.Annotation) bool { return keyOfAnnotation(&a) == k })
		if i < 0 {
			continue
		}
		if rels, left := r.relationsIn(d.Annotations, d.Relations, d.Annotations[i], id); len(rels)+left > 0 {
			return rels, left
		}
	}
	return nil, 0
}
