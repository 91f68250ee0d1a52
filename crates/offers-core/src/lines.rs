//! A large bundle read a slice at a time, as it arrives: the app never stops answering while
//! 100 000 offers load (issue "National scale": no task over 50 ms).
//!
//! The bundle stays one JSON document of format 1. `offers build` and `offers site` write it in a
//! layout a reader can cut without parsing it ([`to_lines`]): the bundle without its offers on
//! the first line, up to `"offers":[`, then one offer per line, then `]}`. JSON escapes every
//! line break inside a string, so a line is never part of two offers. [`BundleReader`] reads that
//! layout one offer at a time, each with the checks of [`parse_bundle`], which reads a bundle in
//! lines with it too: an offer's line that is not JSON is that offer's error alone, for
//! the app and for `offers validate`. Any other layout (a bundle written by hand, or indented) is
//! read whole, at the end, as one JSON document.
//!
//! A bundle of [`COLUMNS_FROM`] offers or more is written with its offers in columns (format 2,
//! [`crate::columns`]): the first line ends with `"offer_columns":[`, then one column per line
//! (a block's first starts with `{`, its last ends with `}`), then `]}`. A block's offers are
//! read one at a time, as rows are, once its last column has arrived.

use crate::columns::{write_blocks, Block, Broken};
use crate::parse::{parse_raw, parse_whole, read_offer, Sorter};
use crate::{Bundle, LoadedBundle, ParseError, COLUMNS_FORMAT_VERSION};

/// How the first line of a bundle in lines ends: offers one per line (format 1)…
const OFFERS_START: &str = "\"offers\":[";
/// … or in columns (format 2).
const COLUMNS_START: &str = "\"offer_columns\":[";

/// From how many offers [`to_lines`] writes them in columns (format 2): below, the saving is a
/// few kilobytes, and a small bundle stays in format 1 for whoever else reads it.
pub const COLUMNS_FROM: usize = 1000;

/// `bundle` as JSON in lines: see the module's documentation.
pub fn to_lines(bundle: &Bundle) -> String {
    let columns = bundle.offers.len() >= COLUMNS_FROM;
    let mut head = bundle.with_offers(Vec::new());
    if columns {
        head.format_version = COLUMNS_FORMAT_VERSION;
    }
    let mut out = serde_json::to_string(&head).expect("a bundle serializes");
    // `…"offers":[]}`: the offers are the last field (the struct's order).
    out.truncate(out.len() - 2);
    if columns {
        out.truncate(out.len() - OFFERS_START.len());
        out.push_str(COLUMNS_START);
        out.push('\n');
        write_blocks(&mut out, &bundle.offers);
    } else {
        out.push('\n');
        for (i, offer) in bundle.offers.iter().enumerate() {
            if i > 0 {
                out.push_str(",\n");
            }
            out.push_str(&serde_json::to_string(offer).expect("an offer serializes"));
        }
    }
    out.push_str("\n]}");
    out
}

/// Reads bundle text.
///
/// The format version is read first, so that a bundle of an unknown version is reported as such
/// rather than as a shape error. Each offer is then read and checked on its own: a broken one is
/// skipped and listed in [`LoadedBundle::skipped`], the others are kept in their order. A second
/// offer with an id already seen is skipped too.
///
/// Read by the app's own [`BundleReader`], given the whole text at once, so that both give the
/// same: a bundle in lines (as `offers build` writes it: this module's layout) line by line, where
/// an offer's line that is not JSON is that offer's error, not the whole bundle's; any other
/// layout whole.
pub fn parse_bundle(text: &str) -> Result<LoadedBundle, ParseError> {
    let mut reader = BundleReader::new();
    reader.feed(text.as_bytes());
    reader.finish()
}

/// Format 2's blocks as they are read.
#[derive(Default)]
struct Blocks {
    /// The columns of the block whose last column has not come yet.
    open: Option<Block>,
    /// The last block closed, and its next offer to read.
    closed: Option<(Block, usize)>,
}

// One per reader, for the whole read: boxing the large variant would save nothing.
#[allow(clippy::large_enum_variant)]
enum State {
    /// The first line has not come yet.
    Head,
    /// In lines: the offers come one per line, or (`blocks`) in columns.
    Offers {
        sorter: Sorter,
        ended: bool,
        blocks: Option<Blocks>,
    },
    /// Another layout: read whole at the end.
    Whole,
}

/// Reads a bundle from the bytes given to it as they arrive ([`feed`](Self::feed)), a line at a
/// time ([`read`](Self::read), for as long as its caller allows), into what [`parse_bundle`]
/// gives ([`finish`](Self::finish)).
pub struct BundleReader {
    bytes: Vec<u8>,
    /// Where the next line starts.
    at: usize,
    /// How far the search for the next line break has gone (a long line is not searched again
    /// at each chunk).
    searched: usize,
    /// How many lines have been read (an offer's error names its line).
    lines: usize,
    state: State,
}

impl Default for BundleReader {
    fn default() -> Self {
        BundleReader {
            bytes: Vec::new(),
            at: 0,
            searched: 0,
            lines: 0,
            state: State::Head,
        }
    }
}

impl BundleReader {
    pub fn new() -> BundleReader {
        BundleReader::default()
    }

    /// More of the bundle's bytes. In lines, the lines already read are let go first: the buffer
    /// holds what is not read yet, never the whole bundle (growing a buffer of tens of megabytes
    /// copies it whole, a long task of its own).
    pub fn feed(&mut self, chunk: &[u8]) {
        if matches!(self.state, State::Offers { .. }) && self.at > 0 {
            self.bytes.drain(..self.at);
            self.searched -= self.at.min(self.searched);
            self.at = 0;
        }
        self.bytes.extend_from_slice(chunk);
    }

    /// How many offers have been read so far.
    pub fn offers_read(&self) -> usize {
        match &self.state {
            State::Offers { sorter, .. } => sorter.read(),
            _ => 0,
        }
    }

    /// Reads the complete lines received, one at a time, while `go_on()` says so. An error when
    /// the first line is a bundle in lines that cannot be read (its version, its shape).
    pub fn read(&mut self, mut go_on: impl FnMut() -> bool) -> Result<(), ParseError> {
        if let State::Offers { sorter, .. } = &mut self.state {
            sorter.make_room();
        }
        while go_on() {
            if self.next_in_block() {
                continue;
            }
            let from = self.searched.max(self.at);
            let Some(end) = self.bytes[from..].iter().position(|&b| b == b'\n') else {
                self.searched = self.bytes.len();
                return Ok(());
            };
            let (start, end) = (self.at, from + end);
            self.at = end + 1;
            self.line(start, end)?;
            if matches!(self.state, State::Whole) {
                return Ok(());
            }
        }
        Ok(())
    }

    /// Reads the next offer of the block last closed, if it has one left (a block read is let
    /// go: about 1.3 MB of text at 2 000 offers).
    fn next_in_block(&mut self) -> bool {
        let State::Offers {
            sorter,
            blocks: Some(blocks),
            ..
        } = &mut self.state
        else {
            return false;
        };
        let Some((block, next)) = &mut blocks.closed else {
            return false;
        };
        if *next < block.len() {
            sorter.push(read_offer(&block.offer_json(*next), 1));
            *next += 1;
            return true;
        }
        blocks.closed = None;
        false
    }

    fn line(&mut self, start: usize, end: usize) -> Result<(), ParseError> {
        self.lines += 1;
        let number = self.lines;
        let line = trim(&self.bytes[start..end]);
        match &mut self.state {
            State::Head => {
                self.state = if let Some(columns) = layout(line) {
                    let mut head = String::from_utf8_lossy(line).into_owned();
                    head.push_str("]}");
                    let (sorter, _) = parse_raw(&head)?;
                    State::Offers {
                        sorter,
                        ended: false,
                        blocks: columns.then(Blocks::default),
                    }
                } else {
                    State::Whole
                };
            }
            State::Offers {
                sorter,
                ended,
                blocks,
            } => {
                if line == b"]}" {
                    if blocks.as_ref().is_some_and(|b| b.open.is_some()) {
                        return Err(ParseError::NotJson("bloc de colonnes inachevé".into()));
                    }
                    *ended = true;
                } else if !line.is_empty() {
                    if *ended {
                        return Err(ParseError::NotJson("texte après la fin du lot".into()));
                    }
                    let line = line.strip_suffix(b",").unwrap_or(line);
                    match blocks {
                        Some(blocks) => column(blocks, line)?,
                        None => sorter.push(match std::str::from_utf8(line) {
                            Ok(json) => read_offer(json, number),
                            Err(e) => Err((None, format!("texte illisible (UTF-8) : {e}"))),
                        }),
                    }
                }
            }
            State::Whole => {}
        }
        Ok(())
    }

    /// The bundle, once every byte has been given: what is left is read (a bundle in another
    /// layout is read whole, here).
    pub fn finish(mut self) -> Result<LoadedBundle, ParseError> {
        if !matches!(self.state, State::Whole) {
            self.read(|| true)?;
            // The last line has no line break after it.
            let (start, end) = (self.at, self.bytes.len());
            self.at = end;
            self.line(start, end)?;
            while self.next_in_block() {}
        }
        match self.state {
            State::Offers {
                sorter,
                ended: true,
                ..
            } => Ok(sorter.finish()),
            State::Offers { .. } => Err(ParseError::NotJson(
                "fin du fichier inattendue (« ]} » manque)".into(),
            )),
            State::Head | State::Whole => parse_whole(&String::from_utf8_lossy(&self.bytes)),
        }
    }
}

/// One line of format 2's blocks: a column, which may open a block (`{` before it) or close it
/// (`}` after it). A column that cannot be read stops the reading: which offers it would have
/// broken is not known.
fn column(blocks: &mut Blocks, mut line: &[u8]) -> Result<(), ParseError> {
    if let Some(rest) = line.strip_prefix(b"{") {
        if blocks.open.is_some() {
            return Err(Broken::NotJson("bloc ouvert dans un autre").into());
        }
        blocks.open = Some(Block::default());
        line = rest;
    }
    let Some(open) = &mut blocks.open else {
        return Err(Broken::NotJson("colonne hors d'un bloc").into());
    };
    let text = std::str::from_utf8(line).map_err(|_| Broken::NotJson("texte illisible (UTF-8)"))?;
    if open.add(text.to_owned())? {
        blocks.closed = blocks.open.take().map(|block| (block, 0));
    }
    Ok(())
}

/// Whether `first_line` (trimmed) opens a bundle in lines: `Some(true)` with its offers in
/// columns, `Some(false)` one per line; `None`, another layout.
fn layout(first_line: &[u8]) -> Option<bool> {
    if first_line.ends_with(COLUMNS_START.as_bytes()) {
        Some(true)
    } else {
        first_line
            .ends_with(OFFERS_START.as_bytes())
            .then_some(false)
    }
}

fn trim(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.trim_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default bundle's offers again and again (new ids), `n` of them.
    fn large(n: usize) -> Bundle {
        let bundle = crate::parse_bundle(include_str!("../../../public/offers.json"))
            .unwrap()
            .bundle;
        let again = bundle.offers.iter().cycle().take(n).enumerate();
        bundle.with_offers(
            again
                .map(|(i, o)| crate::Offer {
                    id: format!("{}-{i}", o.id),
                    ..o.clone()
                })
                .collect(),
        )
    }

    #[test]
    fn a_large_list_grows_before_a_slice_of_reading_not_in_it() {
        let text = to_lines(&large(5 * Sorter::ROOM));
        let mut reader = BundleReader::new();
        reader.feed(text.as_bytes());
        let room = |reader: &BundleReader| match &reader.state {
            State::Offers { sorter, .. } => sorter.room(),
            _ => [(0, 0); 2],
        };
        let mut slices = 0;
        loop {
            let before = room(&reader);
            // A slice: 2 000 steps (an offer, or a line), fewer than the room made.
            let mut steps = 2000;
            reader
                .read(|| {
                    steps -= 1;
                    steps > 0
                })
                .unwrap();
            let after = room(&reader);
            // Once the list is large, the room for a slice was made as it started: nothing grew
            // in the middle of it.
            for ((len, _), (_, capacity)) in before.into_iter().zip(after) {
                if len >= Sorter::ROOM {
                    assert!(capacity >= len + Sorter::ROOM, "{len} {capacity}");
                }
            }
            slices += 1;
            if steps > 0 {
                break;
            }
        }
        assert!(slices > 10);
        assert_eq!(room(&reader)[0].0, 5 * Sorter::ROOM);
    }
}
