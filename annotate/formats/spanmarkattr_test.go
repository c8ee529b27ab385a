package formats

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"spanmark/annotate"
)

// attrSchema is the default schema with a required attribute that has a
// default, so that every member of a definition goes through the files.
func attrSchema() annotate.Schema {
	s := annotate.DefaultSchema()
	s.Attributes = append(s.Attributes, annotate.Attribute{Name: "hedged", Type: annotate.AttrBool,
		Kind: annotate.KindClaim, Default: annotate.BoolValue(false), Required: true})
	return s
}

// withAttributes returns testDocuments with attribute values of every
// type on the article's claim, source and a person, and a topic on the
// article.
func withAttributes(t testing.TB) []*annotate.DocumentData {
	docs := testDocuments(t)
	values := map[string]annotate.Attributes{
		"a-claim": annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false"), "checkworthy": annotate.BoolValue(true),
			"hedged": annotate.BoolValue(false)}), // hedged is attrSchema's own
		"a-source": annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("named_person")}),
		"a-kim":    annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": annotate.StringValue("Q56226 “Kim” — 🚀")}),
	}
	for i, a := range docs[0].Annotations {
		docs[0].Annotations[i].Attributes = values[a.ID]
	}
	docs[0].Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("Kursk")})
	return docs
}

func TestAttributesRoundTrip(t *testing.T) {
	docs := withAttributes(t)
	h := Header{Annotator: "Ana Ruiz", ExportedAt: exportedAt, Schema: attrSchema()}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			var first bytes.Buffer
			if err := w.write(&first, h, eachOf(docs)); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{
				`"attributes":{"checkworthy":true,"hedged":false,"verdict":"false"}`,
				`"attributes":{"topic":"Kursk"}`,
			} {
				if !strings.Contains(first.String(), want) {
					t.Errorf("the file does not hold %s", want)
				}
			}
			gotHeader, got := readAllWith(t, first.Bytes(), w.name, h.Schema)
			if w.name == "export.json" && !gotHeader.Schema.Equal(h.Schema) {
				t.Errorf("schema: got %+v, want %+v", gotHeader.Schema, h.Schema)
			}
			if !reflect.DeepEqual(got, docs) {
				t.Fatalf("documents:\ngot  %+v\nwant %+v", got[0], docs[0])
			}
			var second bytes.Buffer
			if err := w.write(&second, gotHeader, eachOf(got)); err != nil {
				t.Fatal(err)
			}
			if w.name == "export.json" && !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("write → read → write changed the bytes")
			}
		})
	}
}

func TestReadRefusesBadAttributeValues(t *testing.T) {
	claim := `"label":"CLAIM","kind":"claim"`
	tests := []struct {
		name, old, new, want string
	}{
		{"enum value not in the list", claim, claim + `,"attributes":{"verdict":"maybe"}`,
			`x.json: document 1 (id d1): annotation c1 (CLAIM): attribute verdict: "maybe" is not one of`},
		{"bool as a string", claim, claim + `,"attributes":{"checkworthy":"true"}`,
			`x.json: document 1 (id d1): annotation c1 (CLAIM): attribute checkworthy: "true" is not true or false`},
		{"attribute of another label", claim, claim + `,"attributes":{"source_type":"media"}`,
			`x.json: document 1 (id d1): annotation c1 (CLAIM): label CLAIM has no attribute "source_type"`},
		{"unknown document attribute", `"status":"done"`, `"status":"done","attributes":{"verdict":"false"}`,
			`x.json: document 1 (id d1): document: the schema has no attribute "verdict"`},
		{"a number", claim, claim + `,"attributes":{"verdict":1}`,
			`x.json: document 1 (id d1): annotation c1: attribute verdict: 1 is neither a string nor true or false`},
		{"null", `"status":"done"`, `"status":"done","attributes":{"topic":null}`,
			`x.json: document 1 (id d1): document: attribute topic: null is neither a string nor true or false`},
		{"an empty string", `"status":"done"`, `"status":"done","attributes":{"topic":""}`,
			`x.json: document 1 (id d1): document: attribute topic: empty value`},
		// encoding/json's map kept the last of two values, silently.
		{"a name twice", claim, claim + `,"attributes":{"verdict":"false","checkworthy":true,"verdict":"true"}`,
			`x.json: document 1 (id d1): annotation c1: attribute verdict appears twice`},
		{"a document attribute twice", `"status":"done"`, `"status":"done","attributes":{"topic":"a","topic":"a"}`,
			`x.json: document 1 (id d1): document: attribute topic appears twice`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			input := jsonOf(edit(tc.old, tc.new))
			err := readErr(input, "x.json")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got  %v\nwant %s…", err, tc.want)
			}
			jsonl := okJSONLHeader + "\n" + edit(tc.old, tc.new) + "\n"
			err = readErr(jsonl, "x.jsonl")
			if want := strings.Replace(tc.want, "x.json: document 1", "x.jsonl:2", 1); err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("JSONL: got  %v\nwant %s…", err, want)
			}
		})
	}
}

// TestExportersTakeAttributes checks that every exporter writes documents
// whose annotations carry attributes (what each keeps of them is
// TestToolAttributesRoundTrip's).
func TestExportersTakeAttributes(t *testing.T) {
	docs := withAttributes(t)
	for name, exp := range Exporters {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			opts := ExportOptions{Schema: attrSchema(), Annotator: "Ana"}
			if err := exp(&buf, documentsOf(eachOf(docs)), opts); err != nil {
				t.Fatalf("export: %v", err)
			}
			if buf.Len() == 0 {
				t.Error("wrote nothing")
			}
		})
	}
}

// TestPythonReadsAttributes has Python's json.loads read both exports:
// a bool attribute must come out as True, an enum as a str.
func TestPythonReadsAttributes(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH")
	}
	const script = `import json, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            docs = [json.loads(line) for line in f if line.strip()]
        else:
            data = json.load(f)
            docs = data["documents"]
            defs = {a["name"]: a for a in data["schema"]["attributes"]}
            assert defs["verdict"]["values"][4] == {"name": "false", "key": "f"}, defs["verdict"]
            assert defs["hedged"]["default"] is False and defs["hedged"]["required"] is True
    doc = docs[0]
    claim = next(a for a in doc["annotations"] if a["id"] == "a-claim")
    kim = next(a for a in doc["annotations"] if a["id"] == "a-kim")
    print(repr(claim["attributes"]), repr(kim["attributes"]), repr(doc["attributes"]))
`
	docs := withAttributes(t)
	h := Header{Annotator: "Ana", ExportedAt: exportedAt, Schema: attrSchema()}
	dir := t.TempDir()
	var paths []string
	for _, w := range writers {
		var buf bytes.Buffer
		if err := w.write(&buf, h, eachOf(docs)); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(dir, w.name))
		if err := os.WriteFile(paths[len(paths)-1], buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command(python, append([]string{"-c", script}, paths...)...).CombinedOutput()
	line := `{'checkworthy': True, 'hedged': False, 'verdict': 'false'} {'kb_id': 'Q56226 “Kim” — 🚀'} {'topic': 'Kursk'}` + "\n"
	if want := line + line; err != nil || string(out) != want {
		t.Errorf("python: %v\ngot  %s\nwant %s", err, out, want)
	}
}

// readAllWith is readAll with schema standing for the schema of a JSONL
// file, which WriteJSONL leaves to a file of its own (WriteSchema).
func readAllWith(t testing.TB, b []byte, name string, schema annotate.Schema) (Header, []*annotate.DocumentData) {
	t.Helper()
	rd, err := readSpanmark(bytes.NewReader(b), name, &schema)
	if err != nil {
		t.Fatalf("readSpanmark: %v", err)
	}
	return rd.Header(), documentsAll(t, rd)
}

// TestAppendJSONStringAsEncodingJSON checks the attribute writer's string
// quoting against encoding/json's with HTML escaping off, as the line
// encoder writes every other string.
func TestAppendJSONStringAsEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `"quoted" \ back`, "<a & b>", "tab\tnl\ncr\r\x00\x1f\x7f",
		"line\u2028para\u2029", "Köln — 🚀 “x”", "bad \xff utf-8"} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(buf.String(), "\n")
		if got := string(appendJSONString(nil, s)); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}
