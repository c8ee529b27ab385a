package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/agree"
	"spanmark/annotate/annotatetest"
	"spanmark/storage"
)

// agreePair makes two annotators' projects of the fixtures: ana's, as the
// files hold them, and ben's, with one annotation left out, one relabelled
// and one shorter, and a verdict on the first claim after those.
func agreePair(t *testing.T, dir string) (a, b string) {
	t.Helper()
	a, b = filepath.Join(dir, "ana.spanmark"), filepath.Join(dir, "ben.spanmark")
	files := []string{formatFile("article.labelstudio.json"), formatFile("unicode.labelstudio.json")}
	mustRun(t, "", append([]string{"import", "--db", a, "--annotator", "ana", "--format", "labelstudio"}, files...)...)
	mustRun(t, "", append([]string{"import", "--db", b, "--annotator", "ben", "--format", "labelstudio"}, files...)...)
	st, infos := openDocuments(t, b, storage.Options{})
	defer st.Close()
	d, err := st.Load(infos[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	relabel, shorten := d.Annotations[1], d.Annotations[2]
	relabel.Label = "ORG"
	shorten.End--
	e := annotate.Edit{
		DeleteAnnotations: []string{d.Annotations[0].ID},
		PutAnnotations:    []annotate.Annotation{relabel, shorten},
	}
	for _, c := range d.Annotations[3:] {
		if c.Label == "CLAIM" {
			c.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})
			e.PutAnnotations = append(e.PutAnnotations, c)
			break
		}
	}
	if err := st.Apply(d.Document.ID, e); err != nil {
		t.Fatal(err)
	}
	return a, b
}

func TestAgree(t *testing.T) {
	dir := isolate(t)
	a, b := agreePair(t, dir)
	before := []string{annotatetest.FileState(t, a), annotatetest.FileState(t, b)}

	sideOf := func(path string) agree.Side {
		h, docs := loadProject(t, path)
		return agree.Side{Name: h.Annotator, Schema: h.Schema, Docs: docs}
	}
	r := agree.Compare(sideOf(a), sideOf(b))
	if r.Matched != 2 || r.Overall.A != 52 || r.Overall.B != 51 || r.Overall.Exact.F1() == 1 {
		t.Fatalf("the fixtures do not differ as meant: %+v", r)
	}
	if v := r.Attributes["CLAIM.verdict"]; v.Pairs == 0 || v.Agreed != v.Pairs-1 {
		t.Fatalf("the verdicts do not differ as meant: %+v", v)
	}
	wantJSON, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var wantTable bytes.Buffer
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
		{"table", []string{"agree", a, b}, wantTable.String()},
		{"json", []string{"agree", "--json", a, b}, string(wantJSON)},
		{"json export", []string{"agree", aJSONL, b, "--json"}, string(wantJSON)},
		{"json export table", []string{"agree", aJSONL, b}, wantTable.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if stdout, _ := mustRun(t, "", tc.args...); stdout != tc.want {
				t.Errorf("got\n%s\nwant\n%s", stdout, tc.want)
			}
		})
	}
	if after := []string{annotatetest.FileState(t, a), annotatetest.FileState(t, b)}; !slices.Equal(after, before) {
		t.Errorf("agree changed its inputs: %q, want %q", after, before)
	}
}

// TestAgreeNames: sides are named after their annotators, or their files
// when those are missing or the same.
func TestAgreeNames(t *testing.T) {
	dir := isolate(t)
	a, _ := agreePair(t, dir)
	stdout, _ := mustRun(t, "", "agree", a, a)
	want := fmt.Sprintf("2 paired, 0 only in ana (%s), 0 only in ana (%s)", a, a)
	if !strings.Contains(stdout, want) {
		t.Errorf("got\n%s\nwant a line with %q", stdout, want)
	}
}
