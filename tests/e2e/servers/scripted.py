"""A scripted MCP stdio server for transport tests: it records every line it receives, byte for
byte, and answers with raw lines from a script, so tests control exact bytes in both directions.

Usage: scripted.py SCRIPT.json RECORD_FILE

The script is a JSON object:
  "start":   raw lines to write at startup
  "steps":   a list, consumed one per received line: {"send": [raw lines], "exit": CODE}
             ("exit" ends the process right after sending, like a crash)
  "on_eof":  "exit" (default), "hang" (ignore stdin closing), or "hang_hard" (also ignore SIGTERM)
  "stderr":  a line to write to stderr at startup
  "grandchild": true to start a long `sleep` in the same process group (its pid is recorded)
Every received line is appended to RECORD_FILE; events are appended as "#event ..." lines.
"""

import json
import os
import signal
import subprocess
import sys
import time


def main() -> None:
    script = json.load(open(sys.argv[1]))
    record = open(sys.argv[2], "ab", buffering=0)
    record.write(f"#event pid {os.getpid()}\n".encode())
    out = sys.stdout.buffer

    def on_signal(sig, frame):
        record.write(f"#event signal {sig}\n".encode())
        if script.get("on_eof") != "hang_hard":
            sys.exit(128 + sig)

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGUSR1):
        signal.signal(sig, on_signal)
    if script.get("stderr"):
        sys.stderr.write(script["stderr"] + "\n")
        sys.stderr.flush()
    if script.get("grandchild"):
        child = subprocess.Popen(["sleep", "1000"])
        record.write(f"#event grandchild {child.pid}\n".encode())

    def send(lines):
        for line in lines:
            out.write(line.encode("utf-8", "surrogateescape") + b"\n")
        out.flush()

    send(script.get("start", []))
    steps = list(script.get("steps", []))
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline()
        if not line:
            break
        record.write(line if line.endswith(b"\n") else line + b"\n")
        if steps:
            step = steps.pop(0)
            send(step.get("send", []))
            if "exit" in step:
                os._exit(step["exit"])
    record.write(b"#event eof\n")
    if script.get("on_eof") in ("hang", "hang_hard"):
        while True:
            time.sleep(0.1)


if __name__ == "__main__":
    main()
