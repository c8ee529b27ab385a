package storage

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// format1Project copies testdata/format1.spanmark.gz, a project written by
// Spanmark before attributes (format version 1, the default schema of the
// time, one document with a claim, a source and their link), into a
// temporary file and returns its path.
func format1Project(t *testing.T) string {
	t.Helper()
	return fixtureProject(t, "testdata/format1.spanmark.gz")
}

// fixtureProject unpacks the gzipped project file at name into a
// temporary file and returns its path.
func fixtureProject(t *testing.T, name string) string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.spanmark")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrateFormat1AddsAttributes(t *testing.T) {
	s := openProject(t, format1Project(t), testOptions())
	if meta, err := s.Meta(); err != nil || meta.FormatVersion != FormatVersion {
		t.Errorf("Meta() = %+v, %v; want format version %d", meta, err, FormatVersion)
	}
	schema, err := s.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if !schema.Equal(annotate.DefaultSchema()) {
		t.Errorf("schema after upgrade = %+v, want the default schema with its attributes", schema)
	}
	d := load(t, s, "d1")
	if len(d.Annotations) != 2 || len(d.Relations) != 1 {
		t.Fatalf("after upgrade: %d annotations, %d relations; want 2, 1", len(d.Annotations), len(d.Relations))
	}
	claim := d.Annotations[0]
	if claim.ID != "c1" || claim.Attributes != nil || d.Document.Attributes != nil {
		t.Errorf("claim %+v, document %+v: want c1 and no attribute values", claim, d.Document)
	}
	claim.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})
	apply(t, s, "d1", annotate.Edit{PutAnnotations: []annotate.Annotation{claim}})
	if got := load(t, s, "d1").Annotations[0]; !got.Equal(claim) {
		t.Errorf("after setting a verdict: %+v, want %+v", got, claim)
	}
}

func TestReadOnlyOpenOfFormat1(t *testing.T) {
	path := format1Project(t)
	before := readFile(t, path)
	opts := testOptions()
	opts.ReadOnly = true
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("read-only Open of format 1 = %v, want it read as it is", err)
	}
	if d, err := s.Load("d1"); err != nil || len(d.Annotations) != 2 {
		t.Errorf("Load = %v; want the document with 2 annotations", err)
	}
	if schema, err := s.Schema(); err != nil || len(schema.Attributes) != 0 {
		t.Errorf("Schema() = %+v, %v; want format 1's, without attributes", schema, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertUnchanged(t, path, before)
}

func TestMigrateKeepsRecastLabelsBare(t *testing.T) {
	path := newClosedProject(t)
	old := annotate.DefaultSchema()
	old.Attributes = nil
	old.Labels[6].Name = "ASSERTION" // CLAIM renamed
	old.Labels[7].Kind = annotate.KindEntity
	raw, err := encodeSchema(old)
	if err != nil {
		t.Fatal(err)
	}
	editBolt(t, path, func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if err := m.Put(keySchema, raw); err != nil {
			return err
		}
		return m.Put(keyVersion, []byte("1"))
	})
	s := openProject(t, path, testOptions())
	schema, err := s.Schema()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range schema.Attributes {
		names = append(names, a.Name)
	}
	if got, want := names, []string{"kb_id", "topic"}; !slices.Equal(got, want) {
		t.Errorf("attributes after upgrade = %v, want %v (no claim or source attributes)", got, want)
	}
	if got := schema.AttributesFor("SOURCE"); len(got) != 1 || got[0].Name != "kb_id" {
		t.Errorf("SOURCE, now an entity, has %+v, want only kb_id", got)
	}
}
