//! A large bundle's offers in columns (format 2): the same offers, each field's values side by
//! side. Compressed, a list is about 40 % smaller that way: brotli (quality 9) makes 10 000
//! offers of `offers synth` 171 KB in columns, 271 KB one offer after another, and 100 000 offers
//! 1.73 MB instead of 2.79 MB (issue "National scale": at most 2 MB before the board is usable).
//!
//! `offer_columns` is a list of blocks of at most [`BLOCK`] offers; a block is an object whose
//! members are the offers' fields, each a list of values, the block's n-th offer's value n-th.
//! A `null` value, or a list shorter than the block's longest, leaves that offer without the
//! field. Each offer is put back together as the JSON object it would be in format 1 and read as
//! such by the bundle's reader, so that a broken offer is skipped and reported on its own, as in
//! format 1. No other code reads columns: the model, the app and the CLI see offers.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::Offer;

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
        // By quoted name: the values written so far, and how many.
        let mut columns: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let pad = |values: &mut String, count: &mut usize, to: usize| {
            while *count < to {
                values.push_str(if *count > 0 { ",null" } else { "null" });
                *count += 1;
            }
        };
        for (i, offer) in block.iter().enumerate() {
            json.clear();
            serde_json::to_writer(&mut json, offer).expect("an offer serializes");
            let text = std::str::from_utf8(&json).expect("serde_json writes UTF-8");
            for (name, value) in members(text) {
                // The name copied once, when its column is new (not at each offer).
                if !columns.contains_key(name) {
                    columns.insert(name.to_owned(), Default::default());
                }
                let (values, count) = columns.get_mut(name).expect("inserted above");
                pad(values, count, i);
                if *count > 0 {
                    values.push(',');
                }
                values.push_str(value);
                *count += 1;
            }
        }
        out.push('{');
        for (c, (name, (mut values, mut count))) in columns.into_iter().enumerate() {
            if c > 0 {
                out.push_str(",\n");
            }
            pad(&mut values, &mut count, block.len());
            out.push_str(&name);
            out.push_str(":[");
            out.push_str(&values);
            out.push(']');
        }
        out.push('}');
    }
}

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
    /// Adds the columns of `text`: `"name":[value,…]` members separated by commas (a block's
    /// members without its braces).
    pub(crate) fn add(&mut self, text: String) -> Result<(), &'static str> {
        let bytes = text.as_bytes();
        let mut at = skip_space(bytes, 0);
        let mut first = true;
        while at < bytes.len() {
            if !std::mem::take(&mut first) {
                at = expect(bytes, at, b',')?;
            }
            let name = at..string_end(bytes, at)?;
            at = expect(bytes, name.end, b':')?;
            at = expect(bytes, at, b'[')?;
            let mut values = Vec::new();
            if bytes.get(at) == Some(&b']') {
                at += 1;
            } else {
                loop {
                    let end = value_end(bytes, at, b']')?;
                    values.push(at..trim_end(bytes, at, end));
                    let next = bytes[end];
                    at = skip_space(bytes, end + 1);
                    if next == b']' {
                        break;
                    }
                }
            }
            self.columns.push(Column {
                text: self.texts.len(),
                name,
                values,
            });
            at = skip_space(bytes, at);
        }
        self.texts.push(text);
        Ok(())
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
fn expect(bytes: &[u8], at: usize, byte: u8) -> Result<usize, &'static str> {
    let at = skip_space(bytes, at);
    match bytes.get(at) {
        Some(&b) if b == byte => Ok(skip_space(bytes, at + 1)),
        _ => Err("colonne mal formée"),
    }
}

/// Past the string that starts at `at`.
fn string_end(bytes: &[u8], at: usize) -> Result<usize, &'static str> {
    if bytes.get(at) != Some(&b'"') {
        return Err("nom de colonne attendu");
    }
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Ok(i + 1),
            _ => i += 1,
        }
    }
    Err("texte non terminé")
}

/// Where the value that starts at `at` ends: the `,` or `close` after it, outside any string or
/// nested list or object.
fn value_end(bytes: &[u8], at: usize, close: u8) -> Result<usize, &'static str> {
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
                    Err("valeur attendue")
                } else {
                    Ok(i)
                };
            }
            b']' | b'}' => return Err("« ] » ou « } » inattendu"),
            _ => {}
        }
        i += 1;
    }
    Err("valeur non terminée")
}
