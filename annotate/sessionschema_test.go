package annotate_test

import (
	"path/filepath"
	"testing"

	"spanmark/annotate"
	"spanmark/storage"
)

// TestSessionSeesSchemaChange renames and deletes values in the store
// under an open session: after SetSchema the session shows the new values
// and its history cannot bring the old ones back.
func TestSessionSeesSchemaChange(t *testing.T) {
	st, err := storage.Open(filepath.Join(t.TempDir(), "p.spanmark"), storage.Options{Create: true, Annotator: "tess"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	doc, err := st.AddDocument(annotate.Document{Title: "t", Text: "Alice said the sky is green.",
		Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("sky")})})
	if err != nil {
		t.Fatal(err)
	}
	s, err := annotate.OpenSession(st, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	claim := tagClaim(t, s, "the sky is green")
	if err := s.SetAttribute(claim.ID, "verdict", annotate.StringValue("false")); err != nil {
		t.Fatal(err)
	}
	verdict := annotate.AttrRef{Label: "CLAIM", Name: "verdict"}
	topic := annotate.AttrRef{Name: "topic"}
	d := annotate.NewSchemaDraft(s.Schema())
	if err := d.RenameValue(verdict, "false", "wrong"); err != nil {
		t.Fatal(err)
	}
	if err := d.RenameAttribute(topic, "subject"); err != nil {
		t.Fatal(err)
	}
	schema, change, err := d.Finish(s.Schema().Labels, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSchema(schema, change); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSchema(schema); err != nil {
		t.Fatal(err)
	}
	want := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("wrong")})
	if got := attrsOf(t, s, st, claim.ID); !got.Equal(want) {
		t.Errorf("claim after the rename: %v, want %v", got, want)
	}
	wantDoc := annotate.AttributesOf(map[string]annotate.AttrValue{"subject": annotate.StringValue("sky")})
	if got := s.Document().Attributes; !got.Equal(wantDoc) {
		t.Errorf("document after the rename: %v, want %v", got, wantDoc)
	}
	if step, ok := s.CanUndo(); ok {
		t.Errorf("after a schema change the session can undo %q, which may restore a value that no longer fits", step)
	}
}
