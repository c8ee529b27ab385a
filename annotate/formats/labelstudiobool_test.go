package formats

import (
	"strings"
	"testing"

	"spanmark/annotate"
)

// TestLabelStudioBoolCheckBox: a bool attribute is a check box named
// after the attribute, without alias="true", which Label Studio's editor
// reads as a boolean and then refuses the whole configuration (seen with
// testdata/check_consumers); a true value is the box's name in the
// results, a false one no choice.
func TestLabelStudioBoolCheckBox(t *testing.T) {
	config := LabelStudioConfig(annotate.DefaultSchema())
	if !strings.Contains(config, `<Choice value="checkworthy"/>`) || strings.Contains(config, "alias=") {
		t.Errorf("config:\n%s\nwant the check box <Choice value=\"checkworthy\"/>, without an alias", config)
	}
	bools := func(b bool) annotate.Attributes {
		return annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(b)})
	}
	d := &annotate.DocumentData{Document: annotate.Document{ID: "d", Text: "Bo said so."},
		Annotations: []annotate.Annotation{
			{ID: "yes", Start: 0, End: 2, Label: "CLAIM", Attributes: bools(true)},
			{ID: "no", Start: 8, End: 10, Label: "CLAIM", Attributes: bools(false)},
		}}
	var warnings []string
	var buf strings.Builder
	if err := ExportLabelStudio(&buf, toolSeq(d), toolExportOptions(&warnings)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`{"id":"yes","from_name":"checkworthy","to_name":"text","type":"choices","value":{"start":0,"end":2,"text":"Bo","choices":["checkworthy"]}}`,
		`{"id":"no","from_name":"checkworthy","to_name":"text","type":"choices","value":{"start":8,"end":10,"text":"so","choices":[]}}`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("export:\n%s\nwant %s", buf.String(), want)
		}
	}
}

// TestLabelStudioReadsBoolCheckBox: the box's name is true, and so is
// "true", which exports before the box was named wrote.
func TestLabelStudioReadsBoolCheckBox(t *testing.T) {
	so := lsRegionJSON("c", 8, 10, "so", "CLAIM")
	for _, tt := range []struct {
		choices string
		want    bool
	}{
		{`["checkworthy"]`, true},
		{`["true"]`, true},
		{`["false"]`, false},
		{`[]`, false},
	} {
		t.Run(tt.choices, func(t *testing.T) {
			in := lsTaskJSON("Bo said so.", so+","+lsAttrJSON("c", "checkworthy", "choices", `{"choices": `+tt.choices+`}`))
			docs, _, err := ImportLabelStudio(strings.NewReader(in), "x.json", toolImportOptions())
			if err != nil {
				t.Fatal(err)
			}
			v, ok := docs[0].Annotations[0].Attributes.Lookup("checkworthy")
			if !ok || !v.IsBool() || v.Bool() != tt.want {
				t.Errorf("checkworthy = %v (set %v), want %v", v, ok, tt.want)
			}
		})
	}
}
