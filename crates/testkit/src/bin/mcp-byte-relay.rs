//! A zero-inspection stdio relay: the baseline a gateway is measured against.
//!
//! `mcp-byte-relay -- <server command> [args…]` spawns the server and copies bytes both ways,
//! one thread per direction, without parsing anything. Whatever it costs (two extra pipe hops,
//! two context switches per message) is the price of *any* process in the middle; what
//! `mcpguard wrap` costs beyond it is the price of the gate. To be a fair baseline it flushes the
//! way a line relay does: after every chunk that ends a line, never holding back a complete
//! message, and with the same 64 KiB buffers as the gateway.
//!
//! With `--whole-lines` it is a store-and-forward line relay instead: each line is read in full
//! and then written with one system call, as a gateway that must see a whole message before
//! forwarding it does. The difference between the two modes is the price of holding a message,
//! not of inspecting it; `mcp-bench` measures both.
//!
//! When stdin closes, the server's stdin is closed; the relay exits with the server's status once
//! the server's stdout is drained. The server's stderr is inherited.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::{Command, ExitCode, Stdio};
use std::thread;

use mcpguard_testkit::wire;

const BUF: usize = 64 * 1024;

/// Copies `input` to `output`, flushing whenever a chunk contains a newline.
fn pump(mut input: impl Read, output: impl Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(BUF, output);
    let mut buf = vec![0u8; BUF];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => return out.flush(),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        out.write_all(&buf[..n])?;
        if buf[..n].contains(&b'\n') {
            out.flush()?;
        }
    }
}

/// Copies `input` to `output` one whole line at a time.
fn pump_lines(input: impl Read, mut output: impl Write) -> io::Result<()> {
    let mut input = BufReader::with_capacity(BUF, input);
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        output.write_all(&line)?;
    }
}

fn relay(whole_lines: bool, input: impl Read, output: impl Write) -> io::Result<()> {
    if whole_lines {
        pump_lines(input, output)
    } else {
        pump(input, output)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (flags, cmd) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (&args[..0], &args[..]),
    };
    let whole_lines = match flags {
        [] => false,
        [f] if f == "--whole-lines" => true,
        _ => {
            eprintln!("usage: mcp-byte-relay [--whole-lines] -- <server command> [args...]");
            return ExitCode::from(2);
        }
    };
    let Some((program, rest)) = cmd.split_first() else {
        eprintln!("usage: mcp-byte-relay [--whole-lines] -- <server command> [args...]");
        return ExitCode::from(2);
    };
    let mut child = match Command::new(program)
        .args(rest)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("mcp-byte-relay: cannot start {program}: {e}");
            return ExitCode::from(3);
        }
    };
    let to_server = child.stdin.take().expect("stdin is piped");
    let from_server = child.stdout.take().expect("stdout is piped");
    // Client → server; ends (closing the server's stdin) when our stdin closes.
    thread::spawn(move || {
        let _ = relay(whole_lines, io::stdin().lock(), to_server);
    });
    // Server → client, on this thread so that we exit only after the server's last byte.
    let down = wire::raw_stdout().and_then(|out| relay(whole_lines, from_server, out));
    let status = child.wait();
    match (down, status) {
        (Ok(()), Ok(s)) if s.success() => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("mcp-byte-relay: relaying the server's output failed: {e}");
            ExitCode::from(1)
        }
        (_, Ok(s)) => {
            eprintln!("mcp-byte-relay: the server {s}");
            ExitCode::from(1)
        }
        (_, Err(e)) => {
            eprintln!("mcp-byte-relay: waiting for the server failed: {e}");
            ExitCode::from(1)
        }
    }
}
