package storage

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// longText returns a text of about n code points, mixing ASCII with
// two-, three- and four-byte characters.
func longText(n int) string {
	const sentence = "Die Bürgermeisterin von Köln sagte am 3. März, dass 42 % — laut Statistik 👍 — zustimmen. "
	return strings.Repeat(sentence, n/annotate.RuneLen(sentence)+1)
}

// bigDoc returns a document with n annotations spread over a long text,
// and a relation for every hundredth pair of a claim and a source.
func bigDoc(id string, n int) *annotate.DocumentData {
	text := longText(10 * n)
	d := &annotate.DocumentData{Document: annotate.Document{ID: id, Title: "A long article", Text: text}}
	labels := annotate.DefaultSchema().Labels
	for i := range n {
		label := labels[i%len(labels)].Name
		if i%100 == 0 {
			label = "CLAIM"
		} else if i%100 == 1 {
			label = "SOURCE"
		}
		stamp := t0.Add(time.Duration(i) * time.Second)
		d.Annotations = append(d.Annotations, annotate.Annotation{
			ID: annotate.NewID(), Start: 10 * i, End: 10*i + 1 + i%9, Label: label,
			Annotator: "ada", Created: stamp, Updated: stamp,
		})
		if i%100 == 1 {
			d.Relations = append(d.Relations, rel(annotate.NewID(), d.Annotations[i-1].ID, d.Annotations[i].ID))
		}
	}
	return d
}

// smallDocs yields n distinct documents of about 2,000 code points with
// 20 annotations each.
func smallDocs(n int) func(func(*annotate.DocumentData, error) bool) {
	body := longText(2000)
	return func(yield func(*annotate.DocumentData, error) bool) {
		for i := range n {
			d := &annotate.DocumentData{Document: annotate.Document{
				Title: fmt.Sprintf("Article %d", i),
				Text:  fmt.Sprintf("Article %d. %s", i, body),
			}}
			for j := range 20 {
				d.Annotations = append(d.Annotations, ann(fmt.Sprintf("a%d", j), 50*j, 50*j+7, "ORG"))
			}
			if !yield(d, nil) {
				return
			}
		}
	}
}

// importInto imports docs into s and fails the benchmark on error.
func importInto(tb testing.TB, s *Store, docs func(func(*annotate.DocumentData, error) bool)) {
	tb.Helper()
	if _, err := s.Import(docs); err != nil {
		tb.Fatal(err)
	}
}

// fileSize returns the size of the project file.
func fileSize(tb testing.TB, s *Store) int64 {
	tb.Helper()
	fi, err := os.Stat(s.Path())
	if err != nil {
		tb.Fatal(err)
	}
	return fi.Size()
}

func TestSizePerAnnotation(t *testing.T) {
	s := newProject(t)
	const n = 20000
	d := bigDoc("big", n)
	importInto(t, s, seq(nil, d))
	size := fileSize(t, s)
	perAnn := float64(size) / n
	withoutText := float64(size-int64(len(d.Document.Text))) / n
	t.Logf("project with one %d-byte document and %d annotations: %d bytes, %.0f bytes/annotation (%.0f without the text)",
		len(d.Document.Text), n, size, perAnn, withoutText)
	if perAnn >= 400 {
		t.Errorf("%.0f bytes per annotation, want under 400", perAnn)
	}
}

// BenchmarkApplyWith20000 compares Apply of one new annotation to a
// document that has 20,000 with the cheapest possible bbolt transaction
// on the same file: one key put and committed.
func BenchmarkApplyWith20000(b *testing.B) {
	s := newProject(b)
	importInto(b, s, seq(nil, bigDoc("big", 20000)))

	err := s.db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("bench"))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}

	b.Run("bare-commit", func(b *testing.B) {
		key := []byte("k")
		i := 0
		for b.Loop() {
			i++
			err := s.db.Update(func(tx *bolt.Tx) error {
				return tx.Bucket([]byte("bench")).Put(key, fmt.Appendf(nil, "%d", i))
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	// Other processes' disk traffic makes commit times drift; taking
	// turns measures both under the same conditions.
	// The pages each commit writes say why a tag costs more than a bare
	// commit: bbolt copies every page on the path to the changed key.
	writes := func() int64 { st := s.db.Stats(); return st.TxStats.GetWrite() }
	b.Run("interleaved", func(b *testing.B) {
		var bare, applied time.Duration
		var barePages, appliedPages int64
		i := 0
		for b.Loop() {
			i++
			w, t := writes(), time.Now()
			err := s.db.Update(func(tx *bolt.Tx) error {
				return tx.Bucket([]byte("bench")).Put([]byte("k"), fmt.Appendf(nil, "%d", i))
			})
			if err != nil {
				b.Fatal(err)
			}
			bare += time.Since(t)
			barePages += writes() - w
			start := (i * 7919) % 190000
			a := ann(annotate.NewID(), start, start+5, "PERSON")
			w, t = writes(), time.Now()
			if err := s.Apply("big", annotate.Edit{PutAnnotations: []annotate.Annotation{a}}); err != nil {
				b.Fatal(err)
			}
			applied += time.Since(t)
			appliedPages += writes() - w
		}
		b.ReportMetric(float64(bare.Nanoseconds())/float64(i), "bare-ns/op")
		b.ReportMetric(float64(applied.Nanoseconds())/float64(i), "apply-ns/op")
		b.ReportMetric(float64(applied)/float64(bare), "apply/bare")
		b.ReportMetric(float64(barePages)/float64(i), "bare-writes/op")
		b.ReportMetric(float64(appliedPages)/float64(i), "apply-writes/op")
	})
	b.Run("apply", func(b *testing.B) {
		before := fileSize(b, s)
		i := 0
		for b.Loop() {
			start := (i * 7919) % 190000
			i++
			a := ann(annotate.NewID(), start, start+5, "PERSON")
			if err := s.Apply("big", annotate.Edit{PutAnnotations: []annotate.Annotation{a}}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(fileSize(b, s)-before)/float64(i), "file-bytes/op")
	})
}

// BenchmarkApplyGrowth builds a document annotation by annotation, one
// Apply each, as a person would, and reports the file size per annotation.
func BenchmarkApplyGrowth(b *testing.B) {
	s := newProject(b)
	addDoc(b, s, "d1", longText(200000))
	i := 0
	for b.Loop() {
		start := (i * 7919) % 190000
		i++
		a := ann(annotate.NewID(), start, start+5, "PERSON")
		if err := s.Apply("d1", annotate.Edit{PutAnnotations: []annotate.Annotation{a}}); err != nil {
			b.Fatal(err)
		}
	}
	d := load(b, s, "d1")
	b.ReportMetric(float64(fileSize(b, s)-int64(len(d.Document.Text)))/float64(i), "file-bytes/annotation")
}

func BenchmarkLoad20000(b *testing.B) {
	s := newProject(b)
	importInto(b, s, seq(nil, bigDoc("big", 20000)))
	for b.Loop() {
		d, err := s.Load("big")
		if err != nil || len(d.Annotations) != 20000 {
			b.Fatalf("Load = %d annotations, %v", len(d.Annotations), err)
		}
	}
}

func BenchmarkDocuments10000(b *testing.B) {
	s := newProject(b)
	importInto(b, s, smallDocs(10000))
	for b.Loop() {
		infos, err := s.Documents()
		if err != nil || len(infos) != 10000 {
			b.Fatalf("Documents = %d, %v", len(infos), err)
		}
	}
}

func BenchmarkEach10000(b *testing.B) {
	s := newProject(b)
	importInto(b, s, smallDocs(10000))
	var bytes int64
	for d := range smallDocs(10000) {
		bytes += int64(len(d.Document.Text))
	}
	b.SetBytes(bytes)
	for b.Loop() {
		n := 0
		err := s.Each(func(d *annotate.DocumentData) error {
			n += len(d.Annotations)
			return nil
		})
		if err != nil || n != 200000 {
			b.Fatalf("Each saw %d annotations, %v", n, err)
		}
	}
}
