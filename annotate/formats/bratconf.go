package formats

import (
	"bytes"
	"fmt"
	"strings"

	"spanmark/annotate"
)

// bratAnnotationConf returns annotation.conf for s.
func bratAnnotationConf(s annotate.Schema) []byte {
	var b bytes.Buffer
	b.WriteString("# Spanmark's labels, under their kinds, which cannot be used themselves.\n[entities]\n")
	for _, k := range annotate.Kinds {
		if names := bratLabelsOf(s, k); len(names) > 0 {
			fmt.Fprintf(&b, "!%s\n\t%s\n", k, strings.Join(names, "\n\t"))
		}
	}
	b.WriteString("\n[relations]\n# Spans of any type may overlap.\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n")
	for _, rt := range s.Relations {
		from, to := bratLabelsOf(s, rt.FromKind), bratLabelsOf(s, rt.ToKind)
		if len(from) > 0 && len(to) > 0 {
			fmt.Fprintf(&b, "%s\tArg1:%s, Arg2:%s\n", rt.Name, strings.Join(from, "|"), strings.Join(to, "|"))
		}
	}
	b.WriteString("\n[events]\n\n[attributes]\n")
	b.WriteString(bratAttributesConf(s))
	return b.Bytes()
}

// bratLabelsOf returns the names of the labels of kind k.
func bratLabelsOf(s annotate.Schema, k annotate.Kind) []string {
	var names []string
	for _, l := range s.Labels {
		if l.Kind == k {
			names = append(names, l.Name)
		}
	}
	return names
}

// bratVisualConf returns visual.conf for s: the labels' colours.
func bratVisualConf(s annotate.Schema) []byte {
	var b bytes.Buffer
	b.WriteString("[labels]\n\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n")
	b.WriteString("ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n")
	for _, l := range s.Labels {
		fmt.Fprintf(&b, "%s\tbgColor:%s\n", l.Name, l.Color)
	}
	return b.Bytes()
}

// bratKindHints learns the kinds of labels from an annotation.conf that
// groups them under a type named after a kind.
func bratKindHints(conf string, hints map[string]annotate.Kind) {
	section := ""
	var parents []string // the type at each depth of indentation
	for line := range strings.Lines(conf) {
		line = strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]"):
			section = trimmed
			continue
		case section != "[entities]":
			continue
		}
		depth := len(line) - len(strings.TrimLeft(line, "\t"))
		typ := strings.TrimPrefix(strings.Fields(trimmed)[0], "!")
		parents = append(parents[:min(depth, len(parents))], typ)
		for _, p := range parents[:len(parents)-1] {
			if k := annotate.Kind(strings.ToLower(p)); k.Valid() {
				hints[typ] = k
			}
		}
	}
}
