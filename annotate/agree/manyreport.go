package agree

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"spanmark/annotate"
)

// PairFigures are the overall figures of one pair of sides, Names[A] as
// the reference and Names[B], among several.
type PairFigures struct {
	A, B           int
	Exact, Overlap Counts
}

// ManyReport is the agreement among several sides: every pair's exact
// and overlap F1, as Compare measures them, and α per kind.
type ManyReport struct {
	Names []string      // the sides' names, distinct
	Pairs []PairFigures // every pair A < B, by A then B
	AlphaFigures
}

// CompareMany measures the agreement among sides held in memory: Compare
// for every pair, and Alpha.
func CompareMany(sides []Side) ManyReport {
	r := ManyReport{AlphaFigures: Alpha(sides)}
	for i, s := range sides {
		r.Names = append(r.Names, s.Name)
		for j := i + 1; j < len(sides); j++ {
			r.Pairs = append(r.Pairs, PairOf(i, j, Compare(s, sides[j])))
		}
	}
	return r
}

// PairOf returns the overall figures of report, the comparison of side b
// with side a.
func PairOf(a, b int, report Report) PairFigures {
	return PairFigures{A: a, B: b, Exact: report.Overall.Exact, Overlap: report.Overall.Overlap}
}

// jsonManyReport is the shape of ManyReport.JSON.
type jsonManyReport struct {
	Annotators []string            `json:"annotators"`
	Documents  jsonManyDocuments   `json:"documents"`
	Pairwise   map[string]jsonPair `json:"pairwise"`
	Alpha      jsonKappa           `json:"alpha"`
}

// jsonManyDocuments is the "documents" object of ManyReport.JSON.
type jsonManyDocuments struct {
	Rated  int `json:"rated"`
	Single int `json:"single"`
}

// jsonPair is one pair's object in ManyReport.JSON.
type jsonPair struct {
	ExactF1   float64 `json:"exact_f1"`
	OverlapF1 float64 `json:"overlap_f1"`
}

// JSON returns the report as indented JSON ending in a newline, figures
// at full float64 precision; pairs are keyed by the two names joined
// with "|":
//
//	{"annotators": ["ana", "ben", "chen"],
//	 "documents": {"rated": 40, "single": 160},
//	 "pairwise": {"ana|ben": {"exact_f1": 0.8, "overlap_f1": 0.9}, …},
//	 "alpha": {"entity": 0.81, "claim": 0.64, "source": 0.7}}
func (r ManyReport) JSON() ([]byte, error) {
	j := jsonManyReport{
		Annotators: r.Names,
		Documents:  jsonManyDocuments{Rated: r.Documents, Single: r.Single},
		Pairwise:   make(map[string]jsonPair, len(r.Pairs)),
		Alpha: jsonKappa{
			Entity: r.Alpha[annotate.KindEntity],
			Claim:  r.Alpha[annotate.KindClaim],
			Source: r.Alpha[annotate.KindSource],
		},
	}
	for _, p := range r.Pairs {
		key := r.Names[p.A] + "|" + r.Names[p.B]
		j.Pairwise[key] = jsonPair{ExactF1: p.Exact.F1(), OverlapF1: p.Overlap.F1()}
	}
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("agreement report: %w", err)
	}
	return append(b, '\n'), nil
}

// WriteTable writes the report for people: the documents rated by two
// or more sides and by one, the exact and the overlap F1 of every pair as
// two matrices, and α per kind, rounded to four decimals.
func (r ManyReport) WriteTable(w io.Writer) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t%d rated by two or more, %d by one only (left out)\n", r.Documents, r.Single)
	for _, m := range []struct {
		title string
		f1    func(PairFigures) float64
	}{
		{"exact F1", func(p PairFigures) float64 { return p.Exact.F1() }},
		{"overlap F1", func(p PairFigures) float64 { return p.Overlap.F1() }},
	} {
		fmt.Fprintln(tw)
		r.writeMatrix(tw, m.title, m.f1)
	}
	fmt.Fprintf(tw, "\nkind\talpha\n")
	for _, k := range annotate.Kinds {
		fmt.Fprintf(tw, "%s\t%.4f\n", k, r.Alpha[k])
	}
	tw.Flush() // writes to a bytes.Buffer, which cannot fail
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("agreement table: %w", err)
	}
	return nil
}

// writeMatrix writes one figure of every pair as a symmetric matrix, the
// diagonal left as "-".
func (r ManyReport) writeMatrix(w io.Writer, title string, f1 func(PairFigures) float64) {
	cells := make([][]string, len(r.Names))
	for i := range cells {
		cells[i] = make([]string, len(r.Names))
		cells[i][i] = "-"
	}
	for _, p := range r.Pairs {
		cells[p.A][p.B] = fmt.Sprintf("%.4f", f1(p))
		cells[p.B][p.A] = cells[p.A][p.B]
	}
	fmt.Fprint(w, title)
	for _, name := range r.Names {
		fmt.Fprintf(w, "\t%s", name)
	}
	fmt.Fprintln(w)
	for i, name := range r.Names {
		fmt.Fprint(w, name)
		for _, c := range cells[i] {
			fmt.Fprintf(w, "\t%s", c)
		}
		fmt.Fprintln(w)
	}
}
