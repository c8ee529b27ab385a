package suggest

import (
	"slices"

	"spanmark/annotate"
)

// Doc holds the suggestions of the document open in the app and keeps
// them, and the Index, up to date edit by edit: an edit recomputes only
// the occurrences of the strings whose label counts it changed and the
// occurrences inside the annotations it touched, never the whole
// document.
type Doc struct {
	x        *Index
	id       string
	ix       *annotate.Index
	w        words
	ids      []int32          // the tokens' ids, every one interned
	at       map[string][]int // a token's key → the indexes of the tokens with it
	cover    cover
	minScore float64
	bySpan   map[[2]int][]annotate.Suggestion
	// order is bySpan's spans with their numbers of suggestions, sorted,
	// as of the last call of spans; changed holds the spans set since,
	// with their new numbers (0 for gone). Len and Suggestions, which the
	// app asks after every burst of edits, merge the few changes into
	// order instead of sorting every span anew (24 ms for a 1 MB
	// document's 350,000 suggestions), and set stays a map write.
	order   []spanCount
	changed map[uint64]int32
}

// Open computes the suggestions of d whose score reaches minScore and
// returns them ready to be kept up to date. d's annotations must already
// be in the index (Build or AddDocument).
func (x *Index) Open(d *annotate.DocumentData, minScore float64) *Doc {
	doc := &Doc{
		x: x, id: d.Document.ID, ix: annotate.NewIndex(d.Document.Text),
		w: newWords(d.Document.Text), at: make(map[string][]int),
		cover: newCover(d.Annotations), minScore: minScore,
		bySpan: make(map[[2]int][]annotate.Suggestion), changed: make(map[uint64]int32),
	}
	// Every token is numbered, so that a pattern tagged later, of words
	// the index did not know, is found by the ids already here.
	doc.ids = x.ids(&doc.w, true, nil)
	for i := range doc.w.toks {
		k := x.fold(doc.w.word(i))
		doc.at[k] = append(doc.at[k], i)
		doc.refreshFrom(i)
	}
	doc.settle() // here, off the app's UI goroutine, not at the first Len
	return doc
}

// Suggestions returns the document's suggestions in
// annotate.CompareSuggestions order, the longest kept where matches
// overlap (Longest), as Index.Suggest returns them.
func (d *Doc) Suggestions() []annotate.Suggestion {
	var out []annotate.Suggestion
	for _, sp := range d.spans() {
		out = append(out, d.bySpan[[2]int{sp.start(), sp.end()}]...)
	}
	return out
}

// Len returns how many suggestions Suggestions returns, for a status
// line, without making them.
func (d *Doc) Len() int {
	n := 0
	for _, sp := range d.spans() {
		n += int(sp.n)
	}
	return n
}

// spanCount is a span, packed so that spans sort as integers (start,
// then end), with its number of suggestions.
type spanCount struct {
	key uint64
	n   int32
}

func (s spanCount) start() int { return int(s.key >> 32) }
func (s spanCount) end() int   { return int(uint32(s.key)) }

// spans returns the spans that have suggestions, sorted, without those
// that overlap a longer one. A span's suggestions are already in label
// order (suggestAt), so sorting spans, not suggestions, orders them all;
// and spans sort as integers.
func (d *Doc) spans() []spanCount {
	d.settle()
	return longestBy(slices.Clone(d.order), func(s spanCount) [2]int { return [2]int{s.start(), s.end()} })
}

// settle merges the spans set since the last call into order.
func (d *Doc) settle() {
	if len(d.changed) == 0 {
		return
	}
	keys := make([]uint64, 0, len(d.changed))
	for k := range d.changed {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]spanCount, 0, len(d.order)+len(keys))
	i := 0
	for _, k := range keys {
		for ; i < len(d.order) && d.order[i].key < k; i++ {
			out = append(out, d.order[i])
		}
		if i < len(d.order) && d.order[i].key == k {
			i++ // replaced or gone
		}
		if n := d.changed[k]; n > 0 {
			out = append(out, spanCount{k, n})
		}
	}
	d.order = append(out, d.order[i:]...)
	clear(d.changed)
}

// spanKey packs span so that spans sort as integers.
func spanKey(span [2]int) uint64 { return uint64(span[0])<<32 | uint64(uint32(span[1])) }

// Edit records an edit of the document: removed are the annotations it
// deleted or replaced (as they were), added those it put (as they are
// now). The index's counts change with them, so other documents'
// suggestions change too when next computed.
func (d *Doc) Edit(removed, added []annotate.Annotation) {
	var keys []strKey
	note := func(a annotate.Annotation, change func(string, string)) {
		text := d.ix.Slice(a.Start, a.End)
		change(text, a.Label)
		if k := d.x.keyOf(text); k.ntok > 0 && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, a := range removed {
		note(a, d.x.Remove)
		d.cover.remove(a.Label, a.Start, a.End)
	}
	for _, a := range added {
		note(a, d.x.Add)
		d.cover.add(a.Label, a.Start, a.End)
	}
	for _, k := range keys {
		d.refreshKey(k)
	}
	for _, a := range slices.Concat(removed, added) {
		for i := d.w.firstFrom(a.Start); i < len(d.w.toks) && d.w.toks[i].start < a.End; i++ {
			d.refreshFrom(i)
		}
	}
}

// Reject records r in the index and drops what it suppresses.
func (d *Doc) Reject(r annotate.Rejection) {
	d.x.Reject(r)
	if k := d.x.keyOf(r.Text); k.ntok > 0 {
		d.refreshKey(k)
	}
	span := [2]int{r.Start, r.End}
	d.set(span, slices.DeleteFunc(d.bySpan[span], func(s annotate.Suggestion) bool { return s.Label == r.Label }))
}

// refreshKey recomputes every occurrence of the string k in the
// document, whether or not it is still a pattern.
func (d *Doc) refreshKey(k strKey) {
	p := d.x.lookup(k.key)
	for _, i := range d.at[k.first] {
		j := i + k.ntok - 1
		if j >= len(d.w.toks) || k.ntok > 1 && d.x.fold(d.w.span(i, j)) != k.key {
			continue
		}
		d.refresh(p, i, j)
	}
}

// refreshFrom recomputes every occurrence of a pattern starting at token i.
func (d *Doc) refreshFrom(i int) {
	// Every pattern, whatever its shares: a refresh must also clear what
	// a pattern that no longer reaches minScore suggested.
	d.x.matchAt(&d.w, d.ids, i, 0, func(p *pattern, j int) { d.refresh(p, i, j) })
}

// refresh recomputes the suggestions of the occurrence of p (nil when
// the string is no longer a pattern) from token i to token j.
func (d *Doc) refresh(p *pattern, i, j int) {
	o := occurrence{p: p, start: d.w.toks[i].start, end: d.w.toks[j].end}
	var ss []annotate.Suggestion
	if p != nil {
		ss = d.x.suggestAt(nil, d.id, o, d.cover, d.minScore)
	}
	d.set([2]int{o.start, o.end}, ss)
}

// set makes ss the suggestions of span.
func (d *Doc) set(span [2]int, ss []annotate.Suggestion) {
	d.changed[spanKey(span)] = int32(len(ss))
	if len(ss) == 0 {
		delete(d.bySpan, span)
		return
	}
	d.bySpan[span] = ss
}
