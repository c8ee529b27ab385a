package storage

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spanmark/annotate"
)

// crashEnv names the project a child process of TestCrash writes to.
const crashEnv = "SPANMARK_CRASH_PROJECT"

// crashText is the document the child annotates.
var crashText = strings.Repeat("Ein Satz über Köln, mit Zahlen wie 42. ", 250)

// TestCrash kills a process that is applying edits at random moments and
// checks that the file is sound and holds every edit whose Apply returned.
func TestCrash(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crash.spanmark")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	addDoc(t, s, "d1", crashText)
	s.Close()

	var committed []string
	for round := range 5 {
		ids := killChildDuringApply(t, path, time.Duration(20+rand.IntN(181))*time.Millisecond)
		committed = append(committed, ids...)

		s, err := Open(path, testOptions())
		if err != nil {
			t.Fatalf("round %d: Open after kill: %v", round, err)
		}
		if err := s.Verify(); err != nil {
			t.Errorf("round %d: consistency check: %v", round, err)
		}
		d := load(t, s, "d1")
		have := make(map[string]bool, len(d.Annotations))
		for _, a := range d.Annotations {
			have[a.ID] = true
		}
		for _, id := range committed {
			if !have[id] {
				t.Errorf("round %d: annotation %s was reported committed but is missing", round, id)
			}
		}
		assertCounts(t, s)
		s.Close()
	}
	t.Logf("%d annotations committed across 5 kills", len(committed))
	if len(committed) == 0 {
		t.Error("the child committed nothing; the test proved nothing")
	}
}

// killChildDuringApply starts TestCrashChild on path, lets it apply edits
// for about d after its first commit, kills it with SIGKILL and returns
// the ids it reported as committed.
func killChildDuringApply(t *testing.T, path string, d time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		r := bufio.NewReader(out)
		for {
			// A line cut short by the kill has no newline and is dropped.
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			lines <- strings.TrimSuffix(line, "\n")
		}
	}()

	var ids []string
	select {
	case id, ok := <-lines:
		if !ok {
			cmd.Wait()
			t.Fatalf("child ended before its first commit: %s", stderr.String())
		}
		ids = append(ids, id)
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("child made no commit within 10s")
	}
	time.AfterFunc(d, func() { cmd.Process.Kill() })
	for id := range lines {
		ids = append(ids, id)
	}
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != -1 {
		t.Errorf("child exited with status %d before it was killed: %s", code, stderr.String())
	}
	return ids
}

// TestCrashChild is the process TestCrash kills. It applies one new
// annotation per transaction and prints its id once Apply has returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestCrash")
	}
	s, err := Open(path, Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	n := annotate.RuneLen(crashText)
	labels := annotate.DefaultSchema().Labels
	// The deadline ends the loop if the parent never kills the child.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		start := rand.IntN(n - 1)
		a := annotate.Annotation{
			ID:    annotate.NewID(),
			Start: start,
			End:   start + 1 + rand.IntN(min(20, n-start)),
			Label: labels[rand.IntN(len(labels))].Name,
		}
		if err := s.Apply("d1", annotate.Edit{PutAnnotations: []annotate.Annotation{a}}); err != nil {
			t.Fatal(err)
		}
		fmt.Println(a.ID)
	}
}
