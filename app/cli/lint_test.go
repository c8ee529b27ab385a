package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"spanmark/annotate/lint"
)

// planted is the lint fixture: one planted case of each rule, and a
// clean document.
var planted = filepath.Join(testdata, "lint", "planted.json")

func TestLintFindsEachPlantedCase(t *testing.T) {
	isolate(t)
	code, stdout, stderr := spanmark(t, "", "lint", "--json", planted)
	if code != exitError {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var fs []findingJSON
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil {
		t.Fatalf("%v in\n%s", err, stdout)
	}
	byRule := make(map[string][]findingJSON)
	for _, f := range fs {
		if f.Document == "Clean" {
			t.Errorf("the clean document has a finding: %+v", f)
		}
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for _, r := range lint.Rules {
		got := byRule[r.ID]
		if len(got) != 1 {
			t.Errorf("%s: %d findings, want 1: %+v", r.ID, len(got), got)
			continue
		}
		// The fixture names each planted annotation after its rule.
		if f := got[0]; f.Annotation != "" && !strings.HasPrefix(f.Annotation, r.ID) && f.Rule != lint.Duplicate {
			t.Errorf("%s found at %s (%q)", r.ID, f.Annotation, f.Text)
		}
	}
	if stderr != "lint: "+plural(len(fs), "finding")+"\n" {
		t.Errorf("stderr %q", stderr)
	}
}

func TestLintTextAndRuleFilter(t *testing.T) {
	isolate(t)
	code, stdout, _ := spanmark(t, "", "lint", planted, "--rule", "boundary-punct,partial-token")
	want := "Planted:51-57: boundary-punct: span ends with punctuation \"spoke.\"\n" +
		"Planted:83-89: partial-token: span ends inside the word \"Russian\" \"Russia\"\n"
	if code != exitError || stdout != want {
		t.Errorf("exit %d, stdout\n%s\nwant\n%s", code, stdout, want)
	}
	code, stdout, stderr := spanmark(t, "", "lint", planted, "--rule", "empty-done", "--rule", "duplicate")
	if code != exitError || strings.Count(stdout, "\n") != 2 {
		t.Errorf("repeated --rule: exit %d, stdout\n%s%s", code, stdout, stderr)
	}
}

func TestLintFix(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "p.spanmark")
	mustRun(t, "", "import", "--db", db, planted)
	fixes := "boundary-space,boundary-punct,duplicate"
	code, stdout, stderr := spanmark(t, "", "lint", "--db", db, "--fix", fixes, "--rule", fixes)
	if code != exitOK || stdout != "" || stderr != "lint: 3 fixed\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	texts := labelTexts(t, db, false)
	if !slices.Contains(texts, `MISC "spoke"`) {
		t.Errorf("spoke not trimmed: %q", texts)
	}
	for _, gone := range []string{`LOC "Moscow "`, `MISC "spoke."`} {
		if slices.Contains(texts, gone) {
			t.Errorf("%s left after the fix: %q", gone, texts)
		}
	}
	if n := strings.Count(strings.Join(texts, "\n"), `DATE "Tuesday"`); n != 1 {
		t.Errorf("%d DATE Tuesday after the fix, want 1", n)
	}
	// Fixed once, clean: a second run finds nothing and fixes nothing.
	code, _, stderr = spanmark(t, "", "lint", "--db", db, "--fix", fixes, "--rule", fixes)
	if code != exitOK || stderr != "lint: 0 fixed\n" {
		t.Errorf("second run: exit %d, stderr %q", code, stderr)
	}
}

func TestLintUsage(t *testing.T) {
	dir := isolate(t)
	for _, args := range [][]string{
		{"lint", "--rule", "no-such-rule", planted},
		{"lint", "--fix", "partial-token", planted},
		{"lint", "--fix", "duplicate", planted},
		{"lint", "--db", filepath.Join(dir, "p.spanmark"), planted},
		{"lint", filepath.Join(dir, "p.spanmark")},
		{"lint", planted, planted},
	} {
		if code, _, stderr := spanmark(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestLintRefusesAFIFO(t *testing.T) {
	dir := isolate(t)
	fifo := filepath.Join(dir, "in.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	code, _, stderr := spanmark(t, "", "lint", fifo)
	if code != exitError || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
