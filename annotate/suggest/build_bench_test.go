package suggest

import (
	"runtime"
	"testing"

	"spanmark/annotate/synth"
)

// BenchmarkBuild indexes BenchmarkFromScratch's project and reports what
// the index holds when built: index-MB, the heap it adds, and
// index-objects, the heap objects it adds, which the garbage collector
// walks at every cycle while the suggestions are computed (and, in the
// app, for as long as the project is open).
func BenchmarkBuild(b *testing.B) {
	each := synthEach(synth.Options{Docs: benchDocs, WordsPerDoc: 800, AnnotationsPerDoc: 100, Seed: 1})
	var bytes, objects float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		x, err := Build(each, nil, Options{})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		bytes = float64(after.HeapAlloc) - float64(before.HeapAlloc)
		objects = float64(after.HeapObjects) - float64(before.HeapObjects)
		runtime.KeepAlive(x)
	}
	b.ReportMetric(bytes/(1<<20), "index-MB")
	b.ReportMetric(objects, "index-objects")
}
