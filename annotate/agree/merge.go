package agree

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"spanmark/annotate"
)

// Strategy is the rule by which Merge keeps an annotation, a relation or
// a document, given how many of the inputs have it.
type Strategy string

// The merge strategies.
const (
	// Union keeps what any input has.
	Union Strategy = "union"
	// Intersection keeps what every input has.
	Intersection Strategy = "intersection"
	// Majority keeps what more than half of the inputs have; it needs at
	// least three inputs.
	Majority Strategy = "majority"
)

// ParseStrategy returns the strategy called name: union, intersection or
// majority.
func ParseStrategy(name string) (Strategy, error) {
	switch s := Strategy(name); s {
	case Union, Intersection, Majority:
		return s, nil
	}
	return "", annotate.Invalidf("merge strategy %q: want union, intersection or majority", name)
}

// keeps reports whether s keeps what have of n inputs have.
func (s Strategy) keeps(have, n int) bool {
	switch s {
	case Union:
		return have > 0
	case Intersection:
		return have == n
	case Majority:
		return 2*have > n
	}
	return false
}

// Merge combines the work of several annotators into one set of
// documents, ready for annotate.Store.Import, and the schema they need.
//
// Documents are paired by the hash of their text, as in Compare. The
// strategy's rule decides, for each item, from how many of the inputs
// have it:
//
//   - A document is kept when the rule holds for the document itself, so
//     Union keeps every document. An input without the document counts as
//     having none of its annotations and relations, so under Intersection
//     a kept document is in every input, and under Majority an annotation
//     needs more than half of all inputs, not of those with the document.
//   - An annotation is kept when the rule holds for its exact-match key
//     (start, end, label). Copies of one key within one input count once.
//   - A relation is kept when both its ends are kept and the rule holds for
//     its key (type, from span, to span).
//
// Every kept annotation and relation gets a fresh id (annotate.NewID);
// their other fields come from the first input, in the order given, that
// has them. An annotation's Note ends with a line naming the inputs that
// have it, "agreed: alice, bob", after the first note any of them wrote.
// Its attribute values, and a document's, are those that most of the
// inputs that have it agree on, attribute by attribute, whatever the
// strategy; leaving an attribute unset is one more value to vote for. A
// tie keeps the value of the first of those inputs whose value is in the
// tie, and for an annotation adds a line to the note after the agreed
// line, "verdict: tie false/mostly_false, kept alice".
// An input without a Name is called "input 1", "input 2", and so on. A
// merged document keeps the id (or gets a fresh one when that is empty),
// title and other fields of the first input that has it. Annotations come
// ordered by start, then end, then label.
//
// The schema is the first input's, with the labels, relation types and
// attributes of the later inputs added that it lacks, and the enum values
// of its attributes that later inputs add; an added label or value whose
// hotkey is taken loses the hotkey. An attribute with different types in
// two inputs is an error. A label or relation type that has different
// kinds in two inputs is an error, as are fewer than two inputs, Majority
// with fewer than three, an unknown strategy, an input document that does
// not pass annotate.ValidateDocumentData against the merged schema, two
// documents with the same text in one input, and a merged document that
// does not validate. Errors that concern one input name it; all wrap
// annotate.ErrInvalid.
func Merge(strategy Strategy, inputs []Side) (annotate.Schema, []*annotate.DocumentData, error) {
	if err := checkMerge(strategy, len(inputs)); err != nil {
		return annotate.Schema{}, nil, fmt.Errorf("merge: %w", err)
	}
	names := inputNames(inputs)
	schema, err := mergeSchemas(inputs, names)
	if err != nil {
		return annotate.Schema{}, nil, fmt.Errorf("merge: %w", err)
	}
	groups, err := groupDocuments(inputs, names, schema)
	if err != nil {
		return annotate.Schema{}, nil, fmt.Errorf("merge: %w", err)
	}
	m := merger{strategy: strategy, names: names}
	var out []*annotate.DocumentData
	for _, g := range groups {
		if !strategy.keeps(present(g), len(inputs)) {
			continue
		}
		d := m.document(g)
		if err := annotate.ValidateDocumentData(d, schema); err != nil {
			return annotate.Schema{}, nil, fmt.Errorf("merge: %w", err)
		}
		out = append(out, d)
	}
	return schema, out, nil
}

// checkMerge checks the strategy against the number of inputs.
func checkMerge(s Strategy, n int) error {
	if _, err := ParseStrategy(string(s)); err != nil {
		return err
	}
	if n < 2 {
		return annotate.Invalidf("%d inputs: need at least two", n)
	}
	if s == Majority && n < 3 {
		return annotate.Invalidf("majority of %d inputs: need at least three", n)
	}
	return nil
}

// inputNames returns the name of each input, numbering those without one.
func inputNames(inputs []Side) []string {
	names := make([]string, len(inputs))
	for k, in := range inputs {
		names[k] = in.Name
		if names[k] == "" {
			names[k] = fmt.Sprintf("input %d", k+1)
		}
	}
	return names
}

// docGroup holds one text's document in each input, nil where an input
// lacks it.
type docGroup []*annotate.DocumentData

// present returns how many inputs have the document.
func present(g docGroup) int {
	n := 0
	for _, d := range g {
		if d != nil {
			n++
		}
	}
	return n
}

// groupDocuments checks the inputs' documents against the merged schema
// and pairs them by the hash of their text, in order of first appearance;
// names name the inputs in errors. Nil documents are skipped.
func groupDocuments(inputs []Side, names []string, schema annotate.Schema) ([]docGroup, error) {
	var groups []docGroup
	bySHA := map[string]int{}
	for k, in := range inputs {
		for _, d := range in.Docs {
			if d == nil {
				continue
			}
			if err := annotate.ValidateDocumentData(d, schema); err != nil {
				return nil, fmt.Errorf("%s: %w", names[k], err)
			}
			sha := d.Document.TextHash()
			g, ok := bySHA[sha]
			if !ok {
				g = len(groups)
				bySHA[sha] = g
				groups = append(groups, make(docGroup, len(inputs)))
			}
			if prev := groups[g][k]; prev != nil {
				return nil, annotate.Invalidf("%s: documents %s and %s have the same text",
					names[k], prev.Document.ID, d.Document.ID)
			}
			groups[g][k] = d
		}
	}
	return groups, nil
}

// merger merges the documents of one text.
type merger struct {
	strategy Strategy
	names    []string
}

// votes is the support of an annotation's or a relation's key: the
// inputs that have it, in order, and the first input's copy.
type votes[T any] struct {
	first  T
	inputs []int
}

// add counts input k, unless it is already counted, and reports whether
// it was new.
func (v *votes[T]) add(k int) bool {
	if n := len(v.inputs); n > 0 && v.inputs[n-1] == k {
		return false
	}
	v.inputs = append(v.inputs, k)
	return true
}

// document merges one group, which has at least one document.
func (m merger) document(g docGroup) *annotate.DocumentData {
	first := g[slices.IndexFunc(g, func(d *annotate.DocumentData) bool { return d != nil })]
	doc := first.Document
	doc.SHA256 = first.Document.TextHash()
	if doc.ID == "" {
		doc.ID = annotate.NewID()
	}
	var values []annotate.Attributes
	var inputs []int
	for k, d := range g {
		if d != nil {
			values, inputs = append(values, d.Document.Attributes), append(inputs, k)
		}
	}
	// A document has no note to tell of a tie in.
	doc.Attributes, _ = m.voteAttributes(values, inputs)
	anns, ids := m.annotations(g, doc.ID)
	return &annotate.DocumentData{
		Document:    doc,
		Annotations: anns,
		Relations:   m.relations(g, doc.ID, ids),
	}
}

// annotations returns the kept annotations of g, with fresh ids, and the
// id of each kept key.
func (m merger) annotations(g docGroup, docID string) ([]annotate.Annotation, map[spanKey]string) {
	var kept []annotate.Annotation
	ids := map[spanKey]string{}
	for _, v := range SpanVotes(g) {
		if !m.strategy.keeps(len(v.Inputs), len(g)) {
			continue
		}
		values := make([]annotate.Attributes, len(v.Copies)) // each input's values
		note := ""                                           // the first note on the span
		for i, c := range v.Copies {
			values[i] = c.Attributes
			if note == "" {
				note = c.Note
			}
		}
		a := v.Copies[0]
		a.ID = annotate.NewID()
		a.DocumentID = docID
		var ties []string
		a.Attributes, ties = m.voteAttributes(values, v.Inputs)
		a.Note = m.agreedNote(note, v.Inputs, ties)
		ids[keyOf(a)] = a.ID
		kept = append(kept, a)
	}
	slices.SortFunc(kept, func(x, y annotate.Annotation) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End), cmp.Compare(x.Label, y.Label))
	})
	return kept, ids
}

// agreedNote returns note followed by the line naming the inputs and
// the lines of ties.
func (m merger) agreedNote(note string, inputs []int, ties []string) string {
	names := make([]string, len(inputs))
	for i, k := range inputs {
		names[i] = m.names[k]
	}
	lines := append([]string{"agreed: " + strings.Join(names, ", ")}, ties...)
	if note != "" {
		lines = slices.Insert(lines, 0, note)
	}
	return strings.Join(lines, "\n")
}

// relations returns the kept relations of g, with fresh ids, between the
// kept annotations whose ids ids gives by key.
func (m merger) relations(g docGroup, docID string, ids map[spanKey]string) []annotate.Relation {
	var order []relationKey
	support := map[relationKey]*votes[annotate.Relation]{}
	for k, d := range g {
		if d == nil || len(d.Relations) == 0 {
			continue
		}
		byID := keysByID(d)
		for _, r := range d.Relations {
			key, ok := relationKeyOf(r, byID)
			if !ok {
				continue
			}
			v, seen := support[key]
			if !seen {
				v = &votes[annotate.Relation]{first: r}
				support[key] = v
				order = append(order, key)
			}
			v.add(k)
		}
	}
	var kept []annotate.Relation
	for _, key := range order {
		from, okFrom := ids[key.from]
		to, okTo := ids[key.to]
		v := support[key]
		if !okFrom || !okTo || !m.strategy.keeps(len(v.inputs), len(g)) {
			continue
		}
		r := v.first
		r.ID = annotate.NewID()
		r.DocumentID = docID
		r.From, r.To = from, to
		kept = append(kept, r)
	}
	return kept
}
