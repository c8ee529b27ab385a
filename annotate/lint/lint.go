// Package lint finds the spans that make a labelled dataset worse before
// it ships: claims without a source, a string labelled one way in most
// documents and another way in a few, spans that start or end on white
// space or punctuation, duplicates, required attributes left unset.
//
// Each rule has an id, reports findings with their place (document,
// annotation, code-point offsets, text) and, where a change is safe
// without a person looking, a fix. A Linter checks one document at a time
// against the schema and against a Surfaces index of the whole project,
// which a first pass over the documents builds.
package lint

import (
	"slices"

	"spanmark/annotate"
)

// Finding is one problem at one place. Annotation is empty for a finding
// about a whole document (empty-done, a document attribute). Start and
// End are code points, half-open; Text is the document's text there.
type Finding struct {
	Rule          string
	DocumentID    string
	DocumentTitle string
	Annotation    string
	Start, End    int
	Text          string
	Message       string
	// Fix, when not nil, is the safe change that removes the problem.
	Fix *Fix
}

// Fix is a change to one document that removes a finding.
type Fix struct {
	// Put is the annotation as the fix leaves it: trimmed, or newly
	// tagged. Delete names an annotation the fix removes.
	Put    *annotate.Annotation
	Delete string
}

// Rule describes one check.
type Rule struct {
	ID   string
	Doc  string // what it finds, one line
	Fix  string // what its fix does; empty when it has none
	kind ruleScope
}

// ruleScope says what a rule needs beyond the document itself.
type ruleScope int

const (
	scopeDocument ruleScope = iota // the document and the schema
	scopeProject                   // also the Surfaces of the project
)

// The rule ids.
const (
	ClaimWithoutSource = "claim-without-source"
	SourceWithoutClaim = "source-without-claim"
	InconsistentLabel  = "inconsistent-label"
	MissedMention      = "missed-mention"
	BoundarySpace      = "boundary-space"
	BoundaryPunct      = "boundary-punct"
	PartialToken       = "partial-token"
	Duplicate          = "duplicate"
	SameLabelOverlap   = "same-label-overlap"
	EmptyDone          = "empty-done"
	AttributeUnset     = "attribute-unset"
)

// Rules lists every rule, in the order findings of one place are
// reported.
var Rules = []Rule{
	{ID: ClaimWithoutSource, Doc: "a claim with no attributed_to relation"},
	{ID: SourceWithoutClaim, Doc: "a source no claim is attributed to"},
	{ID: InconsistentLabel, Doc: "the same string annotated with different labels of one kind in the project", kind: scopeProject},
	{ID: MissedMention, Doc: "an untagged occurrence of a string annotated at least twice elsewhere, always with one label", Fix: "tag it", kind: scopeProject},
	{ID: BoundarySpace, Doc: "a span that starts or ends with white space", Fix: "trim"},
	{ID: BoundaryPunct, Doc: "a span that ends with . , ; : or starts or ends with an unmatched quote or bracket", Fix: "trim"},
	{ID: PartialToken, Doc: "a span boundary inside a word"},
	{ID: Duplicate, Doc: "two annotations with the same start, end and label", Fix: "delete one"},
	{ID: SameLabelOverlap, Doc: "overlapping annotations of the same label"},
	{ID: EmptyDone, Doc: "a document marked done with no annotations"},
	{ID: AttributeUnset, Doc: "a required attribute left unset"},
}

// RuleByID returns the rule called id.
func RuleByID(id string) (Rule, bool) {
	i := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return Rules[i], true
}

// NeedsProject reports whether any of the rules needs the project's
// Surfaces, that is, whether a first pass over the documents is needed.
func NeedsProject(ids []string) bool {
	for _, id := range ids {
		if r, ok := RuleByID(id); ok && r.kind == scopeProject {
			return true
		}
	}
	return false
}
