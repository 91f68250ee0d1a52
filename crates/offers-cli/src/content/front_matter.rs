//! Splitting a markdown file into its YAML front matter and its body.

/// Splits a markdown file into front matter and body. Lines before the opening `---` (a heading
/// left above it, blank lines) are allowed and returned as a warning. Returns the front matter,
/// the line of its first key (1-based), and the body.
pub fn split_front_matter(text: &str) -> Option<(&str, usize, &str, Option<usize>)> {
    let mut offset = 0;
    let mut stray = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let fm_start = offset + line.len();
            let rest = &text[fm_start..];
            let mut end = 0;
            for l in rest.split_inclusive('\n') {
                if l.trim_end() == "---" {
                    let body = &rest[end + l.len()..];
                    return Some((&rest[..end], i + 2, body, stray));
                }
                end += l.len();
            }
            return None;
        }
        if !line.trim().is_empty() && stray.is_none() {
            stray = Some(i + 1);
        }
        offset += line.len();
    }
    None
}
