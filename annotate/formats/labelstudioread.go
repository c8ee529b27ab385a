package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"spanmark/annotate"
)

// lsTaskIn is a task as read, lenient about what it does not need.
type lsTaskIn struct {
	Data        map[string]json.RawMessage `json:"data"`
	Meta        map[string]any             `json:"meta"`
	Annotations []lsAnnotationIn           `json:"annotations"`
	Completions []lsAnnotationIn           `json:"completions"`
	Predictions []lsAnnotationIn           `json:"predictions"`
}

type lsAnnotationIn struct {
	Result       []json.RawMessage `json:"result"`
	WasCancelled bool              `json:"was_cancelled"`
	Score        *float64          `json:"score"` // a prediction's
}

type lsResultIn struct {
	ID        string          `json:"id"`
	FromName  string          `json:"from_name"`
	Type      string          `json:"type"`
	Value     json.RawMessage `json:"value"`
	FromID    string          `json:"from_id"`
	ToID      string          `json:"to_id"`
	Direction string          `json:"direction"`
	Labels    []string        `json:"labels"`
	Meta      json.RawMessage `json:"meta"`
	Score     *float64        `json:"score"` // a predicted region's
}

type lsValueIn struct {
	Start  json.RawMessage `json:"start"`
	End    json.RawMessage `json:"end"`
	Text   *string         `json:"text"`
	Labels []string        `json:"labels"`
}

// ImportLabelStudio reads Label Studio JSON: an array of tasks or one
// task. name is the file, for messages.
func ImportLabelStudio(r io.Reader, name string, o ImportOptions) ([]*annotate.DocumentData, Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, Report{}, fmt.Errorf("import %s: %w", name, err)
	}
	t := newToolImport(name, o)
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if first := bytes.TrimLeft(data, " \t\r\n"); len(first) > 0 && first[0] == '{' {
		err = t.lsTask("line 1: task 1", data)
	} else {
		err = t.jsonArray(data, "task", t.lsTask)
	}
	if err != nil {
		return nil, Report{}, err
	}
	return t.finish()
}

func (t *toolImport) lsTask(where string, raw json.RawMessage) error {
	var task lsTaskIn
	if err := json.Unmarshal(raw, &task); err != nil {
		return t.errorf(where, "%s", jsonProblem(err))
	}
	text, err := lsText(task.Data)
	if err != nil {
		return t.errorf(where, "%v", err)
	}
	var title string
	// A title that is not a string is no title: the text gives one.
	_ = json.Unmarshal(task.Data["title"], &title)
	d, err := t.newDoc(where, text, toolMeta{
		ID:     metaString(task.Meta, "spanmark_id"),
		Title:  title,
		Status: metaString(task.Meta, "status"),
	})
	if err != nil {
		return err
	}
	results, which, score := t.lsPick(where, task)
	return t.lsResults(d, where, which, results, score)
}

// lsPlaced is a result with its place in the file.
type lsPlaced struct {
	where string
	res   lsResultIn
}

// lsResults reads the results of a task's annotation or prediction
// (which) into d: first the regions, then the attribute values and
// relations, which name them. score is the prediction's, for its regions
// without one (see ImportOptions.Predictions).
func (t *toolImport) lsResults(d *toolDoc, where, which string, results []json.RawMessage, score *float64) error {
	regions := map[string]string{} // region id → annotation id
	var relations, attrs []lsPlaced
	skipped := map[string]int{}
	for i, raw := range results {
		rec := fmt.Sprintf("%s: %s result %d", where, which, i+1)
		var res lsResultIn
		if err := json.Unmarshal(raw, &res); err != nil {
			return t.errorf(rec, "%s", jsonProblem(err))
		}
		switch res.Type {
		case "labels":
			if res.Score == nil {
				res.Score = score
			}
			if err := t.lsRegion(d, rec, res, regions); err != nil {
				return err
			}
		case "relation":
			relations = append(relations, lsPlaced{fmt.Sprintf("%s: relation %d", where, len(relations)+1), res})
		case "choices", "textarea":
			attrs = append(attrs, lsPlaced{rec, res})
		default:
			skipped[res.Type]++
		}
	}
	for _, typ := range slices.Sorted(maps.Keys(skipped)) {
		t.note(where, "%d results of type %q left out: only text regions, relations, choices and text areas are read", skipped[typ], typ)
	}
	for _, a := range attrs {
		if err := t.lsAttribute(d, a.where, a.res, regions); err != nil {
			return err
		}
	}
	for _, r := range relations {
		t.lsRelation(d, r.where, r.res, regions)
	}
	return nil
}

// lsText returns the text of a task's data: data.text, or its only
// string.
func lsText(data map[string]json.RawMessage) (string, error) {
	var text string
	if raw, ok := data["text"]; ok {
		if json.Unmarshal(raw, &text) != nil {
			return "", fmt.Errorf("data.text is not a string")
		}
		return text, nil
	}
	found := 0
	for _, raw := range data {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			text = s
			found++
		}
	}
	if found != 1 {
		return "", fmt.Errorf("no data.text, and not one string in data to take for it")
	}
	return text, nil
}

// lsPick returns the results to import from a task, what they are and
// the score of the prediction they are, if any. With
// ImportOptions.Predictions the first prediction is read when the task
// has one, else its annotation as without.
func (t *toolImport) lsPick(where string, task lsTaskIn) ([]json.RawMessage, string, *float64) {
	if t.o.Predictions && len(task.Predictions) > 0 {
		return t.lsPrediction(where, task)
	}
	var done []lsAnnotationIn
	for _, a := range append(task.Annotations, task.Completions...) {
		if !a.WasCancelled {
			done = append(done, a)
		}
	}
	switch {
	case len(done) > 1:
		t.note(where, "%d annotations: the first imported, the others left out", len(done))
		fallthrough
	case len(done) == 1:
		return done[0].Result, "annotation", nil
	case len(task.Predictions) > 0:
		return t.lsPrediction(where, task)
	}
	return nil, "", nil
}

// lsPrediction returns the results of a task's first prediction, noting
// that the others are left out.
func (t *toolImport) lsPrediction(where string, task lsTaskIn) ([]json.RawMessage, string, *float64) {
	if len(task.Predictions) > 1 {
		t.note(where, "%d predictions: the first imported, the others left out", len(task.Predictions))
	}
	return task.Predictions[0].Result, "prediction", task.Predictions[0].Score
}

func (t *toolImport) lsRegion(d *toolDoc, where string, res lsResultIn, regions map[string]string) error {
	var v lsValueIn
	if err := json.Unmarshal(res.Value, &v); err != nil {
		return t.errorf(where, "value: %s", jsonProblem(err))
	}
	var start, end int
	if json.Unmarshal(v.Start, &start) != nil || json.Unmarshal(v.End, &end) != nil {
		t.note(where, "left out: start and end are not character offsets (a HyperText region?)")
		return nil
	}
	if len(v.Labels) == 0 {
		t.note(where, "left out: region has no label")
		return nil
	}
	quote := ""
	if v.Text != nil {
		quote = *v.Text
	}
	s, e, ok, err := t.quotedSpan(d, where, start, end, quote)
	if err != nil || !ok {
		return err
	}
	note := lsNote(res.Meta)
	score := 1.0
	if t.o.Predictions && res.Score != nil {
		if score = *res.Score; !(score >= 0 && score <= 1) {
			return t.errorf(where, "score %v is not a number from 0 to 1", score)
		}
	}
	for i, label := range v.Labels {
		if label == "" {
			return t.errorf(where, "label is empty")
		}
		id := res.ID
		if i > 0 {
			id = ""
		}
		annID := t.addAnnotation(d, annotate.Annotation{ID: id, Start: s, End: e, Label: label, Note: note})
		if t.o.Predictions {
			t.scoreOf(annID, score)
		}
		if _, seen := regions[res.ID]; !seen && res.ID != "" {
			regions[res.ID] = annID
		}
	}
	return nil
}

// lsNote reads a region's meta text, a string or a list of strings.
func lsNote(raw json.RawMessage) string {
	var meta struct {
		Text json.RawMessage `json:"text"`
	}
	if json.Unmarshal(raw, &meta) != nil {
		return ""
	}
	var list []string
	if json.Unmarshal(meta.Text, &list) == nil {
		return strings.Join(list, "\n")
	}
	var s string
	_ = json.Unmarshal(meta.Text, &s) // neither a list nor a string: no note
	return s
}

func (t *toolImport) lsRelation(d *toolDoc, where string, res lsResultIn, regions map[string]string) {
	from, okFrom := regions[res.FromID]
	to, okTo := regions[res.ToID]
	if !okFrom || !okTo {
		t.note(where, "relation left out: region %q or %q was not imported", res.FromID, res.ToID)
		return
	}
	if res.Direction == "left" {
		from, to = to, from
	}
	labels := res.Labels
	if len(labels) == 0 {
		// The project's schema decides, not the types this file adds.
		if len(t.o.Schema.Relations) != 1 {
			t.note(where, "relation left out: it has no label, and the schema has %d relation types", len(t.o.Schema.Relations))
			return
		}
		labels = []string{t.o.Schema.Relations[0].Name}
	}
	for _, typ := range labels {
		t.addRelation(d, where, annotate.Relation{Type: typ, From: from, To: to})
	}
}

// scoreOf records a predicted annotation's score in the report.
func (t *toolImport) scoreOf(annID string, score float64) {
	if t.rep.Scores == nil {
		t.rep.Scores = map[string]float64{}
	}
	t.rep.Scores[annID] = score
}
