package formats

// Label Studio's JSON: an array of tasks, one per document.
//
//	[{"data": {"text": "…", "title": "…"},
//	  "meta": {"spanmark_id": "…", "sha256": "…", "status": "…", "annotator": "…"},
//	  "annotations": [{"result": [
//	    {"id": "…", "from_name": "label", "to_name": "text", "type": "labels",
//	     "value": {"start": 0, "end": 11, "text": "Kim Jong Un", "labels": ["PERSON"]},
//	     "meta": {"text": ["a note"]}},
//	    {"from_id": "…", "to_id": "…", "type": "relation", "direction": "right",
//	     "labels": ["attributed_to"]}]}]}]
//
// with the labelling configuration LabelStudioConfig returns. Offsets are
// code points, as Label Studio has counted since it stopped counting
// UTF-16 units (label-studio-frontend#308); files from before then are
// repaired on import, since every region carries its text. Region ids are
// annotation ids, and a note is the region's meta text. An annotation has
// no "completed_by": Label Studio takes only the id or e-mail address of
// one of its own users there and refuses the import otherwise, so the
// annotator's name goes in the task's meta, and Label Studio credits the
// person who imports the file. A document without annotations gets no
// annotation unless it is done, so that Label Studio shows it as still
// to label.
//
// The importer reads an array of tasks or a single task. Of a task's
// annotations it takes the first that was not cancelled, and its
// predictions when it has none; the text is data.text, or the one string
// in data. Regions with several labels become one annotation per label.
// Relations go from from_id to to_id ("left" ones the other way); one
// without labels gets the schema's relation type when there is only one.
// Attribute values are "choices" and "textarea" results (see
// labelstudioattr.go). Results other than text regions, relations and
// those are left out and noted.

// lsRegion is a labelled span of a task's result.
type lsRegion struct {
	ID       string        `json:"id"`
	FromName string        `json:"from_name"`
	ToName   string        `json:"to_name"`
	Type     string        `json:"type"`
	Value    lsValue       `json:"value"`
	Meta     *lsRegionMeta `json:"meta,omitempty"`
}

type lsValue struct {
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
}

type lsRegionMeta struct {
	Text []string `json:"text"`
}

// lsRelation links two regions of a task's result.
type lsRelation struct {
	FromID    string   `json:"from_id"`
	ToID      string   `json:"to_id"`
	Type      string   `json:"type"`
	Direction string   `json:"direction"`
	Labels    []string `json:"labels"`
}

type lsTask struct {
	Data        lsData         `json:"data"`
	Meta        lsTaskMeta     `json:"meta"`
	Annotations []lsAnnotation `json:"annotations"`
}

type lsData struct {
	Text  string `json:"text"`
	Title string `json:"title"`
}

type lsTaskMeta struct {
	SpanmarkID string `json:"spanmark_id"`
	SHA256     string `json:"sha256"`
	Status     string `json:"status"`
	Annotator  string `json:"annotator,omitempty"`
}

type lsAnnotation struct {
	Result []any `json:"result"`
}
