package cli

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoDisplay starts the window without a display, and with one whose
// server does not answer: a one-line message, exit 1, and no default
// project made.
func TestNoDisplay(t *testing.T) {
	for _, display := range []string{"", ":93", "unix:93.0", "127.0.0.1:93"} {
		t.Run(display, func(t *testing.T) {
			isolate(t)
			t.Setenv("DISPLAY", display)
			var stdout, stderr strings.Builder
			opened := false
			code := Run(nil, Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
				Window: func(string) error { opened = true; return nil }})
			if code != exitError || opened || !strings.Contains(stderr.String(), "no display: set DISPLAY or use the command line (spanmark help)") ||
				strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("exit %d, window opened %v, stderr %q", code, opened, stderr.String())
			}
			path, err := defaultProjectPath()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the default project was made: %v", err)
			}
		})
	}
}

// TestDisplay opens the window when the display's server answers.
func TestDisplay(t *testing.T) {
	isolate(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	if port < 6000 {
		t.Skipf("port %d is below X's 6000", port)
	}
	t.Setenv("DISPLAY", "127.0.0.1:"+strconv.Itoa(port-6000))
	var stdout, stderr strings.Builder
	var opened string
	code := Run(nil, Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Window: func(path string) error { opened = path; return nil }})
	if code != exitOK || filepath.Base(opened) != "default.spanmark" {
		t.Errorf("exit %d, window on %q, stderr %q", code, opened, stderr.String())
	}
}
