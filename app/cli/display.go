package cli

import (
	"errors"
	"fmt"
	"net"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// errNoDisplay: there is no screen for the annotation window.
var errNoDisplay = errors.New("no display: set DISPLAY or use the command line (spanmark help)")

// checkDisplay returns an error wrapping errNoDisplay when the window
// could not open, before anything is created for it. Only X11 systems
// are checked, where Fyne's driver would panic: DISPLAY must be set and
// its server must answer.
func checkDisplay(display string) error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
	default:
		return nil
	}
	if display == "" {
		return errNoDisplay
	}
	if err := dialX(display); err != nil {
		return fmt.Errorf("the X display %q does not answer (%v); %w", display, err, errNoDisplay)
	}
	return nil
}

// dialX connects to the X server display names (host:N or :N, with an
// optional .screen) as Xlib would, and hangs up.
func dialX(display string) error {
	host, rest, ok := strings.Cut(display, ":")
	if !ok {
		return errors.New("not of the form host:number")
	}
	num, _, _ := strings.Cut(strings.TrimPrefix(rest, ":"), ".")
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return errors.New("not of the form host:number")
	}
	var conn net.Conn
	if host == "" || host == "unix" {
		path := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
		if conn, err = net.DialTimeout("unix", path, 2*time.Second); err != nil && runtime.GOOS == "linux" {
			// Linux X servers listen on an abstract socket too.
			conn, err = net.DialTimeout("unix", "@"+path, 2*time.Second)
		}
	} else {
		conn, err = net.DialTimeout("tcp", net.JoinHostPort(strings.TrimPrefix(host, "tcp/"), strconv.Itoa(6000+n)), 2*time.Second)
	}
	if err != nil {
		var oe *net.OpError
		if errors.As(err, &oe) {
			err = oe.Err
		}
		return err
	}
	return conn.Close()
}
