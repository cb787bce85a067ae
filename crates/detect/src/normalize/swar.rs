//! Byte tests on 8 bytes at once (one `u64`), exact per byte: each result has the high bit of
//! every byte that passes set, so masks combine with `&`, `|` and count with `count_ones`.

pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (all below 0x80) set where that byte lies in `lo..=hi`
/// (`lo` > 0): adding `0x80 - lo` carries into the high bit from `lo` up, adding `0x7F - hi`
/// from past `hi` up, and no sum leaves its byte.
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let from_lo = x + ONES * u64::from(0x80 - lo);
    let past_hi = x + ONES * u64::from(0x7F - hi);
    from_lo & !past_hi & HIGH
}

/// The high bit of each byte of `x` (all below 0x80) set where that byte is `c` (adding 0x7F
/// carries into the high bit of every byte but a zero one).
pub(crate) fn equal(x: u64, c: u8) -> u64 {
    let v = x ^ (ONES * u64::from(c));
    !((v + ONES * 0x7F) | v) & HIGH
}

/// The high bit of each byte of `x` set where that byte is an ASCII capital letter.
pub(crate) fn capitals(x: u64) -> u64 {
    in_range(x & !HIGH, b'A', b'Z') & !x & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_value_is_classified_exactly() {
        for b in 0..=255u8 {
            // The byte among others that must not disturb it.
            let x = u64::from_le_bytes([0, 0xFF, b, 0x7F, b'A', b'z', 0x80, b]);
            let at = |m: u64, k: usize| m >> (8 * k + 7) & 1 == 1;
            for k in [2, 7] {
                assert_eq!(at(capitals(x), k), b.is_ascii_uppercase(), "{b}");
                if b < 0x80 {
                    assert_eq!(at(in_range(x & !HIGH, b'0', b'9'), k), b.is_ascii_digit());
                    assert_eq!(at(equal(x & !HIGH, b'_'), k), b == b'_');
                }
            }
        }
    }
}
