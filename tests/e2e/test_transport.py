"""The stdio transport through `mcpguard wrap`, at the byte level: transparency, limits, lifecycle."""

import json
import signal
import time

from conftest import MCPGUARD
from wire import INIT, INIT_OK, INITIALIZED, Wire, pid_alive

import subprocess


def test_a_recorded_session_goes_through_byte_identical(tmp_path):
    # Odd spacing, key order, unknown fields, _meta, escapes, number spellings, a \r before \n:
    # nothing the gate does not change may be re-serialised.
    client = [
        INIT,
        INITIALIZED,
        '{"jsonrpc":"2.0","id":"list","method":"tools/list","params":{"_meta":{"progressToken":7}}}',
        '{ "params" : {"name":"echo","arguments":{"z":1,"a":[1.50,2e3,-0.0],"s":"\\u00e9\\n\\"q\\""},"_meta":{"progressToken":"tok","io.example/x":{"k":[]}}},"method":"tools/call","jsonrpc":"2.0","id":"call-1","x-unknown":{"nested":true}}',
        '{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"never","reason":"r"},"_extra":1}',
        '{"jsonrpc":"2.0","id":0,"result":{"role":"assistant","content":{"type":"text","text":"from client"},"model":"m","_meta":{"a":1}}}',
        '{"jsonrpc":"2.0","id":2,"method":"some/unknownMethod","params":{"whatever":[{"deep":{"er":"x"}}]}}\r',
    ]
    server = [
        '{"result":{"tools":[ {"inputSchema":{"type":"object","properties":{"z":{},"a":{}}},"name":"echo","description":"Echoes.","x-vendor":{"k":1.50}} ],"nextCursor":null},"jsonrpc":"2.0","id":"list"}',
        '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"tok","progress":0.5,"total":1,"message":"half"}}',
        '{"result":{"content":[{"type":"text","text":"ok \\ud83d\\ude00"}],"isError":false,"_meta":{"s":1},"unknownField":[1,2]},"id":"call-1","jsonrpc":"2.0"}',
        '  {"jsonrpc":"2.0","id":0,"method":"sampling/createMessage","params":{"messages":[{"role":"user","content":{"type":"text","text":"hi"}}],"maxTokens":5}}',
        '{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}',
        '{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","logger":"x","data":{"any":"thing"}}}',
        '{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"Method not found","data":{"m":"some/unknownMethod"}}}',
    ]
    w = Wire(
        tmp_path,
        {
            "steps": [
                {"send": [INIT_OK]},
                {"send": []},
                {"send": server[0:1]},  # the listing (pinned on first use, forwarded unchanged)
                {"send": server[1:4]},  # progress, the call's result, then the server's own request 0
                {"send": server[4:6]},
                {"send": []},
                {"send": server[6:7]},
            ]
        },
    )
    w.send(client[0])
    assert w.recv() == INIT_OK.encode()
    # the client answers the server's request 0 only after it arrived
    got = []
    for line, expect in zip(client[1:], [0, 1, 3, 2, 0, 1]):
        w.send(line)
        got += [w.recv() for _ in range(expect)]
    expected = [s.encode() for s in server]
    # everything is byte-identical but the server's sampling request, which the gate tags on
    # purpose with its origin (and otherwise leaves as it was)
    assert got[:3] == expected[:3] and got[4:] == expected[4:]
    tagged, original = json.loads(got[3]), json.loads(server[3])
    assert tagged["params"].pop("_meta")["io.mcpguard/origin"]["checkedBy"] == "mcpguard"
    assert tagged == original
    assert w.close() == 0
    assert w.recorded() == [c.encode() for c in client]
    assert "mcpguard[" not in w.stderr(), w.stderr()


def refused(w: Wire, kind: str, code: int, id_=None):
    reply = w.recv_json()
    assert reply["jsonrpc"] == "2.0"
    assert reply["id"] == id_, reply
    assert reply["error"]["code"] == code, reply
    assert reply["error"]["data"]["mcpguard"]["kind"] == kind, reply
    assert reply["error"]["message"].startswith("mcpguard: "), reply
    return reply


def ping_works(w: Wire, n: int):
    w.send(f'{{"jsonrpc":"2.0","id":"ping-{n}","method":"ping"}}')
    assert w.recv_json() == {"jsonrpc": "2.0", "id": f"ping-{n}", "result": {}}


def test_bad_client_input_gets_clear_errors_and_the_session_goes_on(tmp_path):
    pong = lambda n: {"send": [f'{{"jsonrpc":"2.0","id":"ping-{n}","result":{{}}}}']}
    w = Wire(
        tmp_path,
        {"steps": [{"send": [INIT_OK]}, {"send": []}] + [pong(n) for n in range(7)]},
        "--max-message-bytes",
        "4096",
        "--max-depth",
        "16",
    )
    w.handshake()
    ping_works(w, 0)
    w.send('{"jsonrpc":"2.0","id":41,"method":"tools/call","params":{"name":"x","arguments":{"blob":"' + "A" * 10000 + '"}}}')
    r = refused(w, "too_large", -32600, 41)
    assert "4096" in r["error"]["message"]
    ping_works(w, 1)
    w.send('{"jsonrpc":"2.0","id":42,"method":"tools/call","params":' + "[" * 40 + "]" * 40 + "}")
    refused(w, "too_deep", -32600, 42)
    ping_works(w, 2)
    w.send(b'{"jsonrpc":"2.0","id":43,"method":"tools/call","params":{"name":"\xff\xfe"}}')
    refused(w, "invalid_utf8", -32700, 43)
    ping_works(w, 3)
    w.send("this is not json at all")
    refused(w, "not_json", -32700)
    ping_works(w, 4)
    w.send('{"jsonrpc":"2.0","id":77,"result":{}}')
    refused(w, "unknown_id", -32600)
    ping_works(w, 5)
    w.send('{"jsonrpc":"2.0","id":44}')
    refused(w, "invalid_message", -32600, 44)
    ping_works(w, 6)
    # none of the refused messages reached the server
    assert [json.loads(l).get("id") for l in w.recorded()] == [0, None] + [f"ping-{n}" for n in range(7)]
    assert w.close() == 0
    assert "too_large" not in w.stderr() and "refused a message from the client" in w.stderr()


def test_bad_server_output_is_refused_and_the_waiting_request_is_answered(tmp_path):
    big = '{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":"' + "B" * 9000 + '"}]}}'
    w = Wire(
        tmp_path,
        {
            "steps": [
                {"send": [INIT_OK]},
                {"send": []},
                {"send": ["garbage from the server", '{"jsonrpc":"2.0","id":99,"result":{}}', '{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}']},
                {"send": []},  # the gateway's error about the garbage line
                {"send": []},  # the gateway's error about the stray response
                {"send": [big]},
                {"send": ['{"jsonrpc":"2.0","id":3,"result":{}}']},
            ]
        },
        "--max-message-bytes",
        "4096",
    )
    w.handshake()
    w.send('{"jsonrpc":"2.0","id":1,"method":"tools/list"}')
    assert w.recv_json() == {"jsonrpc": "2.0", "id": 1, "result": {"tools": []}}
    w.send('{"jsonrpc":"2.0","id":2,"method":"resources/list"}')
    r = w.recv_json()
    assert r["id"] == 2 and r["error"]["data"]["mcpguard"]["kind"] == "too_large"
    w.send('{"jsonrpc":"2.0","id":3,"method":"ping"}')
    assert w.recv_json()["id"] == 3
    assert w.nothing_more()
    assert w.close() == 0
    # the server was told about its garbage and its stray response
    received = w.recorded()
    assert any(b'"not_json"' in l for l in received)
    assert any(b'"unknown_id"' in l for l in received)
    assert "refused a message from the server" in w.stderr()


def test_server_stderr_passes_through(tmp_path):
    w = Wire(tmp_path, {"stderr": "hello from the server's stderr", "steps": []})
    time.sleep(0.5)
    assert w.close() == 0
    assert "hello from the server's stderr" in w.stderr()


def test_client_closing_stdin_shuts_the_server_down(tmp_path):
    w = Wire(tmp_path, {"steps": [{"send": [INIT_OK]}], "grandchild": True})
    w.send(INIT)
    w.recv()
    pid = int(w.wait_for_event("pid").split()[1])
    grandchild = int(w.wait_for_event("grandchild").split()[1])
    assert w.close() == 0
    assert "eof" in w.events()
    assert not pid_alive(pid)
    assert not pid_alive(grandchild), "the server's process group must not outlive the gateway"


def test_a_server_that_ignores_shutdown_is_killed(tmp_path):
    config = "[wrap]\nshutdown_grace_ms = 200\nkill_grace_ms = 200\n"
    w = Wire(tmp_path, {"on_eof": "hang_hard", "steps": []}, config=config)
    pid = int(w.wait_for_event("pid").split()[1])
    started = time.time()
    assert w.close() == 0
    assert time.time() - started < 5
    assert "signal 15" in w.events()  # it got SIGTERM first, ignored it, then SIGKILL
    assert not pid_alive(pid)


def test_a_crashing_server_fails_pending_requests_and_mcpguard_exits_nonzero(tmp_path):
    w = Wire(tmp_path, {"steps": [{"send": [INIT_OK]}, {"send": []}, {"send": []}, {"exit": 7}]})
    w.handshake()
    w.send('{"jsonrpc":"2.0","id":"a","method":"tools/list"}')
    w.send('{"jsonrpc":"2.0","id":"b","method":"prompts/list"}')
    errors = [w.recv_json(), w.recv_json()]
    assert [e["id"] for e in errors] == ["a", "b"]
    for e in errors:
        assert e["error"]["code"] == -32000
        assert "exited with status 7" in e["error"]["message"]
        assert e["error"]["data"]["mcpguard"]["kind"] == "upstream_closed"
    assert w.proc.wait(timeout=10) == 3
    assert "exited with status 7" in w.stderr()


def test_signals_are_forwarded_to_the_server(tmp_path):
    w = Wire(tmp_path, {"steps": [{"send": [INIT_OK]}, {"send": []}]})
    w.handshake()
    pid = int(w.wait_for_event("pid").split()[1])
    w.send('{"jsonrpc":"2.0","id":5,"method":"tools/list"}')
    time.sleep(0.2)
    w.proc.send_signal(signal.SIGTERM)
    assert w.wait_for_event("signal") == "signal 15"
    # the server exits on SIGTERM; the waiting request is answered, mcpguard exits non-zero
    err = w.recv_json()
    assert err["id"] == 5 and "143" in err["error"]["message"]
    assert w.proc.wait(timeout=10) != 0
    assert not pid_alive(pid)


def test_a_server_that_cannot_start_is_reported(tmp_path):
    p = subprocess.run(
        [str(MCPGUARD), "wrap", "--data-dir", str(tmp_path / "data"), "--", str(tmp_path / "no-such-server")],
        capture_output=True,
        text=True,
        timeout=10,
    )
    assert p.returncode == 4
    assert "could not start the server" in p.stderr and "no-such-server" in p.stderr
