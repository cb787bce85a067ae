//! URL host allow and deny lists.
//!
//! A URL's host is what the parser says it is, not what the string looks like: `http://good@evil`
//! goes to `evil`, `http://EVIL.com.` to `evil.com`, `http://0x7f.1` to `127.0.0.1`, and a host
//! in another script is compared in its punycode form. Both the configured patterns and the
//! argument go through the same WHATWG parser (`url` crate, IDNA included). Inputs that different
//! parsers read differently (backslashes, whitespace, control characters) and URLs with userinfo
//! are refused outright: the server's HTTP library might not agree with ours on where the host is.

use std::net::IpAddr;

use url::{Host, Url};

/// One entry of a host list, compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostPattern {
    /// Exactly this domain (lowercase ASCII, punycode, no trailing dot).
    Domain {
        /// The domain.
        name: String,
        /// Only this port, when given.
        port: Option<u16>,
    },
    /// Any subdomain of this domain (`*.example.com`; not `example.com` itself).
    Subdomains {
        /// The parent domain.
        parent: String,
        /// Only this port, when given.
        port: Option<u16>,
    },
    /// An IP network (`10.0.0.0/8`, `::1/128`; a bare address is a /32 or /128).
    Network {
        /// The network address.
        addr: IpAddr,
        /// The prefix length.
        prefix: u8,
        /// Only this port, when given (`[::1]:8080`, `127.0.0.1:3000`).
        port: Option<u16>,
    },
}

impl HostPattern {
    /// Parse a pattern from the configuration.
    pub fn parse(text: &str) -> Result<HostPattern, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("empty host pattern".to_string());
        }
        if let Some((addr, prefix)) = text.split_once('/') {
            let addr: IpAddr = addr
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse()
                .map_err(|_| format!("`{text}`: `{addr}` is not an IP address"))?;
            let max = if addr.is_ipv4() { 32 } else { 128 };
            let prefix: u8 = prefix
                .parse()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("`{text}`: the prefix length must be 0..={max}"))?;
            return Ok(HostPattern::Network {
                addr,
                prefix,
                port: None,
            });
        }
        let (wildcard, rest) = match text.strip_prefix("*.") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        if rest.contains('*') {
            return Err(format!(
                "`{text}`: `*` is only allowed as a leading `*.` (any subdomain)"
            ));
        }
        if let (false, Ok(addr)) = (wildcard, rest.parse::<IpAddr>()) {
            let prefix = if addr.is_ipv4() { 32 } else { 128 };
            return Ok(HostPattern::Network {
                addr,
                prefix,
                port: None,
            });
        }
        let (rest, port) = split_port(rest).map_err(|e| format!("`{text}`: {e}"))?;
        let url = Url::parse(&format!("http://{rest}/"))
            .map_err(|e| format!("`{text}` is not a host name: {e}"))?;
        if !url.username().is_empty()
            || url.password().is_some()
            || url.path() != "/"
            || url.port().is_some()
        {
            return Err(format!("`{text}` is not a host name"));
        }
        match url.host() {
            Some(Host::Domain(d)) => {
                let name = d.trim_end_matches('.').to_string();
                Ok(if wildcard {
                    HostPattern::Subdomains { parent: name, port }
                } else {
                    HostPattern::Domain { name, port }
                })
            }
            Some(Host::Ipv4(ip)) if !wildcard => Ok(HostPattern::Network {
                addr: IpAddr::V4(ip),
                prefix: 32,
                port,
            }),
            Some(Host::Ipv6(ip)) if !wildcard => Ok(HostPattern::Network {
                addr: IpAddr::V6(ip),
                prefix: 128,
                port,
            }),
            _ => Err(format!("`{text}`: `*.` needs a domain name after it")),
        }
    }

    fn matches(&self, host: &UrlHost) -> bool {
        match (self, host) {
            (HostPattern::Domain { name, port }, UrlHost::Domain(d, p)) => {
                name == d && port.is_none_or(|want| want == *p)
            }
            (HostPattern::Subdomains { parent, port }, UrlHost::Domain(d, p)) => {
                d.len() > parent.len() + 1
                    && d.ends_with(parent.as_str())
                    && d.as_bytes()[d.len() - parent.len() - 1] == b'.'
                    && port.is_none_or(|want| want == *p)
            }
            (HostPattern::Network { addr, prefix, port }, UrlHost::Ip(ip, p)) => {
                in_network(*ip, *addr, *prefix) && port.is_none_or(|want| want == *p)
            }
            _ => false,
        }
    }
}

/// Split a trailing `:port` off a host pattern (`[::1]:8080`, `example.com:8443`).
fn split_port(text: &str) -> Result<(&str, Option<u16>), String> {
    let Some((host, port)) = text.rsplit_once(':') else {
        return Ok((text, None));
    };
    if host.contains(':') && !host.ends_with(']') {
        return Ok((text, None)); // a bare IPv6 address
    }
    let port: u16 = port
        .parse()
        .map_err(|_| format!("`{port}` is not a port number"))?;
    Ok((host, Some(port)))
}

/// The host of a parsed URL, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
enum UrlHost {
    Domain(String, u16),
    Ip(IpAddr, u16),
}

impl UrlHost {
    fn name(&self) -> String {
        match self {
            UrlHost::Domain(d, _) => d.clone(),
            UrlHost::Ip(IpAddr::V4(ip), _) => ip.to_string(),
            UrlHost::Ip(IpAddr::V6(ip), _) => format!("[{ip}]"),
        }
    }
}

fn in_network(ip: IpAddr, net: IpAddr, prefix: u8) -> bool {
    let ip = match (ip, net) {
        (IpAddr::V6(v6), IpAddr::V4(_)) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => return false,
        },
        _ => ip,
    };
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            u32::from(a) & mask == u32::from(b) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(b)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            u128::from(a) & mask == u128::from(b) & mask
        }
        _ => false,
    }
}

/// A compiled URL rule: allowed schemes and host lists.
#[derive(Debug, Clone, Default)]
pub struct UrlRule {
    /// Allowed schemes (lowercase); empty: any.
    pub schemes: Vec<String>,
    /// Hosts that may be reached; empty: any not denied. Only checked when `check_hosts`.
    pub allow: Vec<HostPattern>,
    /// Hosts that may never be reached (beats `allow`).
    pub deny: Vec<HostPattern>,
    /// Whether the rule has a `hosts` part (then a URL without a host is a violation).
    pub check_hosts: bool,
}

/// A URL that passed: its normalised form and host (for Cedar's context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedUrl {
    /// `Url::as_str()` of the parsed URL.
    pub normalized: String,
    /// The host as compared (punycode domain or IP literal), empty for URLs without a host.
    pub host: String,
}

impl UrlRule {
    /// Check one URL argument.
    pub fn check(&self, raw: &str) -> Result<CheckedUrl, String> {
        if raw
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
        {
            return Err(format!(
                "URL {raw:?} contains a backslash, whitespace or a control character"
            ));
        }
        let url = Url::parse(raw).map_err(|e| format!("{raw:?} is not an absolute URL: {e}"))?;
        if !self.schemes.is_empty() && !self.schemes.iter().any(|s| s == url.scheme()) {
            return Err(format!(
                "URL {raw:?} uses scheme `{}`; allowed: {}",
                url.scheme(),
                self.schemes.join(", ")
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "URL {raw:?} carries a user name or password before the host"
            ));
        }
        let port = url.port_or_known_default().unwrap_or(0);
        let host = match url.host() {
            Some(Host::Domain(d)) => UrlHost::Domain(d.trim_end_matches('.').to_string(), port),
            Some(Host::Ipv4(ip)) => UrlHost::Ip(IpAddr::V4(ip), port),
            Some(Host::Ipv6(ip)) => UrlHost::Ip(IpAddr::V6(ip), port),
            None if self.check_hosts => return Err(format!("URL {raw:?} has no host")),
            None => {
                return Ok(CheckedUrl {
                    normalized: url.as_str().to_string(),
                    host: String::new(),
                })
            }
        };
        let name = host.name();
        if self.check_hosts {
            if self.deny.iter().any(|p| p.matches(&host)) {
                return Err(format!("URL {raw:?} goes to host {name}, which is denied"));
            }
            if !self.allow.is_empty() && !self.allow.iter().any(|p| p.matches(&host)) {
                return Err(format!(
                    "URL {raw:?} goes to host {name}, which is not in the allow list"
                ));
            }
        }
        Ok(CheckedUrl {
            normalized: url.as_str().to_string(),
            host: name,
        })
    }
}

#[cfg(test)]
mod tests;
