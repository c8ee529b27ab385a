package storage

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"spanmark/annotate"
)

// salvage is what a scan of a damaged file's pages found. The scan reads
// every page below the high-water mark that the free list does not hold,
// so it finds a document's records even when the pages that lead to them
// (the root, a bucket's branch pages) are lost; when the free list itself
// is lost, old copies of records may be found too, and every record is
// checked against the others (the text against the SHA-256 in the
// document's record, the annotations against its counts) before it is
// used.
type salvage struct {
	pf   *pageFile
	free map[uint64]bool

	meta     []metaFound
	codes    *attrCodes             // the first meta data's
	rawInfos []infoRecord           // document records, decoded with codes into infos
	infos    map[string][]infoFound // by document id
	dirs     map[string][][]byte    // document id → headers of its bucket
	sugDirs  map[string][][]byte    // document id → headers of its suggestion bucket
	texts    map[string]string      // by document id, checked against the SHA-256
	badPages int                    // pages that are neither in use nor free
	problems []string
}

type metaFound struct {
	version   int
	annotator string
	created   time.Time
	schema    annotate.Schema
	hasSchema bool
	codes     *attrCodes
}

// infoRecord is a document record as found, under its key.
type infoRecord struct {
	seq   uint64
	value []byte
}

type infoFound struct {
	seq  uint64
	info annotate.DocumentInfo
}

// scan reads the pages of pf.
func scan(pf *pageFile) *salvage {
	sv := &salvage{pf: pf, infos: map[string][]infoFound{}, dirs: map[string][][]byte{},
		sugDirs: map[string][][]byte{}, texts: map[string]string{}}
	var err error
	if sv.free, err = pf.freePages(); err != nil {
		sv.problems = append(sv.problems, fmt.Sprintf("%v; old copies of records may be found and are checked", err))
	}
	if end := pf.meta.pgid * pf.meta.pageSize; uint64(pf.size) < end {
		sv.problems = append(sv.problems, fmt.Sprintf("bytes %d to %d are missing: the file was cut short", pf.size, end))
	}
	sv.eachLeaf(sv.records)
	sv.decodeInfos()
	sv.eachLeaf(sv.textsOf)
	if sv.badPages > 0 {
		sv.problems = append(sv.problems, fmt.Sprintf("%d pages could not be read", sv.badPages))
	}
	return sv
}

// eachLeaf calls fn with the elements of every leaf page in use, and of
// the inline buckets in them.
func (sv *salvage) eachLeaf(fn func([]element)) {
	sv.badPages = 0
	for id := uint64(2); id < sv.pf.meta.pgid; id++ {
		if sv.free[id] {
			continue
		}
		p, err := sv.pf.page(id)
		if err != nil {
			sv.badPages++
			continue
		}
		id += uint64(order.Uint32(p[12:])) // skip the page's overflow
		if elems, err := leafElements(p); err == nil {
			eachLeafIn(elems, 0, fn)
		}
	}
}

func eachLeafIn(elems []element, depth int, fn func([]element)) {
	fn(elems)
	for _, e := range elems {
		if e.bucket && depth < maxDepth && len(e.value) > bucketHdrSize && order.Uint64(e.value) == 0 {
			if inner, err := leafElements(e.value[bucketHdrSize:]); err == nil {
				eachLeafIn(inner, depth+1, fn)
			}
		}
	}
}

// records picks the meta data, the document records and the documents'
// buckets out of one leaf.
func (sv *salvage) records(elems []element) {
	if m, ok := metaIn(elems); ok {
		sv.meta = append(sv.meta, m)
	}
	for _, e := range elems {
		switch {
		case e.bucket && !isStructural(e.key) && sv.isSuggestDir(e.value):
			id := string(e.key)
			sv.sugDirs[id] = append(sv.sugDirs[id], bytes.Clone(e.value))
		case e.bucket && !isStructural(e.key):
			id := string(e.key)
			sv.dirs[id] = append(sv.dirs[id], bytes.Clone(e.value))
		case !e.bucket && len(e.key) == 8:
			sv.rawInfos = append(sv.rawInfos, infoRecord{order.Uint64(e.key), bytes.Clone(e.value)})
		}
	}
}

// decodeInfos decodes the document records found, once the meta data, and
// with it the attribute codes their values need, are found too.
func (sv *salvage) decodeInfos() {
	sv.codes = noCodes
	if len(sv.meta) > 0 && sv.meta[0].codes != nil {
		sv.codes = sv.meta[0].codes
	}
	for _, r := range sv.rawInfos {
		if in, err := decodeInfo(r.value, sv.codes); err == nil && in.ID != "" {
			sv.infos[in.ID] = append(sv.infos[in.ID], infoFound{seq: r.seq, info: in})
		}
	}
	sv.rawInfos = nil
}

// isStructural reports whether a bucket's name is one of the layout's
// rather than a document id.
func isStructural(name []byte) bool {
	return slices.ContainsFunc(append(slices.Clone(topBuckets), bucketAnn, bucketRel, bucketStaging,
		bucketSuggest, bucketSugCount, bucketSug, bucketRej), func(b []byte) bool {
		return bytes.Equal(b, name)
	})
}

// metaIn returns the meta data if elems are the meta bucket's.
func metaIn(elems []element) (metaFound, bool) {
	var m metaFound
	var ok bool
	for _, e := range elems {
		switch {
		case e.bucket:
		case bytes.Equal(e.key, keyVersion):
			v, err := strconv.Atoi(string(e.value))
			m.version, ok = v, err == nil
		case bytes.Equal(e.key, keyAnnotator):
			m.annotator = string(e.value)
		case bytes.Equal(e.key, keyCreated):
			m.created, _ = time.Parse(time.RFC3339Nano, string(e.value))
		case bytes.Equal(e.key, keySchema):
			s, err := decodeSchema(e.value)
			m.schema, m.hasSchema = s, err == nil
		case bytes.Equal(e.key, keyAttrCodes):
			m.codes, _ = decodeAttrCodes(e.value)
		}
	}
	return m, ok
}

// textsOf keeps every value stored under a document's id whose SHA-256
// is the one in the document's record.
func (sv *salvage) textsOf(elems []element) {
	for _, e := range elems {
		if e.bucket {
			continue
		}
		id := string(e.key)
		cands := sv.infos[id]
		if len(cands) == 0 {
			continue
		}
		sum := annotate.SHA256Hex(string(e.value))
		for _, c := range cands {
			if c.info.SHA256 == sum {
				sv.texts[id] = string(e.value)
			}
		}
	}
}

// project returns the meta data to give the new project; ok is false
// when none was found.
func (sv *salvage) project() (metaFound, bool) {
	if len(sv.meta) == 0 {
		sv.problems = append(sv.problems, "the project's meta data could not be read: the new project has the default schema")
		return metaFound{schema: annotate.DefaultSchema(), hasSchema: true}, false
	}
	m := sv.meta[0]
	for _, o := range sv.meta[1:] {
		if o.annotator != m.annotator || !o.created.Equal(m.created) || !slices.Equal(o.schema.Labels, m.schema.Labels) {
			sv.problems = append(sv.problems, "several versions of the project's meta data were found: the first was used")
			break
		}
	}
	if !m.hasSchema {
		sv.problems = append(sv.problems, "the schema could not be read: the new project has the default schema")
		m.schema = annotate.DefaultSchema()
	}
	return m, true
}

// documents returns the documents that could be read whole, in the order
// they were added, and those that could not.
func (sv *salvage) documents(schema annotate.Schema) ([]*annotate.DocumentData, []LostDocument) {
	type found struct {
		seq uint64
		doc *annotate.DocumentData
	}
	var docs []found
	var lost []LostDocument
	for id, cands := range sv.infos {
		c := slices.MaxFunc(cands, func(a, b infoFound) int { return a.info.Updated.Compare(b.info.Updated) })
		d, err := sv.document(c.info, schema)
		if err != nil {
			lost = append(lost, LostDocument{ID: id, Title: c.info.Title, Err: err})
			continue
		}
		docs = append(docs, found{c.seq, d})
	}
	for id := range sv.dirs {
		if _, ok := sv.infos[id]; !ok {
			lost = append(lost, LostDocument{ID: id, Err: errors.New("its record in the document list could not be read")})
		}
	}
	slices.SortFunc(docs, func(a, b found) int { return cmp.Compare(a.seq, b.seq) })
	slices.SortFunc(lost, func(a, b LostDocument) int { return cmp.Compare(a.ID, b.ID) })
	out := make([]*annotate.DocumentData, len(docs))
	for i, f := range docs {
		out[i] = f.doc
	}
	return out, lost
}

// document puts together the document that in describes, from a copy of
// its bucket that holds as many annotations and relations as in says and
// passes validation against schema.
func (sv *salvage) document(in annotate.DocumentInfo, schema annotate.Schema) (*annotate.DocumentData, error) {
	text, ok := sv.texts[in.ID]
	if !ok {
		return nil, errors.New("its text could not be read")
	}
	if len(sv.dirs[in.ID]) == 0 {
		return nil, errors.New("its annotations could not be read")
	}
	var got *annotate.DocumentData
	var err error
	for _, hdr := range sv.dirs[in.ID] {
		d := &annotate.DocumentData{Document: annotate.Document{
			ID: in.ID, Title: in.Title, Text: text, SHA256: in.SHA256, Status: in.Status,
			SourcePath: in.SourcePath, Attributes: in.Attributes, Created: in.Created,
			Updated: in.Updated,
		}}
		if err = sv.content(hdr, d); err != nil {
			continue
		}
		if len(d.Annotations) != in.Annotations || len(d.Relations) != in.Relations {
			err = fmt.Errorf("found %d annotations and %d relations, its record counts %d and %d",
				len(d.Annotations), len(d.Relations), in.Annotations, in.Relations)
			continue
		}
		if err = annotate.ValidateDocumentData(d, schema); err != nil {
			continue
		}
		if got != nil && !sameContent(got, d) {
			return nil, errors.New("several versions of its annotations were found")
		}
		got = d
	}
	if got == nil {
		return nil, err
	}
	return got, nil
}

// content reads the annotations and relations from the document's
// bucket, whose header is hdr, into d: the records under their prefixes,
// or in the nested buckets of formats 1 and 2.
func (sv *salvage) content(hdr []byte, d *annotate.DocumentData) error {
	var ann, rel []byte
	var flatAnn, flatRel []element
	err := sv.pf.eachInBucket(hdr, func(e element) error {
		switch {
		case e.bucket && bytes.Equal(e.key, bucketAnn):
			ann = e.value
		case e.bucket && bytes.Equal(e.key, bucketRel):
			rel = e.value
		case !e.bucket && bytes.HasPrefix(e.key, prefixAnn):
			flatAnn = append(flatAnn, element{key: e.key[len(prefixAnn):], value: e.value})
		case !e.bucket && bytes.HasPrefix(e.key, prefixRel):
			flatRel = append(flatRel, element{key: e.key[len(prefixRel):], value: e.value})
		}
		return nil
	})
	if err != nil {
		return err
	}
	annOf, relOf := sv.elementsOf(flatAnn), sv.elementsOf(flatRel)
	switch {
	case ann != nil && rel != nil:
		annOf, relOf = sv.inBucket(ann), sv.inBucket(rel)
	case ann != nil || rel != nil:
		return errors.New("its annotations could not be read")
	}
	return decodeContent(annOf, relOf, d, sv.codes)
}

// recordWalk is a walk over the records of a document's annotations or
// relations.
type recordWalk func(fn func(element) error) error

func (sv *salvage) inBucket(hdr []byte) recordWalk {
	return func(fn func(element) error) error { return sv.pf.eachInBucket(hdr, fn) }
}

func (sv *salvage) elementsOf(elems []element) recordWalk {
	return func(fn func(element) error) error { return eachElement(elems, fn) }
}

// decodeContent decodes the annotations and relations that ann and rel
// walk into d, with the attribute codes c.
func decodeContent(ann, rel recordWalk, d *annotate.DocumentData, c *attrCodes) error {
	id := d.Document.ID
	err := ann(func(e element) error {
		a, err := decodeAnnotation(id, e.key, e.value, c)
		d.Annotations = append(d.Annotations, a)
		return err
	})
	if err != nil {
		return fmt.Errorf("annotations: %w", err)
	}
	annotate.SortAnnotations(d.Annotations)
	err = rel(func(e element) error {
		r, err := decodeRelation(id, e.key, e.value)
		d.Relations = append(d.Relations, r)
		return err
	})
	if err != nil {
		return fmt.Errorf("relations: %w", err)
	}
	return nil
}

// sameContent reports whether a and b hold the same annotations and
// relations.
func sameContent(a, b *annotate.DocumentData) bool {
	return slices.EqualFunc(a.Annotations, b.Annotations, annotate.Annotation.Equal) && slices.Equal(a.Relations, b.Relations)
}
