package storage

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// benchValuesProject copies the project benchProjectEnv names (the
// 1,000,000-annotation project of .ci/bench.sh) and gives every claim of
// the copy verdict "false", in one transaction, so that a change of
// verdict's values touches a share of the annotations as in real use.
// It returns the copy, open, and how many annotations it holds.
func benchValuesProject(b *testing.B) (*Store, int) {
	src := os.Getenv(benchProjectEnv)
	if src == "" {
		b.Skipf("set %s to a project file to measure schema changes on it", benchProjectEnv)
	}
	path := filepath.Join(b.TempDir(), "copy.spanmark")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(path)
	if err == nil {
		_, err = io.Copy(out, in) // the file is too large to hold in memory twice
	}
	if err == nil {
		err = out.Close()
	}
	if err != nil {
		b.Fatal(err)
	}
	s := openProject(b, path, Options{})
	err = s.db.Update(func(tx *bolt.Tx) error {
		codes, err := codesIn(tx)
		if err != nil {
			return err
		}
		return eachDoc(tx, func(id string, ann, _ records) error {
			return ann.ForEach(func(k, v []byte) error {
				a, err := decodeAnnotation(id, k, v, codes)
				if err != nil || a.Label != "CLAIM" {
					return err
				}
				a.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})
				// Replacing the value of the cursor's own key does not move it.
				return ann.Put(k, encodeAnnotation(a, codes))
			})
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	return s, annotationsIn(b, s)
}

// BenchmarkSchemaChange1M measures, on the 1,000,000-annotation project,
// the two costs of a change to verdict's values: counting what deleting
// "false" takes (the question the dialog asks) and renaming the value
// back and forth, which edits the attribute codes and reads and writes
// no record (attrcodes.go); against a walk that decodes every annotation.
func BenchmarkSchemaChange1M(b *testing.B) {
	s, n := benchValuesProject(b)
	verdict := annotate.AttrRef{Label: "CLAIM", Name: "verdict"}
	base := annotate.DefaultSchema()
	noFalse, _ := base.RemoveValue(verdict, "false")
	// The baseline: decoding every annotation once, as any walk over the
	// project's annotations does.
	b.Run("DecodeAll", func(b *testing.B) {
		for b.Loop() {
			if err := s.db.View(func(tx *bolt.Tx) error {
				codes, err := codesIn(tx)
				if err != nil {
					return err
				}
				return eachDoc(tx, func(id string, ann, _ records) error {
					return ann.ForEach(func(k, v []byte) error {
						_, err := decodeAnnotation(id, k, v, codes)
						return err
					})
				})
			}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/annotation")
	})
	b.Run("CountLosses", func(b *testing.B) {
		var l annotate.Losses
		for b.Loop() {
			var err error
			if l, err = s.CountLosses(noFalse, annotate.SchemaChange{
				Values: map[annotate.ValueRef]string{{Attr: verdict, Value: "false"}: ""}}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/annotation")
		b.ReportMetric(float64(l.Annotations), "losing")
	})
	b.Run("SetSchemaRenameValue", func(b *testing.B) {
		from, to := "false", "wrong"
		for b.Loop() {
			next, _ := base.RenameValue(verdict, from, to)
			err := s.SetSchema(next, annotate.SchemaChange{
				Values: map[annotate.ValueRef]string{{Attr: verdict, Value: from}: to}})
			if err != nil {
				b.Fatal(err)
			}
			base, from, to = next, to, from
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/annotation")
	})
}
