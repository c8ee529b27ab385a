package textview

// minThumb is the smallest height of the scroll bar's thumb, so that it
// stays easy to grab on a long text.
const minThumb = 24

// thumb returns the top and the height of the scroll bar's thumb for a
// view viewH high showing content contentH high scrolled down by scrollY.
func thumb(viewH, contentH, scrollY float32) (y, h float32) {
	if contentH <= viewH {
		return 0, viewH
	}
	h = min(viewH, max(minThumb, viewH*viewH/contentH))
	return scrollY / (contentH - viewH) * (viewH - h), h
}

// scrollForThumb returns the scroll offset that puts the thumb's top at
// y, the inverse of thumb.
func scrollForThumb(viewH, contentH, y float32) float32 {
	_, h := thumb(viewH, contentH, 0)
	if h >= viewH {
		return 0
	}
	return y / (viewH - h) * (contentH - viewH)
}
