//! Verification helpers: checksums (CRC32 + base62, bech32), structural decoding (JWT headers,
//! base64 lengths, Discord ids), Shannon entropy and placeholder detection.
//!
//! A format that carries a checksum lets us tell a real token from a look-alike without asking the
//! issuer; everything here is pure and allocation-light because it runs on every candidate.

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine as _;

const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

/// CRC-32 (IEEE 802.3, the zlib polynomial).
pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c = CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// `n` in base62 (digits, upper, lower), left-padded with `0` to six characters.
pub(crate) fn base62_6(mut n: u32) -> [u8; 6] {
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    out
}

/// GitHub / npm token checksum: the last six characters are base62(CRC32(random part)), where
/// the random part sits between the `prefix_len`-byte prefix and the checksum.
pub(crate) fn crc32_base62_ok(token: &str, prefix_len: usize) -> bool {
    let b = token.as_bytes();
    if b.len() < prefix_len + 7 {
        return false;
    }
    let (body, sum) = b[prefix_len..].split_at(b.len() - prefix_len - 6);
    base62_6(crc32(body)) == sum
}

const BECH32: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

fn bech32_polymod(values: impl Iterator<Item = u8>) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let mut chk = 1u32;
    for v in values {
        let top = chk >> 25;
        chk = ((chk & 0x1ff_ffff) << 5) ^ v as u32;
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk
}

fn bech32_values(s: &str) -> Option<(String, Vec<u8>)> {
    let lower = s.to_ascii_lowercase();
    let sep = lower.rfind('1')?;
    let (hrp, data) = (&lower[..sep], &lower[sep + 1..]);
    let values = data
        .bytes()
        .map(|c| BECH32.iter().position(|&x| x == c).map(|p| p as u8))
        .collect::<Option<Vec<u8>>>()?;
    Some((hrp.to_string(), values))
}

fn hrp_expand(hrp: &str) -> impl Iterator<Item = u8> + '_ {
    hrp.bytes()
        .map(|b| b >> 5)
        .chain(std::iter::once(0))
        .chain(hrp.bytes().map(|b| b & 31))
}

/// A bech32 string (BIP 173, as used by `age` secret keys) whose checksum holds.
pub(crate) fn bech32_ok(s: &str) -> bool {
    match bech32_values(s) {
        Some((hrp, values)) if values.len() >= 6 => {
            bech32_polymod(hrp_expand(&hrp).chain(values.iter().copied())) == 1
        }
        _ => false,
    }
}

/// The six bech32 checksum characters for `hrp` and data characters (used to build test keys).
#[cfg(test)]
fn bech32_checksum(hrp: &str, data: &str) -> Option<String> {
    let (_, values) = bech32_values(&format!("{hrp}1{data}"))?;
    let pm = bech32_polymod(hrp_expand(hrp).chain(values).chain([0u8; 6])) ^ 1;
    Some(
        (0..6)
            .map(|i| BECH32[((pm >> (5 * (5 - i))) & 31) as usize] as char)
            .collect(),
    )
}

/// Decodes base64 in either alphabet, with or without padding.
pub(crate) fn b64(s: &str) -> Option<Vec<u8>> {
    let t = s.trim_end_matches('=');
    URL_SAFE_NO_PAD
        .decode(t)
        .or_else(|_| STANDARD_NO_PAD.decode(t))
        .ok()
}

/// A JSON object decoded from one base64url JWT segment.
fn jwt_segment(seg: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let bytes = b64(seg)?;
    match serde_json::from_slice(&bytes).ok()? {
        serde_json::Value::Object(m) => Some(m),
        _ => None,
    }
}

/// `Some(verified)` when the token's header is a JSON object with a string `alg`; verified when
/// the payload is a JSON object too. `None` (not a JWT) otherwise.
pub(crate) fn jwt(token: &str) -> Option<bool> {
    let mut parts = token.split('.');
    let header = jwt_segment(parts.next()?)?;
    if !header.get("alg").is_some_and(|a| a.is_string()) {
        return None;
    }
    Some(parts.next().and_then(jwt_segment).is_some())
}

/// Discord bot tokens start with the bot's numeric user id (a snowflake) in base64.
pub(crate) fn discord_id_ok(token: &str) -> bool {
    let first = token.split('.').next().unwrap_or("");
    b64(first).is_some_and(|d| (17..=20).contains(&d.len()) && d.iter().all(u8::is_ascii_digit))
}

/// Shannon entropy in bits per byte.
pub(crate) fn entropy(s: &str) -> f64 {
    let mut counts = [0u32; 256];
    for b in s.bytes() {
        counts[b as usize] += 1;
    }
    let n = s.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// Longest run of one repeated byte.
pub(crate) fn longest_run(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut best, mut run) = (0, 0);
    for i in 0..b.len() {
        run = if i > 0 && b[i] == b[i - 1] {
            run + 1
        } else {
            1
        };
        best = best.max(run);
    }
    best
}

/// Words that mark a value as a documentation placeholder rather than a credential.
const PLACEHOLDER_WORDS: &[&str] = &[
    "example",
    "xxxx",
    "****",
    "....",
    "placeholder",
    "changeme",
    "change_me",
    "change-me",
    "dummy",
    "redacted",
    "your_",
    "your-",
    "yourtoken",
    "yourkey",
    "insert",
    "replace",
];

/// A token-shaped string that is obviously not a real credential: a documentation placeholder,
/// a long run of one character (`AAAAAAAA…`, `00000000…`).
pub(crate) fn looks_fake(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    PLACEHOLDER_WORDS.iter().any(|w| lower.contains(w)) || (s.len() <= 160 && longest_run(s) >= 8)
}

/// Byte classes of a candidate value.
#[derive(Default)]
pub(crate) struct Classes {
    pub lower: bool,
    pub upper: bool,
    pub digit: bool,
    pub symbol: bool,
    pub space: bool,
}

pub(crate) fn classes(s: &str) -> Classes {
    let mut c = Classes::default();
    for b in s.bytes() {
        match b {
            b'a'..=b'z' => c.lower = true,
            b'A'..=b'Z' => c.upper = true,
            b'0'..=b'9' => c.digit = true,
            b' ' | b'\t' | b'\r' | b'\n' => c.space = true,
            _ => c.symbol = true,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_vector() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn base62_pads() {
        assert_eq!(&base62_6(0), b"000000");
        assert_eq!(&base62_6(61), b"00000z");
        assert_eq!(&base62_6(62), b"000010");
    }

    #[test]
    fn bech32_bip173_vectors() {
        assert!(bech32_ok("A12UEL5L"));
        assert!(bech32_ok("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"));
        assert!(!bech32_ok("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx"));
        assert_eq!(bech32_checksum("a", "").as_deref(), Some("2uel5l"));
    }

    #[test]
    fn entropy_bounds() {
        assert_eq!(entropy("aaaa"), 0.0);
        assert!((entropy("abcd") - 2.0).abs() < 1e-9);
    }
}
