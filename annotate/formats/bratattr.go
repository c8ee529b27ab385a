package formats

import (
	"bytes"
	"fmt"
	"strings"

	"spanmark/annotate"
)

// brat's attributes. An .ann file gives a value as an A line, a bool that
// is true as a flag without value, a bool that is false as no line:
//
//	A1	verdict T3 false
//	A2	checkworthy T3
//
// and annotation.conf declares them, the labels they apply to in Arg and,
// for a multi-valued one, its values:
//
//	[attributes]
//	verdict	Arg:CLAIM, Value:true|mostly_true|mixed|mostly_false|false|unverifiable
//	checkworthy	Arg:CLAIM
//
// brat has no free-text attribute: its reader (server/src/annotation.py)
// takes any word after the target as a value, but its configuration, and
// so its editor and its verify_annotations, knows only binary attributes
// and those with a list of values. Text attributes, and document
// attributes, which brat has no place for, are therefore left out, and
// the export says how many values it left out. An attribute name brat
// declares twice (two labels' attributes of one name) is declared once,
// with every label in Arg and the values of both; one of another type
// under a name already declared is not declared again.

// bratAttrLines appends the A lines of annotation a, the T numbered tid,
// numbering them on from *n, and counts the values left out in left.
func bratAttrLines(b *bytes.Buffer, a annotate.Annotation, tid int, n *int, s annotate.Schema, left *attrTally) {
	fits := exportAttrFits(s, a.Label)
	for name, v := range a.Attributes.All() {
		switch {
		case !fits(name, v):
			left.n++
		case v.IsBool() && !v.Bool():
			// brat's binary attribute is false when absent.
		case v.IsBool():
			*n++
			fmt.Fprintf(b, "A%d\t%s T%d\n", *n, name, tid)
		default:
			*n++
			fmt.Fprintf(b, "A%d\t%s T%d %s\n", *n, name, tid, v.Str())
		}
	}
}

// bratAttributesConf returns the lines of annotation.conf's [attributes]
// section for the enum and bool attributes of s's labels.
func bratAttributesConf(s annotate.Schema) string {
	attrs := groupAttributes(s, func(a annotate.Attribute) bool { return a.Type != annotate.AttrText })
	var b strings.Builder
	for _, ca := range attrs {
		if len(ca.labels) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s\tArg:%s", ca.name, strings.Join(ca.labels, "|"))
		if ca.typ == annotate.AttrEnum {
			fmt.Fprintf(&b, ", Value:%s", strings.Join(ca.values, "|"))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// bratAttributeHints reads the [attributes] section of an annotation.conf
// into definitions, one for each label in a line's Arg: an enum when the
// line gives values, else a bool. Arguments in angle brackets (<EVENT>)
// and !types name no label and are skipped.
func (t *toolImport) bratAttributeHints(conf string) {
	section := ""
	for line := range strings.Lines(conf) {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]"):
			section = trimmed
			continue
		case section != "[attributes]":
			continue
		}
		name, rest, _ := strings.Cut(trimmed, "\t")
		a := annotate.Attribute{Name: strings.TrimSpace(name), Type: annotate.AttrBool}
		var args []string
		for _, part := range strings.Split(rest, ",") {
			key, val, _ := strings.Cut(strings.TrimSpace(part), ":")
			switch key {
			case "Arg":
				args = strings.Split(val, "|")
			case "Value":
				a.Type = annotate.AttrEnum
				for _, v := range strings.Split(val, "|") {
					a.Values = append(a.Values, annotate.EnumValue{Name: strings.TrimSpace(v)})
				}
			}
		}
		for _, l := range args {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "<") && !strings.HasPrefix(l, "!") {
				a.Label = l
				t.hintAttribute(a)
			}
		}
	}
}

// bratAttribute reads an A (or old-style M) line, "A1\tNAME T3 VALUE" or
// "A1\tNAME T3" for a flag, into the annotations made of the T.
func (t *toolImport) bratAttribute(d *toolDoc, where, line string, ts map[string]*bratT) error {
	fields := strings.Split(line, "\t")
	if len(fields) < 2 {
		return t.errorf(where, "want A<id>\\tNAME T<id> [VALUE]")
	}
	where += ": " + fields[0]
	parts := strings.SplitN(fields[1], " ", 3)
	if len(parts) < 2 {
		return t.errorf(where, "want NAME T<id> [VALUE], got %q", fields[1])
	}
	tb := ts[parts[1]]
	if tb == nil {
		t.note(where, "attribute left out: %s is not a T annotation of this file", parts[1])
		return nil
	}
	for _, id := range tb.ids {
		v := annotate.BoolValue(true)
		if len(parts) == 3 {
			v = t.textValue(d.data.Annotations[d.pos[id]].Label, parts[0], parts[2])
		}
		if err := t.setAttr(d, where, id, parts[0], v); err != nil {
			return err
		}
	}
	return nil
}
