package textview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"spanmark/app/apptest"
)

// menuDriver is Fyne's test driver with the two things of the GLFW driver
// that an Alt release involves: the keyboard's modifiers, and a main menu
// with a focus manager of its own, so that while the menu is open the
// canvas names its item as focused and the content keeps its focus.
var _ desktop.Driver = (*menuDriver)(nil)

type menuDriver struct {
	fyne.Driver
	mods fyne.KeyModifier
	menu *menuBarItem
}

func (d *menuDriver) CurrentKeyModifiers() fyne.KeyModifier { return d.mods }
func (d *menuDriver) CreateSplashWindow() fyne.Window       { return d.CreateWindow("") }
func (d *menuDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	if c := d.Driver.CanvasForObject(o); c != nil {
		return &menuCanvas{c, d.menu}
	}
	return nil
}

// menuCanvas names the open menu's item as the focused object.
type menuCanvas struct {
	fyne.Canvas
	menu *menuBarItem
}

func (c *menuCanvas) Focused() fyne.Focusable {
	if c.menu.open {
		return c.menu
	}
	return c.Canvas.Focused()
}

// menuBarItem is the first item of the menu bar: tapping it while the
// bar is open shuts the bar.
type menuBarItem struct {
	widget.Label
	open bool
}

func (m *menuBarItem) Tapped(*fyne.PointEvent) { m.open = !m.open }
func (m *menuBarItem) FocusGained()            {}
func (m *menuBarItem) FocusLost()              {}
func (m *menuBarItem) TypedRune(rune)          {}
func (m *menuBarItem) TypedKey(*fyne.KeyEvent) {}

// menuApp is the current app with menuDriver as its driver.
type menuApp struct {
	fyne.App
	driver *menuDriver
}

func (a *menuApp) Driver() fyne.Driver { return a.driver }

func TestAltDragKeepsTheMenuShut(t *testing.T) {
	const alt = fyne.KeyModifierAlt
	tests := []struct {
		name  string
		mod   fyne.KeyModifier // held at the press
		opens bool             // the driver opens the menu at the Alt release
		shut  bool             // the view shuts it
	}{
		{name: "Alt+drag, Alt released", mod: alt, opens: true, shut: true},
		{name: "Alt+drag, a key typed before Alt released", mod: alt, opens: false},
		{name: "plain drag, then a lone Alt", mod: 0, opens: true, shut: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w := newTestView(t, unicodeText, fyne.NewSize(600, 800))
			menu := &menuBarItem{}
			menu.Text = "File"
			menu.ExtendBaseWidget(menu)
			w.SetContent(container.NewBorder(menu, nil, nil, nil, v))
			a := fyne.CurrentApp()
			d := &menuDriver{Driver: a.Driver(), menu: menu}
			fyne.SetCurrentApp(&menuApp{a, d})
			t.Cleanup(func() { fyne.SetCurrentApp(a) })
			clock := &apptest.Runner{}
			v.after = clock.After
			var runes []rune
			v.OnRune = func(r rune) { runes = append(runes, r) }
			start := cp(t, unicodeText, "Artemis", 0)

			d.mods = tt.mod
			dragLikeDriver(v, edgePos(v, start+2), edgePos(v, start+5), tt.mod)
			clock.Fire() // Alt still down
			d.mods, menu.open = 0, tt.opens
			clock.Fire()
			if ds := clock.Fire(); len(ds) != 0 {
				t.Errorf("the view still watches Alt after its release: %v", ds)
			}

			if got, want := !menu.open, !tt.opens || tt.shut; got != want {
				t.Fatalf("after the Alt release the menu is shut: %v, want %v", got, want)
			}
			c := d.CanvasForObject(v)
			c.Focused().TypedRune('l')
			if want := map[bool]string{true: "l", false: ""}[!menu.open]; string(runes) != want {
				t.Errorf("typing l reached the view as %q, want %q", string(runes), want)
			}
			if a, b := v.Selection(); tt.mod == alt && (a != start+2 || b != start+5) {
				t.Errorf("selection %d, %d, want the exact characters %d, %d", a, b, start+2, start+5)
			}
		})
	}
}
