//! Whether a result holds anything the inspector acts on, read straight from its JSON text.
//!
//! Parsing an answer into a `serde_json::Value` copies every string in it: for a 1 MiB result that
//! is a second megabyte held next to the line it arrived in (the gateway's peak memory). Most
//! answers are clean, so they are first read with a serde visitor that hands each string to the
//! check where it lies in the text (an escaped string is unescaped in the parser's scratch buffer,
//! one string at a time) and builds nothing. Only an answer in which something is found is parsed
//! into a `Value` and walked again to be rewritten, so what is found and done is unchanged.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// What reading an answer in place found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scan {
    /// Valid JSON, and `check` held for none of its strings.
    Clean,
    /// `check` held for a string (the rest of the text was not read), or the text uses serde_json's
    /// raw-value key, which a `Value` parse treats specially: the caller must take the full path.
    Found,
    /// Not JSON: parsing it into a `Value` fails the same way.
    NotJson,
}

/// Calls `check` on the strings of `raw` that `skip` does not exclude (a key's value is excluded
/// with everything in it, as the walk over a `Value` does), in document order, until one holds.
/// Duplicate keys are all read, where a `Value` keeps the last: a superset of the strings it holds.
pub(super) fn scan(raw: &str, skip: fn(&str) -> bool, check: &mut dyn FnMut(&str) -> bool) -> Scan {
    let mut walk = Walk {
        skip,
        check,
        skipping: false,
        found: false,
    };
    let mut de = serde_json::Deserializer::from_str(raw);
    // the same parse as `serde_json::from_str`: one value, then only whitespace
    match (&mut walk).deserialize(&mut de).and_then(|()| de.end()) {
        Ok(()) => Scan::Clean,
        Err(_) if walk.found => Scan::Found,
        Err(_) => Scan::NotJson,
    }
}

struct Walk<'c> {
    skip: fn(&str) -> bool,
    check: &'c mut dyn FnMut(&str) -> bool,
    /// Inside a skipped key's value: parsed (so invalid JSON fails as it would), not checked.
    skipping: bool,
    /// Set before the walk stops itself with an error.
    found: bool,
}

impl Walk<'_> {
    fn stop<E: de::Error>(&mut self) -> Result<(), E> {
        self.found = true;
        Err(E::custom("mcpguard: found"))
    }
}

impl<'de> DeserializeSeed<'de> for &mut Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        if !self.skipping && (self.check)(s) {
            return self.stop();
        }
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(&mut *self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(KeyKind(self.skip))? {
            let outer = self.skipping;
            match key {
                Key::RawValue => return self.stop(),
                Key::Skipped => self.skipping = true,
                Key::Walked => {}
            }
            let walked = map.next_value_seed(&mut *self);
            self.skipping = outer;
            walked?;
        }
        Ok(())
    }
}

/// How a key's value is read.
enum Key {
    Walked,
    Skipped,
    /// serde_json's raw-value token, which makes a `Value` parse read the object differently.
    RawValue,
}

/// Reads a key (borrowed from the text when it has no escapes) and classifies it.
struct KeyKind(fn(&str) -> bool);

/// The key serde_json's `raw_value` feature reserves (`serde_json::raw::TOKEN`, not exported).
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

impl<'de> DeserializeSeed<'de> for KeyKind {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyKind {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(if key == RAW_VALUE_TOKEN {
            Key::RawValue
        } else if (self.0)(key) {
            Key::Skipped
        } else {
            Key::Walked
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip_type(k: &str) -> bool {
        k == "type"
    }

    /// The strings `scan` checks, in order, and its verdict when none holds.
    fn seen(raw: &str) -> (Vec<String>, Scan) {
        let mut out = Vec::new();
        let scan = scan(raw, skip_type, &mut |s| {
            out.push(s.to_owned());
            false
        });
        (out, scan)
    }

    #[test]
    fn reads_every_string_but_skipped_keys() {
        let raw = r#"{"content":[{"type":"text","text":"a\nb"},{"n":[1,-2,3.5,true,null,"c"]}],"type":{"x":"d"}}"#;
        assert_eq!(seen(raw), (vec!["a\nb".into(), "c".into()], Scan::Clean));
        // duplicates are all read
        assert_eq!(seen(r#"{"k":"1","k":"2"}"#).0, ["1", "2"]);
    }

    #[test]
    fn stops_at_the_first_hit_and_tells_json_from_not() {
        let mut checked = 0;
        let raw = r#"{"a":"clean","b":"HIT","c":"never read"}"#;
        let hit = scan(raw, skip_type, &mut |s| {
            checked += 1;
            s == "HIT"
        });
        assert_eq!((hit, checked), (Scan::Found, 2));
        assert_eq!(seen(r#"{"a":"x"} trailing"#).1, Scan::NotJson);
        assert_eq!(seen(r#"{"type":"\q"}"#).1, Scan::NotJson);
        assert_eq!(
            seen(r#"{"$serde_json::private::RawValue":"1"}"#).1,
            Scan::Found
        );
        // wherever serde_json's own parse fails, so does this one
        for raw in ["", "{", "[1,]", r#"{"a":1e999}"#, r#""\ud800""#, "[1] [2]"] {
            let value = serde_json::from_str::<serde_json::Value>(raw).is_ok();
            assert_eq!(seen(raw).1 != Scan::NotJson, value, "{raw}");
        }
    }
}
