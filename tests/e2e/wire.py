"""Raw-bytes access to `mcpguard wrap` for transport tests: write exact lines, read exact lines."""

import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path

from conftest import our_server, wrapped

INIT = '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"wire","version":"1"}}}'
INIT_OK = '{"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"2025-03-26","capabilities":{"tools":{}},"serverInfo":{"name":"scripted","version":"1"}}}'
INITIALIZED = '{"jsonrpc":"2.0","method":"notifications/initialized"}'


class Wire:
    """`mcpguard wrap -- scripted.py SCRIPT RECORD` with byte-level pipes."""

    def __init__(self, tmp: Path, script: dict, *flags: str, config: str | None = None):
        self.record_path = tmp / "record.log"
        script_path = tmp / "script.json"
        script_path.write_text(json.dumps(script))
        extra = list(flags)
        if config is not None:
            cfg = tmp / "mcpguard.toml"
            cfg.write_text(config)
            extra += ["--config", str(cfg)]
        cmd = wrapped(our_server("scripted.py") + [str(script_path), str(self.record_path)], *extra)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: queue.Queue = queue.Queue()
        self.stderr_chunks: list[bytes] = []
        threading.Thread(target=self._read_out, daemon=True).start()
        self._err_thread = threading.Thread(target=self._read_err, daemon=True)
        self._err_thread.start()

    def _read_out(self):
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _read_err(self):
        for chunk in self.proc.stderr:
            self.stderr_chunks.append(chunk)

    def send(self, raw: bytes | str):
        if isinstance(raw, str):
            raw = raw.encode()
        self.proc.stdin.write(raw + b"\n")
        self.proc.stdin.flush()

    def recv(self, timeout: float = 10) -> bytes:
        line = self.lines.get(timeout=timeout)
        assert line is not None, "mcpguard closed its stdout"
        return line.rstrip(b"\n")

    def recv_json(self, timeout: float = 10) -> dict:
        return json.loads(self.recv(timeout))

    def nothing_more(self, wait: float = 0.3) -> bool:
        try:
            line = self.lines.get(timeout=wait)
        except queue.Empty:
            return True
        return line is None

    def close(self, timeout: float = 15) -> int:
        self.proc.stdin.close()
        return self.proc.wait(timeout=timeout)

    def stderr(self) -> str:
        if self.proc.poll() is not None:
            self._err_thread.join(timeout=5)  # everything the gateway wrote before it exited
        return b"".join(self.stderr_chunks).decode(errors="replace")

    def recorded(self) -> list[bytes]:
        """Lines the server received (events excluded)."""
        data = self.record_path.read_bytes() if self.record_path.exists() else b""
        return [l for l in data.split(b"\n")[:-1] if not l.startswith(b"#event")]

    def events(self) -> list[str]:
        data = self.record_path.read_bytes() if self.record_path.exists() else b""
        return [l.decode()[7:] for l in data.split(b"\n") if l.startswith(b"#event")]

    def wait_for_event(self, prefix: str, timeout: float = 10) -> str:
        deadline = time.time() + timeout
        while time.time() < deadline:
            for e in self.events():
                if e.startswith(prefix):
                    return e
            time.sleep(0.02)
        raise AssertionError(f"no event {prefix!r} in {self.events()}")

    def handshake(self):
        self.send(INIT)
        assert json.loads(self.recv())["id"] == 0
        self.send(INITIALIZED)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers kill(0): look at its state
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        return state != "Z"
    except FileNotFoundError:
        return False
