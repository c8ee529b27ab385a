package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"spanmark/annotate"
)

// genPool makes a synthetic project of n annotated documents to assign.
func genPool(t *testing.T, dir string, n int) string {
	t.Helper()
	pool := filepath.Join(dir, "pool.spanmark")
	mustRun(t, "", "gen", "--out", pool, "--docs", strconv.Itoa(n), "--words-per-doc", "40", "--annotations-per-doc", "3")
	return pool
}

// TestAssign checks every file assign writes against the pool and
// assignment.json, with and without --keep.
func TestAssign(t *testing.T) {
	dir := isolate(t)
	pool := genPool(t, dir, 30)
	_, poolDocs := loadProject(t, pool)
	poolSchema := mustSchema(t, pool)
	names := []string{"ana", "ben", "chen", "dora"}
	for _, keep := range []bool{false, true} {
		out := filepath.Join(dir, "out")
		if keep {
			out = filepath.Join(dir, "kept")
		}
		args := []string{"assign", "--from", pool, "--annotators", strings.Join(names, ","), "--overlap", "0.2", "--raters", "3", "--out", out}
		if keep {
			args = append(args, "--keep")
		}
		mustRun(t, "", args...)
		noTemporaryFiles(t, out)
		a, err := readAssignment(out)
		if err != nil {
			t.Fatal(err)
		}
		if a.Seed != 1 || a.Overlap != 0.2 || a.Raters != 3 || !slices.Equal(a.Annotators, names) || len(a.Documents) != len(poolDocs) {
			t.Fatalf("assignment.json: seed %d, overlap %v, raters %d, annotators %v, %d documents; want 1, 0.2, 3, %v, %d",
				a.Seed, a.Overlap, a.Raters, a.Annotators, len(a.Documents), names, len(poolDocs))
		}
		byHash := make(map[string]*annotate.DocumentData)
		for _, d := range poolDocs {
			byHash[d.Document.SHA256] = d
		}
		got := make(map[string][]string)
		for _, n := range names {
			path := assignPath(out, n)
			h, docs := loadProject(t, path)
			if h.Annotator != n || !h.Schema.Equal(poolSchema) {
				t.Errorf("%s: annotator %q, schema equal %v; want %q and the pool's", path, h.Annotator, h.Schema.Equal(poolSchema), n)
			}
			for _, d := range docs {
				got[d.Document.SHA256] = append(got[d.Document.SHA256], n)
				p := byHash[d.Document.SHA256]
				switch {
				case p == nil:
					t.Fatalf("%s: document %q is not in the pool", path, d.Document.Title)
				case d.Document.Status != annotate.StatusTodo:
					t.Errorf("%s: %q is %s; want todo", path, d.Document.Title, d.Document.Status)
				case keep && len(d.Annotations) != len(p.Annotations):
					t.Errorf("%s: %q has %d annotations with --keep; want the pool's %d", path, d.Document.Title, len(d.Annotations), len(p.Annotations))
				case !keep && len(d.Annotations)+len(d.Relations) > 0:
					t.Errorf("%s: %q kept annotations without --keep", path, d.Document.Title)
				}
			}
		}
		for sha, want := range a.Documents {
			if !slices.Equal(got[sha], want) {
				t.Errorf("document %.8s is in %v; assignment.json says %v", sha, got[sha], want)
			}
		}
	}
}

// TestAssignSeed checks that a seed gives the same assignment.json, byte
// for byte, and another seed another.
func TestAssignSeed(t *testing.T) {
	dir := isolate(t)
	pool := genPool(t, dir, 40)
	run := func(out, seed string) string {
		mustRun(t, "", "assign", "--from", pool, "--annotators", "a,b,c", "--overlap", "0.5", "--seed", seed, "--out", filepath.Join(dir, out))
		b, err := os.ReadFile(assignmentPath(filepath.Join(dir, out)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first, again, other := run("1", "9"), run("2", "9"), run("3", "10")
	if first != again {
		t.Error("seed 9 gave two different assignments")
	}
	if first == other {
		t.Error("seeds 9 and 10 gave the same assignment")
	}
}

// TestAssignFromFiles assigns texts read from a folder, as import reads
// them.
func TestAssignFromFiles(t *testing.T) {
	dir := isolate(t)
	texts := filepath.Join(dir, "texts")
	if err := os.Mkdir(texts, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, s := range []string{"One “text”.", "Two — texts.", "Three texts.", "Two — texts."} {
		if err := os.WriteFile(filepath.Join(texts, strconv.Itoa(i)+".txt"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	_, stderr := mustRun(t, "", "assign", "--from", texts, "--from", filepath.Join(testdata, "article.txt"),
		"--annotators", "ana,ben", "--overlap", "0.5", "--out", out)
	a, err := readAssignment(out)
	if err != nil {
		t.Fatal(err)
	}
	// The repeated text is one document, as in any project.
	if len(a.Documents) != 4 || !strings.Contains(stderr, "assigned 4 documents among 2 annotators (seed 1): 2 to 2 annotators each") {
		t.Errorf("%d documents, stderr\n%s\nwant 4, two of them to both", len(a.Documents), stderr)
	}
	noTemporaryFiles(t, out)
}

// TestAssignRefuses checks that assign refuses bad options and a bad pool
// with a clear message, writing nothing: the output folder is not made.
func TestAssignRefuses(t *testing.T) {
	dir := isolate(t)
	pool := genPool(t, dir, 5)
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"slash in name", []string{"--annotators", "ana,b/en"}, exitUsage, `"b/en": a name must not hold /`},
		{"backslash in name", []string{"--annotators", `ana,b\en`}, exitUsage, `"b\\en": a name must not hold /`},
		{"dot name", []string{"--annotators", "ana,.."}, exitUsage, `"..": a name must not start with a dot`},
		{"empty name", []string{"--annotators", "ana,,ben"}, exitUsage, "an empty name"},
		{"duplicate", []string{"--annotators", "ana,ben,Ana"}, exitUsage, `"Ana" is named twice`},
		{"no annotators", []string{"--annotators", " "}, exitUsage, "--annotators is required"},
		{"negative overlap", []string{"--overlap", "-0.1"}, exitUsage, "--overlap -0.1: want a share from 0 to 1"},
		{"overlap above 1", []string{"--overlap", "1.5"}, exitUsage, "--overlap 1.5: want a share from 0 to 1"},
		{"overlap NaN", []string{"--overlap", "NaN"}, exitUsage, "--overlap NaN: want a share from 0 to 1"},
		{"one rater", []string{"--raters", "1"}, exitUsage, "--raters 1: want at least 2"},
		{"more raters than annotators", []string{"--raters", "4"}, exitUsage, "--raters 4: there are only 3 annotators"},
		{"no out", []string{"--out", ""}, exitUsage, "--out is required"},
		{"argument", []string{"extra"}, exitUsage, `unexpected "extra"`},
		{"missing pool", []string{"--from", filepath.Join(dir, "none.spanmark")}, exitError, "none.spanmark"},
		{"bad pool file", []string{"--from", bad}, exitError, "bad.json"},
		{"project with files", []string{"--from", pool, "--from", filepath.Join(testdata, "article.txt")}, exitError, "a project is a pool on its own"},
		{"no pool", nil, exitUsage, "--from is required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"assign", "--annotators", "ana,ben,chen", "--overlap", "0.4", "--out", out}
			args = append(args, tc.args...)
			if !slices.Contains(tc.args, "--from") && tc.name != "no pool" {
				args = append(args, "--from", pool)
			}
			code, stdout, stderr := spanmark(t, "", args...)
			if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stdout %q, stderr\n%s\nwant exit %d and %q", code, stdout, stderr, tc.code, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was made", out)
				os.RemoveAll(out)
			}
		})
	}
}

// TestAssignForce checks that assign replaces nothing without --force,
// and everything with it.
func TestAssignForce(t *testing.T) {
	dir := isolate(t)
	pool := genPool(t, dir, 6)
	out := filepath.Join(dir, "out")
	args := []string{"assign", "--from", pool, "--annotators", "ana,ben", "--overlap", "0.5", "--out", out}
	mustRun(t, "", args...)
	annotateFirst(t, assignPath(out, "ben"))
	before := snapshot(t, assignPath(out, "ben"))
	code, _, stderr := spanmark(t, "", append(args, "--seed", "2")...)
	if code != exitError || !strings.Contains(stderr, "already exists (--force replaces it)") {
		t.Errorf("without --force: exit %d, stderr\n%s\nwant exit 1 and a hint of --force", code, stderr)
	}
	if snapshot(t, assignPath(out, "ben")) != before {
		t.Error("ben.spanmark changed without --force")
	}
	mustRun(t, "", append(args, "--seed", "2", "--force")...)
	if snapshot(t, assignPath(out, "ben")) == before {
		t.Error("ben.spanmark is unchanged with --force")
	}
	noTemporaryFiles(t, out)
}
