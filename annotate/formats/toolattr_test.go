package formats

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"spanmark/annotate"
)

// toolAttrArticle is the fixture article with values of every attribute
// type: on the first claim an enum and a bool that is true, on the
// second claim (across a paragraph break) an enum and a bool that is
// false, an enum on a source, text with curly quotes and an em dash on a
// person, and a text on the document.
func toolAttrArticle(t testing.TB) *annotate.DocumentData {
	d := toolArticle(t)
	values := map[int]annotate.Attributes{
		1:  annotate.AttributesOf(map[string]annotate.AttrValue{"kb_id": annotate.StringValue("Q56226 “Kim” — 🚀")}),
		13: annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false"), "checkworthy": annotate.BoolValue(true)}),
		14: annotate.AttributesOf(map[string]annotate.AttrValue{"source_type": annotate.StringValue("named_person")}),
		18: annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("mostly_true"), "checkworthy": annotate.BoolValue(false)}),
	}
	for i, m := range values {
		d.Annotations[i].Attributes = m
	}
	d.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("Kursk — workers")})
	if err := annotate.ValidateDocumentData(d, annotate.DefaultSchema()); err != nil {
		t.Fatal(err)
	}
	return d
}

// attrCarry is what a format keeps of attribute values.
type attrCarry struct {
	text, document, falseBool bool
	none                      bool // the format has no attributes at all
}

// keep returns the values of m the format keeps, nil for none.
func (c attrCarry) keep(m annotate.Attributes, s annotate.Schema, label string) annotate.Attributes {
	var out annotate.Attributes
	for name, v := range m.All() {
		if c.none {
			break
		}
		isText := !v.IsBool() && !exportAttrFits(s, label)(name, v)
		if isText && !c.text || v.IsBool() && !v.Bool() && !c.falseBool {
			continue
		}
		out = out.With(name, v)
	}
	return out
}

// attrsBySpan maps "LABEL [start,end)" to the annotation's values.
func attrsBySpan(d *annotate.DocumentData, keep func(annotate.Attributes, string) annotate.Attributes) map[string]annotate.Attributes {
	out := map[string]annotate.Attributes{}
	for _, a := range d.Annotations {
		if m := keep(a.Attributes, a.Label); m != nil {
			out[fmt.Sprintf("%s [%d,%d)", a.Label, a.Start, a.End)] = m
		}
	}
	return out
}

// toolExportFile exports d in format to the file path, with the golden
// options, and returns the export's warnings.
func toolExportFile(t *testing.T, format, path string, d *annotate.DocumentData) []string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	err = Exporters[format](f, toolSeq(d), toolExportOptions(&warnings))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return warnings
}

func TestToolAttributesRoundTrip(t *testing.T) {
	schema := annotate.DefaultSchema()
	tests := []struct {
		format, file string
		carry        attrCarry
		leftOut      string // the export's note, "" for none
	}{
		{"brat", "out.zip", attrCarry{}, "brat: 2 attribute values left out (brat has no text or document attributes)"},
		{"labelstudio", "out.json", attrCarry{text: true, document: true, falseBool: true}, ""},
		{"w3c", "out.jsonld", attrCarry{text: true, document: true, falseBool: true}, ""},
		{"spacy", "out.jsonl", attrCarry{text: true, document: true, falseBool: true}, ""},
		{"doccano", "out.jsonl", attrCarry{none: true}, "doccano: 7 attribute values left out (doccano has no attributes)"},
		{"conll", "out.conll", attrCarry{none: true}, "conll: 7 attribute values left out (CoNLL has no attributes)"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			want := toolAttrArticle(t)
			path := filepath.Join(t.TempDir(), tt.file)
			warnings := toolExportFile(t, tt.format, path, want)
			if got := strings.Join(warnings, "\n"); !strings.Contains(got, tt.leftOut) || tt.leftOut == "" && strings.Contains(got, "attribute") {
				t.Errorf("export notes %q, want %q", got, tt.leftOut)
			}
			docs, rep, err := Importers[tt.format](path, toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 || len(rep.NewAttributes) != 0 {
				t.Fatalf("%d documents, new attributes %+v; want 1 and none", len(docs), rep.NewAttributes)
			}
			keep := func(m annotate.Attributes, label string) annotate.Attributes { return tt.carry.keep(m, schema, label) }
			if got, want := attrsBySpan(docs[0], keep), attrsBySpan(want, keep); !reflect.DeepEqual(got, want) {
				t.Errorf("annotation values:\ngot  %v\nwant %v", got, want)
			}
			wantDoc := want.Document.Attributes
			if !tt.carry.document {
				wantDoc = nil
			}
			if got := docs[0].Document.Attributes; !got.Equal(wantDoc) {
				t.Errorf("document values %v, want %v", got, wantDoc)
			}
		})
	}
}

// TestBratReaderReadsAttributes runs brat's own reader on an export, by
// testdata/check_brat_attributes.py, when SPANMARK_BRAT_SRC names brat's
// server/src folder (github.com/nlplab/brat) and python3 is on PATH.
func TestBratReaderReadsAttributes(t *testing.T) {
	src := os.Getenv("SPANMARK_BRAT_SRC")
	python, err := exec.LookPath("python3")
	if src == "" || err != nil {
		t.Skip("needs SPANMARK_BRAT_SRC and python3")
	}
	d := toolAttrArticle(t)
	dir := filepath.Join(t.TempDir(), "export")
	if err := ExportBrat(dir, toolSeq(d), ExportOptions{Schema: annotate.DefaultSchema()}); err != nil {
		t.Fatal(err)
	}
	var attrs [][]any
	for _, a := range d.Annotations {
		for name, v := range a.Attributes.All() {
			switch {
			case v.IsBool() && v.Bool():
				attrs = append(attrs, []any{a.Label, lineFragments(d.Document.Text, a.Start, a.End), name, true})
			case !v.IsBool() && name != "kb_id": // kb_id is text, which brat cannot hold
				attrs = append(attrs, []any{a.Label, lineFragments(d.Document.Text, a.Start, a.End), name, v.Str()})
			}
		}
	}
	verdicts := []string{"true", "mostly_true", "mixed", "mostly_false", "false", "unverifiable"}
	sources := []string{"named_person", "named_organisation", "anonymous", "document", "media", "other"}
	expected := map[string]any{"attributes": attrs, "conf": map[string]any{
		"verdict":     map[string]any{"Arg": []string{"CLAIM"}, "Value": verdicts},
		"checkworthy": map[string]any{"Arg": []string{"CLAIM"}},
		"source_type": map[string]any{"Arg": []string{"SOURCE"}, "Value": sources},
	}}
	b, err := json.Marshal(expected)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(t.TempDir(), "expected.json")
	if err := os.WriteFile(want, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, filepath.Join("..", "..", "testdata", "check_brat_attributes.py"), src, dir, want).CombinedOutput()
	if err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	t.Logf("%s", out)
}

// lineFragments splits the code points [start, end) of text at its line
// breaks, as brat writes a span across lines: [[start, end], ...].
func lineFragments(text string, start, end int) [][2]int {
	var frags [][2]int
	from := start
	for i, r := range []rune(text)[start:end] {
		if r == '\n' {
			if start+i > from {
				frags = append(frags, [2]int{from, start + i})
			}
			from = start + i + 1
		}
	}
	return append(frags, [2]int{from, end})
}

func TestBratRefusesBadAttributes(t *testing.T) {
	conf := "[entities]\n!claim\n\tCLAIM\n[attributes]\nverdict\tArg:CLAIM, Value:true|false\n"
	tests := []struct{ name, ann, want string }{
		{"not a value", "T1\tCLAIM 0 2\tBo\nA1\tverdict T1 maybe\n",
			`in: doc.ann: line 2: A1: (CLAIM): attribute verdict: "maybe" is not one of`},
		{"bool given a value", "T1\tCLAIM 0 2\tBo\nA1\tcheckworthy T1 often\n",
			`in: doc.ann: line 2: A1: (CLAIM): attribute checkworthy: "often" is not true or false`},
		{"no target", "T1\tCLAIM 0 2\tBo\nA1\tverdict\n", "in: doc.ann: line 2: A1: want NAME T<id> [VALUE]"},
		{"given twice", "T1\tCLAIM 0 2\tBo\nA1\tverdict T1 true\nA2\tverdict T1 false\n",
			"in: doc.ann: line 3: A2: attribute verdict is given twice, as true and false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"doc.txt": {Data: []byte("Bo said so.")}, "doc.ann": {Data: []byte(tt.ann)},
				"annotation.conf": {Data: []byte(conf)}}
			docs, _, err := ImportBrat(fsys, "in", toolImportOptions())
			if err == nil || !strings.Contains(err.Error(), tt.want) || docs != nil {
				t.Errorf("got %d documents, error %v; want none and an error holding %q", len(docs), err, tt.want)
			}
		})
	}
}

// TestToolAttributesWithoutAnnotations: the values of a document that
// has no annotations survive Label Studio, W3C and spaCy.
func TestToolAttributesWithoutAnnotations(t *testing.T) {
	text := "Bo said so."
	d := &annotate.DocumentData{Document: annotate.Document{ID: "d000000000000001", Title: "t", Text: text,
		SHA256: annotate.SHA256Hex(text), Status: annotate.StatusTodo,
		Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("Kursk — “x”")})}}
	for _, format := range []string{"labelstudio", "w3c", "spacy"} {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out")
			toolExportFile(t, format, path, d)
			docs, _, err := Importers[format](path, toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 || !docs[0].Document.Attributes.Equal(d.Document.Attributes) {
				t.Errorf("got %d documents (%v); want 1 with %v", len(docs), docs, d.Document.Attributes)
			}
		})
	}
}

// TestLabelStudioAttributeNameClash: two labels with attributes of one
// name and different types get one control, of the first type; the
// other's values are left out, and counted.
func TestLabelStudioAttributeNameClash(t *testing.T) {
	s := annotate.DefaultSchema()
	s.Attributes = []annotate.Attribute{
		{Name: "x", Type: annotate.AttrEnum, Label: "CLAIM", Values: []annotate.EnumValue{{Name: "a"}, {Name: "b"}}},
		{Name: "x", Type: annotate.AttrText, Label: "SOURCE"},
	}
	config := LabelStudioConfig(s)
	if strings.Count(config, `name="x"`) != 1 || !strings.Contains(config, `whenLabelValue="CLAIM"`) {
		t.Errorf("config:\n%s\nwant one control x, for CLAIM", config)
	}
	text := "Bo said so."
	d := &annotate.DocumentData{Document: annotate.Document{ID: "d", Text: text, Status: annotate.StatusDone},
		Annotations: []annotate.Annotation{
			{ID: "s", Start: 0, End: 2, Label: "SOURCE", Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"x": annotate.StringValue("Bo")})},
			{ID: "c", Start: 8, End: 10, Label: "CLAIM", Attributes: annotate.AttributesOf(map[string]annotate.AttrValue{"x": annotate.StringValue("b")})},
		}}
	var warnings []string
	o := toolExportOptions(&warnings)
	o.Schema = s
	var buf strings.Builder
	if err := ExportLabelStudio(&buf, toolSeq(d), o); err != nil {
		t.Fatal(err)
	}
	want := "labelstudio: 1 attribute value left out"
	if got := strings.Join(warnings, "\n"); !strings.Contains(got, want) {
		t.Errorf("notes %q, want %q", got, want)
	}
	if got := strings.Count(buf.String(), `"from_name":"x"`); got != 1 {
		t.Errorf("%d results of x, want 1:\n%s", got, buf.String())
	}
}
