package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate/agree"
	"spanmark/annotate/annotatetest"
)

// agreeTrio makes three annotators' projects of the fixtures: ana's and
// ben's as agreePair makes them, and chen's, the same as ana's plus a text
// nobody else has.
func agreeTrio(t *testing.T, dir string) (a, b, c string) {
	t.Helper()
	a, b = agreePair(t, dir)
	c = filepath.Join(dir, "chen.spanmark")
	extra := filepath.Join(dir, "extra.txt")
	if err := os.WriteFile(extra, []byte("Only Chen has this text."), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{formatFile("article.labelstudio.json"), formatFile("unicode.labelstudio.json")}
	mustRun(t, "", append([]string{"import", "--db", c, "--annotator", "chen", "--format", "labelstudio"}, files...)...)
	mustRun(t, "", "import", "--db", c, extra)
	return a, b, c
}

// manyJSON is the shape of agree --json for three files or more.
type manyJSON struct {
	Annotators []string
	Documents  struct{ Rated, Single int }
	Pairwise   map[string]struct {
		ExactF1   float64 `json:"exact_f1"`
		OverlapF1 float64 `json:"overlap_f1"`
	}
	Alpha map[string]float64
}

func TestAgreeMany(t *testing.T) {
	dir := isolate(t)
	a, b, c := agreeTrio(t, dir)
	before := []string{annotatetest.FileState(t, a), annotatetest.FileState(t, b), annotatetest.FileState(t, c)}

	var sides []agree.Side
	for _, path := range []string{a, b, c} {
		h, docs := loadProject(t, path)
		sides = append(sides, agree.Side{Name: h.Annotator, Schema: h.Schema, Docs: docs})
	}
	r := agree.CompareMany(sides)
	wantJSON, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var wantTable strings.Builder
	if err := r.WriteTable(&wantTable); err != nil {
		t.Fatal(err)
	}

	aJSONL := filepath.Join(dir, "ana.jsonl")
	mustRun(t, "", "export", "--db", a, "--out", aJSONL)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"table", []string{"agree", a, b, c}, wantTable.String()},
		{"json", []string{"agree", "--json", a, b, c}, string(wantJSON)},
		{"json with an export", []string{"agree", aJSONL, b, c, "--json"}, string(wantJSON)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if stdout, _ := mustRun(t, "", tc.args...); stdout != tc.want {
				t.Errorf("got\n%s\nwant\n%s", stdout, tc.want)
			}
		})
	}

	// The figures themselves, not only their agreement with CompareMany.
	var got manyJSON
	if err := json.Unmarshal(wantJSON, &got); err != nil {
		t.Fatal(err)
	}
	var two struct {
		Overall struct {
			ExactF1   float64 `json:"exact_f1"`
			OverlapF1 float64 `json:"overlap_f1"`
		}
	}
	stdout, _ := mustRun(t, "", "agree", "--json", a, b)
	if err := json.Unmarshal([]byte(stdout), &two); err != nil {
		t.Fatal(err)
	}
	if p := got.Pairwise["ana|ben"]; p.ExactF1 != two.Overall.ExactF1 || p.OverlapF1 != two.Overall.OverlapF1 {
		t.Errorf("ana|ben = %+v, want the two-file figures %+v", p, two.Overall)
	}
	if p := got.Pairwise["ana|chen"]; p.ExactF1 != 1 || p.OverlapF1 != 1 {
		t.Errorf("ana|chen = %+v, want 1, 1: chen has what ana has", p)
	}
	if got.Documents.Rated != 2 || got.Documents.Single != 1 {
		t.Errorf("documents = %+v, want 2 rated, 1 single", got.Documents)
	}
	if e := got.Alpha["entity"]; !(e > 0 && e < 1) {
		t.Errorf("alpha entity = %v, want between 0 and 1: ben differs", e)
	}
	if !slices.Equal(got.Annotators, []string{"ana", "ben", "chen"}) {
		t.Errorf("annotators = %q", got.Annotators)
	}
	if after := []string{annotatetest.FileState(t, a), annotatetest.FileState(t, b), annotatetest.FileState(t, c)}; !slices.Equal(after, before) {
		t.Errorf("agree changed its inputs")
	}
}

// TestAgreeManyNames: files whose annotators share a name are keyed by
// their paths.
func TestAgreeManyNames(t *testing.T) {
	dir := isolate(t)
	a, b, _ := agreeTrio(t, dir)
	a2 := filepath.Join(dir, "ana2.jsonl")
	mustRun(t, "", "export", "--db", a, "--out", a2)
	stdout, _ := mustRun(t, "", "agree", "--json", a, b, a2)
	var got manyJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{a + "|ben", a + "|" + a2, "ben|" + a2} {
		if _, ok := got.Pairwise[key]; !ok {
			t.Errorf("no pair %q in %v", key, got.Pairwise)
		}
	}
}

// TestAgreeManyMissing: a file that cannot be read is named, and nothing
// is written.
func TestAgreeManyMissing(t *testing.T) {
	dir := isolate(t)
	a, b, _ := agreeTrio(t, dir)
	missing := filepath.Join(dir, "nobody.spanmark")
	code, stdout, stderr := spanmark(t, "", "agree", a, b, missing)
	if code != exitError || stdout != "" || !strings.Contains(stderr, missing) {
		t.Errorf("got exit %d, stdout %q, stderr %q; want exit %d naming %s", code, stdout, stderr, exitError, missing)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("agree created %s", missing)
	}
}
