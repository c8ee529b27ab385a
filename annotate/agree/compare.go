package agree

import (
	"runtime"
	"slices"
	"sync"

	"spanmark/annotate"
)

// LabelFigures are the figures of one label, or of all labels together.
// A and B count the annotations on each side; Exact and Overlap count the
// matches of each kind.
type LabelFigures struct {
	A, B    int
	Exact   Counts
	Overlap Counts
}

// add adds g to f.
func (f *LabelFigures) add(g LabelFigures) {
	f.A += g.A
	f.B += g.B
	f.Exact.add(g.Exact)
	f.Overlap.add(g.Overlap)
}

// Figures are the agreement figures of one or more paired documents.
type Figures struct {
	// Labels holds the figures of every label that an annotation of the
	// documents uses, on either side.
	Labels map[string]*LabelFigures
	// Overall sums Labels.
	Overall LabelFigures
	// Kappa holds Cohen's kappa for every kind in annotate.Kinds.
	Kappa map[annotate.Kind]float64
	// Relations counts relations and their matches.
	Relations Counts
	// Attributes holds the figures of every attribute compared over at
	// least one pair, by "LABEL.name" or "document.name".
	Attributes map[string]AttrFigures
}

// DocFigures are one paired document's figures, for a list of documents
// to review.
type DocFigures struct {
	SHA256 string
	Title  string // the title in side A
	AID    string // the document's id in side A
	BID    string // the document's id in side B
	// Exact and Overlap count the document's annotations, over all
	// labels, and their exact and overlap matches.
	Exact, Overlap Counts
}

// Report is the agreement between two sides.
type Report struct {
	NameA, NameB string // the sides' names
	Matched      int    // documents paired
	OnlyA        int    // documents only in side A
	OnlyB        int    // documents only in side B
	Figures
	// PerDocument lists the paired documents in side A's order.
	PerDocument []DocFigures
}

// DocReport is the agreement on one document, with its differences.
type DocReport struct {
	Figures
	Diff []DiffItem
}

// Compare measures the agreement of side b with side a, the reference, as
// the package doc defines it.
func Compare(a, b Side) Report {
	pairs, onlyA, onlyB := pairDocuments(a.Docs, b.Docs)
	// Documents are independent: each worker sums a share of the pairs
	// into a Tally of its own, and the Tallies are added up at the end.
	workers := min(runtime.GOMAXPROCS(0), max(len(pairs)/64, 1))
	parts := make([]*Tally, workers)
	var wg sync.WaitGroup
	for w := range workers {
		part := NewTally(a.Schema, b.Schema)
		parts[w] = part
		wg.Go(func() {
			for i := w; i < len(pairs); i += workers {
				p := pairs[i]
				part.add(i, p.sha, p.a, p.b)
			}
		})
	}
	wg.Wait()
	for _, part := range parts[1:] {
		parts[0].Merge(part)
	}
	return parts[0].Report(a.Name, b.Name, onlyA, onlyB)
}

// merge adds what d has counted to c.
func (c *comparer) merge(d *comparer) {
	for label, f := range d.labels {
		c.label(label).add(*f)
	}
	c.overall.add(d.overall)
	c.relations.add(d.relations)
	for k, t := range d.kappa {
		c.kappa[k].merge(t)
	}
	c.attrs.merge(d.attrs)
}

// CompareDocument measures the agreement of b with a on one document and
// lists their differences. The caller has paired them; kappa is counted
// over a's text. Labels get their kinds from sa, then sb. A nil document
// counts as one without annotations.
func CompareDocument(a, b *annotate.DocumentData, sa, sb annotate.Schema) DocReport {
	if a == nil {
		a = &annotate.DocumentData{}
	}
	if b == nil {
		b = &annotate.DocumentData{}
	}
	c := newComparer(sa, sb)
	c.add(a, b)
	return DocReport{Figures: c.figures(), Diff: Diff(a.Annotations, b.Annotations)}
}

// comparer sums the figures of paired documents.
type comparer struct {
	schemaA, schemaB annotate.Schema
	kinds            map[string]annotate.Kind // cache of kindOf
	labels           map[string]*LabelFigures
	overall          LabelFigures
	kappa            map[annotate.Kind]*kappaTally
	relations        Counts
	attrs            *attrCounter

	// Buffers reused from document to document.
	matcher         matcher
	categorizer     categorizer
	relationCounter relationCounter
	spansA, spansB  []span
	kindA, kindB    map[annotate.Kind][]span
	segA, segB      []segment
	nonSpace        []int
}

// newComparer returns a comparer that takes the kinds of labels from sa,
// then sb.
func newComparer(sa, sb annotate.Schema) *comparer {
	c := &comparer{
		schemaA: sa,
		schemaB: sb,
		kinds:   map[string]annotate.Kind{},
		labels:  map[string]*LabelFigures{},
		kappa:   map[annotate.Kind]*kappaTally{},
		kindA:   map[annotate.Kind][]span{},
		kindB:   map[annotate.Kind][]span{},
		attrs:   newAttrCounter(sa, sb),
	}
	for _, k := range annotate.Kinds {
		c.kappa[k] = newKappaTally()
	}
	return c
}

// kindOf returns the kind of label, "" when neither schema has it.
func (c *comparer) kindOf(label string) annotate.Kind {
	k, ok := c.kinds[label]
	if !ok {
		k = c.schemaA.KindOf(label)
		if k == "" {
			k = c.schemaB.KindOf(label)
		}
		c.kinds[label] = k
	}
	return k
}

// add counts one pair of documents and returns its figures over all
// labels.
func (c *comparer) add(a, b *annotate.DocumentData) LabelFigures {
	c.spansA = appendSpans(c.spansA[:0], a.Annotations)
	c.spansB = appendSpans(c.spansB[:0], b.Annotations)
	slices.SortFunc(c.spansA, byLabel)
	slices.SortFunc(c.spansB, byLabel)

	var doc LabelFigures
	for sa, sb := c.spansA, c.spansB; len(sa) > 0 || len(sb) > 0; {
		label := firstLabel(sa, sb)
		ra, rb := runOf(sa, label), runOf(sb, label)
		_, overlap := c.matcher.maxOverlap(ra, rb)
		var attrPair func(i, j int)
		if slots := c.attrs.slots(label); len(slots) > 0 {
			attrPair = func(i, j int) {
				count(slots, a.Annotations[ra[i].i].Attributes, b.Annotations[rb[j].i].Attributes)
			}
		}
		f := LabelFigures{
			A:       len(ra),
			B:       len(rb),
			Exact:   Counts{A: len(ra), B: len(rb), Matched: exactPairs(ra, rb, attrPair)},
			Overlap: Counts{A: len(ra), B: len(rb), Matched: overlap},
		}
		c.label(label).add(f)
		doc.add(f)
		sa, sb = sa[len(ra):], sb[len(rb):]
	}
	c.overall.add(doc)
	c.relations.add(c.relationCounter.count(a, b))
	count(c.attrs.doc, a.Document.Attributes, b.Document.Attributes)
	c.addKappa(a.Document.Text)
	return doc
}

// firstLabel returns the label that sorts first among the heads of two
// spans sorted byLabel, at least one of them not empty.
func firstLabel(a, b []span) string {
	switch {
	case len(a) == 0:
		return b[0].label
	case len(b) == 0:
		return a[0].label
	}
	return min(a[0].label, b[0].label)
}

// runOf returns the spans at the start of s, sorted byLabel, that have the
// given label.
func runOf(s []span, label string) []span {
	if len(s) == 0 || s[0].label != label {
		return nil
	}
	return s[:labelRun(s)]
}

// label returns the figures of label, adding them when new.
func (c *comparer) label(label string) *LabelFigures {
	f, ok := c.labels[label]
	if !ok {
		f = &LabelFigures{}
		c.labels[label] = f
	}
	return f
}

// addKappa counts the code points of text, the text of the documents
// whose spans add has just sorted, for every kind.
func (c *comparer) addKappa(text string) {
	c.nonSpace = nonSpacePrefix(text, c.nonSpace)
	n := len(c.nonSpace) - 1
	c.splitByKind(c.spansA, c.kindA)
	c.splitByKind(c.spansB, c.kindB)
	for _, k := range annotate.Kinds {
		c.segA = c.categorizer.categorize(c.kindA[k], n, c.segA)
		c.segB = c.categorizer.categorize(c.kindB[k], n, c.segB)
		c.kappa[k].count(c.segA, c.segB, c.nonSpace)
	}
}

// splitByKind fills byKind with the spans of each kind, sorted
// byPosition. spans is sorted byLabel, so a label's kind is looked up once
// per run.
func (c *comparer) splitByKind(spans []span, byKind map[annotate.Kind][]span) {
	for _, k := range annotate.Kinds {
		byKind[k] = byKind[k][:0]
	}
	for len(spans) > 0 {
		run := spans[:labelRun(spans)]
		if k := c.kindOf(run[0].label); k.Valid() {
			byKind[k] = append(byKind[k], run...)
		}
		spans = spans[len(run):]
	}
	for _, k := range annotate.Kinds {
		slices.SortFunc(byKind[k], byPosition)
	}
}

// figures returns what c has counted.
func (c *comparer) figures() Figures {
	f := Figures{
		Labels:    c.labels,
		Overall:   c.overall,
		Kappa:     make(map[annotate.Kind]float64, len(c.kappa)),
		Relations: c.relations,
	}
	for k, t := range c.kappa {
		f.Kappa[k] = t.kappa()
	}
	f.Attributes = c.attrs.figures()
	return f
}
