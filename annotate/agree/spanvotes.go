package agree

import "spanmark/annotate"

// SpanVote is the support of one span (start, end and label) among one
// text's copies in several inputs: the inputs that have it, in order, and
// each one's first annotation of it.
type SpanVote struct {
	Inputs []int
	Copies []annotate.Annotation
}

// SpanVotes counts the spans of copies, one text's document in each
// input, nil where an input lacks it: one SpanVote per distinct span, in
// the order the spans first appear. Copies of one span within one input
// count once. Merge keeps a span by its count; a review of several files
// shows the counts.
func SpanVotes(copies []*annotate.DocumentData) []SpanVote {
	var out []SpanVote
	at := map[spanKey]int{}
	for k, d := range copies {
		if d == nil {
			continue
		}
		for _, a := range d.Annotations {
			key := keyOf(a)
			i, ok := at[key]
			if !ok {
				i = len(out)
				at[key] = i
				out = append(out, SpanVote{})
			}
			v := &out[i]
			if n := len(v.Inputs); n > 0 && v.Inputs[n-1] == k {
				continue
			}
			v.Inputs = append(v.Inputs, k)
			v.Copies = append(v.Copies, a)
		}
	}
	return out
}
