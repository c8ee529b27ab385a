#!/usr/bin/env python3
"""Read a brat export's attributes with brat's own server code.

Usage: python3 testdata/check_brat_attributes.py BRAT_SRC DIR EXPECTED.json

BRAT_SRC is brat's server/src folder (github.com/nlplab/brat; nothing of
it is copied here). DIR is a brat export folder. EXPECTED.json is
{"attributes": [[label, [[start, end], ...], name, value], ...],
 "conf": {name: {"Arg": [...], "Value": [...]}}} where value is a string,
or true for a flag.

brat's annotation.TextAnnotations reads every .ann in DIR, and its
projectconfig.ProjectConfiguration reads DIR/annotation.conf. Two shims
let them run under Python 3 outside brat's server: brat's open_textfile
opens with mode "rU", which Python 3.11 refuses, so it is replaced by an
equivalent reader with universal newlines; and projectconfig imports the
server's generated config module, which is given as a stub. The
attributes brat reads, with the label and spans of their targets, and the
attribute types of the configuration, must be the expected ones. Prints
"ok: N attributes, M attribute types" and exits 0, or prints each
problem and exits 1.
"""

import io
import json
import os
import sys
import types


def load_brat(src, base):
    sys.path.insert(0, src)
    config = types.ModuleType("config")
    config.DEBUG = False
    config.DATA_DIR = base
    config.WORK_DIR = base
    config.BASE_DIR = base  # projectconfig looks for annotation.conf up to here
    sys.modules["config"] = config
    import annotation

    annotation.open_textfile = lambda fn, mode="r": io.open(
        fn, "r", encoding="utf-8", newline=None)
    import projectconfig
    return annotation, projectconfig


def read_attributes(annotation, folder):
    got = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ann"):
            continue
        stem = os.path.join(folder, name[:-len(".ann")])
        with annotation.TextAnnotations(stem, read_only=True) as anns:
            for a in anns.get_attributes():
                target = anns.get_ann_by_id(a.target)
                spans = [list(s) for s in target.spans]
                got.append([target.type, spans, a.type, a.value])
    return sorted(got, key=json.dumps)


def read_conf(projectconfig, folder):
    pc = projectconfig.ProjectConfiguration(folder)
    conf = {}
    for node in pc.get_attribute_type_hierarchy():
        conf[node.storage_form()] = {k: list(v) for k, v in node.arguments.items()}
    return conf


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, folder, expected_path = sys.argv[1:]
    folder = os.path.abspath(folder)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    annotation, projectconfig = load_brat(src, os.path.dirname(folder))
    problems = []
    got = read_attributes(annotation, folder)
    want = sorted(expected["attributes"], key=json.dumps)
    for a in want:
        if a not in got:
            problems.append("brat did not read %s" % json.dumps(a, ensure_ascii=False))
    for a in got:
        if a not in want:
            problems.append("brat read an unexpected %s" % json.dumps(a, ensure_ascii=False))
    conf = read_conf(projectconfig, folder)
    if conf != expected["conf"]:
        problems.append("annotation.conf attributes: brat read %s, want %s" % (conf, expected["conf"]))
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("ok: %d attributes, %d attribute types" % (len(got), len(conf)))


if __name__ == "__main__":
    main()
