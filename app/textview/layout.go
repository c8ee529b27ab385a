package textview

// line is one row of wrapped text: the code points [start, end). A line
// that ends a paragraph excludes its newline; a line that wraps keeps the
// spaces at the wrap, so the next line starts at the next word.
type line struct {
	start, end   int32
	bstart, bend int32 // the same range in bytes of the text
	run          int32 // index of the line's first run in layout.runs
}

// run is a piece of a line measured as a whole: a word, a stretch of
// spaces, a tab or one ideograph. It ends where the next run of its line
// starts, or at the end of the line.
type run struct {
	start int32   // code point offset of its first rune
	x     float32 // left edge, relative to the start of the line
}

// layout is a text broken into lines for one width. Lines are lineHeight
// apart, so line i is at y = i*lineHeight. It is plain data with the text
// and the measurer it was made with, so that hit testing and range
// geometry (hittest.go) are pure functions of it.
//
// A layout may hold the first lines only: the view lays out what is on
// screen when a text is shown or the width changes, and the rest a piece
// at a time afterwards (lazy.go), so that the first paint of a long text
// costs what a short one does. lines and runs are always complete lines;
// the methods that look a line up lay out as far as they need first, so
// no caller sees a line that is not laid out.
type layout struct {
	text       string
	runes      []rune
	m          *measurer
	width      float32
	lineHeight float32
	lines      []line
	runs       []run
	rest       *breaker // where laying out goes on; nil once the text is all laid out
}

// layoutText breaks all of text into lines no wider than width: at spaces
// and tabs, around ideographs, and inside a word only when the word alone
// is wider than the line. Spaces at a wrap hang past the width. runes
// must be []rune(text); the layout keeps both, the string so that cache
// keys and drawn lines are substrings that cost no allocation.
func layoutText(text string, runes []rune, width, lineHeight float32, m *measurer) *layout {
	l := startLayout(text, runes, width, lineHeight, m)
	l.toEnd()
	return l
}

// startLayout returns a layout of text for width with no line laid out
// yet: its methods lay out as far as they are asked about.
func startLayout(text string, runes []rune, width, lineHeight float32, m *measurer) *layout {
	l := &layout{text: text, runes: runes, m: m, width: width, lineHeight: lineHeight}
	b := &breaker{m: m, width: width}
	b.lines = append(make([]line, 0, len(text)/64+1), line{})
	b.runs = make([]run, 0, len(text)/3+1)
	l.rest = b
	l.sync()
	return l
}
