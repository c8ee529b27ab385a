package lint

import (
	"slices"
	"testing"
	"time"

	"spanmark/annotate"
)

func TestFixDocument(t *testing.T) {
	const text = "Ms. Lee of the U.S. Treasury. Lee left."
	now := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		spans     []span
		links     [][2]string
		ids       []string
		wantN     int
		wantSpans []string // the texts of the annotations after the fix, in order
		wantDel   []string
	}{
		{"space then full stop, in two rounds", []span{{id: "t", sub: "Treasury. ", label: "ORG"}},
			nil, []string{BoundarySpace, BoundaryPunct}, 2, []string{"Treasury"}, nil},
		{"only the rules asked for", []span{{id: "t", sub: "Treasury. ", label: "ORG"}},
			nil, []string{BoundarySpace}, 1, []string{"Treasury."}, nil},
		{"duplicate: the unlinked one goes", []span{
			{id: "a", sub: "Lee", label: "SOURCE"}, {id: "b", sub: "Lee", label: "SOURCE"}, {id: "c", sub: "Treasury", label: "CLAIM"}},
			[][2]string{{"c", "a"}}, []string{Duplicate}, 1, []string{"Lee", "Treasury"}, []string{"b"}},
		{"duplicate: the earlier goes when only the later is linked", []span{
			{id: "a", sub: "Lee", label: "SOURCE"}, {id: "b", sub: "Lee", label: "SOURCE"}, {id: "c", sub: "Treasury", label: "CLAIM"}},
			[][2]string{{"c", "b"}}, []string{Duplicate}, 1, []string{"Lee", "Treasury"}, []string{"a"}},
		{"duplicate: both linked, no fix", []span{
			{id: "a", sub: "Lee", label: "SOURCE"}, {id: "b", sub: "Lee", label: "SOURCE"}, {id: "c", sub: "Treasury", label: "CLAIM"}},
			[][2]string{{"c", "a"}, {"c", "b"}}, []string{Duplicate}, 0, []string{"Lee", "Lee", "Treasury"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(t, text, tt.spans, tt.links...)
			before := slices.Clone(d.Annotations)
			l, err := New(annotate.DefaultSchema(), nil, []string{BoundarySpace, BoundaryPunct, Duplicate})
			if err != nil {
				t.Fatal(err)
			}
			fixedDoc, edit, n := l.FixDocument(d, tt.ids, now)
			if n != tt.wantN {
				t.Errorf("fixed %d, want %d", n, tt.wantN)
			}
			if !slices.EqualFunc(d.Annotations, before, annotate.Annotation.Equal) {
				t.Error("FixDocument changed the document it was given")
			}
			after := apply(d.Annotations, edit)
			if !slices.EqualFunc(after, fixedDoc.Annotations, annotate.Annotation.Equal) {
				t.Error("the Edit and the fixed document differ")
			}
			x := annotate.NewIndex(text)
			var texts []string
			for _, a := range after {
				texts = append(texts, x.Slice(a.Start, a.End))
				if slices.ContainsFunc(edit.PutAnnotations, func(p annotate.Annotation) bool { return p.ID == a.ID }) && !a.Updated.Equal(now) {
					t.Errorf("%s changed but not stamped", a.ID)
				}
			}
			if !slices.Equal(texts, tt.wantSpans) {
				t.Errorf("after the fix %q, want %q", texts, tt.wantSpans)
			}
			if !slices.Equal(edit.DeleteAnnotations, tt.wantDel) {
				t.Errorf("deleted %q, want %q", edit.DeleteAnnotations, tt.wantDel)
			}
		})
	}
}

// apply applies e's annotation changes to as, as a store would.
func apply(as []annotate.Annotation, e annotate.Edit) []annotate.Annotation {
	out := slices.DeleteFunc(slices.Clone(as), func(a annotate.Annotation) bool {
		return slices.Contains(e.DeleteAnnotations, a.ID) ||
			slices.ContainsFunc(e.PutAnnotations, func(p annotate.Annotation) bool { return p.ID == a.ID })
	})
	out = append(out, e.PutAnnotations...)
	annotate.SortAnnotations(out)
	return out
}
