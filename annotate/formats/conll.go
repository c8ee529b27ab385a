package formats

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"spanmark/annotate"
)

// CoNLL's column format with IOB2 tags, for the annotations of one kind:
//
//	-DOCSTART- -X- O O
//
//	North	B-LOC
//	Korea	I-LOC
//	has	O
//	…
//	.	O
//
//	Moscow	B-LOC
//
// A token line is TOKEN<TAB>TAG: doccano reads exactly two tab-separated
// columns, and spaCy and seqeval users split on any white space. Each
// document starts with CoNLL-2003's separator line, written exactly as
// spaCy's converter looks for it ("-DOCSTART- -X- O O", spaces and all),
// and a blank line; readers that split a line on white space take its
// first column as the word and its last as the tag, O. doccano cannot read
// that line (it is not two tab-separated columns), so DocStart "none"
// leaves it out. A blank line ends each sentence. Tokens are
// annotate.Tokenize's, so they never cross a line. A sentence ends after a
// token that is ".", "!", "?" or "…" followed by white space, and at every
// line break (so paragraphs and headlines are sentences of their own),
// but only outside every exported span: strict IOB2 readers (seqeval's
// IOB2 scheme, doccano) drop a span's tail that starts a sentence with an
// I- tag, and spaCy's converter cuts the span there. Abbreviations such as
// "U.S." end sentences too, the price of a rule without a dictionary. A token is
// tagged with every span that overlaps it: B- for the first, I- for the
// rest. Spans of one kind that overlap cannot be tagged: the longer is
// kept. Spans that do not start and end on token boundaries are tagged by
// the tokens they overlap. Both are counted and reported to Warn.
//
// The importer rebuilds each document's text from its tokens, joined by
// single spaces, with a line break between sentences, and makes a span of
// each B- tag and the I- tags after it, across sentence breaks too, since
// claims span sentences (an I- tag that follows O or another label starts
// a span, as in IOB1). It takes the first column as
// the token and the last as the tag, so files with more columns, such as
// CoNLL-2003's, are read too; a line whose first column is -DOCSTART-, in
// this form or the older "-DOCSTART-<TAB>O", starts a document. Only the labels of one kind survive a round
// trip, token by token; the text's spacing does not.

// conllSentenceEnds are the tokens after which, before white space, a
// sentence ends.
var conllSentenceEnds = map[string]bool{".": true, "!": true, "?": true, "…": true}

// The values of ExportOptions.DocStart.
const (
	DocStartCoNLL2003 = "conll2003" // "-DOCSTART- -X- O O" and a blank line; the default
	DocStartNone      = "none"      // no separator: documents follow one another as sentences
)

// conllDocStart returns the separator written before each document.
func conllDocStart(o ExportOptions) (string, error) {
	switch o.DocStart {
	case "", DocStartCoNLL2003:
		return "-DOCSTART- -X- O O\n\n", nil
	case DocStartNone:
		return "", nil
	}
	return "", fmt.Errorf("export conll: docstart %q: want %s or %s", o.DocStart, DocStartCoNLL2003, DocStartNone)
}

// ExportCoNLL writes the annotations of kind o.Kind (entities if empty)
// of docs in CoNLL format, each document after o.DocStart's separator.
func ExportCoNLL(w io.Writer, docs iter.Seq2[*annotate.DocumentData, error], o ExportOptions) error {
	kind := o.Kind
	if kind == "" {
		kind = annotate.KindEntity
	}
	docStart, err := conllDocStart(o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	left := attrTally{format: "conll", why: "CoNLL has no attributes"}
	err = eachDocument(docs, func(d *annotate.DocumentData) error {
		left.countAll(d)
		bw.WriteString(docStart)
		conllDocument(bw, d, kind, o)
		return nil
	})
	if err == nil {
		left.report(o)
	}
	return flushExport(bw, "conll", err)
}

// conllDocument writes one document; bw keeps any write error until it is
// flushed.
func conllDocument(bw *bufio.Writer, d *annotate.DocumentData, kind annotate.Kind, o ExportOptions) {
	runes := []rune(d.Document.Text)
	tokens := annotate.TokenizeRunes(runes)
	tags := conllTags(d, tokens, kind, o)
	for i, tok := range tokens {
		// Kept spans do not overlap, so a token tagged I- is inside the
		// one span that covers the gap before it.
		if i > 0 && !strings.HasPrefix(tags[i], "I-") && conllBreak(runes, tokens[i-1], tok) {
			bw.WriteByte('\n')
		}
		bw.WriteString(string(runes[tok.Start:tok.End]))
		bw.WriteByte('\t')
		bw.WriteString(tags[i])
		bw.WriteByte('\n')
	}
	if len(tokens) > 0 {
		bw.WriteByte('\n')
	}
}

// conllBreak reports whether a sentence would end between the tokens
// prev and next, were no span to cover the gap.
func conllBreak(runes []rune, prev, next annotate.Token) bool {
	gap := runes[prev.End:next.Start]
	if len(gap) > 0 && unicode.IsSpace(gap[0]) && conllSentenceEnds[string(runes[prev.Start:prev.End])] {
		return true
	}
	for _, r := range gap {
		if r == '\n' {
			return true
		}
	}
	return false
}

// conllTags returns the IOB2 tag of each token for the annotations of
// kind, and warns about those that cannot be tagged exactly.
func conllTags(d *annotate.DocumentData, tokens []annotate.Token, kind annotate.Kind, o ExportOptions) []string {
	var anns []annotate.Annotation
	for _, a := range d.Annotations {
		if o.Schema.KindOf(a.Label) == kind {
			anns = append(anns, a)
		}
	}
	kept, dropped := keepLongest(anns)
	tags := make([]string, len(tokens))
	for i := range tags {
		tags[i] = "O"
	}
	misaligned := 0
	for _, a := range kept {
		first := sort.Search(len(tokens), func(i int) bool { return tokens[i].End > a.Start })
		i := first
		for ; i < len(tokens) && tokens[i].Start < a.End; i++ {
			prefix := "I-"
			if i == first {
				prefix = "B-"
			}
			tags[i] = prefix + a.Label
		}
		if i == first || tokens[first].Start != a.Start || tokens[i-1].End != a.End {
			misaligned++
		}
	}
	if len(dropped) > 0 {
		o.warn("conll: %s: %d %s spans overlap a longer one and are left out", exportDocName(d), len(dropped), kind)
	}
	if misaligned > 0 {
		o.warn("conll: %s: %d %s spans do not start and end on token boundaries; tagged by the tokens they overlap",
			exportDocName(d), misaligned, kind)
	}
	return tags
}

// conllSpan is a span being read, in code points of the rebuilt text.
type conllSpan struct {
	where      string
	start, end int
	label      string
}

// conllReader rebuilds one document at a time from CoNLL lines.
type conllReader struct {
	t        *toolImport
	where    string // where the document starts
	text     strings.Builder
	cp       int // length of text in code points
	newLine  bool
	spans    []conllSpan
	open     bool // the last span goes on with an I- tag of its label
	iStarted int  // I- tags that started a span
}

// ImportCoNLL reads CoNLL with IOB tags. name is the file, for messages.
func ImportCoNLL(r io.Reader, name string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	c := &conllReader{t: newToolImport(name, o), where: "line 1"}
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, Report{}, fmt.Errorf("import %s: line %d: %w", name, n, err)
		}
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if lineErr := c.line(fmt.Sprintf("line %d", n), strings.TrimRight(line, "\r\n")); lineErr != nil {
			return nil, Report{}, lineErr
		}
		if err == io.EOF {
			break
		}
	}
	if err := c.flush(); err != nil {
		return nil, Report{}, err
	}
	if c.iStarted > 0 {
		c.t.note("", "%d spans start with an I- tag (read as IOB1)", c.iStarted)
	}
	return c.t.finish()
}

// line reads one line.
func (c *conllReader) line(where, line string) error {
	if strings.TrimSpace(line) == "" {
		c.newLine = c.cp > 0
		return nil
	}
	var fields []string
	if strings.Contains(line, "\t") {
		fields = strings.Split(line, "\t")
	} else {
		fields = strings.Fields(line)
	}
	token, tag := fields[0], fields[len(fields)-1]
	if token == "-DOCSTART-" {
		if err := c.flush(); err != nil {
			return err
		}
		c.where = where
		return nil
	}
	if len(fields) < 2 || token == "" {
		return c.t.errorf(where, "want TOKEN<TAB>TAG, got %q", snippet([]byte(line)))
	}
	if c.cp > 0 {
		sep := " "
		if c.newLine {
			sep = "\n"
		}
		c.text.WriteString(sep)
		c.cp++
	}
	c.newLine = false
	start := c.cp
	c.text.WriteString(token)
	c.cp += utf8.RuneCountInString(token)
	return c.tag(where, tag, start)
}

// tag applies the tag of the token that starts at start and ends at c.cp.
func (c *conllReader) tag(where, tag string, start int) error {
	prefix, label, _ := strings.Cut(tag, "-")
	switch {
	case tag == "O":
		c.open = false
		return nil
	case prefix != "B" && prefix != "I" || label == "":
		return c.t.errorf(where, "tag %q is not O, B-LABEL or I-LABEL", tag)
	case prefix == "I" && c.open && c.spans[len(c.spans)-1].label == label:
		c.spans[len(c.spans)-1].end = c.cp
		return nil
	case prefix == "I":
		c.iStarted++
	}
	c.spans = append(c.spans, conllSpan{where, start, c.cp, label})
	c.open = true
	return nil
}

// flush makes a document of what has been read since the last one.
func (c *conllReader) flush() error {
	defer func() {
		c.text.Reset()
		c.cp, c.newLine, c.spans, c.open = 0, false, nil, false
	}()
	if c.cp == 0 {
		return nil
	}
	d, err := c.t.newDoc(c.where, c.text.String(), toolMeta{})
	if err != nil {
		return err
	}
	for _, sp := range c.spans {
		s, e, err := d.text.span(sp.start, sp.end, unitCodePoints)
		if err != nil {
			return c.t.errorf(sp.where, "%v", err)
		}
		c.t.addAnnotation(d, annotate.Annotation{Start: s, End: e, Label: sp.label})
	}
	return nil
}
