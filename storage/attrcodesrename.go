package storage

import "spanmark/annotate"

// renameCodes returns the dictionary with c's renames made in it, when
// that alone carries every record from old to new: c renames attributes
// or enum values and nothing else (no label renamed, nothing lost, every
// annotation still valid), and each renamed name or value has a code that
// no other attribute of old shares and a new name no code has yet. Then
// the records, which hold the codes, read as renamed without being
// written: a rename costs the same in a project of any size. ok is false
// when some record would need rewriting; the caller walks them instead.
func (codes *attrCodes) renameCodes(old, new annotate.Schema, c annotate.SchemaChange, m *annotate.Migration) (_ *attrCodes, ok bool) {
	if !c.Renames() || len(c.Labels) > 0 || m.MayLose() || !keepsMeaning(old, new) {
		return nil, false
	}
	n := codes.clone()
	for ref, to := range c.Attributes {
		if to == ref.Name {
			continue
		}
		code, ok := n.soleCode(old, ref.Name)
		if _, taken := n.nameCode[to]; !ok || taken {
			return nil, false
		}
		delete(n.nameCode, ref.Name)
		n.names[code-1], n.nameCode[to] = to, code
	}
	for ref, to := range c.Values {
		if to == ref.Value {
			continue
		}
		code, ok := codes.soleCode(old, ref.Attr.Name) // values keep their old name's code
		from, exists := n.valCode[codedValue{code, ref.Value}]
		if _, taken := n.valCode[codedValue{code, to}]; !ok || !exists || taken {
			return nil, false
		}
		delete(n.valCode, codedValue{code, ref.Value})
		n.values[from].Name, n.valCode[codedValue{code, to}] = to, from
	}
	return n, true
}

// soleCode returns the code of name when exactly one attribute of s has
// that name, so that only its values hold the code.
func (codes *attrCodes) soleCode(s annotate.Schema, name string) (uint64, bool) {
	holders := 0
	for _, a := range s.Attributes {
		if a.Name == name {
			holders++
		}
	}
	code, ok := codes.nameCode[name]
	return code, ok && holders == 1
}
