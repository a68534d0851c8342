"""MPXJ, a project-file library khutta did not write, reading and writing MS Project XML.

    python3 mpxj_tool.py dates FILE        # JSON: {task id: [start, finish, baseline start,
                                           #        baseline finish]} as MPXJ reads them
    python3 mpxj_tool.py rewrite IN OUT    # read IN with MPXJ, write OUT with MPXJ's MSPDI writer

The task id is khutta's own (custom field Text1) when the file has it, else MPXJ's unique id.
Used by tests/cli/export_mspdi.rs; scripts/test installs mpxj and JPype1 into a venv.
"""

import json
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()

from org.mpxj.reader import UniversalProjectReader  # noqa: E402
from org.mpxj.mspdi import MSPDIWriter  # noqa: E402


def read(path):
    project = UniversalProjectReader().read(path)
    if project is None:
        sys.exit(f"MPXJ could not read {path}")
    return project


def day(t):
    return str(t.toLocalDate()) if t is not None else None


def dates(path):
    out = {}
    for task in read(path).getTasks():
        uid = task.getUniqueID()
        if uid is None or int(uid) == 0:
            continue
        key = task.getText(1)
        key = str(key) if key is not None else str(uid)
        out[key] = [
            day(task.getStart()),
            day(task.getFinish()),
            day(task.getBaselineStart()),
            day(task.getBaselineFinish()),
        ]
    print(json.dumps(out, sort_keys=True))


def rewrite(src, dst):
    MSPDIWriter().write(read(src), dst)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dates":
        dates(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "rewrite":
        rewrite(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
