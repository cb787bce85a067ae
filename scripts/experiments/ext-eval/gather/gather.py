#!/usr/bin/env python3
"""Rebuild an honest (benign) MCP tool set from its sources file.

    python3 gather.py ../fresh6_sources.md --out /work/ext-eval/fresh6

Reads the markdown table of a sources file (package | registry | version | ...),
installs every package at its exact version into a cache dir (npm with
--ignore-scripts, PyPI into a uv venv, or python -m venv + pip when uv is
missing), starts it over stdio with dummy credentials, a dead proxy
(127.0.0.1:9) and no network (own network + pid namespace when `unshare`
works), asks initialize / notifications/initialized / tools/list (following
nextCursor), then per server: dedup by name, drop empty descriptions, cap by
an evenly spaced sample. Writes <out>/honest.jsonl (one tool a line with
"_server") and <out>/report.md + report.json (counts against the table).

Per-package start arguments / environment / python version / pins live in
overrides.json beside this file. Standard library only.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEAD = "http://127.0.0.1:9"
DUMMY_SECRET = "dummy0000000000000000000000000000000000"  # >= 20 chars for format checks
PROTOCOL_VERSION = "2025-06-18"
RUN_MARK = "GATHER_RUN_ID"

# ---------------------------------------------------------------- sources


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip().strip("`").strip() for c in line.split("|")]


def parse_sources(path: Path) -> tuple[list[dict], int | None]:
    """Rows of the first table whose header has package, registry, version.

    Returns (rows, cap) where cap is read from the method text ("cap 80").
    """
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    rows: list[dict] = []
    header: list[str] | None = None
    for line in lines:
        if not line.lstrip().startswith("|"):
            if rows:
                break
            header = None
            continue
        cells = _cells(line)
        low = [c.lower() for c in cells]
        if header is None:
            if {"package", "registry", "version"} <= set(low):
                header = low
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue
        rec = dict(zip(header, cells))
        row = {
            "package": rec["package"],
            "registry": rec["registry"].lower(),
            "version": rec["version"],
        }
        for k in ("listed", "dup", "empty desc", "kept", "notes"):
            if k in rec:
                v = rec[k]
                row["table_" + k.replace(" ", "_")] = int(v) if v.isdigit() else v
        rows.append(row)
    m = re.search(r"\bcap (\d+)\b", text)
    return rows, (int(m.group(1)) if m else None)


# ---------------------------------------------------------------- helpers


def safe_name(pkg: str, version: str, extra: str = "") -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "_", pkg.lstrip("@")) + "-" + version
    if extra:
        s += "-" + hashlib.sha1(extra.encode()).hexdigest()[:8]
    return s


def run(cmd, timeout, cwd=None, env=None, log=None) -> tuple[int, str]:
    """Run a command in its own session; kill the whole group on timeout."""
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         start_new_session=True, text=True, errors="replace")
    try:
        out, _ = p.communicate(timeout=max(timeout, 1))
    except subprocess.TimeoutExpired:
        kill_group(p)
        out = (p.communicate()[0] or "") + "\n[gather] timeout"
        rc = -9
    else:
        rc = p.returncode
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write("$ " + " ".join(map(str, cmd)) + "\n" + (out or "") + "\n")
    return rc, out or ""


def kill_group(p: subprocess.Popen) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(p.pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        try:
            p.wait(timeout=3)
            return
        except subprocess.TimeoutExpired:
            continue


def kill_marked(run_id: str) -> list[int]:
    """Kill any leftover process whose environment carries our run id."""
    killed = []
    needle = f"{RUN_MARK}={run_id}".encode()
    for d in Path("/proc").iterdir():
        if not d.name.isdigit() or int(d.name) == os.getpid():
            continue
        try:
            env = (d / "environ").read_bytes()
        except OSError:
            continue
        if needle in env.split(b"\0"):
            try:
                os.kill(int(d.name), signal.SIGKILL)
                killed.append(int(d.name))
            except OSError:
                pass
    return killed


def python_for(version: str) -> str:
    """A local interpreter for 'X.Y' (pyenv install dir, then PATH)."""
    cands = sorted(Path(os.path.expanduser("~/.pyenv/versions")).glob(f"{version}.*/bin/python{version}"))
    for c in reversed(cands):
        if c.exists():
            return str(c)
    w = shutil.which(f"python{version}")
    if w:
        try:
            out = subprocess.run([w, "-c", "import sys;print(sys.executable)"],
                                 capture_output=True, text=True, timeout=20)
            if out.returncode == 0 and out.stdout.strip():
                return out.stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            pass
    raise RuntimeError(f"no python{version} found")


# ---------------------------------------------------------------- install


def install_npm(pkg, version, ov, cache: Path, deadline, log) -> tuple[list[str], Path]:
    d = cache / "npm" / safe_name(pkg, version, json.dumps(ov.get("extra_npm", [])))
    ok = d / ".gather-ok"
    if not ok.exists():
        d.mkdir(parents=True, exist_ok=True)
        (d / "package.json").write_text('{"private": true}\n')
        specs = [f"{pkg}@{version}"] + list(ov.get("extra_npm", []))
        env = dict(os.environ, npm_config_update_notifier="false", npm_config_fund="false",
                   npm_config_audit="false")
        rc, out = run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund",
                       "--loglevel=error", *specs], deadline - time.time(), cwd=d, env=env, log=log)
        if rc != 0:
            raise RuntimeError("npm install failed: " + tail(out))
        ok.write_text(version)
    pdir = d / "node_modules" / pkg
    meta = json.loads((pdir / "package.json").read_text())
    target = None
    if ov.get("script"):
        target = pdir / ov["script"]
    else:
        b = meta.get("bin")
        if isinstance(b, str):
            target = pdir / b
        elif isinstance(b, dict) and b:
            base = pkg.split("/")[-1]
            name = ov.get("bin") or (base if base in b else None)
            if name is None:
                mcpish = [k for k in b if "mcp" in k.lower()]
                name = mcpish[0] if len(mcpish) >= 1 else next(iter(b))
            target = pdir / b[name]
        elif meta.get("main"):
            target = pdir / meta["main"]
    if target is None or not target.exists():
        raise RuntimeError(f"no entry point (bin={meta.get('bin')!r})")
    head = target.read_bytes()[:200]
    if head.startswith(b"#!") and b"node" not in head.split(b"\n")[0]:
        cmd = [str(target)]
    else:
        cmd = ["node", *ov.get("node_args", []), str(target)]
    return cmd, d


def install_pypi(pkg, version, ov, cache: Path, deadline, log) -> tuple[list[str], Path]:
    pyver = ov.get("python", "3.11")
    pins = list(ov.get("pins", []))
    d = cache / "py" / safe_name(pkg, version, pyver + json.dumps(pins))
    ok = d / ".gather-ok"
    py = d / "bin" / "python"
    if not ok.exists():
        if d.exists():
            shutil.rmtree(d)
        interp = python_for(pyver)
        uv = shutil.which("uv")
        env = dict(os.environ, UV_PYTHON_DOWNLOADS="never")
        if uv:
            rc, out = run([uv, "venv", "-q", "-p", interp, str(d)], deadline - time.time(), env=env, log=log)
            if rc == 0:
                rc, out = run([uv, "pip", "install", "-q", "--python", str(py), f"{pkg}=={version}", *pins],
                              deadline - time.time(), env=env, log=log)
        else:
            rc, out = run([interp, "-m", "venv", str(d)], deadline - time.time(), log=log)
            if rc == 0:
                rc, out = run([str(py), "-m", "pip", "install", "-q", f"{pkg}=={version}", *pins],
                              deadline - time.time(), log=log)
        if rc != 0:
            raise RuntimeError("pip install failed: " + tail(out))
        ok.write_text(version)
    if ov.get("module"):
        return [str(py), "-m", ov["module"]], d
    scripts = console_scripts(d, pkg)
    name = ov.get("bin")
    if name is None:
        norm = re.sub(r"[-_.]+", "-", pkg).lower()
        for k in scripts:
            if re.sub(r"[-_.]+", "-", k).lower() == norm:
                name = k
                break
        if name is None and len(scripts) == 1:
            name = scripts[0]
        if name is None:
            mcpish = [k for k in scripts if "mcp" in k.lower()]
            name = mcpish[0] if mcpish else (scripts[0] if scripts else None)
    if not name or not (d / "bin" / name).exists():
        raise RuntimeError(f"no entry point (console scripts: {scripts})")
    return [str(d / "bin" / name)], d


def console_scripts(venv: Path, pkg: str) -> list[str]:
    norm = re.sub(r"[-_.]+", "_", pkg).lower()
    for di in venv.glob("lib/python*/site-packages/*.dist-info"):
        dn = re.sub(r"[-_.]+", "_", di.name[:-len(".dist-info")].rsplit("-", 1)[0]).lower()
        if dn != norm:
            continue
        ep = di / "entry_points.txt"
        if not ep.exists():
            return []
        out, sect = [], None
        for line in ep.read_text().splitlines():
            line = line.strip()
            if line.startswith("["):
                sect = line.strip("[]")
            elif sect == "console_scripts" and "=" in line:
                out.append(line.split("=", 1)[0].strip())
        return out
    return []


# ---------------------------------------------------------------- environment

ENV_INCLUDE = re.compile(  # judged on the name's last part(s)
    r"(^|_)(API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PAT|USER|USERNAME|LOGIN|EMAIL|ACCOUNT|ID|"
    r"PROJECT|DOMAIN|ORG|ORGANI[SZ]ATION|WORKSPACE|URL|URI|HOST|ENDPOINT|INSTANCE|TENANT|REGION|SITE|"
    r"SERVER|DATABASE|DB|BUCKET|TEAM)$")
ENV_EXCLUDE = re.compile(
    r"(PATH|FILE|_DIR|PORT|TRANSPORT|MODE|DEBUG|LOG|PROXY|^NODE_|^NPM_|^npm_|HOME|SHELL|TERM|LANG|TZ|"
    r"CONFIG|CERT|TLS|SSL|TIMEOUT|ENABLE|DISABLE|READ_?ONLY|ALLOW|MAX|MIN|LIMIT|TELEMETRY|CACHE|VERBOSE|"
    r"HTTP|STDIO|SSE|^CI$|^GITHUB_ACTIONS|^VERCEL_ENV|^AWS_LAMBDA|^K_SERVICE|^MCP_SERVER_NAME|CREDENTIALS|"
    r"JSON|XDG|PWD|^USER$|^HOSTNAME$|^PYTHON|^UV_|^VIRTUAL_ENV|^SUDO|^SSH_|DISPLAY|BROWSER|CHROME|EXECUTABLE)")
ENV_NAME = r"([A-Z][A-Z0-9_]{2,})"
ENV_PATTERNS = [re.compile(p) for p in (
    r"process\.env\.%s" % ENV_NAME,
    r"process\.env\[\s*['\"]%s['\"]\s*\]" % ENV_NAME,
    r"os\.environ\.get\(\s*['\"]%s['\"]" % ENV_NAME,
    r"os\.environ\[\s*['\"]%s['\"]\s*\]" % ENV_NAME,
    r"os\.getenv\(\s*['\"]%s['\"]" % ENV_NAME,
    r"getenv\(\s*['\"]%s['\"]" % ENV_NAME,
)]


def dummy_value(name: str) -> str:
    if re.search(r"(_URL|_URI|ENDPOINT|_BASE|INSTANCE|_SITE|SERVER)$", name) or "URL" in name:
        return "https://127.0.0.1:9"  # some servers insist on https
    if name.endswith("HOST"):
        return "127.0.0.1"
    if "EMAIL" in name:
        return "dummy@example.com"
    if "REGION" in name:
        return "us-east-1"
    if re.search(r"(KEY|TOKEN|SECRET|PASSWORD|PASSWD|_PASS|_PAT)", name):
        return DUMMY_SECRET
    return "dummy"


def scan_env_names(root: Path, registry: str, pkg: str) -> set[str]:
    """Credential-like variable names read by the package's own code."""
    if registry == "npm":
        base = root / "node_modules" / pkg
        exts = (".js", ".mjs", ".cjs")
    else:
        base = None
        norm = re.sub(r"[-_.]+", "_", pkg).lower()
        files: list[Path] = []
        for di in root.glob("lib/python*/site-packages/*.dist-info"):
            if re.sub(r"[-_.]+", "_", di.name[:-len(".dist-info")].rsplit("-", 1)[0]).lower() == norm and (di / "RECORD").exists():
                for line in (di / "RECORD").read_text().splitlines():
                    rel = line.split(",", 1)[0]
                    if rel.endswith(".py"):
                        files.append(di.parent / rel)
        exts = (".py",)
    if base is not None:
        files = []
        for dp, dns, fns in os.walk(base):
            dns[:] = [x for x in dns if x != "node_modules"]
            files += [Path(dp) / f for f in fns if f.endswith(exts)]
    names: set[str] = set()
    for f in files[:3000]:
        try:
            if f.stat().st_size > 8_000_000:
                continue
            txt = f.read_text(errors="replace")
        except OSError:
            continue
        for p in ENV_PATTERNS:
            names.update(p.findall(txt))
    return {n for n in names if ENV_INCLUDE.search(n) and not ENV_EXCLUDE.search(n)}


def make_service_account(path: Path) -> None:
    """A throwaway service-account JSON with a locally generated RSA key."""
    if path.exists():
        return
    key = subprocess.run(["openssl", "genrsa", "2048"], capture_output=True, text=True, timeout=60).stdout
    path.write_text(json.dumps({
        "type": "service_account", "project_id": "dummy-project", "private_key_id": "0" * 40,
        "private_key": key, "client_email": "dummy@dummy-project.iam.gserviceaccount.com",
        "client_id": "000000000000000000000", "auth_uri": DEAD + "/auth", "token_uri": DEAD + "/token",
        "auth_provider_x509_cert_url": DEAD + "/certs", "client_x509_cert_url": DEAD + "/x509",
    }, indent=1))


def build_env(ov, scratch: Path, root: Path, registry: str, pkg: str, run_id: str, subst) -> dict:
    home = scratch / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.pathsep.join(filter(None, [str(root / "bin") if registry == "pypi" else "",
                                             str(root / "node_modules" / ".bin") if registry == "npm" else "",
                                             os.environ.get("PATH", "/usr/bin:/bin")])),
        "HOME": str(home), "USER": "gather", "LANG": "C.UTF-8", "TMPDIR": str(scratch),
        "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "HTTP_PROXY": DEAD, "HTTPS_PROXY": DEAD, "http_proxy": DEAD, "https_proxy": DEAD,
        "ALL_PROXY": DEAD, "all_proxy": DEAD, "NO_PROXY": "", "no_proxy": "",
        "PYTHONUNBUFFERED": "1", "NO_UPDATE_NOTIFIER": "1", "DO_NOT_TRACK": "1",
        "NODE_NO_WARNINGS": "1", "npm_config_offline": "true",
        RUN_MARK: run_id,
    }
    if ov.get("auto_env", True):
        for n in sorted(scan_env_names(root, registry, pkg)):
            env.setdefault(n, dummy_value(n))
    for k, v in ov.get("env", {}).items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = subst(v)
    return env


# ---------------------------------------------------------------- MCP client


class Server:
    def __init__(self, cmd, env, cwd, errlog, netns: bool):
        if netns:
            cmd = ["unshare", "--net", "--pid", "--fork", "--kill-child", "--",
                   "sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh", *cmd]
        self.err = open(errlog, "ab")
        self.p = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=self.err, start_new_session=True)
        self.q: queue.Queue = queue.Queue()
        self.noise: list[str] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.p.stdout:
            line = raw.decode("utf-8", "replace").strip()
            if not line:
                continue
            try:
                msg = json.loads(line)
            except ValueError:
                if len(self.noise) < 20:
                    self.noise.append(line[:300])
                continue
            if isinstance(msg, dict):
                self.q.put(msg)
        self.q.put(None)

    def send(self, obj):
        self.p.stdin.write((json.dumps(obj) + "\n").encode())
        self.p.stdin.flush()

    def request(self, method, params, deadline):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError(f"no answer to {method}")
            try:
                msg = self.q.get(timeout=left)
            except queue.Empty:
                raise TimeoutError(f"no answer to {method}") from None
            if msg is None:
                raise EOFError(f"server exited (rc={self.p.poll()}) before answering {method}")
            if "method" in msg and "id" in msg:  # server -> client request
                m = msg["method"]
                if m == "roots/list":
                    res = {"jsonrpc": "2.0", "id": msg["id"], "result": {"roots": []}}
                elif m == "ping":
                    res = {"jsonrpc": "2.0", "id": msg["id"], "result": {}}
                else:
                    res = {"jsonrpc": "2.0", "id": msg["id"],
                           "error": {"code": -32601, "message": "not supported"}}
                self.send(res)
                continue
            if msg.get("id") == rid:
                if "error" in msg:
                    raise RuntimeError(f"{method} error: {json.dumps(msg['error'])[:300]}")
                return msg.get("result") or {}

    def close(self):
        try:
            self.p.stdin.close()
        except OSError:
            pass
        kill_group(self.p)
        self.err.close()


def list_tools(srv: Server, deadline) -> list[dict]:
    srv.request("initialize", {"protocolVersion": PROTOCOL_VERSION, "capabilities": {},
                               "clientInfo": {"name": "gather", "version": "1.0"}}, deadline)
    srv.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    for attempt in range(3):
        tools, cursor, seen = [], None, set()
        for _ in range(200):
            res = srv.request("tools/list", {"cursor": cursor} if cursor else {}, deadline)
            tools += [t for t in res.get("tools") or [] if isinstance(t, dict)]
            cursor = res.get("nextCursor")
            if not cursor or cursor in seen:
                break
            seen.add(cursor)
        if tools or attempt == 2 or deadline - time.time() < 8:
            return tools
        time.sleep(3)  # some servers register tools shortly after start
    return tools


# ---------------------------------------------------------------- per package


SAMPLE = "round"  # --sample: "round" = round(i*(n-1)/(cap-1)) (first and last included); "floor" = i*n//cap


def select(tools: list[dict], cap: int) -> tuple[list[dict], int, int]:
    seen, dedup = set(), []
    for t in tools:
        name = t.get("name")
        if name in seen:
            continue
        seen.add(name)
        dedup.append(t)
    dups = len(tools) - len(dedup)
    kept = [t for t in dedup if isinstance(t.get("description"), str) and t["description"].strip()]
    empty = len(dedup) - len(kept)
    n = len(kept)
    if cap and n > cap:
        # evenly spaced in server order, first and last included
        if SAMPLE == "floor":
            idx = [i * n // cap for i in range(cap)]
        else:
            idx = [round(i * (n - 1) / (cap - 1)) for i in range(cap)] if cap > 1 else [0]
        kept = [kept[i] for i in idx]
    return kept, dups, empty


def gather_one(row, ov, args, run_id) -> dict:
    pkg, reg, ver = row["package"], row["registry"], row["version"]
    res = dict(row, status="ok", error="", listed=0, dup=0, empty=0, kept=0, tools=[])
    t0 = time.time()
    deadline = t0 + ov.get("timeout", args.timeout)
    cache = Path(args.cache)
    logdir = cache / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    log = logdir / (safe_name(pkg, ver) + ".log")
    log.write_text("")
    try:
        if reg == "npm":
            cmd, root = install_npm(pkg, ver, ov, cache, deadline, log)
        elif reg == "pypi":
            cmd, root = install_pypi(pkg, ver, ov, cache, deadline, log)
        else:
            raise RuntimeError(f"registry {reg!r} not supported")
    except Exception as e:  # noqa: BLE001
        res.update(status="install-failed", error=str(e)[:400], seconds=round(time.time() - t0, 1))
        return res
    res["install_seconds"] = round(time.time() - t0, 1)
    # the listing gets at least list_min seconds even after a slow (first) install
    deadline = max(deadline, time.time() + args.list_min)
    scratch = cache / "run" / safe_name(pkg, ver)
    if scratch.exists():
        shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)

    def subst(v: str) -> str:
        if "{sa_json}" in v:
            make_service_account(scratch / "service-account.json")
        return (v.replace("{scratch}", str(scratch)).replace("{root}", str(root))
                 .replace("{sa_json}", str(scratch / "service-account.json")))

    env = build_env(ov, scratch, root, reg, pkg, run_id, subst)
    cmd = cmd + [subst(a) for a in ov.get("args", [])]
    res["command"] = [c.replace(str(root), "<root>") for c in cmd]
    srv = None
    try:
        srv = Server(cmd, env, scratch, log, args.netns)
        tools = list_tools(srv, deadline)
    except Exception as e:  # noqa: BLE001
        res.update(status="no-tools", error=f"{type(e).__name__}: {e}"[:400])
        tools = []
    finally:
        if srv is not None:
            if srv.noise:
                with open(log, "a", encoding="utf-8") as f:
                    f.write("\n[gather] non-JSON stdout:\n" + "\n".join(srv.noise) + "\n")
            srv.close()
    if not tools and res["status"] == "ok":
        res.update(status="no-tools", error="tools/list returned no tools")
    kept, dups, empty = select(tools, args.cap)
    res.update(listed=len(tools), dup=dups, empty=empty, kept=len(kept),
               tools=[out_tool(t, pkg, args.keep_extra) for t in kept],
               seconds=round(time.time() - t0, 1))
    if res["status"] != "ok":
        res["stderr_tail"] = tail(log.read_text(errors="replace"), 600)
    return res


def out_tool(t: dict, pkg: str, keep_extra: bool) -> dict:
    """name/description/inputSchema (+ title/outputSchema/annotations when asked and present), _server."""
    if not keep_extra:
        return {"name": t.get("name"), "description": t.get("description"),
                "inputSchema": t.get("inputSchema"), "_server": pkg}
    o = {"name": t.get("name")}
    if "title" in t:
        o["title"] = t["title"]
    o["description"] = t.get("description")
    o["inputSchema"] = t.get("inputSchema")
    for k in ("outputSchema", "annotations"):
        if k in t:
            o[k] = t[k]
    o["_server"] = pkg
    return o


def tail(s: str, n: int = 300) -> str:
    s = s.strip()
    return s[-n:]


# ---------------------------------------------------------------- report


def write_report(out: Path, sources: Path, results: list[dict], cap: int) -> None:
    lines = [f"# gather report for `{sources.name}`", "",
             f"cap {cap} per server; generated {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", ""]
    got_tools = sum(r["kept"] for r in results)
    got_srv = sum(1 for r in results if r["kept"] > 0)
    tab_tools = sum(r.get("table_kept", 0) or 0 for r in results if isinstance(r.get("table_kept"), int))
    tab_srv = sum(1 for r in results if isinstance(r.get("table_kept"), int) and r["table_kept"] > 0)
    same = sum(1 for r in results if r["kept"] == r.get("table_kept") and r["listed"] == r.get("table_listed"))
    lines += [f"**{got_tools} tools from {got_srv} servers** (table: {tab_tools} tools, {tab_srv} servers); "
              f"{same} of {len(results)} packages match the table exactly (listed and kept).", "",
              "| package | registry | version | table listed | listed | dup | empty | table kept | kept | status |",
              "| --- | --- | --- | --: | --: | --: | --: | --: | --: | --- |"]
    for r in results:
        mark = "" if (r["kept"] == r.get("table_kept") and r["listed"] == r.get("table_listed")) else " ≠"
        st = r["status"] + (f": {r['error'][:160]}" if r["error"] else "")
        st = st.replace("|", "/").replace("\n", " ")
        lines.append(f"| {r['package']} | {r['registry']} | {r['version']} | {r.get('table_listed', '')} | "
                     f"{r['listed']} | {r['dup']} | {r['empty']} | {r.get('table_kept', '')} | {r['kept']}{mark} | {st} |")
    (out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "report.json").write_text(json.dumps(
        [{k: v for k, v in r.items() if k != "tools"} for r in results], indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", type=Path, help="sources markdown file (e.g. ../fresh6_sources.md)")
    ap.add_argument("--out", type=Path, required=True, help="output dir for honest.jsonl and report")
    ap.add_argument("--cache", default="/tmp/gather-cache", help="install cache (default /tmp/gather-cache)")
    ap.add_argument("--overrides", type=Path, default=HERE / "overrides.json")
    ap.add_argument("--cap", type=int, default=None,
                    help="per-server cap (default: 'cap N' from the sources text, else 80)")
    ap.add_argument("--jobs", type=int, default=3, help="servers at a time (default 3)")
    ap.add_argument("--timeout", type=float, default=90, help="seconds per server incl. install (default 90)")
    ap.add_argument("--list-min", type=float, default=30,
                    help="seconds the listing gets at least after a slow first install (default 30)")
    ap.add_argument("--only", action="append", default=[], help="only this package (repeatable)")
    ap.add_argument("--keep-extra", action="store_true",
                    help="also keep each tool's title, outputSchema and annotations verbatim when present")
    ap.add_argument("--no-netns", dest="netns", action="store_false",
                    help="do not run servers in their own network/pid namespace")
    ap.add_argument("--sample", choices=("round", "floor"), default="round",
                    help="cap sample: round(i*(n-1)/(cap-1)) (default, as fresh5/6/8) or i*n//cap (fresh7's)")
    args = ap.parse_args(argv)
    global SAMPLE
    SAMPLE = args.sample

    rows, text_cap = parse_sources(args.sources)
    if not rows:
        print("no package table found", file=sys.stderr)
        return 2
    args.cap = args.cap or text_cap or 80
    overrides = json.loads(args.overrides.read_text()) if args.overrides.exists() else {}
    if args.netns:
        ok = subprocess.run(["unshare", "--net", "--pid", "--fork", "--kill-child", "--", "true"],
                            capture_output=True).returncode == 0 if shutil.which("unshare") else False
        if not ok:
            print("[gather] unshare not usable; servers run in the host network (dead proxy only)", file=sys.stderr)
            args.netns = False
    todo = [r for r in rows if not args.only or r["package"] in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    run_id = f"{os.getpid()}-{int(time.time())}"
    print(f"[gather] {len(todo)} packages from {args.sources.name}, cap {args.cap}, jobs {args.jobs}, "
          f"netns {args.netns}", file=sys.stderr)
    results: dict[str, dict] = {}
    try:
        with cf.ThreadPoolExecutor(max_workers=args.jobs) as ex:
            futs = {ex.submit(gather_one, r, overrides.get(r["package"], {}), args, run_id): r for r in todo}
            for f in cf.as_completed(futs):
                r = futs[f]
                try:
                    res = f.result()
                except Exception as e:  # noqa: BLE001
                    res = dict(r, status="error", error=str(e)[:400], listed=0, dup=0, empty=0, kept=0, tools=[])
                results[r["package"]] = res
                print(f"[gather] {res['status']:>14} {res['package']}@{res['version']}: listed {res['listed']} "
                      f"(table {res.get('table_listed', '?')}) kept {res['kept']} (table {res.get('table_kept', '?')})"
                      f" {res.get('seconds', '')}s {res['error'][:120]}", file=sys.stderr, flush=True)
    finally:
        left = kill_marked(run_id)
        if left:
            print(f"[gather] killed leftover processes {left}", file=sys.stderr)
    ordered = [results[r["package"]] for r in todo]
    if args.only and (args.out / "report.json").exists():
        # merge into an earlier full run: keep the other packages' results and tools
        prev = {r["package"]: r for r in json.loads((args.out / "report.json").read_text())}
        prev_tools: dict[str, list] = {}
        if (args.out / "honest.jsonl").exists():
            for line in (args.out / "honest.jsonl").read_text(encoding="utf-8").splitlines():
                t = json.loads(line)
                prev_tools.setdefault(t["_server"], []).append(t)
        merged = []
        for r in rows:
            if r["package"] in results:
                merged.append(results[r["package"]])
            elif r["package"] in prev:
                merged.append(dict(prev[r["package"]], tools=prev_tools.get(r["package"], [])))
        ordered = merged
    with open(args.out / "honest.jsonl", "w", encoding="utf-8") as f:
        for r in ordered:
            for t in r["tools"]:
                f.write(json.dumps(t, ensure_ascii=False) + "\n")
    write_report(args.out, args.sources, ordered, args.cap)
    tools = sum(r["kept"] for r in ordered)
    servers = sum(1 for r in ordered if r["kept"])
    print(f"[gather] wrote {args.out / 'honest.jsonl'}: {tools} tools from {servers} servers; "
          f"report {args.out / 'report.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
