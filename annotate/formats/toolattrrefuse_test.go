package formats

import "testing"

// lsAttrJSON returns a Label Studio result giving the region id a value
// of the control name.
func lsAttrJSON(id, name, typ, value string) string {
	return `{"id": "` + id + `", "from_name": "` + name + `", "to_name": "text", "type": "` + typ + `", "value": ` + value + `}`
}

func TestLabelStudioRefusesBadAttributes(t *testing.T) {
	so := lsRegionJSON("c", 8, 10, "so", "CLAIM")
	toolImportErrors(t, ImportLabelStudio, "x.json", []struct{ name, in, want string }{
		{"not a value", lsTaskJSON("Bo said so.", so+","+lsAttrJSON("c", "verdict", "choices", `{"choices": ["maybe"]}`)),
			`import x.json: line 1: task 1: annotation result 2: (CLAIM): attribute verdict: "maybe" is not one of`},
		{"bool given another choice", lsTaskJSON("Bo said so.", so+","+lsAttrJSON("c", "checkworthy", "choices", `{"choices": ["often"]}`)),
			`line 1: task 1: annotation result 2: (CLAIM): attribute checkworthy: "often" is not true or false`},
		{"value not an object", lsTaskJSON("Bo said so.", so+","+lsAttrJSON("c", "verdict", "choices", `["false"]`)),
			`line 1: task 1: annotation result 2: value: unexpected JSON array`},
		{"given twice", lsTaskJSON("Bo said so.", so+","+lsAttrJSON("c", "verdict", "choices", `{"choices": ["true"]}`)+","+
			lsAttrJSON("c", "verdict", "choices", `{"choices": ["false"]}`)),
			`line 1: task 1: annotation result 3: attribute verdict is given twice, as true and false`},
		{"bad name", lsTaskJSON("Bo said so.", so+","+lsAttrJSON("c", "my verdict", "choices", `{"choices": ["x"]}`)),
			`line 1: task 1: annotation result 2: attribute "my verdict": a name holds only`},
	})
}

func TestW3CRefusesBadAttributes(t *testing.T) {
	item := func(body, attrs string) string {
		return `{"type": "Annotation", "id": "urn:spanmark:ann:1", "motivation": "tagging", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "CLAIM"}` + body + `],` +
			`"target": {"source": {"id": "urn:spanmark:doc:d", "type": "Text", "spanmark:text": "Bo said so."` + attrs + `},` +
			`"selector": {"type": "TextPositionSelector", "start": 8, "end": 10}}}`
	}
	toolImportErrors(t, ImportW3C, "x.jsonld", []struct{ name, in, want string }{
		{"not a value", item(`, {"type": "TextualBody", "purpose": "classifying", "value": "maybe", "spanmark:attribute": "verdict"}`, ""),
			`import x.jsonld: line 1: annotation 1: (CLAIM): attribute verdict: "maybe" is not one of`},
		{"bool given another word", item(`, {"type": "TextualBody", "purpose": "classifying", "value": "often", "spanmark:attribute": "checkworthy"}`, ""),
			`line 1: annotation 1: (CLAIM): attribute checkworthy: "often" is not true or false`},
		{"document value of another JSON type", item("", `, "spanmark:attributes": {"topic": 3}`),
			`line 1: annotation 1: source urn:spanmark:doc:d: spanmark:attributes: attribute topic: 3 is neither a string nor true or false`},
		{"document value the schema refuses", item("", `, "spanmark:attributes": {"topic": true}`),
			`line 1: annotation 1: source urn:spanmark:doc:d: attribute topic: true is a bool, but the attribute is of type text`},
	})
}

func TestSpacyRefusesBadAttributes(t *testing.T) {
	line := func(extra string) string {
		return `{"text": "Bo said so.", "spans": {"sc": [[0, 2, "SOURCE"], [8, 10, "CLAIM"]]}` + extra + `}`
	}
	toolImportErrors(t, ImportSpacy, "x.jsonl", []struct{ name, in, want string }{
		{"not a value", line(`, "span_attributes": {"sc": [{}, {"verdict": "maybe"}]}`),
			`import x.jsonl: line 1: spans.sc 2: (CLAIM): attribute verdict: "maybe" is not one of`},
		{"not one per span", line(`, "span_attributes": {"sc": [{"verdict": "false"}]}`),
			`line 1: span_attributes.sc: 1 entries for 2 spans: want one per span, in order`},
		{"group without spans", line(`, "span_attributes": {"ents": [{"verdict": "false"}]}`),
			`line 1: span_attributes.ents: spans has no group "ents"`},
		{"value of another JSON type", line(`, "span_attributes": {"sc": [{"source_type": 1}, {}]}`),
			`line 1: spans.sc 1: span_attributes: attribute source_type: 1 is neither a string nor true or false`},
		{"document value the schema refuses", line(`, "attributes": {"topic": false}`),
			`line 1: attributes: attribute topic: false is a bool, but the attribute is of type text`},
	})
}
