//! A large bundle keeps its full texts apart: the bundle itself holds what the list needs (cards,
//! search, facets), and the descriptions go to text files beside it, fetched when an offer's page
//! opens (docs/bundle-format.md, "Full texts apart").
//!
//! Which file holds an offer's text is chosen by a hash of its id, so that adding or changing an
//! offer changes one file, and every other file keeps its name (names carry a hash of their
//! content: a host may let browsers keep them for ever).

use serde::{Deserialize, Serialize};

pub use crate::validate::is_text_file_path;
use crate::{Bundle, Document, Offer, FORMAT_VERSION};

/// Full texts weighing more than this (bytes of JSON) are kept apart; a small bundle, such as a
/// ministry's page, stays one file.
pub const SPLIT_ABOVE: usize = 256 * 1024;
/// About how many bytes of JSON each text file holds: what opening one offer's page fetches
/// (about a fifth of it with brotli).
pub const FILE_BYTES: usize = 64 * 1024;

/// One text file: offers' full texts, by offer id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextFile {
    pub format_version: u64,
    pub texts: Vec<OfferText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferText {
    pub id: String,
    pub description: Document,
}

/// The full text of offer `id` in a text file's JSON (`None`: the file has none for it). Each
/// entry is checked and its id read as it goes; only the wanted one's description is read whole.
pub fn text_of(json: &str, id: &str) -> Result<Option<Document>, crate::json::Error> {
    use crate::json::Reader;
    let mut r = Reader::new(json);
    let (mut texts, mut found) = (false, None);
    r.object(&mut |r, name| {
        if name != "texts" {
            return r.skip();
        }
        texts = true;
        r.array(&mut |r| {
            // An entry that is not an object names no offer: passed over.
            if r.peek() != Some(b'{') {
                return r.skip();
            }
            // The entry's first `id` when it is a text, and where its description starts.
            let (mut entry, mut description) = (None, None);
            r.object(&mut |r, name| {
                match name {
                    "id" if entry.is_none() && r.peek() == Some(b'"') => entry = Some(r.str()?),
                    "description" => {
                        description = Some(r.position());
                        r.skip()?;
                    }
                    _ => r.skip()?,
                }
                Ok(())
            })?;
            if found.is_none() && entry.as_deref() == Some(id) {
                let at = description.ok_or_else(|| crate::read::absent(r, "description"))?;
                found = Some(crate::read::document(&mut Reader::at(json, at))?);
            }
            Ok(())
        })
    })?;
    r.end()?;
    if !texts {
        return Err(r.shape("champ « texts » absent"));
    }
    Ok(found)
}

/// The address of the text file `path` (as the bundle names it) of the bundle at `bundle_url`:
/// beside it, whatever its query or fragment (`https://a.fr/x/offers.json?v=2` and
/// `textes/t.json` give `https://a.fr/x/textes/t.json`; a bare `offers.json` gives the path as it
/// is, relative to the page, as the bundle's own address is).
pub fn beside(bundle_url: &str, path: &str) -> String {
    let url = bundle_url.split(['?', '#']).next().unwrap_or_default();
    let folder = url.rfind('/').map_or("", |i| &url[..=i]);
    format!("{folder}{path}")
}

/// FNV-1a: a small, stable hash (the same file for the same id in every version of offres;
/// `std`'s hasher is not promised to stay the same).
fn file_of(id: &str, files: usize) -> usize {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash % files as u64) as usize
}

/// The bundle with its full texts apart, and the text files' JSON, each with its path (given by
/// `name`, from its position and its JSON); `None` when the texts are small enough to stay in.
pub fn split(
    bundle: &Bundle,
    name: impl Fn(usize, &str) -> String,
) -> Option<(Bundle, Vec<(String, String)>)> {
    let texts: Vec<(usize, String)> = bundle
        .offers
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            let doc = o.description.as_ref()?;
            Some((i, serde_json::to_string(doc).expect("a document is JSON")))
        })
        .collect();
    let total: usize = texts.iter().map(|(_, json)| json.len()).sum();
    if total <= SPLIT_ABOVE {
        return None;
    }
    let count = total.div_ceil(FILE_BYTES);
    let mut files = vec![String::from("{\"format_version\":1,\"texts\":["); count];
    let mut list = bundle.with_offers(
        bundle
            .offers
            .iter()
            .map(Offer::without_description)
            .collect(),
    );
    for (i, json) in texts {
        let offer = &mut list.offers[i];
        let k = file_of(&offer.id, count);
        let file = &mut files[k];
        if !file.ends_with('[') {
            file.push(',');
        }
        file.push_str("{\"id\":");
        file.push_str(&serde_json::to_string(&offer.id).expect("a string is JSON"));
        file.push_str(",\"description\":");
        file.push_str(&json);
        file.push('}');
        offer.text_file = Some(k as u32);
    }
    let files: Vec<(String, String)> = files
        .into_iter()
        .enumerate()
        .map(|(k, mut json)| {
            json.push_str("]}");
            (name(k, &json), json)
        })
        .collect();
    list.text_files = files.iter().map(|(path, _)| path.clone()).collect();
    Some((list, files))
}

/// Puts the texts of `files` (each with its position in the bundle's `text_files`) back into
/// `bundle`, which then holds every full text; what does not fit is reported: a text for an offer
/// the bundle does not have or places in another file, an offer whose text is in none of them.
/// Each problem comes with the offer's id.
pub fn join(bundle: &mut Bundle, files: Vec<(usize, TextFile)>) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let position: std::collections::HashMap<String, usize> = bundle
        .offers
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.clone(), i))
        .collect();
    for (k, file) in files {
        let path = bundle.text_files.get(k).cloned().unwrap_or_default();
        if file.format_version != FORMAT_VERSION {
            problems.push((
                String::new(),
                format!(
                    "{path} : version de format {} inconnue",
                    file.format_version
                ),
            ));
            continue;
        }
        for text in file.texts {
            match position.get(&text.id).map(|&i| &mut bundle.offers[i]) {
                Some(offer) if offer.text_file == Some(k as u32) => {
                    offer.description = Some(text.description);
                    offer.text_file = None;
                }
                _ => problems.push((
                    text.id.clone(),
                    format!(
                        "{path} : texte de l'offre « {} », qui n'y renvoie pas",
                        text.id
                    ),
                )),
            }
        }
    }
    for offer in &mut bundle.offers {
        if let Some(k) = offer.text_file.take() {
            let path = bundle
                .text_files
                .get(k as usize)
                .cloned()
                .unwrap_or_default();
            problems.push((offer.id.clone(), format!("texte introuvable dans {path}")));
        }
    }
    bundle.text_files.clear();
    problems
}
