package agree

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"

	"spanmark/annotate"
)

// jsonReport is the shape of Report.JSON.
type jsonReport struct {
	Documents jsonDocuments        `json:"documents"`
	Labels    map[string]jsonLabel `json:"labels"`
	Overall   jsonLabel            `json:"overall"`
	Kappa     jsonKappa            `json:"kappa"`
	Relations jsonRelations        `json:"relations"`
	Attrs     map[string]jsonAttr  `json:"attributes"`
}

// jsonAttr is an attribute's object in the "attributes" object of
// Report.JSON.
type jsonAttr struct {
	Pairs     int     `json:"pairs"`
	Agreement float64 `json:"agreement"`
	Kappa     float64 `json:"kappa"`
}

// jsonDocuments is the "documents" object of Report.JSON.
type jsonDocuments struct {
	Matched int `json:"matched"`
	OnlyA   int `json:"only_a"`
	OnlyB   int `json:"only_b"`
}

// jsonLabel is a label's object, and the "overall" object, of Report.JSON.
type jsonLabel struct {
	A         int     `json:"a"`
	B         int     `json:"b"`
	ExactF1   float64 `json:"exact_f1"`
	OverlapF1 float64 `json:"overlap_f1"`
}

// jsonKappa is the "kappa" object of Report.JSON.
type jsonKappa struct {
	Entity float64 `json:"entity"`
	Claim  float64 `json:"claim"`
	Source float64 `json:"source"`
}

// jsonRelations is the "relations" object of Report.JSON.
type jsonRelations struct {
	A  int     `json:"a"`
	B  int     `json:"b"`
	F1 float64 `json:"f1"`
}

// labelJSON returns the JSON form of f.
func labelJSON(f LabelFigures) jsonLabel {
	return jsonLabel{A: f.A, B: f.B, ExactF1: f.Exact.F1(), OverlapF1: f.Overlap.F1()}
}

// JSON returns the report as indented JSON ending in a newline, figures
// at full float64 precision:
//
//	{"documents": {"matched": 12, "only_a": 1, "only_b": 0},
//	 "labels": {"PERSON": {"a": 40, "b": 38, "exact_f1": 0.9, "overlap_f1": 0.95}, …},
//	 "overall": {"a": 410, "b": 395, "exact_f1": 0.81, "overlap_f1": 0.9},
//	 "kappa": {"entity": 0.84, "claim": 0.7, "source": 0.77},
//	 "relations": {"a": 60, "b": 52, "f1": 0.75},
//	 "attributes": {"CLAIM.verdict": {"pairs": 30, "agreement": 0.8, "kappa": 0.71}, …}}
func (r Report) JSON() ([]byte, error) {
	j := jsonReport{
		Documents: jsonDocuments{Matched: r.Matched, OnlyA: r.OnlyA, OnlyB: r.OnlyB},
		Labels:    make(map[string]jsonLabel, len(r.Labels)),
		Overall:   labelJSON(r.Overall),
		Kappa: jsonKappa{
			Entity: r.Kappa[annotate.KindEntity],
			Claim:  r.Kappa[annotate.KindClaim],
			Source: r.Kappa[annotate.KindSource],
		},
		Relations: jsonRelations{A: r.Relations.A, B: r.Relations.B, F1: r.Relations.F1()},
		Attrs:     make(map[string]jsonAttr, len(r.Attributes)),
	}
	for key, f := range r.Attributes {
		j.Attrs[key] = jsonAttr{Pairs: f.Pairs, Agreement: f.Agreement(), Kappa: f.Kappa}
	}
	for name, f := range r.Labels {
		j.Labels[name] = labelJSON(*f)
	}
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("agreement report: %w", err)
	}
	return append(b, '\n'), nil
}

// WriteTable writes the report for people: the documents paired and
// unpaired, then per label (by name) and overall the annotations on each
// side with the exact and overlap F1, then the relations with their F1,
// then kappa per kind, then, when any attribute was compared, each one
// (by key) with its pairs, agreement and kappa. Figures are rounded to four decimals. Columns are
// headed by the sides' names, or A and B.
func (r Report) WriteTable(w io.Writer) error {
	nameA, nameB := r.NameA, r.NameB
	if nameA == "" {
		nameA = "A"
	}
	if nameB == "" {
		nameB = "B"
	}
	// The table is small: lay it out in memory, so that writing it is one
	// call whose error tells everything.
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t%d paired, %d only in %s, %d only in %s\n\n",
		r.Matched, r.OnlyA, nameA, r.OnlyB, nameB)
	fmt.Fprintf(tw, "label\t%s\t%s\texact F1\toverlap F1\n", nameA, nameB)
	for _, name := range slices.Sorted(maps.Keys(r.Labels)) {
		writeLabelRow(tw, name, *r.Labels[name])
	}
	writeLabelRow(tw, "overall", r.Overall)
	fmt.Fprintf(tw, "relations\t%d\t%d\t%.4f\n\n", r.Relations.A, r.Relations.B, r.Relations.F1())
	fmt.Fprintf(tw, "kind\tkappa\n")
	for _, k := range annotate.Kinds {
		fmt.Fprintf(tw, "%s\t%.4f\n", k, r.Kappa[k])
	}
	if len(r.Attributes) > 0 {
		fmt.Fprintf(tw, "\nattribute\tpairs\tagreement\tkappa\n")
		for _, key := range slices.Sorted(maps.Keys(r.Attributes)) {
			f := r.Attributes[key]
			fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\n", key, f.Pairs, f.Agreement(), f.Kappa)
		}
	}
	tw.Flush() // writes to a bytes.Buffer, which cannot fail
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("agreement table: %w", err)
	}
	return nil
}

// writeLabelRow writes one row of the label table.
func writeLabelRow(w io.Writer, name string, f LabelFigures) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%.4f\t%.4f\n", name, f.A, f.B, f.Exact.F1(), f.Overlap.F1())
}
