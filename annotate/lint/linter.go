package lint

import (
	"fmt"
	"slices"

	"spanmark/annotate"
)

// Linter checks documents against a schema and, for the project rules,
// against the Surfaces of the whole project.
type Linter struct {
	schema   annotate.Schema
	surfaces *Surfaces
	on       map[string]bool
	attrs    map[string][]annotate.Attribute // required attributes by label
	kinds    map[string]annotate.Kind        // each label's kind
	// Annotator is who the annotations a fix adds (missed-mention's tag)
	// are by.
	Annotator string
}

// New returns a Linter that runs the rules named in ids, or every rule
// when ids is empty. An unknown id is an error. surfaces may be nil when
// no project rule runs.
func New(schema annotate.Schema, surfaces *Surfaces, ids []string) (*Linter, error) {
	if len(ids) == 0 {
		for _, r := range Rules {
			ids = append(ids, r.ID)
		}
	}
	l := &Linter{schema: schema, surfaces: surfaces, on: make(map[string]bool), attrs: make(map[string][]annotate.Attribute)}
	for _, id := range ids {
		if _, ok := RuleByID(id); !ok {
			return nil, fmt.Errorf("lint: no rule %q", id)
		}
		l.on[id] = true
	}
	if NeedsProject(ids) && surfaces == nil {
		return nil, fmt.Errorf("lint: the project rules need the project's surfaces")
	}
	l.kinds = make(map[string]annotate.Kind, len(schema.Labels))
	for _, lb := range schema.Labels {
		l.kinds[lb.Name] = lb.Kind
		for _, a := range schema.AttributesFor(lb.Name) {
			if a.Required {
				l.attrs[lb.Name] = append(l.attrs[lb.Name], a)
			}
		}
	}
	return l, nil
}

// docContext is what the rules of one document share.
type docContext struct {
	d         *annotate.DocumentData
	x         *annotate.Index
	tokens    []annotate.Token // see words
	tokenized bool
	anns      []annotate.Annotation // in CompareAnnotations order
	texts     []string              // texts[i] is the text of anns[i]
	bytes     [][2]int              // bytes[i] is where anns[i] starts and ends, in bytes
	counts    []LabelCount          // a buffer for Surfaces.appendCounts
	reach     []int                 // reach[i] is the largest End of anns[:i+1]; see overlapsKind
	out       []Finding
}

// text returns the document's text at an annotation.
func (c *docContext) text(a annotate.Annotation) string { return c.x.Slice(a.Start, a.End) }

// words returns the document's tokens. The text is tokenized at the
// first call only: few spans have a word on both sides of a boundary, the
// only place a rule needs tokens, and tokenizing every text was a fifth
// of a project's lint.
func (c *docContext) words() []annotate.Token {
	if !c.tokenized {
		c.tokens, c.tokenized = annotate.Tokenize(c.d.Document.Text), true
	}
	return c.tokens
}

// add reports a finding at annotation a.
func (c *docContext) add(rule string, a annotate.Annotation, fix *Fix, format string, args ...any) {
	c.out = append(c.out, Finding{
		Rule: rule, DocumentID: c.d.Document.ID, DocumentTitle: c.d.Document.Title,
		Annotation: a.ID, Start: a.Start, End: a.End, Text: c.text(a),
		Message: fmt.Sprintf(format, args...), Fix: fix,
	})
}

// addDocument reports a finding about the whole document.
func (c *docContext) addDocument(rule, format string, args ...any) {
	c.out = append(c.out, Finding{
		Rule: rule, DocumentID: c.d.Document.ID, DocumentTitle: c.d.Document.Title,
		Message: fmt.Sprintf(format, args...),
	})
}

// Document returns the findings of d, ordered by place and then by rule.
func (l *Linter) Document(d *annotate.DocumentData) []Finding {
	return l.check(d, annotate.NewIndex(d.Document.Text), nil)
}

// check runs the rules on d, given its text's index and its tokens (nil:
// tokenized when a rule needs them).
func (l *Linter) check(d *annotate.DocumentData, x *annotate.Index, tokens []annotate.Token) []Finding {
	c := &docContext{d: d, x: x, anns: d.Annotations, tokens: tokens, tokenized: tokens != nil}
	if !slices.IsSortedFunc(c.anns, annotate.CompareAnnotations) {
		c.anns = slices.Clone(c.anns)
		annotate.SortAnnotations(c.anns)
	}
	// Each annotation's offsets are converted once: four rules read its
	// text or look at its ends.
	c.texts, c.bytes = make([]string, len(c.anns)), make([][2]int, len(c.anns))
	for i, a := range c.anns {
		start, end := x.ByteOffset(a.Start), x.ByteOffset(a.End)
		c.bytes[i] = [2]int{start, end}
		if start < end {
			c.texts[i] = x.Text()[start:end]
		}
	}
	for _, check := range []struct {
		id string
		fn func(*docContext)
	}{
		{ClaimWithoutSource, l.claimsWithoutSource},
		{SourceWithoutClaim, l.sourcesWithoutClaim},
		{InconsistentLabel, l.inconsistentLabels},
		{MissedMention, l.missedMentions},
		{BoundarySpace, boundarySpaces},
		{BoundaryPunct, boundaryPuncts},
		{PartialToken, partialTokens},
		{Duplicate, duplicates},
		{SameLabelOverlap, sameLabelOverlaps},
		{EmptyDone, emptyDone},
		{AttributeUnset, l.attributesUnset},
	} {
		if l.on[check.id] {
			check.fn(c)
		}
	}
	sortFindings(c.out)
	return c.out
}

// sortFindings orders findings by place, then by rule in Rules order.
func sortFindings(fs []Finding) {
	order := make(map[string]int, len(Rules))
	for i, r := range Rules {
		order[r.ID] = i
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		return order[a.Rule] - order[b.Rule]
	})
}
