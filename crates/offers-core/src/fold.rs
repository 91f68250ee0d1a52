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
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// Folds `text` and splits it into words: letters and digits, everything else separates.
/// "Chef·fe du Pôle Datalab H/F" → ["chef", "fe", "du", "pole", "datalab", "h", "f"].
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
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
    }
}
