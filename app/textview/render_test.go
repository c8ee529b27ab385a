package textview

import (
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"spanmark/app/apptest"
)

var update = flag.Bool("update", false, "rewrite the golden images in "+goldenDir)

// goldenDir holds the master images; the project keeps goldens in its
// top-level testdata, not in the package's.
const goldenDir = "../../testdata/textview"

// variantTheme is Fyne's default theme held to one variant, so that tests
// can draw the light and the dark look.
type variantTheme struct {
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, t.variant)
}

func (t variantTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t variantTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t variantTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// assertGolden compares img with the master image name in goldenDir,
// allowing the small differences Fyne's own image assertions allow. With
// -update it writes the master instead. A mismatching image is written to
// the temporary directory for a look.
func assertGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := writePNG(path, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	defer f.Close()
	master, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if !imagesMatch(toNRGBA(master), toNRGBA(img)) {
		failed := filepath.Join(os.TempDir(), "textview-failed", name)
		if err := writePNG(failed, img); err != nil {
			t.Fatal(err)
		}
		t.Errorf("image differs from %s; got %s", path, failed)
	}
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func toNRGBA(img image.Image) *image.NRGBA {
	if n, ok := img.(*image.NRGBA); ok {
		return n
	}
	n := image.NewNRGBA(img.Bounds())
	draw.Draw(n, n.Bounds(), img, img.Bounds().Min, draw.Src)
	return n
}

// imagesMatch reports whether a and b are the same size and differ in no
// channel by more than 4, and in fewer than 1% of the channels at all.
func imagesMatch(a, b *image.NRGBA) bool {
	if a.Bounds().Size() != b.Bounds().Size() {
		return false
	}
	mismatches := 0
	for i, x := range a.Pix {
		d := int(x) - int(b.Pix[i])
		if d > 4 || d < -4 {
			return false
		}
		if d != 0 {
			mismatches++
		}
	}
	return mismatches < len(a.Pix)/100
}

var (
	orange = color.NRGBA{R: 0xe6, G: 0x55, B: 0x0d, A: 0xff}
	blue   = color.NRGBA{R: 0x31, G: 0x82, B: 0xbd, A: 0xff}
	red    = color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	cyan   = color.NRGBA{R: 0x17, G: 0xbe, B: 0xcf, A: 0xff}
	purple = color.NRGBA{R: 0x75, G: 0x6b, B: 0xb1, A: 0xff}
)

// labelled returns spans with their ids for labels.
func labelled(spans []Span) []Span {
	out := slices.Clone(spans)
	for i := range out {
		out[i].Label = strings.ToUpper(out[i].ID)
	}
	return out
}

func TestGolden(t *testing.T) {
	article := readArticle(t)
	kim := cp(t, article, "Kim Jong Un", 0)
	russia := cp(t, article, "Russia’s Security Council", 0)
	seoul := cp(t, article, "SEOUL", 0)
	june := cp(t, article, "June 18", 0)
	korea := cp(t, article, "North Korea will", 0)
	articleSpans := []Span{
		{ID: "claim", Start: 0, End: cp(t, article, "told", 0) + 4, Color: red, Style: Underline},
		{ID: "claim-inner", Start: kim, End: cp(t, article, "workers", 0) + 7, Color: purple, Style: Underline},
		{ID: "kim", Start: kim, End: kim + 11, Color: orange, Style: Fill},
		{ID: "nk", Start: 0, End: 12, Color: blue, Style: Fill},
		{ID: "korean", Start: 6, End: 19, Color: orange, Style: Fill},
		{ID: "source", Start: russia, End: russia + 25, Color: cyan, Style: Outline},
		{ID: "seoul", Start: seoul, End: seoul + 5, Color: blue, Style: Fill},
		{ID: "date", Start: june, End: june + 7, Color: purple, Style: Fill},
	}
	tests := []struct {
		name    string
		text    string
		size    fyne.Size
		variant fyne.ThemeVariant
		spans   []Span
		setup   func(v *View)
	}{
		{"spans_light.png", article, fyne.NewSize(480, 320), theme.VariantLight, articleSpans, func(v *View) {
			v.SetActive("kim")
			v.SetSelection(korea, korea+34)
			v.SetMarks([][2]int{{cp(t, article, "Moscow", 0), cp(t, article, "Moscow", 0) + 6}})
		}},
		{"spans_dark.png", article, fyne.NewSize(480, 320), theme.VariantDark, articleSpans, func(v *View) {
			v.SetActive("source")
			v.SetSelection(cp(t, article, "Tuesday", 0), korea+5)
		}},
		{"unicode_light.png", unicodeText, fyne.NewSize(360, 260), theme.VariantLight, []Span{
			{ID: "artemis", Start: cp(t, unicodeText, "Artemis", 0), End: cp(t, unicodeText, "Artemis", 0) + 7, Color: orange, Style: Fill},
			{ID: "beijing", Start: cp(t, unicodeText, "北京", 0), End: cp(t, unicodeText, "北京", 0) + 2, Color: blue, Style: Fill},
			{ID: "zoe", Start: cp(t, unicodeText, "Zoe", 0), End: cp(t, unicodeText, "Adams", 0) + 5, Color: red, Style: Underline},
		}, func(v *View) {
			v.SetSelection(cp(t, unicodeText, "שלום", 0), cp(t, unicodeText, "עולם", 0)+4)
		}},
		{"links_light.png", article, fyne.NewSize(480, 320), theme.VariantLight, labelled(articleSpans), func(v *View) {
			kim := cp(t, article, "Kim “has", 0)
			v.UpdateSpans([]Span{
				{ID: "shoigu", Start: cp(t, article, "Sergei Shoigu", 0), End: cp(t, article, "Sergei Shoigu", 0) + 13, Color: cyan, Style: Outline, Label: "SOURCE"},
				{ID: "far", Start: kim, End: kim + 3, Color: cyan, Style: Outline, Label: "SOURCE"},
			}, nil)
			v.SetLabels(true)
			v.SetLinks([]Link{
				{From: "claim", To: "source", Color: red},          // same line
				{From: "claim-inner", To: "shoigu", Color: purple}, // a later line
				{From: "claim", To: "far", Color: red},             // below the view
			})
		}},
		{"tooltip_dark.png", article, fyne.NewSize(400, 200), theme.VariantDark, articleSpans, func(v *View) {
			clock := &apptest.Runner{}
			v.after = clock.After
			v.Tooltip = func(int) string { return "PERSON\nNorth Korean leader" }
			v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: charPos(v, kim+2)}})
			clock.Fire()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w := newTestView(t, tt.text, tt.size)
			test.ApplyTheme(t, variantTheme{variant: tt.variant})
			v.SetSpans(tt.spans)
			tt.setup(v)
			assertGolden(t, tt.name, w.Canvas().Capture())
		})
	}
}
