package formats

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"spanmark/annotate"
)

// spaCy's JSON Lines with attribute values. A line whose annotations have
// values gives them in "span_attributes", a list beside each span group
// of "spans", one object per span in the same order ({} for a span
// without values); the document's own values are the line's top-level
// "attributes", as in spanmark JSONL, rather than in "meta", which holds
// what identifies the document:
//
//	{"text": "…", "entities": […], "spans": {"sc": [[0, 11, "PERSON"], [12, 40, "CLAIM"]]},
//	 "span_attributes": {"sc": [{"kb_id": "Q56226"}, {"checkworthy": true, "verdict": "false"}]},
//	 "attributes": {"topic": "Kursk"}, "meta": {…}}
//
// Values are JSON strings and bools, so every value is carried. spaCy
// itself reads neither member; a script sets them on the spans it makes
// (span._.verdict), pairing the lists by index.

// spacySpanAttributes returns the "span_attributes" of a line whose
// "sc" group holds anns, in order; nil when none has values.
func spacySpanAttributes(anns []annotate.Annotation) map[string][]wireAttrs {
	if !slices.ContainsFunc(anns, func(a annotate.Annotation) bool { return len(a.Attributes) > 0 }) {
		return nil
	}
	list := make([]wireAttrs, len(anns))
	for i, a := range anns {
		list[i] = wireAttrsOf(a.Attributes)
	}
	return map[string][]wireAttrs{"sc": list}
}

// spacyReader gathers the spans of one spaCy line, each once, with the
// attribute values given for them.
type spacyReader struct {
	where  string
	spans  []toolSpan
	labels []string
	index  map[spacySpan]int // where each span is in spans
	attrs  []spacyAttrs
}

// spacyAttrs are the values span_attributes gives for the span i.
type spacyAttrs struct {
	where string
	i     int
	vals  wireAttrs
}

// read adds the spans of list, the member what, that are not read yet,
// and the values attrs gives for them, which must be one per span or
// none.
func (r *spacyReader) read(what string, list []json.RawMessage, attrs []wireAttrs) *placedError {
	if attrs != nil && len(attrs) != len(list) {
		return &placedError{fmt.Sprintf("%s: span_attributes.%s", r.where, strings.TrimPrefix(what, "spans.")),
			fmt.Errorf("%d entries for %d spans: want one per span, in order", len(attrs), len(list))}
	}
	for i, raw := range list {
		rec := fmt.Sprintf("%s: %s %d", r.where, what, i+1)
		s, e, label, err := parseTriple(raw)
		if err != nil {
			return &placedError{rec, err}
		}
		sp := spacySpan{s, e, label}
		at, seen := r.index[sp]
		if !seen {
			at = len(r.spans)
			r.index[sp] = at
			r.spans = append(r.spans, toolSpan{rec, s, e})
			r.labels = append(r.labels, label)
		}
		if attrs != nil && !attrs[i].IsZero() {
			r.attrs = append(r.attrs, spacyAttrs{rec, at, attrs[i]})
		}
	}
	return nil
}

// spacyStrayAttributes refuses span_attributes for a group "spans" lacks.
func spacyStrayAttributes(where string, in spacyIn) *placedError {
	for _, group := range slices.Sorted(maps.Keys(in.SpanAttributes)) {
		if _, ok := in.Spans[group]; !ok && len(in.SpanAttributes[group]) > 0 {
			return &placedError{fmt.Sprintf("%s: span_attributes.%s", where, group),
				fmt.Errorf("spans has no group %q", group)}
		}
	}
	return nil
}

// spacyAttributes sets the document's values doc and the annotations'
// values attrs, whose spans became the annotations ids.
func (t *toolImport) spacyAttributes(d *toolDoc, where string, doc wireAttrs, attrs []spacyAttrs, ids []string) error {
	vals, err := doc.attributes("attributes")
	if err != nil {
		return t.errorf(where, "%v", err)
	}
	for name, v := range vals.All() {
		if err := t.setAttr(d, where+": attributes", "", name, v); err != nil {
			return err
		}
	}
	for _, a := range attrs {
		vals, err := a.vals.attributes("span_attributes")
		if err != nil {
			return t.errorf(a.where, "%v", err)
		}
		for name, v := range vals.All() {
			if err := t.setAttr(d, a.where, ids[a.i], name, v); err != nil {
				return err
			}
		}
	}
	return nil
}
