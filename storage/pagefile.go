package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// pageFile reads bbolt's pages with ReadAt instead of through bbolt's
// memory map, so that a damaged file can be examined safely: past the end
// of a truncated file a read here is an error, where a read of bbolt's
// mapped memory kills the process with SIGBUS. It knows only as much of
// bbolt's on-disk format (go.etcd.io/bbolt/internal/common, version 2) as
// Open's size check and Recover need.
type pageFile struct {
	f    *os.File
	size int64
	meta boltMeta
}

// The on-disk format. bbolt writes its structures in the machine's byte
// order.
const (
	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	elemSize       = 16 // leaf: flags, pos, ksize, vsize u32; branch: pos, ksize u32, pgid u64
	bucketHdrSize  = 16 // root u64, sequence u64; root 0 means an inline page follows

	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10
	leafBucket   = 0x01

	boltMagic   = 0xED0CDAED
	boltVersion = 2
	noFreelist  = ^uint64(0)

	// maxPageSize is the largest page size bbolt looks for (16 MB).
	maxPageSize = 1 << 24
	// maxDepth bounds a walk down a tree, which garbage could make cyclic.
	maxDepth = 64
)

var order = binary.NativeEndian

// boltMeta is the part of a meta page that locates everything else.
type boltMeta struct {
	pageSize uint64
	root     uint64 // page of the root bucket
	freelist uint64 // page of the free list, or noFreelist
	pgid     uint64 // high-water mark: pages below it are in use or free
	txid     uint64
}

// parseMeta decodes the meta page at the start of b, returning false when
// its magic, version or checksum is wrong.
func parseMeta(b []byte) (boltMeta, bool) {
	if len(b) < pageHeaderSize+64 {
		return boltMeta{}, false
	}
	m := b[pageHeaderSize:]
	h := fnv.New64a()
	h.Write(m[:56])
	if order.Uint32(m[0:]) != boltMagic || order.Uint32(m[4:]) != boltVersion || order.Uint64(m[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	return boltMeta{
		pageSize: uint64(order.Uint32(m[8:])),
		root:     order.Uint64(m[16:]),
		freelist: order.Uint64(m[32:]),
		pgid:     order.Uint64(m[40:]),
		txid:     order.Uint64(m[48:]),
	}, true
}

// errNoMeta is returned when neither meta page is valid: the file is not
// a bbolt file at all.
var errNoMeta = errors.New("no valid bbolt meta page")

// readBoltMeta returns the meta page bbolt would use: the valid one with the
// higher transaction id. Like bbolt, it finds the page size in the first
// meta page, or else by looking for the second one.
func readBoltMeta(f *os.File) (boltMeta, error) {
	buf := make([]byte, 4096)
	n, err := f.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return boltMeta{}, err
	}
	m0, ok0 := parseMeta(buf[:n])
	var m1 boltMeta
	var ok1 bool
	for size := int64(1024); size <= maxPageSize && !ok1; size *= 2 {
		if ok0 && uint64(size) != m0.pageSize {
			continue
		}
		n, err := f.ReadAt(buf, size)
		if err != nil && !errors.Is(err, io.EOF) {
			return boltMeta{}, err
		}
		if n == 0 {
			break
		}
		m1, ok1 = parseMeta(buf[:n])
	}
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, ok1 && !ok0:
		return m1, nil
	case ok0:
		return m0, nil
	}
	return boltMeta{}, errNoMeta
}

// openPageFile opens path for reading its pages.
func openPageFile(path string) (*pageFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		var m boltMeta
		if m, err = readBoltMeta(f); err == nil {
			return &pageFile{f: f, size: fi.Size(), meta: m}, nil
		}
	}
	f.Close()
	return nil, err
}

func (pf *pageFile) Close() error { return pf.f.Close() }

// sizeProblem says what is wrong when the file is shorter than its pages
// reach, or the meta page points past them; "" when neither is.
func (pf *pageFile) sizeProblem() string {
	m := pf.meta
	if end := m.pgid * m.pageSize; uint64(pf.size) < end {
		return fmt.Sprintf("it is %d bytes long, but its pages reach to byte %d (the file was cut short)", pf.size, end)
	}
	if m.root >= m.pgid || (m.freelist != noFreelist && m.freelist >= m.pgid) {
		return fmt.Sprintf("its meta page points past its last page %d", m.pgid)
	}
	return ""
}

// page reads page id with its overflow pages and checks that it is what
// it says it is.
func (pf *pageFile) page(id uint64) ([]byte, error) {
	ps := pf.meta.pageSize
	if id < 2 || id >= pf.meta.pgid {
		return nil, fmt.Errorf("page %d does not exist", id)
	}
	head := make([]byte, ps)
	if _, err := pf.f.ReadAt(head, int64(id*ps)); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	if got := order.Uint64(head); got != id {
		return nil, fmt.Errorf("page %d is overwritten: its header names page %d", id, got)
	}
	over := uint64(order.Uint32(head[12:]))
	if id+over >= pf.meta.pgid {
		return nil, fmt.Errorf("page %d runs past the last page", id)
	}
	if over == 0 {
		return head, nil
	}
	p := make([]byte, (over+1)*ps)
	if _, err := pf.f.ReadAt(p, int64(id*ps)); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	return p, nil
}

// element is one key of a leaf page. For a nested bucket, value is the
// bucket's header, followed by its page when the bucket is inline.
type element struct {
	key, value []byte
	bucket     bool
}

// leafElements returns the elements of a leaf page, or an error when the
// page is no leaf or its elements point outside it.
func leafElements(p []byte) ([]element, error) {
	if len(p) < pageHeaderSize || order.Uint16(p[8:])&flagLeaf == 0 {
		return nil, errors.New("not a leaf page")
	}
	n := int(order.Uint16(p[10:]))
	if pageHeaderSize+n*elemSize > len(p) {
		return nil, errors.New("leaf page: elements past its end")
	}
	out := make([]element, n)
	for i := range out {
		e := p[pageHeaderSize+i*elemSize:]
		pos, ks, vs := uint64(order.Uint32(e[4:])), uint64(order.Uint32(e[8:])), uint64(order.Uint32(e[12:]))
		start := uint64(pageHeaderSize+i*elemSize) + pos
		if start+ks+vs > uint64(len(p)) {
			return nil, fmt.Errorf("leaf page: element %d past its end", i)
		}
		out[i] = element{
			key:    p[start : start+ks],
			value:  p[start+ks : start+ks+vs],
			bucket: order.Uint32(e)&leafBucket != 0,
		}
	}
	return out, nil
}

// branchChildren returns the pages a branch page points to.
func branchChildren(p []byte) ([]uint64, error) {
	n := int(order.Uint16(p[10:]))
	if pageHeaderSize+n*elemSize > len(p) {
		return nil, errors.New("branch page: elements past its end")
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = order.Uint64(p[pageHeaderSize+i*elemSize+8:])
	}
	return out, nil
}

// eachInBucket calls fn for every key of the bucket whose header
// (with its inline page, if any) is hdr.
func (pf *pageFile) eachInBucket(hdr []byte, fn func(element) error) error {
	if len(hdr) < bucketHdrSize {
		return errors.New("bucket header cut short")
	}
	if root := order.Uint64(hdr); root != 0 {
		return pf.eachInTree(root, 0, fn)
	}
	elems, err := leafElements(hdr[bucketHdrSize:])
	if err != nil {
		return fmt.Errorf("inline bucket: %w", err)
	}
	return eachElement(elems, fn)
}

// eachInTree calls fn for every key of the tree whose root is page id.
func (pf *pageFile) eachInTree(id uint64, depth int, fn func(element) error) error {
	if depth > maxDepth {
		return errors.New("tree deeper than any bbolt writes")
	}
	p, err := pf.page(id)
	if err != nil {
		return err
	}
	if order.Uint16(p[8:])&flagBranch == 0 {
		elems, err := leafElements(p)
		if err != nil {
			return fmt.Errorf("page %d: %w", id, err)
		}
		return eachElement(elems, fn)
	}
	children, err := branchChildren(p)
	if err != nil {
		return fmt.Errorf("page %d: %w", id, err)
	}
	for _, c := range children {
		if err := pf.eachInTree(c, depth+1, fn); err != nil {
			return err
		}
	}
	return nil
}

func eachElement(elems []element, fn func(element) error) error {
	for _, e := range elems {
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// freePages returns the pages the free list holds, or an error when it
// cannot be read.
func (pf *pageFile) freePages() (map[uint64]bool, error) {
	if pf.meta.freelist == noFreelist {
		return nil, errors.New("the file keeps no free list")
	}
	p, err := pf.page(pf.meta.freelist)
	if err != nil {
		return nil, fmt.Errorf("free list: %w", err)
	}
	if order.Uint16(p[8:])&flagFreelist == 0 {
		return nil, fmt.Errorf("free list: page %d is not one", pf.meta.freelist)
	}
	ids, n := p[pageHeaderSize:], uint64(order.Uint16(p[10:]))
	if n == 0xFFFF {
		n, ids = order.Uint64(ids), ids[8:]
	}
	if n > uint64(len(ids))/8 {
		return nil, errors.New("free list: longer than its pages")
	}
	free := make(map[uint64]bool, n)
	for i := range n {
		free[order.Uint64(ids[i*8:])] = true
	}
	return free, nil
}
