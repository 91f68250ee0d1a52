//! A large bundle's offers in columns (format 2): the same offers, each field's values side by
//! side. Compressed, a list is much smaller that way: brotli (quality 9) makes 10 000 offers of
//! `offers synth` 131 KB in columns with dictionaries, 171 KB in plain columns and 271 KB one
//! offer after another; 100 000 offers 1.38 MB, 1.73 MB and 2.79 MB (issue "National scale": at
//! most 2 MB before the board is usable).
//!
//! `offer_columns` is a list of blocks of at most [`BLOCK`] offers; a block is an object whose
//! members are the offers' fields, each a list of values, the block's n-th offer's value n-th,
//! or a dictionary: `{"values":[…],"codes":[…]}` (either order), each value once, then the n-th
//! offer's value as its position among them. A `null` value, or a list shorter than the block's
//! longest, leaves that offer without the field. Each offer is put back together as the JSON
//! object it would be in format 1 and read as such by the bundle's reader, so that a broken
//! offer is skipped and reported on its own, as in format 1. No other code reads columns: the
//! model, the app and the CLI see offers.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::ops::Range;

use crate::{Offer, ParseError};

/// Offers per block: a block's offers are read once its last column has arrived, so a block is
/// what the first card waits for. 2 000 keeps about 90 % of the saving of one block for all
/// offers (10 000 offers: 276 KB in rows, 168 KB in blocks of 2 000, 156 KB in one).
pub const BLOCK: usize = 2000;

/// `offers` as blocks of columns, one column per line: `{"id":[…],` / `"title":[…],` … `"url":[…]}`,
/// blocks separated by `,` (the lines between `"offer_columns":[` and `]}`).
pub(crate) fn write_blocks(out: &mut String, offers: &[Offer]) {
    // Each offer written as JSON once, its members cut out of the text: through
    // `serde_json::Value` maps, 10 000 offers took 100 ms more to build.
    let mut json = Vec::new();
    for (b, block) in offers.chunks(BLOCK).enumerate() {
        if b > 0 {
            out.push_str(",\n");
        }
        // By quoted name: the values written so far, one after another, and where each ends.
        let mut columns: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        for (i, offer) in block.iter().enumerate() {
            json.clear();
            serde_json::to_writer(&mut json, offer).expect("an offer serializes");
            let text = std::str::from_utf8(&json).expect("serde_json writes UTF-8");
            for (name, value) in members(text) {
                // The name copied once, when its column is new (not at each offer).
                if !columns.contains_key(name) {
                    columns.insert(name.to_owned(), Default::default());
                }
                let (values, ends) = columns.get_mut(name).expect("inserted above");
                pad(values, ends, i);
                values.push_str(value);
                ends.push(values.len());
            }
        }
        out.push('{');
        for (c, (name, (mut values, mut ends))) in columns.into_iter().enumerate() {
            if c > 0 {
                out.push_str(",\n");
            }
            pad(&mut values, &mut ends, block.len());
            out.push_str(&name);
            out.push(':');
            write_column(out, &values, &ends);
        }
        out.push('}');
    }
}

/// Pads a column with `null`s up to `to` values.
fn pad(values: &mut String, ends: &mut Vec<usize>, to: usize) {
    while ends.len() < to {
        values.push_str("null");
        ends.push(values.len());
    }
}

/// One column's values (`values`, cut at `ends`): as a list, or as a dictionary when few values
/// repeat often. A dictionary lists each value once, most frequent first, then each offer's
/// value as its position in that list: brotli makes 10 000 offers of `offers synth` 22 % smaller
/// that way (the families, employers, grades, places, contracts and dates of an export repeat).
/// Not for short values (small numbers): their codes would be as long, and compress worse.
fn write_column(out: &mut String, values: &str, ends: &[usize]) {
    let value = |i: usize| &values[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
    // Each distinct value's first offer and count, in the order of first appearance, and each
    // offer's distinct value (its slot in `firsts`).
    let mut distinct: HashMap<&str, usize> = HashMap::new();
    let mut firsts: Vec<(usize, usize)> = Vec::new();
    let mut slots = Vec::with_capacity(ends.len());
    for i in 0..ends.len() {
        let slot = *distinct.entry(value(i)).or_insert(firsts.len());
        if slot == firsts.len() {
            firsts.push((i, 0));
        }
        firsts[slot].1 += 1;
        slots.push(slot);
    }
    let long = values.len() >= DICTIONARY_MIN_LENGTH * ends.len();
    if !(long && firsts.len() * DICTIONARY_REPEATS <= ends.len()) {
        out.push('[');
        for i in 0..ends.len() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(value(i));
        }
        out.push(']');
        return;
    }
    // Most frequent first (ties in order of appearance: the same offers, the same bytes).
    let mut order: Vec<usize> = (0..firsts.len()).collect();
    order.sort_by_key(|&slot| std::cmp::Reverse(firsts[slot].1));
    let mut code = vec![0; firsts.len()];
    out.push_str("{\"values\":[");
    for (c, &slot) in order.iter().enumerate() {
        code[slot] = c;
        if c > 0 {
            out.push(',');
        }
        out.push_str(value(firsts[slot].0));
    }
    out.push_str("],\"codes\":[");
    for (i, &slot) in slots.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write!(out, "{}", code[slot]).expect("a String takes any text");
    }
    out.push_str("]}");
}

/// A column is written as a dictionary when its values average at least this many bytes…
const DICTIONARY_MIN_LENGTH: usize = 4;
/// …and each distinct value comes this many times on average, or more.
const DICTIONARY_REPEATS: usize = 4;

/// The members of a JSON object that serde_json wrote (no spaces): quoted name, value.
fn members(json: &str) -> Vec<(&str, &str)> {
    let bytes = json.as_bytes();
    let mut found = Vec::new();
    let mut at = 1;
    while at < bytes.len() && bytes[at] != b'}' {
        let name_end = string_end(bytes, at).expect("serde_json writes names");
        let end = value_end(bytes, name_end + 1, b'}').expect("serde_json writes values");
        found.push((&json[at..name_end], &json[name_end + 1..end]));
        at = end + usize::from(bytes[end] == b',');
    }
    found
}

/// One block as read: the texts of its columns (a line each, in lines), and where each column's
/// name and values are in them.
///
/// The values are only delimited here, not parsed: each is parsed as part of its offer (a
/// broken value is that offer's error). Hand-written rather than serde's: a map of lists of
/// `RawValue` cost 4 KB brotli of the app's wasm, and a value allocated apiece, 40 000 a block.
#[derive(Default)]
pub(crate) struct Block {
    texts: Vec<String>,
    columns: Vec<Column>,
}

struct Column {
    /// Which of the block's texts it is in.
    text: usize,
    /// The name, quoted as written.
    name: Range<usize>,
    values: Vec<Range<usize>>,
}

impl Block {
    /// Adds the columns of `text`: `"name":[value,…]` or `"name":{dictionary}` members separated
    /// by commas (a block's members without its opening brace). Whether the block's closing brace
    /// ends `text`: a line's last `}` may close a dictionary or the block, only the columns tell.
    pub(crate) fn add(&mut self, text: String) -> Result<bool, Broken> {
        let bytes = text.as_bytes();
        let mut at = skip_space(bytes, 0);
        let mut first = true;
        let mut closed = false;
        while at < bytes.len() {
            if bytes[at] == b'}' && skip_space(bytes, at + 1) == bytes.len() {
                closed = true;
                break;
            }
            if !std::mem::take(&mut first) {
                at = expect(bytes, at, b',')?;
            }
            let name = at..string_end(bytes, at)?;
            at = expect(bytes, name.end, b':')?;
            let values;
            (values, at) = if bytes.get(at) == Some(&b'{') {
                dictionary(bytes, at)?
            } else {
                list(bytes, at)?
            };
            self.columns.push(Column {
                text: self.texts.len(),
                name,
                values,
            });
            at = skip_space(bytes, at);
        }
        self.texts.push(text);
        Ok(closed)
    }

    /// How many offers the block holds: the length of its longest column.
    pub(crate) fn len(&self) -> usize {
        self.columns
            .iter()
            .map(|c| c.values.len())
            .max()
            .unwrap_or(0)
    }

    /// The `i`-th offer as the JSON object of format 1.
    pub(crate) fn offer_json(&self, i: usize) -> String {
        // Room for most offers at once (`offers synth`: 470 bytes each on average).
        let mut json = String::with_capacity(1024);
        json.push('{');
        for column in &self.columns {
            let text = &self.texts[column.text];
            let Some(value) = column.values.get(i).map(|v| &text[v.clone()]) else {
                continue;
            };
            if value == "null" {
                continue;
            }
            if json.len() > 1 {
                json.push(',');
            }
            json.push_str(&text[column.name.clone()]);
            json.push(':');
            json.push_str(value);
        }
        json.push('}');
        json
    }
}

/// The list at `at` (`[value,…]`): where each value is, and past the list.
fn list(bytes: &[u8], at: usize) -> Result<(Vec<Range<usize>>, usize), Broken> {
    let mut at = expect(bytes, at, b'[')?;
    let mut values = Vec::new();
    if bytes.get(at) == Some(&b']') {
        return Ok((values, at + 1));
    }
    loop {
        let end = value_end(bytes, at, b']')?;
        values.push(at..trim_end(bytes, at, end));
        at = skip_space(bytes, end + 1);
        if bytes[end] == b']' {
            return Ok((values, at));
        }
    }
}

const BOTH: &str = "dictionnaire : « values » et « codes » attendus";
const NO_VALUE: &str = "dictionnaire : code sans valeur";

/// The dictionary at `at` (`{"values":[…],"codes":[…]}`, in either order): each offer's value,
/// the one its code names, and past the dictionary. A code that names no value breaks the column.
fn dictionary(bytes: &[u8], mut at: usize) -> Result<(Vec<Range<usize>>, usize), Broken> {
    let (mut dictionary, mut codes): (Option<Vec<Range<usize>>>, _) = (None, None);
    for separator in [b'{', b','] {
        at = expect(bytes, at, separator)?;
        let end = string_end(bytes, at)?;
        let list_of = match &bytes[at..end] {
            b"\"values\"" => &mut dictionary,
            b"\"codes\"" => &mut codes,
            _ => return Err(Broken::NotColumns(BOTH)),
        };
        let (found, past) = list(bytes, expect(bytes, end, b':')?)?;
        (*list_of, at) = (Some(found), past);
    }
    let (Some(dictionary), Some(codes)) = (dictionary, codes) else {
        return Err(Broken::NotColumns(BOTH));
    };
    let mut values = Vec::with_capacity(codes.len());
    for code in codes {
        // Digits read here: `str::parse` cost 0.3 KB more of the app's wasm.
        let mut n = 0usize;
        for &digit in &bytes[code] {
            if !digit.is_ascii_digit() {
                return Err(Broken::NotColumns(NO_VALUE));
            }
            n = n
                .saturating_mul(10)
                .saturating_add(usize::from(digit - b'0'));
        }
        values.push(
            dictionary
                .get(n)
                .ok_or(Broken::NotColumns(NO_VALUE))?
                .clone(),
        );
    }
    Ok((values, expect(bytes, at, b'}')?))
}

/// Why a block's columns could not be read: not JSON (which offers it broke is not known), or
/// JSON that is not columns (a dictionary without its lists, a code that names no value).
#[derive(Debug)]
pub(crate) enum Broken {
    NotJson(&'static str),
    NotColumns(&'static str),
}

impl From<Broken> for ParseError {
    fn from(broken: Broken) -> ParseError {
        match broken {
            Broken::NotJson(what) => ParseError::NotJson(format!("colonnes : {what}")),
            Broken::NotColumns(what) => ParseError::NotABundle(format!("offer_columns : {what}")),
        }
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

fn trim_end(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

/// Past `byte` at `at` (spaces skipped before and after).
fn expect(bytes: &[u8], at: usize, byte: u8) -> Result<usize, Broken> {
    let at = skip_space(bytes, at);
    match bytes.get(at) {
        Some(&b) if b == byte => Ok(skip_space(bytes, at + 1)),
        _ => Err(Broken::NotJson("colonne mal formée")),
    }
}

/// Past the string that starts at `at`.
fn string_end(bytes: &[u8], at: usize) -> Result<usize, Broken> {
    if bytes.get(at) != Some(&b'"') {
        return Err(Broken::NotJson("nom de colonne attendu"));
    }
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Ok(i + 1),
            _ => i += 1,
        }
    }
    Err(Broken::NotJson("texte non terminé"))
}

/// Where the value that starts at `at` ends: the `,` or `close` after it, outside any string or
/// nested list or object.
fn value_end(bytes: &[u8], at: usize, close: u8) -> Result<usize, Broken> {
    let mut depth = 0usize;
    let mut i = at;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = string_end(bytes, i)?;
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b if depth == 0 && (b == b',' || b == close) => {
                return if i == at {
                    Err(Broken::NotJson("valeur attendue"))
                } else {
                    Ok(i)
                };
            }
            b']' | b'}' => return Err(Broken::NotJson("« ] » ou « } » inattendu")),
            _ => {}
        }
        i += 1;
    }
    Err(Broken::NotJson("valeur non terminée"))
}
