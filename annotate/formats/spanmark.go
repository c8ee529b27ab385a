package formats

import (
	"time"

	"spanmark/annotate"
)

// The spanmark format, version 1, is Spanmark's own dataset format, in
// JSON and JSONL. Its readers and writers stream, one document at a time,
// so that a large project never sits in memory whole.
//
// A JSON file is one object. Its members come in this order, and the
// header members ("format", "version", "annotator", "exported_at",
// "schema") must come before "documents", so that a reader can check each
// document against the schema as it arrives:
//
//	{"format":"spanmark","version":1,"annotator":"…","exported_at":"…",
//	 "schema":{"labels":[{"name":"PERSON","kind":"entity","color":"#rrggbb","key":"p"}, …],
//	           "relations":[{"name":"attributed_to","from_kind":"claim","to_kind":"source"}]},
//	 "documents":[
//	 {"id":"…","title":"…","text":"…","sha256":"…","status":"done",
//	  "source_path":"…","created_at":"…","updated_at":"…",
//	  "annotations":[{"id":"…","start":0,"end":5,"text":"North","label":"LOC","kind":"entity",
//	                  "note":"","annotator":"…","created_at":"…","updated_at":"…"}],
//	  "relations":[{"id":"…","type":"attributed_to","from":"<annotation id>","to":"<annotation id>"}]},
//	 …]}
//
// WriteJSON puts the header on the first line and each document on a line
// of its own. Offsets are Unicode code points, half-open: "text" is
// exactly Python's text[start:end], and a reader checks that it is. "kind"
// repeats the kind of the label in the schema, for consumers that do not
// read the schema; a reader checks that too. "source_path" is the path
// the document was imported from, as it was given, or "". Times are RFC
// 3339 in UTC with as many fractional-second digits as needed
// (time.RFC3339Nano), so that nothing is lost in a round trip; an unknown
// time is "".
//
// A JSONL file holds one document per line, each line also carrying
// "annotator" (so that lines can be split and concatenated), and nothing
// else: every line is a document, for the consumers that read a line as
// one (json.loads(line)["annotations"], dataframes). The schema travels in
// the JSON format, or in a file of its own (WriteSchema).
//
//	{"annotator":"…","id":"…","title":"…","text":"…", …,"annotations":[…],"relations":[…]}
//
// A reader also takes the JSONL that earlier versions wrote, whose first
// line is a header with the members of a JSON file's header:
//
//	{"format":"spanmark","version":1,"annotator":"…","exported_at":"…","schema":{…}}
//
// Without that header, the first document line's "annotator" and
// "schema" stand for the file. When no line before the first document
// gives a schema, the file's schema is the default one with every label
// and relation type its annotations use added: a label with the kind its
// annotations give it (the first, should they differ, which is then an
// error at the others) and a colour of its own, a relation type between
// the kinds of its first relation's ends. This needs a second reading of
// the file, so a file that cannot seek (standard input) gets the default
// schema alone. Any line may carry "format", "version" and "schema"; they
// must agree with the file's.
//
// On reading, "sha256", "status", "title", "source_path" and the times may
// be left out (or empty): the SHA-256 is computed, the status is "todo",
// the title comes from the text, and a missing document id is left for
// the store to make up. A document's text is kept exactly as given: no
// byte order mark or line ending clean-up, since the offsets refer to it.
const (
	// FormatName is the value of the "format" member of every spanmark
	// file.
	FormatName = "spanmark"
	// Version is the version of the spanmark format this package writes,
	// and the newest it reads.
	Version = 1
)

// Header is what a spanmark file says about all its documents: whose work
// they are, when they were exported, and the schema their labels and
// relations come from.
type Header struct {
	Annotator  string
	ExportedAt time.Time
	Schema     annotate.Schema
	// Suggestions, when not nil, gives a document's suggestions, which
	// WriteJSON and WriteJSONL then add to it as its "suggestions" (see
	// spanmarksuggest.go). Readers leave it nil.
	Suggestions func(docID string) ([]annotate.Suggestion, error)
}

// StoreHeader returns the header of an export of st made at at: its
// annotator and schema.
func StoreHeader(st annotate.Store, at time.Time) (Header, error) {
	meta, err := st.Meta()
	if err != nil {
		return Header{}, err
	}
	schema, err := st.Schema()
	if err != nil {
		return Header{}, err
	}
	return Header{Annotator: meta.Annotator, ExportedAt: at.UTC(), Schema: schema}, nil
}
