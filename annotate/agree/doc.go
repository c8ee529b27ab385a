// Package agree measures how far two annotators agree on the same
// documents, lists where they differ for review, and merges the work of
// several annotators. It works on annotate values only; reading project
// files and showing the results are left to its callers.
//
// # Pairing documents
//
// Documents are paired by the SHA-256 of their text
// ([annotate.Document.TextHash]: the SHA256 field, or the hash of the text
// when that is empty), so the same article
// imported separately by two people pairs up. Documents whose text is in
// only one side are counted (only_a, only_b) and contribute no figures.
// When one side holds the same text more than once, its k-th copy pairs
// with the other side's k-th copy. Every figure is for paired documents
// only, summed over the documents before dividing (micro-averaged), per
// label and overall. Labels that no annotation of a paired document uses
// are not listed.
//
// # Precision, recall and F1
//
// Side A (your file) is the reference. With |A| and |B| annotations of
// which m pairs match one to one, recall = m/|A|, precision = m/|B| and
// F1 = 2m/(|A|+|B|). Nothing divides by zero: when |A|+|B| = 0 the F1 is 1,
// because two empty files agree perfectly; recall is 1 when |A| = 0 and
// precision is 1 when |B| = 0, since none of the annotations they count
// is missed or wrong.
//
// # Exact and overlap matches
//
// An exact match is an annotation of A and one of B with the same start,
// end and label. They are paired as a multiset: two identical annotations
// in A match at most two in B.
//
// An overlap match is a pair with the same label whose ranges [s1,e1) and
// [s2,e2) overlap, that is s1 < e2 and s2 < e1. The pairs are chosen one to
// one with a maximum bipartite matching (Hopcroft–Karp), so the count is
// the largest possible and never depends on the order of the annotations.
// Candidates are found by sorting on start and sweeping, so the work grows
// with the number of overlapping pairs, not with the square of a
// document's annotations.
//
// # Cohen's kappa
//
// Kappa is computed for each kind (entity, claim, source) over the code
// points of the paired documents that are not white space (unicode.IsSpace
// false). On each side a code point's category is the label of the
// annotation of that kind that covers it with the smallest start; ties go
// to the smallest end, then to the label name that sorts first. A code
// point no annotation of the kind covers is in category "O". With N such
// code points, of which a have the same category on both sides, and
// n_A(c), n_B(c) the code points each side puts in category c:
//
//	pₒ = a/N
//	pₑ = Σ_c (n_A(c)/N)·(n_B(c)/N)
//	κ  = (pₒ − pₑ)/(1 − pₑ)
//
// κ is 1 when pₑ = 1 (both sides put every code point in one and the same
// category, for example when neither annotated anything of the kind) and
// when N = 0. The kind of a label comes from A's schema, or from B's for
// labels A's lacks; annotations whose label is in neither schema have no
// kind and take no part in kappa (they still count per label).
//
// # Relations
//
// A relation of A matches one of B when their types are equal and their
// from ends and their to ends have the same start, end and label. They are
// paired as a multiset, like exact matches. A relation whose end is not an
// annotation of its document counts but never matches.
//
// # Krippendorff's alpha among several annotators
//
// Alpha measures agreement among any number of sides, per kind, over the
// same units as kappa: every code point of a document that is not white
// space, with the category kappa gives it. Documents are grouped by text
// hash as for two sides; every side that has a document is one of its
// raters, and documents only one side has are left out and counted.
// Each unit with m ≥ 2 values adds 1/(m−1) to o(c,k) for every ordered
// pair of its values, from different raters, in categories c and k. With
// n_c = Σ_k o(c,k) and n = Σ_c n_c:
//
//	D_o = Σ_{c≠k} o(c,k) / n
//	D_e = Σ_{c≠k} n_c·n_k / (n·(n−1))
//	α   = 1 − D_o/D_e
//
// α is 1 when D_e = 0 (every value in one category, or nothing counted).
//
// # Attributes
//
// Every attribute is compared over the annotation pairs that match
// exactly (same start, end and label), the pairs of the exact F1: per
// label that has it in either schema, keyed "LABEL.name" (an attribute
// bound to a kind is counted separately for each label of the kind), and
// the document attributes over the paired documents, keyed
// "document.name". On each side a pair's category is the value, or
// "<unset>" when the side has none, so a value one side left out counts
// as a disagreement and a pair that both left unset as agreeing on
// "<unset>". Over N pairs of which a have the same category on both
// sides, the agreement is a/N and Cohen's kappa is as above, with pairs in
// place of code points; it is 1 when pₑ = 1 (both sides put every pair in
// one and the same category, so that pₒ = 1 too), as for spans. Only the
// counts per value are kept, never the pairs. Attributes compared over no
// pair are not listed.
//
// # Precision of figures
//
// Figures keep full float64 precision, also in the JSON report; only the
// human-readable table rounds them, to four decimals.
//
// # Review and merge
//
// Diff sorts one document's annotations into agreed, attribute value,
// boundary, label and one-sided differences for review, and DocDiff keeps
// that Diff up to date as the reviewer edits; Merge combines several
// annotators' documents by union, intersection or majority. Their doc
// comments give the exact rules.
package agree
