//! Case and accent folding for search: "Données" and "DONNEES" both become "donnees".
//!
//! A table of the Latin letters French (and the names in offers) use, rather than a Unicode
//! normalization crate: its decomposition tables would add tens of kilobytes to the wasm module for
//! letters offers never contain. Anything outside the table is lowercased as is.

/// The folded form of one character, as a string slice or the lowercased character itself.
fn fold_char(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        _ => {
            out.push(lower(c));
            return;
        }
    };
    out.push_str(folded);
}

/// Lowercase for the cased scripts offers are written in: ASCII and Latin-1 (the accented ones
/// fold above), Latin Extended-A (Polish, Czech, Hungarian… names), Greek and Cyrillic; any other
/// character is kept as it is. Written here rather than `char::to_lowercase`, whose full Unicode
/// case table weighed 5.1 KB brotli in the wasm module (measured: 175.5 KB without this, 170.4 KB
/// with it) for scripts that offers of French administrations do not use.
fn lower(c: char) -> char {
    let n = c as u32;
    let lowered = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            n + 0x20
        }
        0x400..=0x40F => n + 0x50,
        // Latin Extended-A: upper and lower case alternate, the capital first.
        0x100..=0x137 | 0x14A..=0x177 if n % 2 == 0 => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x178 => 0xFF,
        _ => n,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// Letters and digits, which words are made of: ASCII letters and digits, and every character
/// from U+00C0 on, but for the multiplication and division signs and the blocks of punctuation,
/// spaces and symbols (general punctuation, currency and arrows to miscellaneous symbols, CJK
/// punctuation, full-width forms, emoji). Written here rather than `char::is_alphanumeric`, whose
/// Unicode tables weighed 1.3 KB brotli in the wasm module (measured), to tell words apart in
/// offers' text, where what separates words is ASCII, Latin-1 or general punctuation.
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => true,
        0xD7 | 0xF7 => false,
        0x2000..=0x2BFF | 0x2E00..=0x2E7F | 0x3000..=0x303F | 0xFE10..=0xFE6F => false,
        0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0x1F000..=0x1FAFF => false,
        n => n >= 0xC0,
    }
}

/// Combining diacritical marks (U+0300–U+036F).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F)
}

/// Folds `text` and splits it into words: letters and digits, everything else separates.
/// "Chef·fe du Pôle Datalab H/F" → ["chef", "fe", "du", "pole", "datalab", "h", "f"].
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_combining_mark(c) {
            // A decomposed accent ("e" + U+0301): the letter before it is the word's.
            continue;
        }
        if is_word_char(c) {
            fold_char(c, &mut word);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Folds `text` as one string (words joined by single spaces).
pub fn fold(text: &str) -> String {
    words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Données"), "donnees");
        assert_eq!(fold("INGÉNIEUR"), "ingenieur");
        assert_eq!(fold("Ingénieur·e data"), "ingenieur e data");
        assert_eq!(fold("Cœur  d'ÉTAT"), "coeur d etat");
        assert_eq!(
            words("Chef/fe du Pôle Datalab H/F"),
            ["chef", "fe", "du", "pole", "datalab", "h", "f"]
        );
        assert_eq!(fold("  "), "");
        // What separates words in real offers: apostrophes, dashes, no-break spaces, middle dots,
        // guillemets, the euro sign; a decomposed accent is folded like a composed one.
        assert_eq!(
            fold("l’expérience – 3\u{202f}500\u{a0}€ « Chef·fe » ×2"),
            "l experience 3 500 chef fe 2"
        );
        assert_eq!(fold("Donne\u{301}es"), "donnees");
        // Beyond French: Latin Extended-A, Greek and Cyrillic capitals, as char::to_lowercase
        // lowers them.
        for word in [
            "ŁÓDŹ",
            "ŠKODA",
            "ŐRSÉG",
            "ΑΘΗΝΑ",
            "МОСКВА",
            "ЁЛКА",
            "ŸVES",
            "ĲSSEL",
        ] {
            let expected: String = word
                .to_lowercase()
                .chars()
                .map(|c| match c {
                    'ó' => 'o',
                    'é' => 'e',
                    'ÿ' => 'y',
                    c => c,
                })
                .collect();
            assert_eq!(fold(word), expected, "{word}");
        }
    }
}
