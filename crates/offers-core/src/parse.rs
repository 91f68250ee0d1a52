//! Reading a bundle: refuse what cannot be a bundle, skip (and report) each offer that is broken,
//! keep every other one.

use thiserror::Error;

use crate::columns::{Block, Broken};
use crate::json::{self, Reader};
use crate::read;
use crate::validate::{is_valid_id, offer_problems, page_problems, Problem};
use crate::{Bundle, Family, Offer, Page, COLUMNS_FORMAT_VERSION, FORMAT_VERSION};

/// Why a whole bundle could not be read. Messages are for developers' logs and the CLI; the app
/// shows its own text for each kind, in the interface's language.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("le fichier n'est pas du JSON valide : {0}")]
    NotJson(String),
    #[error("version de format {0} inconnue (versions lues : {FORMAT_VERSION} et {COLUMNS_FORMAT_VERSION})")]
    UnsupportedVersion(u64),
    #[error("ce n'est pas un lot d'offres : {0}")]
    NotABundle(String),
}

/// An offer left out of the bundle, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedOffer {
    /// Position in the bundle's `offers` array, from 0.
    pub index: usize,
    /// Its `id`, when one could be read.
    pub id: Option<String>,
    pub reason: String,
}

/// A bundle as read: the usable offers, the ones that were skipped, and what is wrong outside the
/// offers.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedBundle {
    pub bundle: Bundle,
    pub skipped: Vec<SkippedOffer>,
    /// Problems of the page's texts, and families left out because their id is not a slug (their
    /// offers are then skipped: the address could not name them).
    pub problems: Vec<Problem>,
}

/// A bundle's offers, not read yet: one JSON object each (format 1), or blocks of columns
/// (format 2).
pub(crate) enum RawOffers<'a> {
    /// Where each offer starts in the bundle's text.
    Rows(Vec<usize>),
    Columns(Vec<&'a str>),
}

impl From<json::Error> for ParseError {
    fn from(err: json::Error) -> ParseError {
        if err.syntax {
            ParseError::NotJson(err.to_string())
        } else {
            ParseError::NotABundle(err.to_string())
        }
    }
}

/// [`crate::parse_bundle`] on the whole text as one JSON document, whatever its layout.
pub(crate) fn parse_whole(text: &str) -> Result<LoadedBundle, ParseError> {
    let (mut sorter, offers) = parse_raw(text)?;
    match offers {
        RawOffers::Rows(rows) => {
            // Read in the whole text, one reader moved on from offer to offer: an error gives
            // its line in the file, with the lines counted once.
            let mut r = Reader::new(text);
            for start in rows {
                r.seek(start);
                let offer = read::offer(&mut r);
                sorter.push(offer.map_err(|err| (id_of(&text[start..]), err.to_string())));
            }
        }
        RawOffers::Columns(blocks) => {
            for raw in blocks {
                let members = (raw.strip_prefix('{'))
                    .and_then(|m| m.strip_suffix('}'))
                    .ok_or(Broken::NotColumns("un bloc est un objet"))?;
                let mut block = Block::default();
                // JSON already: no brace can close the block early.
                block.add(members.to_owned())?;
                for i in 0..block.len() {
                    sorter.push(read_offer(&block.offer_json(i), 1));
                }
            }
        }
    }
    Ok(sorter.finish())
}

/// The bundle in `text` with its offers left raw: what is checked before any offer is read.
pub(crate) fn parse_raw(text: &str) -> Result<(Sorter, RawOffers<'_>), ParseError> {
    let mut r = Reader::new(text);
    if r.peek() != Some(b'{') {
        r.skip()?;
        r.end()?;
        return Err(ParseError::NotABundle("un objet JSON est attendu".into()));
    }
    // First the whole text, its members kept where they start (the offers, each one's text):
    // the version is read before anything else, whatever the members' order.
    let mut members: Vec<(&str, usize)> = Vec::new();
    let (mut rows, mut blocks): (Option<Vec<usize>>, Option<Vec<&str>>) = (None, None);
    r.object(&mut |r, name| {
        if name != "offers" && name != "offer_columns" {
            let known = [
                "format_version",
                "generated_at",
                "page",
                "families",
                "text_files",
            ];
            return match known.iter().find(|k| **k == name) {
                Some(k) if members.iter().any(|(m, _)| m == k) => Err(read::twice(r, name)),
                Some(k) => {
                    members.push((k, r.position()));
                    r.skip()
                }
                None => r.skip(),
            };
        }
        if r.null()? {
            return Ok(());
        }
        if (name == "offers" && rows.is_some()) || (name == "offer_columns" && blocks.is_some()) {
            return Err(read::twice(r, name));
        }
        let mut values = Vec::new();
        r.array(&mut |r| {
            values.push((r.position(), r.raw()?));
            Ok(())
        })?;
        if name == "offers" {
            rows = Some(values.into_iter().map(|(start, _)| start).collect());
        } else {
            blocks = Some(values.into_iter().map(|(_, raw)| raw).collect());
        }
        Ok(())
    })?;
    r.end()?;
    let at = |name: &str| {
        members
            .iter()
            .find(|(m, _)| *m == name)
            .map(|&(_, at)| Reader::at(text, at))
    };
    let absent = |name: &str| ParseError::NotABundle(format!("champ « {name} » absent"));
    let mut version = at("format_version").ok_or_else(|| absent("format_version"))?;
    let version = match version.null()? {
        true => return Err(absent("format_version")),
        false => version.uint(u64::MAX)?,
    };
    if version != FORMAT_VERSION && version != COLUMNS_FORMAT_VERSION {
        return Err(ParseError::UnsupportedVersion(version));
    }
    let generated_at =
        read::string(&mut at("generated_at").ok_or_else(|| absent("generated_at"))?)?;
    let page = read::page(&mut at("page").ok_or_else(|| absent("page"))?)?;
    let families = read::families(&mut at("families").ok_or_else(|| absent("families"))?)?;
    let text_files = match at("text_files") {
        Some(mut r) => read::strings(&mut r)?,
        None => Vec::new(),
    };
    // Format 1 has its offers in `offers`; format 2 in `offer_columns`, and no `offers`.
    let offers = match (version, rows, blocks) {
        (FORMAT_VERSION, Some(rows), _) => RawOffers::Rows(rows),
        (COLUMNS_FORMAT_VERSION, None, Some(blocks)) => RawOffers::Columns(blocks),
        _ => {
            let field = ["offers", "offer_columns"][usize::from(version == COLUMNS_FORMAT_VERSION)];
            return Err(ParseError::NotABundle(format!(
                "format {version} : les offres vont dans « {field} », seul"
            )));
        }
    };
    let sorter = Sorter::new(generated_at, page, families, text_files);
    Ok((sorter, offers))
}

/// One offer's JSON read: the offer, or its id (when one could be read) and why it could not be.
/// `line`: the line of the bundle's text where `json` starts (an error names the line in the
/// file), 1 when it has no line of its own (an offer put back together from columns).
pub(crate) fn read_offer(json: &str, line: usize) -> ReadOffer {
    let mut r = Reader::new(json);
    read::offer(&mut r)
        .and_then(|offer| r.end().map(|()| offer))
        .map_err(|mut err| {
            err.line += line - 1;
            (id_of(json), err.to_string())
        })
}

/// The `id` of the object that starts `json`, when it is one and its `id` is a string.
fn id_of(json: &str) -> Option<String> {
    let mut id = None;
    let mut r = Reader::new(json);
    r.object(&mut |r, name| match name {
        "id" if id.is_none() => {
            id = Some(read::string(r)?);
            Ok(())
        }
        _ => r.skip(),
    })
    .ok()?;
    id
}

/// The checks of [`crate::parse_bundle`] on a bundle already typed (what `offers build` made, checked
/// without writing it as JSON and reading it back).
pub fn load_bundle(bundle: Bundle) -> LoadedBundle {
    let Bundle {
        generated_at,
        page,
        families,
        text_files,
        offers,
        ..
    } = bundle;
    let mut sorter = Sorter::new(generated_at, page, families, text_files);
    for offer in offers {
        sorter.push(Ok(offer));
    }
    sorter.finish()
}

/// An offer as read: the offer, or its id (when one could be read) and why it could not be.
pub(crate) type ReadOffer = Result<Offer, (Option<String>, String)>;

/// What reading a bundle checks once its parts are typed: the page's texts, the families (those
/// whose id is not a slug are left out), the text files' paths (one that could lead elsewhere
/// than beside the bundle is left out: its offers lose their page, not their card), and each
/// offer, as it comes (its problems, a second use of an id, a text file the bundle does not
/// list): the usable offers are kept in their order, the others listed as skipped.
pub(crate) struct Sorter {
    loaded: LoadedBundle,
    family_ids: Vec<String>,
    seen: std::collections::HashSet<String>,
    /// How many offers were pushed.
    read: usize,
}

impl Sorter {
    fn new(
        generated_at: String,
        page: Page,
        mut families: Vec<Family>,
        mut text_files: Vec<String>,
    ) -> Sorter {
        let mut problems = page_problems(&page);
        for path in &mut text_files {
            if !crate::validate::is_text_file_path(path) {
                problems.push(Problem {
                    field: "text_files",
                    message: format!(
                        "fichier de textes « {path} » : chemin refusé (relatif, sous le dossier du lot, en .json), textes ignorés"
                    ),
                });
                path.clear();
            }
        }
        families.retain(|f| {
            let valid = is_valid_id(&f.id);
            if !valid {
                problems.push(Problem {
                    field: "families.id",
                    message: format!(
                        "famille « {} » : identifiant invalide (lettres minuscules, chiffres et tirets), famille ignorée",
                        f.id
                    ),
                });
            }
            valid
        });
        let family_ids = families.iter().map(|f| f.id.clone()).collect();
        Sorter {
            loaded: LoadedBundle {
                bundle: Bundle {
                    format_version: FORMAT_VERSION,
                    generated_at,
                    page,
                    families,
                    text_files,
                    offers: Vec::new(),
                },
                skipped: Vec::new(),
                problems,
            },
            family_ids,
            seen: std::collections::HashSet::new(),
            read: 0,
        }
    }

    /// Checks the next offer: kept, or listed as skipped.
    pub(crate) fn push(&mut self, offer: ReadOffer) {
        let index = self.read;
        self.read += 1;
        let text_files = &self.loaded.bundle.text_files;
        let (id, reason) = match offer {
            Ok(mut offer) => {
                let mut problems = offer_problems(&offer, &self.family_ids);
                match offer.text_file.map(|k| text_files.get(k as usize)) {
                    Some(None) => problems.push(Problem {
                        field: "text_file",
                        message: format!(
                            "fichier de textes n° {} absent de « text_files »",
                            offer.text_file.unwrap_or_default()
                        ),
                    }),
                    Some(Some(path)) if path.is_empty() => offer.text_file = None,
                    _ => {}
                }
                if !problems.is_empty() {
                    let reason = problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" ; ");
                    (Some(offer.id), reason)
                } else if !self.seen.insert(offer.id.clone()) {
                    let reason = format!(
                        "identifiant « {} » déjà utilisé par une autre offre",
                        offer.id
                    );
                    (Some(offer.id), reason)
                } else {
                    self.loaded.bundle.offers.push(offer);
                    return;
                }
            }
            Err(unread) => unread,
        };
        self.loaded.skipped.push(SkippedOffer { index, id, reason });
    }

    /// Room for [`Sorter::ROOM`] more offers in a large bundle, made now rather than by the push
    /// that fills the list: growing the list of offers (or the set of ids) copies it whole, 14 to
    /// 37 ms at 65 536 offers in Chromium, which in the middle of a slice of reading made a long
    /// task of it. `BundleReader::read` (lines.rs) calls this first, at the start of a
    /// slice. Both double, as they would have; below [`Sorter::ROOM`] offers, growing costs a
    /// millisecond or two and nothing is reserved ahead.
    pub(crate) fn make_room(&mut self) {
        let offers = &mut self.loaded.bundle.offers;
        if offers.len() >= Self::ROOM && offers.capacity() - offers.len() < Self::ROOM {
            offers.reserve(offers.len());
        }
        let seen = &mut self.seen;
        if seen.len() >= Self::ROOM && seen.capacity() - seen.len() < Self::ROOM {
            seen.reserve(seen.len());
        }
    }

    /// More offers than one slice of reading takes in (about 2 000 in 8 ms).
    pub(crate) const ROOM: usize = 4096;

    /// The offers kept so far and how many the list holds without growing; the same for the ids.
    #[cfg(test)]
    pub(crate) fn room(&self) -> [(usize, usize); 2] {
        let offers = &self.loaded.bundle.offers;
        [
            (offers.len(), offers.capacity()),
            (self.seen.len(), self.seen.capacity()),
        ]
    }

    /// How many offers were pushed.
    pub(crate) fn read(&self) -> usize {
        self.read
    }

    pub(crate) fn finish(self) -> LoadedBundle {
        self.loaded
    }
}
