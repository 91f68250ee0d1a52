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

/// Brotli's quality for a file of `len` bytes: the best (11) up to 1 MiB, which covers the
/// module, the stylesheet and every page; 9 above, where 11 would take seconds per megabyte (a
/// bundle of 10 000 offers is 14 MB) for a few per cent.
fn quality(len: usize) -> u32 {
    if len <= 1 << 20 {
        11
    } else {
        9
    }
}

pub fn brotli(raw: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: quality(raw.len()) as i32,
        size_hint: raw.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).expect("compressing to memory");
    out
}

pub fn gzip(raw: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw).expect("compressing to memory");
    encoder.finish().expect("compressing to memory")
}

/// Writes `X.br` and `X.gz` beside each file `X` of `files`, on every core.
pub fn precompress(files: &[PathBuf]) -> Result<(), CliError> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores)
            .map(|_| {
                scope.spawn(|| -> Result<(), CliError> {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(path) = files.get(i) else {
                            return Ok(());
                        };
                        let raw = std::fs::read(path).map_err(|source| CliError::Read {
                            path: path.clone(),
                            source,
                        })?;
                        for (ext, packed) in [("gz", gzip(&raw)), ("br", brotli(&raw))] {
                            if packed.len() < raw.len() {
                                write(&with_suffix(path, ext), packed)?;
                            }
                        }
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .try_for_each(|w| w.join().expect("a compressing thread panicked"))
    })
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
        let br = brotli(raw.as_bytes());
        let mut plain = Vec::new();
        brotli_decompressor::BrotliDecompress(&mut &br[..], &mut plain).unwrap();
        assert_eq!(plain, raw.as_bytes());
        let gz = gzip(raw.as_bytes());
        let mut plain = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut plain)
            .unwrap();
        assert_eq!(plain, raw);
        assert!(br.len() < gz.len() && gz.len() < raw.len());
    }
}
