package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain runs main itself when the test binary is started by
// spanmarkProcess, so that a test sees the whole process: the packages'
// initialisation, Fyne's included, and what it prints.
func TestMain(m *testing.M) {
	if os.Getenv("SPANMARK_TEST_MAIN") == "1" {
		os.Args = append([]string{"spanmark"}, strings.Fields(os.Getenv("SPANMARK_TEST_ARGS"))...)
		main()
	}
	os.Exit(m.Run())
}

// spanmarkProcess runs the program as a new process with args and the
// locale variables of env (the others are cleared), and returns its exit
// status, standard output and standard error.
func spanmarkProcess(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append([]string{"SPANMARK_TEST_MAIN=1", "SPANMARK_TEST_ARGS=" + strings.Join(args, " "),
		"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

// TestNoFyneMessages runs commands under the locales people and CI
// machines have: none may print anything but its own output.
func TestNoFyneMessages(t *testing.T) {
	locales := [][]string{
		{"LANG=C.UTF-8"}, {"LANG=C.utf8"}, {"LANG=C"}, {"LANG=POSIX"}, {},
		{"LANG=en_US.UTF-8"}, {"LANG=de_DE.UTF-8"}, {"LANG=sr_RS.UTF-8@latin"}, {"LANG=ca_ES@valencia"},
		{"LC_ALL=C.UTF-8", "LANG=en_US.UTF-8"}, {"LANG=en_US.UTF-8", "LC_MESSAGES=C.UTF-8"},
	}
	for _, env := range locales {
		for _, args := range [][]string{{"help"}, {"validate", "-h"}, {"stats", "--db", "/nonexistent/x.spanmark"}} {
			code, stdout, stderr := spanmarkProcess(t, env, args...)
			if strings.Contains(stderr, "Fyne") || strings.Contains(stdout, "Fyne") {
				t.Errorf("%v spanmark %s: exit %d, Fyne printed:\n%s%s", env, strings.Join(args, " "), code, stdout, stderr)
			}
			if args[0] == "help" && (code != 0 || stderr != "" || !strings.HasPrefix(stdout, "Usage:")) {
				t.Errorf("%v spanmark help: exit %d, stdout %q, stderr %q", env, code, stdout, stderr)
			}
		}
	}
}
