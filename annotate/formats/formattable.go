package formats

// spans are the kinds of annotation every span format carries.
const spans = CarriesEntities | CarriesClaims | CarriesSources

// All lists every format Spanmark reads or writes: plain text and
// Spanmark's own first, then the other tools' formats by name. The
// README's tables of formats are made from it (TestREADMEFormats).
var All = []Format{
	{
		Name: "text", Title: "plain text", Extensions: []string{".txt", ".md"},
		ByExtension: true, Offsets: "—",
		Doc: Doc{Reads: "a document a file, titled by its first line"},
	},
	{
		Name: "json", Title: ExportJSON, Extensions: []string{".json"},
		Spanmark: true, ByExtension: true,
		Carries: spans | CarriesRelations | CarriesNotes | CarriesAttributes, Offsets: "code points",
		Doc: Doc{
			Consumer: "Python, pandas", Counts: "code points",
			Writes: "one JSON object: header, schema (with attribute definitions), documents with annotations, relations and attribute values",
			Reads:  "yes, and a file of schema alone",
		},
	},
	{
		Name: "jsonl", Title: ExportJSONL, Extensions: []string{".jsonl"},
		Spanmark: true, ByExtension: true,
		Carries: spans | CarriesRelations | CarriesNotes | CarriesAttributes, Offsets: "code points",
		Options: []Option{{"schema-out", "also write the project's schema (labels, relation types) to `FILE`, as a spanmark JSON file without documents"}},
		Doc: Doc{
			Consumer: "Python, pandas", Counts: "code points",
			Writes: "one document a line, in spanmark JSON's shape; `--schema-out` writes the schema beside it",
			Reads:  "yes, old files with a header line too; a file without a schema gets the labels, relation types and attributes its documents use (a bool value makes a bool attribute, a string a text one)",
		},
	},
	{
		Name: "brat", Title: "brat", Extensions: []string{".zip"}, Folder: true,
		Export: ExportBratZip, Import: importBratPath,
		Carries: spans | CarriesRelations | CarriesNotes | CarriesAttributes,
		Offsets: "code points; `.txt` written with LF line ends and offsets moved to match",
		Options: []Option{{"zip-limit", "the most `BYTES` a .zip may decompress to, each member and all together"}},
		Doc: Doc{
			Consumer: "brat's server (Python, `.txt` read with universal newlines)", Counts: "code points of the LF text",
			Writes: "a folder (or `.zip`) of `NAME.txt` + `NAME.ann` (`T`, `R`, `#` AnnotatorNotes, `A` for enum and bool attribute values), `annotation.conf` (with `[attributes]`), `visual.conf`; spans across line breaks become fragments; text and document attribute values are left out, and counted",
			Reads:  "folders and `.zip`; discontinuous spans become one annotation per fragment, reported",
		},
	},
	{
		Name: "conll", Title: "CoNLL (IOB2)", Extensions: []string{".conll"},
		Export: ExportCoNLL, Import: importFile(ImportCoNLL),
		Carries: spans, Offsets: "tokens, no offsets",
		Options: []Option{
			{"kind", "the `KIND` of annotation to tag, entity, claim or source (default: entity)"},
			{"docstart", "what starts each document, `conll2003` (\"-DOCSTART- -X- O O\" and a blank line, as spaCy's convert reads it) or none (for doccano)"},
		},
		Doc: Doc{
			Consumer: "seqeval, spaCy `convert`, doccano", Counts: "tokens, no offsets",
			Writes: "IOB2 `token<TAB>tag` for one kind (`--kind`), tokens from Spanmark's tokenizer (a number with a decimal point or thousands separators is one token: \"6,000\", \"1,234.56\"; \"1,2,3\" stays apart); overlaps keep the longer span; a sentence ends only at a blank line or a sentence end outside every span, so no span is cut; `-DOCSTART- -X- O O` and a blank line before each document (spaCy's form), or with `--docstart none` nothing, for doccano, whose CoNLL reader takes exactly two columns; attribute values are left out, and counted",
			Reads:  "yes, old `-DOCSTART-\\tO` files too",
		},
	},
	{
		Name: "doccano", Title: "doccano", Extensions: []string{".jsonl"},
		Export: ExportDoccano, Import: importFile(ImportDoccano),
		Carries: spans | CarriesRelations, Offsets: "code points",
		Options: []Option{{"relations", "the variant with entities and relations"}},
		Doc: Doc{
			Consumer: "doccano (Python back end)", Counts: "code points (grapheme clusters if a project sets `grapheme_mode`)",
			Writes: "JSONL `{\"text\",\"label\":[[s,e,\"L\"]]}`; `--relations` gives the `entities`/`relations` variant; attribute values are left out, and counted",
			Reads:  "both variants",
		},
	},
	{
		Name: "labelstudio", Title: "Label Studio", Extensions: []string{".json"},
		Export: ExportLabelStudio, Import: importFile(ImportLabelStudio),
		Carries: spans | CarriesRelations | CarriesNotes | CarriesAttributes, Offsets: "code points",
		Options: []Option{{"config", "write only the labelling configuration (otherwise written beside --out as NAME.config.xml)"}},
		Doc: Doc{
			Consumer: "Label Studio", Counts: "code points in current versions (older ones counted UTF-16, which import repairs)",
			Writes: "a JSON array of tasks with `labels` and `relation` results and attribute values as `choices`/`textarea` results with the region's id, plus `NAME.config.xml`, the labelling config, with a per-region `Choices` (enum; bool as one check box) or `TextArea` (text) per attribute and one for the task per document attribute, named `document.NAME`",
			Reads:  "tasks with annotations or predictions; `choices` and `textarea` results as attribute values of their region, or of the document",
		},
	},
	{
		Name: "spacy", Title: "spaCy", Extensions: []string{".jsonl"},
		Export: ExportSpacy, Import: importFile(ImportSpacy),
		Carries: spans | CarriesAttributes, Offsets: "code points",
		Doc: Doc{
			Consumer: "spaCy (Python `str`)", Counts: "code points",
			Writes: "JSONL `{\"text\",\"entities\",\"spans\":{\"sc\"},\"meta\"}`; `entities` holds entities without overlaps (the longer is kept, dropped ones reported), `spans.sc` everything; attribute values in `span_attributes.sc`, one object per span of `spans.sc` in its order, and the document's in a top-level `attributes`",
			Reads:  "yes, with `span_attributes` and `attributes`",
		},
	},
	{
		Name: "w3c", Title: "W3C Web Annotation", Extensions: []string{".json", ".jsonld"},
		Export: ExportW3C, Import: importFile(ImportW3C),
		Carries: spans | CarriesRelations | CarriesNotes | CarriesAttributes,
		Offsets: "code points; `--offsets utf16 --relations=false` for Recogito, which counts JavaScript string units and cannot read `linking` annotations",
		Options: []Option{
			{"relations", "--relations=false leaves out the linking annotations, which Recogito cannot read (default: true for w3c)"},
			{"offsets", "the `UNIT` of offsets, codepoints (as the Web Annotation model says) or utf16 (as Recogito and other JavaScript readers count)"},
		},
		Doc: Doc{
			Consumer: "the Web Annotation model; Recogito", Counts: "the model: code points; Recogito: UTF-16 units",
			Writes: "W3C Web Annotation JSON-LD: `TextQuoteSelector` (32 code points of context) and `TextPositionSelector` per span, relations as `linking` annotations; documents without annotations after the page as `spanmark:documents`; an attribute value as a `classifying` (enum, bool) or `describing` (text) body naming `spanmark:attribute`, the document's values as its source's `spanmark:attributes`",
			Reads:  "Spanmark's own W3C exports (other W3C files carry no text), in either unit",
		},
	},
}
