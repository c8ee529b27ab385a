package formats

// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as one
// JSON-LD AnnotationCollection whose first page holds every annotation:
//
//	{"@context": "http://www.w3.org/ns/anno.jsonld",
//	 "type": "AnnotationCollection", "label": "Spanmark export",
//	 "first": {"type": "AnnotationPage", "items": [
//	   {"id": "urn:spanmark:ann:<id>", "type": "Annotation", "motivation": "tagging",
//	    "creator": {"type": "Person", "name": "…"}, "created": "…", "modified": "…",
//	    "body": {"type": "TextualBody", "purpose": "tagging", "value": "PERSON"},
//	    "target": {"source": "urn:spanmark:doc:<id>", "selector": [
//	      {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
//	      {"type": "TextPositionSelector", "start": 20, "end": 31}]}},
//	   {"id": "urn:spanmark:rel:<id>", "type": "Annotation", "motivation": "linking",
//	    "body": {"type": "TextualBody", "purpose": "tagging", "value": "attributed_to"},
//	    "target": {"type": "List", "items": ["urn:spanmark:ann:<from>", "urn:spanmark:ann:<to>"]}}]},
//	 "total": 2}
//
// TextPositionSelector counts code points, as the model says; prefix and
// suffix are the 32 code points around the span. A note is a second body
// with purpose "commenting". A relation is an annotation that links its
// two ends, in order, so its target is a List. Attribute values are
// further bodies, and the document's values are on its source (see
// w3cattr.go).
//
// The model has no place for a document's text, which Spanmark needs to
// import the file again. The first annotation of each document therefore
// describes its source instead of only naming it:
//
//	"source": {"id": "urn:spanmark:doc:<id>", "type": "Text", "format": "text/plain",
//	           "spanmark:title": "…", "spanmark:text": "…"}
//
// JSON-LD processors keep "spanmark:text" as a property whose IRI has the
// scheme "spanmark"; other consumers ignore it. A document without
// annotations has no annotation to carry it, so the collection lists such
// documents' sources after its page, as "spanmark:documents"; they are
// held until the page is written, and an import puts them after the
// others. Not in the page's items, since consumers such as Recogito throw
// on an item without a text selector. A document's status and source path
// are not carried. "total" comes last because the export streams.
//
// With ExportOptions.Offsets "utf16", TextPositionSelector counts UTF-16
// code units instead, as Recogito and other JavaScript consumers do, and
// the collection says "spanmark:offsets": "utf16" so that an import reads
// them so; prefix and suffix still quote 32 code points. With
// ExportOptions.OmitRelations the linking annotations are left out.
//
// The importer reads such a collection, a single AnnotationPage, a JSON
// array of annotations or one annotation. It needs each source's text from
// spanmark:text, so W3C files from other tools, which point at documents
// on the web, cannot be imported: that is an error naming the source.
// It reads positions as UTF-16 code units when the collection says
// "spanmark:offsets": "utf16", and makes a document of each source of
// "spanmark:documents" too.
// Spans are anchored by their position and checked against their quote
// (and repaired); spans with only a quote are found by it, using prefix
// and suffix to choose among repeats.

// w3cContext is the JSON-LD context of the Web Annotation model.
const w3cContext = "http://www.w3.org/ns/anno.jsonld"

// w3cContextLength is how many code points prefix and suffix quote.
const w3cContextLength = 32

// The IRIs of Spanmark's documents, annotations and relations.
const (
	w3cDocIRI = "urn:spanmark:doc:"
	w3cAnnIRI = "urn:spanmark:ann:"
	w3cRelIRI = "urn:spanmark:rel:"
)

// w3cBody is a TextualBody: a label, a note or an attribute value (see
// w3cattr.go), which names its attribute in Attribute.
type w3cBody struct {
	Type      string `json:"type"`
	Purpose   string `json:"purpose"`
	Value     string `json:"value"`
	Attribute string `json:"spanmark:attribute,omitempty"`
}

type w3cAgent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

type w3cSource struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Format     string    `json:"format"`
	Title      string    `json:"spanmark:title"`
	Text       string    `json:"spanmark:text"`
	Attributes wireAttrs `json:"spanmark:attributes,omitzero"`
}

type w3cSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

type w3cSpanTarget struct {
	Source   any           `json:"source"`
	Selector []w3cSelector `json:"selector"`
}

type w3cList struct {
	Type  string   `json:"type"`
	Items []string `json:"items"`
}

type w3cItem struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Creator    *w3cAgent `json:"creator,omitempty"`
	Created    string    `json:"created,omitempty"`
	Modified   string    `json:"modified,omitempty"`
	Body       any       `json:"body"`
	Target     any       `json:"target"`
}

// The values of ExportOptions.Offsets.
const (
	OffsetsCodePoints = "codepoints" // Unicode code points; the default
	OffsetsUTF16      = "utf16"      // UTF-16 code units, as JavaScript counts
)
