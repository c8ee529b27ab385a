package lint

import "spanmark/annotate"

// Text is what a Linter derives from a document's text alone: its offset
// index and its tokens. The text of a document never changes, so a caller
// that checks one document again and again (the app, after each edit)
// makes it once and passes it to [Linter.DocumentIn] instead of paying
// for an index and a tokenization of a book-length text at every check.
type Text struct {
	Index  *annotate.Index
	Tokens []annotate.Token
}

// NewText indexes and tokenizes text.
func NewText(text string) *Text {
	return &Text{Index: annotate.NewIndex(text), Tokens: annotate.Tokenize(text)}
}

// DocumentIn is [Linter.Document] for a document whose Text t was made
// beforehand from d's text.
func (l *Linter) DocumentIn(d *annotate.DocumentData, t *Text) []Finding {
	return l.check(d, t.Index, t.Tokens)
}
