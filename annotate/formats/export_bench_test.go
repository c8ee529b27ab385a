package formats

import (
	"encoding/json"
	"io"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/annotate/synth"
)

// The plain types hold the same members as a JSONL document line, in the
// shape encoding/json takes without help: the yardstick WriteJSONL is
// measured against.
type (
	plainAnnotation struct {
		ID        string        `json:"id"`
		Start     int           `json:"start"`
		End       int           `json:"end"`
		Text      string        `json:"text"`
		Label     string        `json:"label"`
		Kind      annotate.Kind `json:"kind"`
		Note      string        `json:"note"`
		Annotator string        `json:"annotator"`
		Created   time.Time     `json:"created_at"`
		Updated   time.Time     `json:"updated_at"`
	}

	plainRelation struct {
		ID   string `json:"id"`
		Type string `json:"type"`
		From string `json:"from"`
		To   string `json:"to"`
	}

	plainDocument struct {
		Annotator   string            `json:"annotator"`
		ID          string            `json:"id"`
		Title       string            `json:"title"`
		Text        string            `json:"text"`
		SHA256      string            `json:"sha256"`
		Status      annotate.Status   `json:"status"`
		SourcePath  string            `json:"source_path"`
		Created     time.Time         `json:"created_at"`
		Updated     time.Time         `json:"updated_at"`
		Annotations []plainAnnotation `json:"annotations"`
		Relations   []plainRelation   `json:"relations"`
	}
)

// plainOf copies d into the plain types, annotation texts included, so
// that the yardstick writes the same records without converting them.
func plainOf(d *annotate.DocumentData, annotator string, s annotate.Schema) plainDocument {
	doc := d.Document
	x := annotate.NewIndex(doc.Text)
	p := plainDocument{
		Annotator: annotator, ID: doc.ID, Title: doc.Title, Text: doc.Text, SHA256: doc.SHA256,
		Status: doc.Status, SourcePath: doc.SourcePath, Created: doc.Created, Updated: doc.Updated,
	}
	for _, a := range d.Annotations {
		p.Annotations = append(p.Annotations, plainAnnotation{
			ID: a.ID, Start: a.Start, End: a.End, Text: x.Slice(a.Start, a.End), Label: a.Label,
			Kind: s.KindOf(a.Label), Note: a.Note, Annotator: a.Annotator, Created: a.Created, Updated: a.Updated,
		})
	}
	for _, r := range d.Relations {
		p.Relations = append(p.Relations, plainRelation{ID: r.ID, Type: r.Type, From: r.From, To: r.To})
	}
	return p
}

// countingWriter counts what is written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkWriteJSONL measures the export of synthetic documents shaped
// like the scale budget's project (800 words, 100 annotations each)
// against encoding the same records with encoding/json, taking turns so
// that both see the same machine. speed-ratio is WriteJSONL's speed as a
// fraction of the yardstick's; the budget is at least 0.5.
func BenchmarkWriteJSONL(b *testing.B) {
	opts := synth.Options{Docs: 300, WordsPerDoc: 800, AnnotationsPerDoc: 100, Annotator: "bench", Seed: 1}
	var docs []*annotate.DocumentData
	for d, err := range synth.Documents(opts) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	h := Header{Annotator: "bench", ExportedAt: exportedAt, Schema: annotate.DefaultSchema()}
	plain := make([]plainDocument, len(docs))
	for i, d := range docs {
		plain[i] = plainOf(d, h.Annotator, h.Schema)
	}
	each := func(fn func(*annotate.DocumentData) error) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
	encodePlain := func(w io.Writer) error {
		enc := json.NewEncoder(w)
		if err := enc.Encode(wireHeaderOf(h)); err != nil {
			return err
		}
		for i := range plain {
			if err := enc.Encode(&plain[i]); err != nil {
				return err
			}
		}
		return nil
	}

	var jsonlBytes, plainBytes countingWriter
	if err := WriteJSONL(&jsonlBytes, h, each); err != nil {
		b.Fatal(err)
	}
	if err := encodePlain(&plainBytes); err != nil {
		b.Fatal(err)
	}

	var spent, yardstick time.Duration
	for b.Loop() {
		t0 := time.Now()
		if err := WriteJSONL(io.Discard, h, each); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := encodePlain(io.Discard); err != nil {
			b.Fatal(err)
		}
		spent += t1.Sub(t0)
		yardstick += time.Since(t1)
	}
	b.ReportMetric(float64(jsonlBytes.n)/spent.Seconds()*float64(b.N)/1e6, "jsonl-MB/s")
	b.ReportMetric(float64(plainBytes.n)/yardstick.Seconds()*float64(b.N)/1e6, "plain-MB/s")
	b.ReportMetric(float64(yardstick)/float64(spent), "speed-ratio")
}
