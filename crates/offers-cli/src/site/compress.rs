//! A `.br` and a `.gz` beside every text file of a site, for hosts that serve them as they are
//! (nginx gzip_static and brotli_static, most CDNs), each kept only when smaller than its source.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::io::{write, CliError};

/// The files worth compressing: text.
const TEXT: &[&str] = &[
    "html",
    "js",
    "css",
    "wasm",
    "json",
    "atom",
    "xml",
    "svg",
    "txt",
    "webmanifest",
];

pub fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT.contains(&e))
}

/// Brotli's quality (and gzip's level) for the file `name` (its path from the site's root) of
/// `len` bytes. The best, 11 (and 9), for the files at the root up to 1 MiB: the module, the
/// stylesheet, the board's page, the scripts, a bundle of a few hundred offers; they are what
/// every visitor downloads first. Elsewhere quality 11 costs about 7 ms per 5 KB offer page
/// (a minute for 10 000 offers on this 2-core machine) for 10 % fewer bytes than 5 (0.17 ms).
/// Above 1 MiB, a large bundle: 10, which finds nearly all that 11 does in a quarter of its time
/// (10 000 offers of `offers synth` in columns, 1.5 MB: 131 KB at 9 in 0.2 s, 103 KB at 10 in
/// 1.1 s, 102 KB at 11 in 4.6 s), and the list is what a visitor waits for before the board
/// works. 5 for the offer pages and the feeds under their folders; gzip, the copy for the rare
/// client without brotli, at level 1 for all but the small root files (twice as fast as 6, 12 %
/// bigger).
fn levels(name: &str, len: usize) -> (u32, u32) {
    match (name.contains('/'), len <= 1 << 20) {
        (false, true) => (11, 9),
        (false, false) => (10, 1),
        (true, _) => (5, 1),
    }
}

pub fn brotli(raw: &[u8], quality: u32) -> Vec<u8> {
    // The window fits the file, from 2^18 (256 KiB) to brotli's default 2^22: the encoder
    // clears tables that follow the window, which was most of the time spent on a 5 KB page (0.35
    // ms at 2^22, 0.17 ms at 2^18, the same bytes). Below 2^17 this crate switches to another
    // hasher that is fourteen times slower at quality 5 (measured), hence the floor.
    let window = (usize::BITS - raw.len().max(1).leading_zeros()).clamp(18, 22);
    let params = brotli::enc::BrotliEncoderParams {
        quality: quality as i32,
        lgwin: window as i32,
        size_hint: raw.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).expect("compressing to memory");
    out
}

pub fn gzip(raw: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder.write_all(raw).expect("compressing to memory");
    encoder.finish().expect("compressing to memory")
}

/// Writes each of `files` (path from the site's root `root`, whose folders exist, bytes, whether
/// to compress it) and, for those to compress, `X.br` and `X.gz` beside `X`; a copy that would
/// not be smaller than its source is removed instead. When `root` held a site `before`, a file
/// already as it should be is left alone. Everything is compressed on every core, then written
/// on every core. Returns the compressed copies written (or left alone, already right).
pub fn write_all(
    root: &Path,
    files: &[(&str, &[u8], bool)],
    before: bool,
) -> Result<std::collections::HashSet<PathBuf>, CliError> {
    let packed = crate::io::on_every_core(files, |&(name, raw, compress)| {
        if !compress {
            return Ok(None);
        }
        let (quality, level) = levels(name, raw.len());
        Ok(Some([
            ("gz", gzip(raw, level)),
            ("br", brotli(raw, quality)),
        ]))
    })?;
    let writes: Vec<(PathBuf, Option<&[u8]>)> = files
        .iter()
        .zip(&packed)
        .flat_map(|(&(name, raw, _), copies)| {
            let path = root.join(name);
            let copies = copies.iter().flatten().map(|(ext, bytes)| {
                let smaller = bytes.len() < raw.len();
                (with_suffix(&path, ext), smaller.then_some(bytes.as_slice()))
            });
            std::iter::once((path.clone(), Some(raw))).chain(copies.collect::<Vec<_>>())
        })
        .collect();
    crate::io::on_every_core(&writes, |(path, bytes)| match bytes {
        // Publishing again rewrites only what changed (overwriting 27 000 files costs seconds on
        // ext4; reading them, a fraction).
        Some(bytes) if before && std::fs::read(path).is_ok_and(|old| old == *bytes) => Ok(()),
        Some(bytes) => write(path, bytes),
        None if before && path.exists() => crate::io::remove(path),
        None => Ok(()),
    })?;
    Ok(writes
        .into_iter()
        .filter(|(path, bytes)| {
            bytes.is_some() && path.extension().is_some_and(|e| e == "br" || e == "gz")
        })
        .map(|(path, _)| path)
        .collect())
}

/// `path` with `.ext` added (`a.js` → `a.js.br`).
pub fn with_suffix(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_copies_decompress_to_the_source() {
        let raw = "<p>Offre d'emploi</p>\n".repeat(200);
        let br = brotli(raw.as_bytes(), 11);
        let mut plain = Vec::new();
        brotli_decompressor::BrotliDecompress(&mut &br[..], &mut plain).unwrap();
        assert_eq!(plain, raw.as_bytes());
        let gz = gzip(raw.as_bytes(), 9);
        let mut plain = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut plain)
            .unwrap();
        assert_eq!(plain, raw);
        assert!(br.len() < gz.len() && gz.len() < raw.len());
    }

    #[test]
    fn the_best_for_the_first_view_faster_for_pages_by_thousands_and_big_files() {
        assert_eq!(levels("offres-1234_bg.wasm", 500_000), (11, 9));
        assert_eq!(levels("offers.json", 14_000_000), (10, 1));
        assert_eq!(levels("offres/synth-1.html", 5_000), (5, 1));
        assert_eq!(levels("feeds/lieu-paris.atom", 5_000), (5, 1));
    }
}
