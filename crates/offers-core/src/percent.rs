//! Percent-encoding, for the board's URL and mailto links.

/// Percent-encodes everything but RFC 3986 unreserved characters and `keep` (`,` between facet
/// values in the URL, `@` and `+` in a mailto address). Hand-written: a dozen lines, where a URL
/// crate would add its weight to the wasm module.
pub fn encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
