package textview

import (
	"image"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// The dashed outlines of suggestions are painted into one raster instead
// of being drawn as one canvas rectangle per dash. A screen of
// suggestions has some 1,400 dashes, and Fyne's GL painter makes a draw
// call for every object on every repaint of the window: with Mesa's
// software renderer under Xvfb they made each repaint about twice as
// slow, a caret move 55 ms instead of 25. The raster is one texture,
// uploaded again only when the dashes change (a scroll, an edit, new
// suggestions), and one quad to draw.

// dashBox is one suggestion's outline, in the view's coordinates.
type dashBox struct {
	x, y, w, h float32
	c          color.RGBA // alpha-premultiplied, as image.RGBA holds it
}

// dashLayer paints the dashBoxes of a frame into its raster.
type dashLayer struct {
	raster  *canvas.Raster
	boxes   []dashBox // the frame being drawn
	drawn   []dashBox // what the raster was last refreshed with
	img     *image.RGBA
	version int // how many times the raster was refreshed, for tests
}

func newDashLayer() *dashLayer {
	d := &dashLayer{}
	d.raster = canvas.NewRaster(d.paint)
	d.raster.ScaleMode = canvas.ImageScalePixels
	return d
}

// add queues the outline of the box at (x, y), w by h, in c.
func (d *dashLayer) add(c color.Color, x, y, w, h float32) {
	d.boxes = append(d.boxes, dashBox{x, y, w, h, color.RGBAModel.Convert(c).(color.RGBA)})
}

// object returns the raster showing the queued boxes over a view of the
// given size, refreshed only if they are not what it shows already, and
// starts the next frame's queue. It returns nil when there are none.
func (d *dashLayer) object(size fyne.Size) fyne.CanvasObject {
	defer func() { d.boxes = d.boxes[:0] }()
	if len(d.boxes) == 0 {
		d.drawn = d.drawn[:0]
		return nil
	}
	if d.raster.Size() == size && slices.Equal(d.boxes, d.drawn) {
		return d.raster
	}
	d.drawn = append(d.drawn[:0], d.boxes...)
	d.version++
	if d.raster.Size() != size {
		d.raster.Resize(size) // which refreshes it
	} else {
		canvas.Refresh(d.raster)
	}
	return d.raster
}

// paint is the raster's generator: the drawn boxes at w by h pixels.
func (d *dashLayer) paint(w, h int) image.Image {
	if d.img == nil || d.img.Rect.Dx() != w || d.img.Rect.Dy() != h {
		d.img = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(d.img.Pix)
	}
	scale := float32(1)
	if width := d.raster.Size().Width; width > 0 {
		scale = float32(w) / width
	}
	for _, b := range d.drawn {
		b.paint(d.img, scale)
	}
	return d.img
}

// paint draws the box's four dashed sides into img, scale pixels to a
// unit of the view.
func (b dashBox) paint(img *image.RGBA, scale float32) {
	dash := func(x, y, w, h float32) {
		fillBox(img, x*scale, y*scale, (x+w)*scale, (y+h)*scale, b.c)
	}
	side := func(x, y, n float32, across bool) {
		for d := float32(0); d < n; d += dashLen + dashGap {
			l := min(dashLen, n-d)
			if across {
				dash(x+d, y, l, suggestWidth)
			} else {
				dash(x, y+d, suggestWidth, l)
			}
		}
	}
	side(b.x, b.y, b.w, true)
	side(b.x, b.y+b.h-suggestWidth, b.w, true)
	side(b.x, b.y, b.h, false)
	side(b.x+b.w-suggestWidth, b.y, b.h, false)
}

// fillBox paints [x0, x1) × [y0, y1), in pixels, over img in c, a pixel
// the box covers in part with that part of c, so that a 1.5-pixel stroke
// looks as the GL painter draws it.
func fillBox(img *image.RGBA, x0, y0, x1, y1 float32, c color.RGBA) {
	b := img.Rect
	py0, py1 := max(floor(y0), b.Min.Y), min(ceil(y1), b.Max.Y)
	px0, px1 := max(floor(x0), b.Min.X), min(ceil(x1), b.Max.X)
	for py := py0; py < py1; py++ {
		cy := min(y1, float32(py+1)) - max(y0, float32(py))
		for px := px0; px < px1; px++ {
			cx := min(x1, float32(px+1)) - max(x0, float32(px))
			over(img.Pix[img.PixOffset(px, py):], c, cx*cy)
		}
	}
}

// over composes c, with its alpha times a, over the premultiplied pixel p.
func over(p []uint8, c color.RGBA, a float32) {
	keep := 1 - float32(c.A)*a/0xff
	for i, v := range [4]uint8{c.R, c.G, c.B, c.A} {
		p[i] = uint8(min(0xff, float32(v)*a+float32(p[i])*keep+0.5))
	}
}

func floor(f float32) int { return int(math.Floor(float64(f))) }
func ceil(f float32) int  { return int(math.Ceil(float64(f))) }
