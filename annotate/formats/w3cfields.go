package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// w3cHas reports whether raw, one string or a list of them, holds want.
func w3cHas(raw json.RawMessage, want string) bool {
	return slices.Contains(w3cStrings(raw), want)
}

// w3cStrings reads one string or a list of strings.
func w3cStrings(raw json.RawMessage) []string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []string{s}
	}
	var list []string
	_ = json.Unmarshal(raw, &list) // anything else holds no strings
	return list
}

// w3cParseTime parses an xsd:dateTime, or "" as the zero time.
func w3cParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// w3cBodies returns the label of the tagging body, the text of the
// commenting bodies and the bodies that give attribute values. A textual
// body without a purpose tags.
func w3cBodies(raw json.RawMessage) (label, note string, attrs []w3cBody) {
	var bodies []w3cBody
	if json.Unmarshal(raw, &bodies) != nil {
		var one w3cBody
		if json.Unmarshal(raw, &one) != nil {
			return "", "", nil
		}
		bodies = []w3cBody{one}
	}
	var notes []string
	for _, b := range bodies {
		switch {
		case b.Attribute != "":
			attrs = append(attrs, b)
		case b.Purpose == "commenting":
			notes = append(notes, b.Value)
		case label == "" && (b.Purpose == "tagging" || b.Purpose == "classifying" || b.Purpose == ""):
			label = b.Value
		}
	}
	return label, strings.Join(notes, "\n"), attrs
}

// w3cCreator returns the name of a creator given as a name or an agent.
func w3cCreator(raw json.RawMessage) string {
	var agent struct {
		Name     string `json:"name"`
		Nickname string `json:"nickname"`
	}
	if json.Unmarshal(raw, &agent) == nil {
		return w3cOr(agent.Name, agent.Nickname)
	}
	var name string
	_ = json.Unmarshal(raw, &name) // neither an agent nor a name: no creator
	return name
}

// w3cLinkEnds returns the IRIs a linking annotation's target lists, in
// order: a List, a plain array, or a single resource.
func w3cLinkEnds(raw json.RawMessage) ([]string, error) {
	var list struct {
		Items []json.RawMessage `json:"items"`
	}
	var items []json.RawMessage
	switch {
	case json.Unmarshal(raw, &items) == nil:
	case json.Unmarshal(raw, &list) == nil && list.Items != nil:
		items = list.Items
	default:
		return nil, fmt.Errorf("want a List of two annotations")
	}
	ends := make([]string, len(items))
	for i, it := range items {
		var ref struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(it, &ends[i]) != nil && (json.Unmarshal(it, &ref) != nil || ref.ID == "") {
			return nil, fmt.Errorf("item %d is not an annotation's IRI", i+1)
		}
		if ends[i] == "" {
			ends[i] = ref.ID
		}
	}
	return ends, nil
}

// w3cTargets returns the targets of an annotation: one or a list.
func w3cTargets(raw json.RawMessage) ([]json.RawMessage, error) {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		return list, nil
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("missing")
	}
	return []json.RawMessage{raw}, nil
}

// target reads one target of a tagging annotation, or returns nil after
// noting why it is not a span of text.
func (w *w3cImport) target(where string, raw json.RawMessage) (*w3cSpanIn, error) {
	var tg struct {
		Source   json.RawMessage `json:"source"`
		Selector json.RawMessage `json:"selector"`
	}
	if json.Unmarshal(raw, &tg) != nil || len(tg.Source) == 0 {
		w.note(where, "target left out: not a selection of a text")
		return nil, nil
	}
	sp := &w3cSpanIn{where: where}
	var src w3cSource
	if json.Unmarshal(tg.Source, &sp.source) != nil {
		if json.Unmarshal(tg.Source, &src) != nil || src.ID == "" {
			return nil, w.errorf(where, "target source is neither an IRI nor a resource with an id")
		}
		sp.source = src.ID
		if err := w.addText(where, tg.Source, src); err != nil {
			return nil, err
		}
	}
	var sels []w3cSelectorIn
	if json.Unmarshal(tg.Selector, &sels) != nil {
		var one w3cSelectorIn
		if json.Unmarshal(tg.Selector, &one) != nil {
			w.note(where, "target left out: no selector")
			return nil, nil
		}
		sels = []w3cSelectorIn{one}
	}
	for _, s := range sels {
		switch s.Type {
		case "TextQuoteSelector":
			sp.quote, sp.prefix, sp.suffix = s.Exact, s.Prefix, s.Suffix
		case "TextPositionSelector":
			sp.start, sp.end = s.Start, s.End
		}
	}
	if sp.quote == nil && (sp.start == nil || sp.end == nil) {
		w.note(where, "target left out: neither a TextQuoteSelector nor a TextPositionSelector")
		return nil, nil
	}
	return sp, nil
}

type w3cSelectorIn struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact"`
	Prefix *string `json:"prefix"`
	Suffix *string `json:"suffix"`
	Start  *int    `json:"start"`
	End    *int    `json:"end"`
}
