package annotate

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"
)

// Stats sums up a project: its documents by status, its annotations by
// label and its relations by type.
type Stats struct {
	Documents   int
	Runes       int            // length of all the texts, in code points
	ByStatus    map[Status]int // documents of each status
	Annotations int
	// Labels counts annotations per label: the schema's labels in schema
	// order, unused ones too, then any others by name.
	Labels    []LabelCount
	Relations int
	// Types counts relations per type, in the same order as Labels.
	Types []TypeCount
}

// LabelCount is how many annotations carry one label.
type LabelCount struct {
	Label string
	Kind  Kind // "" for a label the schema lacks
	Count int
}

// TypeCount is how many relations have one type.
type TypeCount struct {
	Type  string
	Count int
}

// statusOrder is the order statuses are listed in.
var statusOrder = []Status{StatusTodo, StatusInProgress, StatusDone}

// ComputeStats counts what s holds. Document, annotation and relation
// totals come from s.Documents, which reads no texts; the counts per
// label and per type need one pass over every document with s.Each.
func ComputeStats(s Store) (Stats, error) {
	infos, err := s.Documents()
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	schema, err := s.Schema()
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	st := Stats{ByStatus: make(map[Status]int, len(statusOrder))}
	for _, in := range infos {
		st.Documents++
		st.Runes += in.Runes
		st.ByStatus[in.Status]++
		st.Annotations += in.Annotations
		st.Relations += in.Relations
	}
	labels := make(map[string]int)
	types := make(map[string]int)
	err = s.Each(func(d *DocumentData) error {
		for _, a := range d.Annotations {
			labels[a.Label]++
		}
		for _, r := range d.Relations {
			types[r.Type]++
		}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	for _, name := range inOrder(labels, schemaLabelNames(schema)) {
		st.Labels = append(st.Labels, LabelCount{Label: name, Kind: schema.KindOf(name), Count: labels[name]})
	}
	for _, name := range inOrder(types, schemaTypeNames(schema)) {
		st.Types = append(st.Types, TypeCount{Type: name, Count: types[name]})
	}
	return st, nil
}

func schemaLabelNames(s Schema) []string {
	names := make([]string, len(s.Labels))
	for i, l := range s.Labels {
		names[i] = l.Name
	}
	return names
}

func schemaTypeNames(s Schema) []string {
	names := make([]string, len(s.Relations))
	for i, rt := range s.Relations {
		names[i] = rt.Name
	}
	return names
}

// inOrder returns first, then the other keys of counts sorted.
func inOrder(counts map[string]int, first []string) []string {
	var others []string
	for name := range maps.Keys(counts) {
		if !slices.Contains(first, name) {
			others = append(others, name)
		}
	}
	slices.Sort(others)
	return append(slices.Clone(first), others...)
}

// WriteText writes st to w as an aligned table for people to read.
func (st Stats) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t\t%d\n", st.Documents)
	statuses := slices.Clone(statusOrder)
	var others []Status
	for s := range maps.Keys(st.ByStatus) {
		if !slices.Contains(statuses, s) {
			others = append(others, s)
		}
	}
	slices.Sort(others)
	for _, s := range append(statuses, others...) {
		fmt.Fprintf(tw, "  %s\t\t%d\n", s, st.ByStatus[s])
	}
	fmt.Fprintf(tw, "characters\t\t%d\n", st.Runes)
	fmt.Fprintf(tw, "annotations\t\t%d\n", st.Annotations)
	for _, l := range st.Labels {
		kind := string(l.Kind)
		if kind == "" {
			kind = "not in schema"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%d\n", l.Label, kind, l.Count)
	}
	fmt.Fprintf(tw, "relations\t\t%d\n", st.Relations)
	for _, t := range st.Types {
		fmt.Fprintf(tw, "  %s\t\t%d\n", t.Type, t.Count)
	}
	return tw.Flush()
}
