package formats

import (
	"reflect"
	"strings"
	"testing"
)

func TestCheckListsEveryProblem(t *testing.T) {
	tests := []struct {
		name, file, input string
		want              []string
	}{
		{
			name: "jsonl",
			file: "many.jsonl",
			input: strings.Join([]string{
				okJSONLHeader,
				okDoc,
				edit(`"id":"d1"`, `"id":"d2"`),
				strings.Replace(edit(`"text":"Kursk"`, `"text":"Kurs"`), `"label":"MISC"`, `"label":"EMOJI"`, 1),
				`{"id":"d4", "text": }`,
				edit(`"to":"s1"`, `"to":"gone"`),
			}, "\n"),
			want: []string{
				`many.jsonl:4 (id d1): annotation a1: text "Kurs" does not match [1,6) "Kursk"`,
				`many.jsonl:4 (id d1): annotation e1: label "EMOJI" is not in the schema`,
				`many.jsonl:4 (id d1): document id d1 is already used by line 2`,
				`many.jsonl:5:21: JSON syntax error: invalid character '}' looking for beginning of value`,
				`many.jsonl:6 (id d1): relation r1: to annotation gone does not exist`,
				`many.jsonl:6 (id d1): document id d1 is already used by line 2`,
			},
		},
		{
			name:  "json",
			file:  "many.json",
			input: jsonOf(edit(`"kind":"claim"`, `"kind":"entity"`), edit(`"id":"d1"`, `"id":"d2"`), `{"id":"d3","text":"x","status":"?"}`) + "]",
			want: []string{
				`many.json: document 1 (id d1): annotation c1: kind "entity" does not match label CLAIM, which is claim`,
				`many.json: document 3 (id d3): unknown status "?"`,
				`many.json:6:1: data after the end of the JSON object`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Check(strings.NewReader(tc.input), tc.file)
			got := make([]string, len(problems))
			for i, p := range problems {
				got[i] = p.String()
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if v := Validate(strings.NewReader(tc.input), tc.file); !reflect.DeepEqual(v, problems) {
				t.Errorf("Validate: got %v, want %v", v, problems)
			}
		})
	}
}
