"""Reads an iCalendar file with the `icalendar` library and prints its events as JSON.

`python ics-events.py FILE`. Exit 1 with the library's words when the file does not parse.
"""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    data = f.read()
try:
    cal = icalendar.Calendar.from_ical(data)
except Exception as e:  # the library's own error, whatever its type
    print(f"{type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(1)
events = []
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    end = ev.decoded("DTEND")
    events.append(
        {
            "uid": str(ev.get("UID")),
            "summary": str(ev.get("SUMMARY")),
            "description": str(ev.get("DESCRIPTION")) if ev.get("DESCRIPTION") else None,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "dtstamp": ev.decoded("DTSTAMP").isoformat(),
            "status": str(ev.get("STATUS")),
        }
    )
print(json.dumps({"version": str(cal.get("VERSION")), "events": events}))
