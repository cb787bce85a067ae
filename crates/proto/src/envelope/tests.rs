//! The one-pass scan against the serde path it short-cuts: for every input, `decode_frame` must
//! give what `check_frame` + `decode` give (the same message, or the same error), and the scan
//! must answer (not fall back) for every plain valid message.

use super::*;
use crate::{check_frame, decode, decode_frame, Limits};

const LIMITS: Limits = Limits {
    max_message_bytes: 1 << 20,
    max_depth: 8,
};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// `decode_frame` and the serde path agree on `bytes`; returns whether the scan answered.
fn agree_with(bytes: &[u8], limits: &Limits) -> bool {
    let fast = decode_frame(bytes, limits);
    let slow = check_frame(bytes, limits).and_then(decode);
    assert_eq!(
        format!("{fast:?}"),
        format!("{slow:?}"),
        "input: {:?}",
        String::from_utf8_lossy(bytes)
    );
    let scanned = scan(bytes, limits.max_depth).is_some();
    if let (true, Err(e)) = (scanned, &slow) {
        // what the scan accepts can be refused only by the JSON-RPC rules on the envelope
        assert_eq!(
            e.kind(),
            "invalid_message",
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    scanned
}

fn agree(bytes: &[u8]) -> bool {
    agree_with(bytes, &LIMITS)
}

const WS: &[&str] = &["", "", " ", "\t", "\n", "\r", " \r\n\t "];

/// A random JSON value, up to `depth` containers deep, with whitespace between its tokens.
fn value(r: &mut Rng, depth: usize, out: &mut String) {
    let ws = |r: &mut Rng, out: &mut String| out.push_str(r.pick(WS));
    match r.below(if depth == 0 { 4 } else { 6 }) {
        0 => out.push_str(r.pick(&[
            "0",
            "-0",
            "7",
            "-12",
            "3.25",
            "1e9",
            "1E+2",
            "-0.5e-3",
            "12345678901234567890",
            "1.0e400",
        ])),
        1 => out.push_str(r.pick(&["true", "false", "null"])),
        2 | 3 => string(r, out),
        4 => {
            out.push('[');
            for k in 0..r.below(4) {
                if k > 0 {
                    ws(r, out);
                    out.push(',');
                }
                ws(r, out);
                value(r, depth - 1, out);
            }
            ws(r, out);
            out.push(']');
        }
        _ => {
            out.push('{');
            for k in 0..r.below(4) {
                if k > 0 {
                    ws(r, out);
                    out.push(',');
                }
                ws(r, out);
                string(r, out);
                ws(r, out);
                out.push(':');
                ws(r, out);
                value(r, depth - 1, out);
            }
            ws(r, out);
            out.push('}');
        }
    }
}

fn string(r: &mut Rng, out: &mut String) {
    out.push('"');
    for _ in 0..r.below(6) {
        out.push_str(r.pick(&[
            "a",
            "text with spaces",
            "{[(",
            "]}",
            "\\\"",
            "\\\\",
            "\\/",
            "\\n\\t\\r\\b\\f",
            "\\u0041",
            "\\uD83D\\uDE00",
            "\\udfff",
            "é",
            "日本語",
            "😀",
            "\u{7f}",
            "\u{2028}",
            "\\\\\\\"",
            ":,",
        ]));
    }
    out.push('"');
}

/// A random envelope whose member names and `jsonrpc`/`method` values are plain, in any order.
fn message(r: &mut Rng) -> String {
    let mut members: Vec<String> = vec![r#""jsonrpc":"2.0""#.into()];
    let mut id = String::new();
    match r.below(3) {
        0 => id.push_str(r.pick(&["1", "0", "-3", "\"a\"", "\"\\u0061\"", "1.5", "null"])),
        _ => string(r, &mut id),
    }
    let mut body = String::new();
    value(r, 4, &mut body);
    let mut params = String::from("{");
    if r.below(2) == 0 {
        params.push_str(r#""name":"#);
        value(r, 4, &mut params);
    }
    params.push('}');
    match r.below(4) {
        0 => {
            members.push(format!(r#""id":{id}"#));
            members.push(r#""method":"tools/call""#.into());
            members.push(format!(r#""params":{params}"#));
        }
        1 => {
            members.push(r#""method":"notifications/progress""#.into());
            members.push(format!(r#""params":{params}"#));
        }
        2 => {
            members.push(format!(r#""id":{id}"#));
            members.push(format!(r#""result":{body}"#));
        }
        _ => {
            members.push(format!(r#""id":{id}"#));
            members.push(format!(r#""error":{body}"#));
        }
    }
    if r.below(2) == 0 {
        let mut extra = String::from(r#""_meta":"#);
        value(r, 3, &mut extra);
        members.push(extra);
    }
    for k in (1..members.len()).rev() {
        members.swap(k, r.below(k + 1));
    }
    let mut out = String::from(r.pick(WS));
    out.push('{');
    for (k, m) in members.iter().enumerate() {
        if k > 0 {
            out.push_str(r.pick(WS));
            out.push(',');
        }
        out.push_str(r.pick(WS));
        // whitespace around the colon too
        let colon = m.find("\":").map_or(0, |c| c + 1);
        out.push_str(&m[..colon]);
        out.push_str(r.pick(WS));
        out.push_str(&m[colon..]);
    }
    out.push_str(r.pick(WS));
    out.push('}');
    out.push_str(r.pick(WS));
    out
}

#[test]
fn random_messages_are_scanned_and_decode_alike() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut scanned = 0;
    for _ in 0..3000 {
        let m = message(&mut r);
        let ok = agree(m.as_bytes());
        // every generated message is plain; only depth can send it to serde
        if check_depth_ok(m.as_bytes()) {
            assert!(ok, "plain message not scanned: {m:?}");
            scanned += 1;
        }
    }
    assert!(scanned > 2000, "{scanned}");
}

fn check_depth_ok(bytes: &[u8]) -> bool {
    crate::scan::check_depth(bytes, LIMITS.max_depth).is_ok()
}

#[test]
fn mutated_messages_decode_alike() {
    const BYTES: &[u8] = b"\"\\{}[],:0-+.eE \t\r\n\x0b\x0c\x00\x1f\x7f\x80\xbf\xc0\xc3\xe2\xed\xf0\xf4\xf5\xffatnulx";
    let mut r = Rng(42);
    for _ in 0..4000 {
        let mut m = message(&mut r).into_bytes();
        for _ in 0..1 + r.below(3) {
            let at = r.below(m.len() + 1);
            match r.below(4) {
                0 if at < m.len() => m[at] = r.pick(BYTES),
                1 if at < m.len() => {
                    m.remove(at);
                }
                2 => m.insert(at, r.pick(BYTES)),
                _ => m.truncate(at),
            }
        }
        agree(&m);
    }
}

#[test]
fn invalid_utf8_at_every_position() {
    let m = r#"{"jsonrpc":"2.0","id":"é1","result":{"text":"aé日😀b","k😀":["x",1]}}"#;
    assert!(agree(m.as_bytes()));
    for at in 0..m.len() {
        for bad in [
            0x80u8, 0xbf, 0xc0, 0xc1, 0xc3, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xff,
        ] {
            let mut b = m.as_bytes().to_vec();
            b[at] = bad;
            agree(&b);
            b.insert(at, bad);
            agree(&b);
        }
    }
}

#[test]
fn every_two_and_three_byte_sequence_in_a_string() {
    let frame = |seq: &[u8]| {
        let mut b = br#"{"jsonrpc":"2.0","id":1,"result":"ab"#.to_vec();
        b.extend_from_slice(seq);
        b.extend_from_slice(br#"cd"}"#);
        b
    };
    for x in 0..=255u8 {
        for y in 0..=255u8 {
            agree(&frame(&[x, y]));
        }
    }
    for x in 0xc0..=0xffu8 {
        for y in (0x70..=0xcfu8).step_by(3) {
            for z in (0x70..=0xcfu8).step_by(5) {
                agree(&frame(&[x, y, z]));
                agree(&frame(&[x, y, z, 0x80]));
            }
        }
    }
}

#[test]
fn escapes_and_control_characters() {
    for c in 0..=255u8 {
        let mut b = br#"{"jsonrpc":"2.0","id":1,"result":"a\"#.to_vec();
        b.push(c);
        b.extend_from_slice(br#"0041b"}"#);
        agree(&b);
        let mut b = br#"{"jsonrpc":"2.0","id":1,"result":"a"#.to_vec();
        b.push(c);
        b.extend_from_slice(br#"b"}"#);
        agree(&b);
    }
    for hex in [
        "0041", "00e9", "D800", "dfff", "ABCD", "abcg", "12", "12\"", "00 0", "+123",
    ] {
        let b = format!(r#"{{"jsonrpc":"2.0","id":1,"result":"\u{hex}"}}"#);
        agree(b.as_bytes());
    }
    // a backslash right before the closing quote, and escaped quotes that look like the end
    for body in [
        r#""\\""#,
        r#""\\\"""#,
        r#""\"}]""#,
        r#""\\\\\\""#,
        r#""\""#,
        r#""abc\"#,
    ] {
        let b = format!(r#"{{"jsonrpc":"2.0","id":1,"result":{body}}}"#);
        agree(b.as_bytes());
    }
}

#[test]
fn numbers_as_serde_reads_them() {
    for n in [
        "0",
        "-0",
        "01",
        "-01",
        "1.",
        "1.e1",
        ".5",
        "1e",
        "1e+",
        "1e-5",
        "1E5",
        "-",
        "--1",
        "+1",
        "1.5.5",
        "1e5e5",
        "0x10",
        "1_0",
        "Infinity",
        "NaN",
        "00",
        "0.0",
        "-0.0e-0",
        "9".repeat(400).as_str(),
    ] {
        for f in [
            format!(r#"{{"jsonrpc":"2.0","id":{n},"result":{{}}}}"#),
            format!(r#"{{"jsonrpc":"2.0","id":1,"result":[{n}]}}"#),
            format!(r#"{{"jsonrpc":"2.0","id":1,"result":{n}}}"#),
            format!(r#"{{"jsonrpc":"2.0","id":1,"result":{{"a":{n} }}}}"#),
        ] {
            agree(f.as_bytes());
        }
    }
}

#[test]
fn literals_and_structure() {
    for body in [
        "true",
        "false",
        "null",
        "tru",
        "nul",
        "nulll",
        "True",
        "[true,false,null]",
        "[,]",
        "[1,]",
        "[1 2]",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{,}",
        "{1:2}",
        "{\"a\" 1}",
        "[}",
        "{]",
        "[[[]]]",
        "[[[]]",
        "[]]",
        "{}",
        "[]",
        "[ ]",
        "{ }",
        "\"]\"",
        "{\"]\":\"}\"}",
    ] {
        let f = format!(r#"{{"jsonrpc":"2.0","id":1,"result":{body}}}"#);
        agree(f.as_bytes());
    }
    for frame in [
        "",
        " ",
        "{",
        "}",
        "{}",
        "[]",
        "[{}]",
        "\"x\"",
        "1",
        "null",
        "{\"jsonrpc\":\"2.0\"}",
        r#"{"jsonrpc":"2.0","id":1,"result":{}} x"#,
        r#"{"jsonrpc":"2.0","id":1,"result":{}}}"#,
        r#"{"jsonrpc":"2.0","id":1,"result":{}}{}"#,
        r#"{"jsonrpc":"2.0","id":1,"result":{}},"#,
        "\u{feff}{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}",
        "\u{a0}[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}]",
        "\x0c{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}",
        r#"{"jsonrpc":"2.0","id":1,"result":{}}"#,
        r#"{"jsonrpc":"2.0" "id":1,"result":{}}"#,
        r#"{"jsonrpc":"2.0",,"id":1,"result":{}}"#,
        r#"{"jsonrpc":"2.0","id":1,"result":{},}"#,
        r#"{"jsonrpc":"2.0","id":1,"result"}"#,
        r#"{"jsonrpc":"2.0","id":1:"result":{}}"#,
        r#"[{"jsonrpc":"2.0","id":1,"result":{}}, {"jsonrpc":"2.0","method":"m"}]"#,
        r#"[["2.0",1,"m"]]"#,
    ] {
        agree(frame.as_bytes());
    }
}

#[test]
fn envelope_members_in_every_form() {
    let forms = [
        // scanned
        (
            r#"{"jsonrpc":"2.0","id":1,"method":"a/b","params":[1]}"#,
            true,
        ),
        (
            r#"{"params":{},"method":"a","id":"x","jsonrpc":"2.0"}"#,
            true,
        ),
        (r#"{"jsonrpc":"1.0","id":1,"method":"x"}"#, true),
        (r#"{"jsonrpc":"2.0","id":1,"method":"x","params":3}"#, true),
        (r#"{"jsonrpc":"2.0","id":null,"method":"x"}"#, true),
        (r#"{"jsonrpc":"2.0","id":{},"method":"x"}"#, true),
        (r#"{"jsonrpc":"2.0","id":1,"result":{},"error":{}}"#, true),
        (r#"{"jsonrpc":"2.0","result":{}}"#, true),
        (r#"{"jsonrpc":"2.0","id":null,"error":{"code":1}}"#, true),
        (r#"{"jsonrpc":"2.0","method":"é日","x":1,"x":2}"#, true),
        (
            r#"{"jsonrpc":"2.0","method":"m","params":{"a\"b":1,"\u0069d":2}}"#,
            true,
        ),
        (r#"{"jsonrpc":"2.0","id":"\"","result":null}"#, true),
        (r#"{"jsonrpc":"2.0","id":1.0,"result":null}"#, true),
        (r#"{"jsonrpc":"2.0","id":1,"result":{},"params":"p"}"#, true),
        // left to serde (and decoded or refused exactly as before)
        (r#"{"jsonrpc":"2.0","id":1,"id":2,"method":"x"}"#, false),
        (r#"{"jsonrpc":"2.0","jsonrpc":"2.0","method":"x"}"#, false),
        (
            r#"{"jsonrpc":"2.0","method":"x","params":{},"params":{}}"#,
            false,
        ),
        (r#"{"jsonrpc":"2.0","id":1,"result":1,"result":2}"#, false),
        (r#"{"jsonrpc":"2.0","id":1,"error":1,"error":2}"#, false),
        (r#"{"jsonrpc":"2.0","method":"x","method":"y"}"#, false),
        (r#"{"jsonrpc":"2\u002e0","method":"x"}"#, false),
        (r#"{"jsonrpc":"2.0","method":"tools\/call","id":1}"#, false),
        (r#"{"jsonrpc":"2.0","\u0069d":1,"method":"x"}"#, false),
        (
            r#"{"jsonrpc":"2.0","\u0069d":1,"id":2,"method":"x"}"#,
            false,
        ),
        (r#"{"jsonrpc":"2.0","x\"":1,"method":"x"}"#, false),
        (r#"{"jsonrpc":"2.0","\ud800":1,"method":"x"}"#, false),
        (r#"{"jsonrpc":null,"method":"x"}"#, false),
        (r#"{"jsonrpc":2.0,"method":"x"}"#, false),
        (
            r#"{"jsonrpc":"2.0","method":null,"id":1,"result":{}}"#,
            false,
        ),
        (r#"{"jsonrpc":"2.0","method":7}"#, false),
        (r#"{"jsonrpc":"2.0","method":["x"]}"#, false),
    ];
    for (frame, scanned) in forms {
        assert_eq!(agree(frame.as_bytes()), scanned, "{frame}");
    }
}

#[test]
fn depth_at_the_limit() {
    for limit in [1usize, 2, 3, 8, 64] {
        let limits = Limits {
            max_message_bytes: 1 << 20,
            max_depth: limit,
        };
        for depth in limit.saturating_sub(2)..=limit + 1 {
            // `depth` counts the envelope object
            let inner = depth.saturating_sub(1);
            for (open, close) in [("[", "]"), ("{\"k\":", "}"), ("[\"]]\",", "]")] {
                let body = format!("{}1{}", open.repeat(inner), close.repeat(inner));
                let f = format!(r#"{{"jsonrpc":"2.0","id":1,"result":{body}}}"#);
                let scanned = agree_with(f.as_bytes(), &limits);
                assert_eq!(scanned, depth.max(1) <= limit, "{f} at limit {limit}");
            }
            let f = format!(
                r#"{{"jsonrpc":"2.0","id":1,"result":"{}"}}"#,
                "[{".repeat(depth * 4)
            );
            assert!(agree_with(f.as_bytes(), &limits));
        }
        // siblings do not add up
        let f = format!(
            r#"{{"jsonrpc":"2.0","id":1,"result":[{}]}}"#,
            vec!["[]"; 50].join(",")
        );
        assert_eq!(agree_with(f.as_bytes(), &limits), limit >= 3);
    }
    let f = format!(
        r#"{{"jsonrpc":"2.0","id":1,"result":{}}}"#,
        "[".repeat(100_000)
    );
    assert!(!agree(f.as_bytes()));
    // a limit raised past what the scan tracks (128 open containers): serde decides
    let limits = Limits {
        max_message_bytes: 1 << 20,
        max_depth: 300,
    };
    for (inner, scanned) in [(127, true), (128, true), (129, false), (250, false)] {
        let body = format!(
            "{}1{}",
            "[{\"a\":".repeat(inner / 2),
            "}]".repeat(inner / 2)
        );
        let body = if inner % 2 == 1 {
            format!("[{body}]")
        } else {
            body
        };
        let f = format!(r#"{{"jsonrpc":"2.0","id":1,"result":{body}}}"#);
        assert_eq!(agree_with(f.as_bytes(), &limits), scanned, "{inner}");
    }
}

#[test]
fn whitespace_anywhere() {
    let m = r#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"x","arguments":{"a":[1,true,null]}}}"#;
    for at in 0..=m.len() {
        for ws in [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\u{a0}", "\u{2028}"] {
            let mut s = m.to_owned();
            s.insert_str(at, ws);
            agree(s.as_bytes());
        }
    }
}

#[test]
fn members_are_where_serde_finds_them() {
    let f = br#" { "result" : [ "a" , { "b" : 1 } ] , "id" : "x\"y" , "jsonrpc" : "2.0" ,"z":{}} "#;
    let m = scan(f, 8).unwrap();
    let at = |r: Option<Range<usize>>| r.map(|r| std::str::from_utf8(&f[r]).unwrap());
    assert_eq!(at(m.result), Some(r#"[ "a" , { "b" : 1 } ]"#));
    assert_eq!(at(m.id), Some(r#""x\"y""#));
    assert_eq!(at(m.jsonrpc), Some("2.0"));
    assert_eq!((m.method, m.params, m.error), (None, None, None));
}

#[test]
fn special_bytes_are_found_by_every_version() {
    let reference = |b: &[u8], from: usize, high: bool| {
        (from..b.len())
            .find(|&i| {
                let c = b[i];
                c == b'"' || c == b'\\' || c < 0x20 || (high && c >= 0x80)
            })
            .unwrap_or(b.len())
    };
    let mut r = Rng(7);
    for len in 0..200 {
        for _ in 0..40 {
            let mut b: Vec<u8> = (0..len).map(|_| b'a' + r.below(26) as u8).collect();
            for _ in 0..r.below(3) {
                if len > 0 {
                    let at = r.below(len);
                    b[at] = r.pick(&[
                        b'"', b'\\', 0, 0x1f, 0x20, 0x7f, 0x80, 0xc3, 0xff, b'!', b'#', b'[', b']',
                        b'{', b'}', 0x5b, 0x5d,
                    ]);
                }
            }
            let from = r.below(len + 1);
            for high in [false, true] {
                let want = reference(&b, from, high);
                let (swar, fast) = if high {
                    (
                        swar_find_special::<true>(&b, from),
                        find_special::<true>(&b, from),
                    )
                } else {
                    (
                        swar_find_special::<false>(&b, from),
                        find_special::<false>(&b, from),
                    )
                };
                assert_eq!((swar, fast), (want, want), "{b:?} from {from}, high {high}");
            }
        }
    }
}

#[test]
fn large_plain_result_is_scanned() {
    let text = "lorem ipsum dolor sit amet, ".repeat(30_000);
    let f = format!(
        r#"{{"jsonrpc":"2.0","id":12,"result":{{"content":[{{"type":"text","text":"{text}"}}]}}}}"#
    );
    assert!(agree(f.as_bytes()));
    let f = f
        .replacen("dolor", "dolör", 1000)
        .replacen("amet", "am\\\"t", 1000);
    assert!(agree(f.as_bytes()));
}
