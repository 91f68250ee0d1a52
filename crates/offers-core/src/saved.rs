//! The visitor's saved offers: a list of ids with their titles (so that an offer later taken out
//! of the bundle can still be named, as "Offre retirée"), kept by the app in `localStorage` under
//! a key per bundle address.
//!
//! Stored as one `id<TAB>title` line per offer rather than JSON: the module has a JSON reader but
//! no JSON writer, and a writer would cost more bytes than these few lines.

use crate::Bundle;

/// One saved offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub id: String,
    pub title: String,
}

/// The `localStorage` key of the offers saved from the bundle `src`, read by the page at
/// `page_path` (`location.pathname`): two boards of one site, in two folders, each keep their own.
pub fn storage_key(page_path: &str, src: &str) -> String {
    let address = if src.contains(':') || src.starts_with('/') {
        src.to_string()
    } else {
        let folder = &page_path[..page_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{folder}{src}")
    };
    format!("offres-sauvegardees {address}")
}

/// Reads what [`write`] wrote; lines without an id are left out, and an id given twice counts once.
pub fn read(text: &str) -> Vec<Saved> {
    let mut list: Vec<Saved> = Vec::new();
    for line in text.lines() {
        let (id, title) = line.split_once('\t').unwrap_or((line, ""));
        if !id.is_empty() && !list.iter().any(|s| s.id == id) {
            list.push(Saved {
                id: id.to_string(),
                title: title.to_string(),
            });
        }
    }
    list
}

/// One line per offer; tabs and line breaks inside a title become spaces.
pub fn write(list: &[Saved]) -> String {
    let mut out = String::new();
    for s in list {
        out.push_str(&s.id.replace(['\t', '\n', '\r'], ""));
        out.push('\t');
        out.push_str(&s.title.replace(['\t', '\n', '\r'], " "));
        out.push('\n');
    }
    out
}

/// Saves the offer, or forgets it if it was saved; true when it is saved afterwards.
pub fn toggle(list: &mut Vec<Saved>, id: &str, title: &str) -> bool {
    match list.iter().position(|s| s.id == id) {
        Some(p) => {
            list.remove(p);
            false
        }
        None => {
            list.push(Saved {
                id: id.to_string(),
                title: title.to_string(),
            });
            true
        }
    }
}

/// The saved offers still in `bundle` (their indices, for [`crate::SearchIndex::search_among`])
/// and those no longer in it.
pub fn split(list: &[Saved], bundle: &Bundle) -> (Vec<u32>, Vec<Saved>) {
    let mut present = Vec::new();
    let mut retired = Vec::new();
    for s in list {
        match bundle.offers.iter().position(|o| o.id == s.id) {
            Some(i) => present.push(u32::try_from(i).unwrap_or(u32::MAX)),
            None => retired.push(s.clone()),
        }
    }
    (present, retired)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_key_per_bundle_address() {
        assert_eq!(
            storage_key("/offres/index.html", "offers.json"),
            "offres-sauvegardees /offres/offers.json"
        );
        assert_eq!(
            storage_key("/offres/", "offers.json"),
            storage_key("/offres/index.html", "offers.json")
        );
        assert_ne!(
            storage_key("/a/", "offers.json"),
            storage_key("/b/", "offers.json")
        );
        assert_eq!(
            storage_key("/x/", "https://h.example/o.json"),
            "offres-sauvegardees https://h.example/o.json"
        );
    }

    #[test]
    fn round_trips_and_tolerates_damage() {
        let mut list = Vec::new();
        assert!(toggle(&mut list, "a", "Chef\tde\nprojet"));
        assert!(toggle(&mut list, "b", ""));
        let text = write(&list);
        assert_eq!(text, "a\tChef de projet\nb\t\n");
        assert_eq!(read(&text)[0].title, "Chef de projet");
        assert_eq!(read(&text).len(), 2);
        assert!(!toggle(&mut list, "a", "x"));
        assert_eq!(list.len(), 1);
        // Hand-edited or truncated storage: empty lines, no tab, an id twice.
        let damaged = read("\n\tsans id\nc\nb\tB\nb\tB2\n");
        assert_eq!(
            damaged.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["c", "b"]
        );
        assert_eq!(damaged[1].title, "B");
    }
}
