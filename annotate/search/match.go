package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"spanmark/annotate"
)

// matches yields the query's matches in doc that pass the filters.
func (s *Searcher) matches(doc *document, yield func(Result) bool) bool {
	text := doc.d.Document.Text
	for pos := 0; pos <= len(text); {
		bs, be, ok := s.find.next(text, pos)
		if !ok {
			return true
		}
		if be == bs {
			// An empty match (a regular expression like `\b`) finds no
			// text; step over one code point so that the loop ends.
			_, n := utf8.DecodeRuneInString(text[bs:])
			pos = bs + max(n, 1)
			continue
		}
		pos = be
		if s.q.WholeWord && !(wordBoundary(text, bs) && wordBoundary(text, be)) {
			continue
		}
		start, end := doc.x().CodePoint(bs), doc.x().CodePoint(be)
		if !s.passes(doc, start, end) {
			continue
		}
		if !yield(doc.result(start, end)) {
			return false
		}
	}
	return true
}

// annotations yields, for an empty query text, every annotation of doc
// that passes the annotation filters.
func (s *Searcher) annotations(doc *document, yield func(Result) bool) bool {
	for _, a := range doc.sorted() {
		if s.annotationPasses(a) && !yield(doc.result(a.Start, a.End)) {
			return false
		}
	}
	return true
}

// passes reports whether the match [start, end) passes the filters on
// what is annotated there.
func (s *Searcher) passes(doc *document, start, end int) bool {
	if !s.filtersAnnotations() && !s.q.Unannotated {
		return true
	}
	found, any := false, false
	doc.overlapping(start, end, func(a annotate.Annotation) {
		any = true
		found = found || s.annotationPasses(a)
	})
	if s.q.Unannotated {
		return !any
	}
	return found
}

// filtersAnnotations reports whether the query has a filter on the
// annotations at a match.
func (s *Searcher) filtersAnnotations() bool {
	q := s.q
	return len(q.Labels) > 0 || len(q.Kinds) > 0 || q.Attribute != "" || q.Note != "" || q.Annotator != ""
}

// annotationPasses reports whether a passes every annotation filter.
func (s *Searcher) annotationPasses(a annotate.Annotation) bool {
	q := s.q
	if len(q.Labels) > 0 && !slices.Contains(q.Labels, a.Label) {
		return false
	}
	if len(q.Kinds) > 0 {
		l, _ := s.schema.Label(a.Label)
		if !slices.Contains(q.Kinds, l.Kind) {
			return false
		}
	}
	if s.attr.name != "" && a.Attributes.Get(s.attr.name).String() != s.attr.value {
		return false
	}
	if q.Note != "" && !strings.Contains(strings.ToLower(a.Note), strings.ToLower(q.Note)) {
		return false
	}
	return q.Annotator == "" || a.Annotator == q.Annotator
}

// wordBoundary reports whether the byte offset i of text is a word
// boundary: not between two word characters (letters, digits, combining
// marks). Scripts written without spaces between words (Chinese,
// Japanese, Thai, Lao, Khmer, Myanmar) have no boundaries a program can
// see without a dictionary, so there every character boundary counts as
// one: a whole-word search finds 北京 inside 我爱北京天安门.
func wordBoundary(text string, i int) bool {
	if i == 0 || i == len(text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	if !wordRune(before) || !wordRune(after) {
		return true
	}
	return unspaced(before) || unspaced(after)
}

// wordRune reports whether r is a letter, a digit or a combining mark.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// unspacedScripts are the scripts written without spaces between words.
var unspacedScripts = []*unicode.RangeTable{
	unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

func unspaced(r rune) bool { return unicode.In(r, unspacedScripts...) }
