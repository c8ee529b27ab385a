package textview

import "sort"

// box is a piece of a text range on one line: from x0 to x1 on line li,
// in the coordinates of the layout (origin at the left of the first line).
type box struct {
	li     int
	x0, x1 float32
}

// lineAt returns the index of the line at y, clamped to the lines.
func (l *layout) lineAt(y float32) int {
	li := max(0, int(y/l.lineHeight))
	l.toLine(li)
	return min(li, len(l.lines)-1)
}

// lineOf returns the index of the line offset is on: the last line that
// starts at or before it, so an offset where a line wraps belongs to the
// next line.
func (l *layout) lineOf(offset int) int {
	l.toOffset(offset)
	i := sort.Search(len(l.lines), func(i int) bool { return int(l.lines[i].start) > offset })
	return max(0, i-1)
}

// lineRuns returns the runs of line li.
func (l *layout) lineRuns(li int) []run {
	end := len(l.runs)
	if li+1 < len(l.lines) {
		end = int(l.lines[li+1].run)
	}
	return l.runs[l.lines[li].run:end]
}

// runEnd returns where run k of line li ends.
func (l *layout) runEnd(li int, runs []run, k int) int {
	if k+1 < len(runs) {
		return int(runs[k+1].start)
	}
	return int(l.lines[li].end)
}

// x returns the x position of the boundary before code point offset on
// line li (offset within the line's range).
func (l *layout) x(li, offset int) float32 {
	runs := l.lineRuns(li)
	k := sort.Search(len(runs), func(k int) bool { return int(runs[k].start) > offset }) - 1
	if k < 0 {
		return 0
	}
	return l.xIn(runs[k], offset)
}

// xIn returns the x position of offset inside run r.
func (l *layout) xIn(r run, offset int) float32 {
	start := int(r.start)
	if offset <= start {
		return r.x
	}
	switch l.runes[start] {
	case '\t':
		return l.m.tabEnd(r.x)
	case ' ':
		if allSpaces(l.runes[start:offset]) {
			return r.x + float32(offset-start)*l.m.space
		}
	}
	return r.x + l.m.widthOfRunes(l.runes[start:offset])
}

func allSpaces(rs []rune) bool {
	for _, r := range rs {
		if r != ' ' {
			return false
		}
	}
	return true
}

// offsetAt returns the boundary between code points nearest to the point
// (x, y): 0 above the text, the text's length below it, the start of a
// line left of it and the end of a line right of its last character.
// It never returns an offset inside a grapheme cluster.
func (l *layout) offsetAt(x, y float32) int {
	if y < 0 {
		return 0
	}
	l.toLine(int(y / l.lineHeight))
	if y >= l.height() {
		return len(l.runes)
	}
	li := l.lineAt(y)
	runs := l.lineRuns(li)
	k := sort.Search(len(runs), func(k int) bool { return runs[k].x > x }) - 1
	if k < 0 {
		return int(l.lines[li].start)
	}
	// A scan, not a binary search: in cursive scripts a word's prefix can
	// be wider than the word (Arabic letters change shape at its end).
	best, bestD := -1, float32(0)
	for o := int(runs[k].start); o <= l.runEnd(li, runs, k); o++ {
		if !isBoundary(l.runes, o) {
			continue
		}
		if d := abs(x - l.xIn(runs[k], o)); best < 0 || d < bestD {
			best, bestD = o, d
		}
	}
	return best
}

// charAt returns the code point drawn at (x, y), or false if no
// character is there: above or below the text, or left or right of the
// characters of the line at y.
func (l *layout) charAt(x, y float32) (int, bool) {
	if y < 0 || x < 0 {
		return 0, false
	}
	l.toLine(int(y / l.lineHeight))
	if y >= l.height() {
		return 0, false
	}
	li := l.lineAt(y)
	runs := l.lineRuns(li)
	k := sort.Search(len(runs), func(k int) bool { return runs[k].x > x }) - 1
	if k < 0 {
		return 0, false
	}
	for o, end := int(runs[k].start), l.runEnd(li, runs, k); o < end; o++ {
		if x0, x1 := l.xIn(runs[k], o), l.xIn(runs[k], o+1); x >= min(x0, x1) && x < max(x0, x1) {
			return o, true
		}
	}
	return 0, false
}

func abs(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// prevBoundary returns the cursor position at or before k.
func (l *layout) prevBoundary(k int) int { return boundaryAtOrBefore(l.runes, k) }

// nextBoundary returns the first cursor position after k.
func (l *layout) nextBoundary(k int) int { return boundaryAfter(l.runes, k) }

// boxes appends to dst one box per line for the range [a, b), for the
// lines first to last only, and returns the extended slice. A range that
// goes on past the end of a paragraph gets a space's width more on that
// line, so a selection of blank lines shows. Boxes are clipped to the
// layout's width (spaces at a wrap hang past it).
func (l *layout) boxes(dst []box, a, b, first, last int) []box {
	n := len(l.runes)
	a, b = max(a, 0), min(b, n)
	if a >= b {
		return dst
	}
	last = min(last, len(l.lines)-1)
	if last < first || a > int(l.lines[last].end) {
		return dst // after the lines: not worth laying out the text up to a
	}
	for li := max(l.lineOf(a), first); li <= last; li++ {
		ln := l.lines[li]
		if int(ln.start) >= b {
			break
		}
		s, e := max(a, int(ln.start)), min(b, int(ln.end))
		x0, x1 := l.x(li, s), l.x(li, e)
		if int(ln.end) < b && int(ln.end) < n && l.runes[ln.end] == '\n' {
			x1 += l.m.space
		}
		x0, x1 = min(x0, l.width), min(x1, l.width)
		if x1 > x0 {
			dst = append(dst, box{li: li, x0: x0, x1: x1})
		}
	}
	return dst
}
