package textview

// seg is a straight line from (x0, y0) to (x1, y1) in the coordinates of
// the layout.
type seg struct {
	x0, y0, x1, y1 float32
}

// linkStyle is what the geometry of a link needs besides the layout.
type linkStyle struct {
	textTop    float32 // from the top of a line to the top of its text
	textHeight float32 // from the top of a line's text to its bottom
	head       float32 // the arrow head's wings go this far back and sideways
	lane       float32 // x of the vertical run between lines, left of the text
	top        float32 // the view's top edge, in layout coordinates
	bottom     float32 // the view's bottom edge
}

// end is where a link meets a range: on line li at x, or off the lines
// in view above (side < 0) or below (side > 0).
type end struct {
	side int
	li   int
	x    float32
}

// linkEnd returns where a link meets the range [a, b): the middle of the
// range's piece on its first line, when that is one of the lines first to
// last. (It is boxes' first box, without the slice a frame would make.)
func (l *layout) linkEnd(a, b, first, last int) end {
	if a < int(l.lines[first].start) {
		return end{side: -1}
	}
	if a > int(l.lines[last].end) {
		return end{side: 1}
	}
	li := l.lineOf(a)
	x0 := min(l.x(li, a), l.width)
	x1 := min(l.x(li, min(b, int(l.lines[li].end))), l.width)
	return end{li: li, x: (x0 + x1) / 2}
}

// linkPath appends to dst the segments of an arrow from the range from
// to the range to, for the lines first to last in view, and returns the
// extended slice. A link runs in the gaps between lines, so it crosses no
// text but its short stubs: on one line it is a bracket over the text, as
// brat draws it; to the next line it leaves the claim from below; further
// it goes along the left margin (at s.lane). An end off the view is
// replaced by the view's edge, where the arrow head then points on, up or
// down; a link with both ends off the view draws nothing.
func (l *layout) linkPath(dst []seg, from, to [2]int, first, last int, s linkStyle) []seg {
	f := l.linkEnd(from[0], from[1], first, last)
	t := l.linkEnd(to[0], to[1], first, last)
	if f.side != 0 && t.side != 0 {
		return dst
	}
	gap := func(li int) float32 { return float32(li)*l.lineHeight - 1 }
	text := func(li int) float32 { return float32(li)*l.lineHeight + s.textTop }
	if f.side != 0 { // in from the edge, along the margin, to the target
		edge := s.bottom
		if f.side < 0 {
			edge = s.top
		}
		dst = append(dst,
			seg{s.lane, edge, s.lane, gap(t.li)},
			seg{s.lane, gap(t.li), t.x, gap(t.li)},
			seg{t.x, gap(t.li), t.x, text(t.li)})
		return arrowHead(dst, t.x, text(t.li), 1, s.head)
	}
	// Out of the claim: up into the gap above it, or down into the gap
	// below it when the target is further down.
	down := t.side > 0 || t.side == 0 && t.li > f.li
	run := gap(f.li)
	if down {
		run = gap(f.li + 1)
		dst = append(dst, seg{f.x, text(f.li) + s.textHeight, f.x, run})
	} else {
		dst = append(dst, seg{f.x, text(f.li), f.x, run})
	}
	switch {
	case t.side != 0: // along the margin to the view's edge
		y := max(s.bottom, run)
		if t.side < 0 {
			y = min(s.top, run)
		}
		dst = append(dst, seg{f.x, run, s.lane, run}, seg{s.lane, run, s.lane, y})
		return arrowHead(dst, s.lane, y, t.side, s.head)
	case gap(t.li) != run: // along the margin to the target's gap
		dst = append(dst,
			seg{f.x, run, s.lane, run},
			seg{s.lane, run, s.lane, gap(t.li)},
			seg{s.lane, gap(t.li), t.x, gap(t.li)})
	default: // the target's gap is the claim's
		dst = append(dst, seg{f.x, run, t.x, run})
	}
	dst = append(dst, seg{t.x, gap(t.li), t.x, text(t.li)})
	return arrowHead(dst, t.x, text(t.li), 1, s.head)
}

// arrowHead appends the two wings of an arrow head with its tip at (x, y),
// pointing down (dir > 0) or up (dir < 0).
func arrowHead(dst []seg, x, y float32, dir int, h float32) []seg {
	back := -h
	if dir < 0 {
		back = h
	}
	return append(dst, seg{x - h, y + back, x, y}, seg{x + h, y + back, x, y})
}
