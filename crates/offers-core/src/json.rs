//! A JSON reader, written here for the bundle (each type is read with it in the `read` module).
//!
//! Why not serde_json's deserializer and serde's derived `Deserialize`: in the app's module they
//! were the parser, a visitor per type and per field, and the generic code between them, about
//! 20 KB brotli of the first view (issue "The board on first paint"; README, "Where the wasm's
//! bytes go"). This reader walks the text once, with one plain function per type and no generic
//! visitor. Writing a bundle stays serde's (`Serialize`); so do the CLI's other inputs.
//!
//! It is strict JSON (RFC 8259): what serde_json refuses, it refuses, with the line and column.

use std::borrow::Cow;
use std::fmt;

/// Why a text could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Not JSON at all (`true`), or JSON of another shape than expected.
    pub syntax: bool,
    pub message: String,
    /// From 1.
    pub line: usize,
    /// From 1, in bytes (as serde_json counts them): counting characters would read the whole
    /// line again at each error.
    pub column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (ligne {}, colonne {})",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// Values nested deeper than this are refused (serde_json's limit too): a hostile text cannot
/// exhaust the stack.
const MAX_NESTING: usize = 128;

/// A position in a JSON text, read forward. It counts lines as it goes (in JSON a line break can
/// only be a space between tokens): an error's position costs nothing, however many errors a
/// large text has.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
    /// The line of `at`, from 1, and where that line starts.
    line: usize,
    line_start: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            at: 0,
            depth: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// The value that starts at byte `at` of `text`: errors give positions in the whole text. To
    /// read several values of one text in order, [`seek`](Self::seek) one reader instead: each
    /// new reader counts the lines before its value.
    pub fn at(text: &'a str, at: usize) -> Reader<'a> {
        let mut r = Reader::new(text);
        r.seek(at);
        r
    }

    /// On to the value at byte `at`, further on in the text (the lines between counted).
    pub fn seek(&mut self, at: usize) {
        let between = &self.text.as_bytes()[self.at..at];
        if let Some(last) = between.iter().rposition(|&b| b == b'\n') {
            self.line += between.iter().filter(|&&b| b == b'\n').count();
            self.line_start = self.at + last + 1;
        }
        self.at = at;
        // A new value: an error may have left the last one's nesting counted.
        self.depth = 0;
    }

    /// Where the next value starts (spaces skipped).
    pub fn position(&mut self) -> usize {
        self.space();
        self.at
    }

    /// The text read since `start`.
    pub fn since(&self, start: usize) -> &'a str {
        &self.text[start..self.at]
    }

    fn error(&self, syntax: bool, message: String) -> Error {
        Error {
            syntax,
            message,
            line: self.line,
            column: self.at - self.line_start + 1,
        }
    }

    /// Not JSON here.
    pub fn syntax(&self, message: impl Into<String>) -> Error {
        self.error(true, message.into())
    }

    /// JSON, but not what was expected here.
    pub fn shape(&self, message: impl Into<String>) -> Error {
        self.error(false, message.into())
    }

    /// The value here is not `what`: a shape error if it is a value, a syntax error if it is not.
    fn unexpected(&mut self, what: &str) -> Error {
        match self.peek() {
            Some(b'"' | b'{' | b'[' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
                self.shape(format!("{what} attendu"))
            }
            Some(_) => self.syntax("valeur attendue"),
            None => self.syntax("fin du texte inattendue"),
        }
    }

    fn space(&mut self) {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.at) {
            match b {
                b' ' | b'\r' | b'\t' => {}
                b'\n' => {
                    self.line += 1;
                    self.line_start = self.at + 1;
                }
                _ => break,
            }
            self.at += 1;
        }
    }

    /// The next byte after spaces, not consumed.
    pub fn peek(&mut self) -> Option<u8> {
        self.space();
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8, message: &str) -> Result<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.syntax(message))
        }
    }

    /// Only spaces are left.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("texte après la fin du JSON")),
        }
    }

    fn literal(&mut self, word: &str) -> Result<()> {
        if self.text.as_bytes()[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.syntax("valeur attendue"))
        }
    }

    /// Reads `null` if it is next.
    pub fn null(&mut self) -> Result<bool> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn bool(&mut self) -> Result<bool> {
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(self.unexpected("vrai ou faux")),
        }
    }

    /// A whole number from 0 to `max`.
    pub fn uint(&mut self, max: u64) -> Result<u64> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.unexpected("nombre entier"));
        }
        let start = self.at;
        self.number()?;
        let found = &self.text[start..self.at];
        let mut n = Some(0u64);
        for d in found.bytes() {
            n = n
                .filter(|_| d.is_ascii_digit())
                .and_then(|n| n.checked_mul(10)?.checked_add(u64::from(d - b'0')));
        }
        match n {
            Some(n) if n <= max => Ok(n),
            _ => {
                self.at = start;
                Err(self.shape(format!(
                    "nombre entier de 0 à {max} attendu, « {found} » trouvé"
                )))
            }
        }
    }

    /// Past a number: `-`, digits without a leading zero, then a fraction and an exponent.
    fn number(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let start = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - start
        };
        let mut at = self.at;
        at += usize::from(bytes.get(at) == Some(&b'-'));
        let whole = at;
        let valid = match digits(&mut at) {
            0 => false,
            n => !(n > 1 && bytes[whole] == b'0'),
        } && (bytes.get(at) != Some(&b'.') || {
            at += 1;
            digits(&mut at) > 0
        }) && (!matches!(bytes.get(at), Some(b'e' | b'E')) || {
            at += 1;
            at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
            digits(&mut at) > 0
        });
        if !valid {
            return Err(self.syntax("nombre mal formé"));
        }
        self.at = at;
        Ok(())
    }

    /// A string: borrowed from the text when it has no escape.
    pub fn str(&mut self) -> Result<Cow<'a, str>> {
        let (start, escaped) = self.string()?;
        let end = self.at - 1;
        if !escaped {
            return Ok(Cow::Borrowed(&self.text[start..end]));
        }
        // The escapes decoded in a second look at the string, known to be well formed.
        let past = self.at;
        let mut out = String::with_capacity(end - start);
        self.at = start;
        while let Some(i) = self.text[self.at..end].find('\\') {
            out.push_str(&self.text[self.at..self.at + i]);
            self.at += i + 1;
            out.push(self.escape()?);
        }
        out.push_str(&self.text[self.at..end]);
        self.at = past;
        Ok(Cow::Owned(out))
    }

    /// Past the string here, checked as JSON has it: where its text starts (past the quote), and
    /// whether it has escapes. It decodes nothing, so a skim allocates nothing. An escape of half
    /// a character alone (`\ud800`) is JSON (RFC 8259, 8.2), and serde_json skims it too: only
    /// its decoding, in [`str`](Self::str), refuses it, as serde refuses it in a text.
    fn string(&mut self) -> Result<(usize, bool)> {
        if self.peek() != Some(b'"') {
            return Err(self.unexpected("texte"));
        }
        let bytes = self.text.as_bytes();
        self.at += 1;
        let start = self.at;
        let mut escaped = false;
        loop {
            match bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok((start, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    self.at += 2;
                    match bytes.get(self.at - 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                        Some(b'u') => drop(self.hex4()?),
                        _ => return Err(self.syntax("échappement inconnu")),
                    }
                }
                Some(0..=0x1f) => return Err(self.syntax("caractère de contrôle dans un texte")),
                Some(_) => self.at += 1,
                None => return Err(self.syntax("texte non terminé")),
            }
        }
    }

    /// The character of the escape after a `\`, in a string already checked.
    fn escape(&mut self) -> Result<char> {
        let byte = self.text.as_bytes().get(self.at).copied();
        self.at += 1;
        // Half a character alone, said where its escape starts.
        let alone = |r: &mut Self, at| {
            r.at = at - 2;
            r.shape("moitié de caractère seule (\\u)")
        };
        let at = self.at;
        Ok(match byte {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let unit = self.hex4()?;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        if !self.text.as_bytes()[self.at..].starts_with(b"\\u") {
                            return Err(alone(self, at));
                        }
                        self.at += 2;
                        match self.hex4()? {
                            low @ 0xDC00..=0xDFFF => {
                                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                            }
                            _ => return Err(alone(self, at)),
                        }
                    }
                    _ => unit,
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return Err(alone(self, at)),
                }
            }
            _ => return Err(self.syntax("échappement inconnu")),
        })
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.text.get(self.at..self.at + 4);
        match digits.and_then(|d| {
            (d.bytes().all(|b| b.is_ascii_hexdigit())).then(|| u32::from_str_radix(d, 16).ok())?
        }) {
            Some(unit) => {
                self.at += 4;
                Ok(unit)
            }
            None => Err(self.syntax("quatre chiffres hexadécimaux attendus après \\u")),
        }
    }

    fn nest(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.syntax(format!("plus de {MAX_NESTING} niveaux imbriqués")));
        }
        self.at += 1;
        Ok(())
    }

    /// An object: `member` is called with each member's name, the reader at its value, which it
    /// must read or [`skip`](Self::skip).
    pub fn object(
        &mut self,
        member: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<()>,
    ) -> Result<()> {
        if self.peek() != Some(b'{') {
            return Err(self.unexpected("objet"));
        }
        self.nest()?;
        if !self.eat(b'}') {
            loop {
                let name = self.member_name()?;
                member(self, &name)?;
                if !self.eat(b',') {
                    self.expect(b'}', "« , » ou « } » attendu")?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// An array: `item` is called with the reader at each item, which it must read or skip.
    pub fn array(&mut self, item: &mut dyn FnMut(&mut Reader<'a>) -> Result<()>) -> Result<()> {
        if self.peek() != Some(b'[') {
            return Err(self.unexpected("liste"));
        }
        self.nest()?;
        if !self.eat(b']') {
            loop {
                item(self)?;
                if !self.eat(b',') {
                    self.expect(b']', "« , » ou « ] » attendu")?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// An array, each item read by `read`.
    pub fn list<T>(&mut self, read: fn(&mut Reader<'a>) -> Result<T>) -> Result<Vec<T>> {
        let mut items = Vec::new();
        self.array(&mut |r| {
            items.push(read(r)?);
            Ok(())
        })?;
        Ok(items)
    }

    /// Past the value here, checked. Without recursion, so without a nesting limit: a value nested
    /// however deep is skimmed, and only the reading of its own type refuses it (in a bundle, the
    /// one offer that holds it is skipped).
    pub fn skip(&mut self) -> Result<()> {
        // What closes each value opened and not closed yet: `}` or `]`.
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                Some(b'{') => {
                    self.at += 1;
                    if !self.eat(b'}') {
                        open.push(b'}');
                        self.skim_name()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.at += 1;
                    if !self.eat(b']') {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'"') => drop(self.string()?),
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'n') => self.literal("null")?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(_) => return Err(self.syntax("valeur attendue")),
                None => return Err(self.syntax("fin du texte inattendue")),
            }
            // A value has ended: close what ends with it, or go on to the next item.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                if self.eat(b',') {
                    if close == b'}' {
                        self.skim_name()?;
                    }
                    break;
                }
                if !self.eat(close) {
                    return Err(self.syntax(if close == b'}' {
                        "« , » ou « } » attendu"
                    } else {
                        "« , » ou « ] » attendu"
                    }));
                }
                open.pop();
            }
        }
    }

    /// A member's name, past its `:`.
    fn member_name(&mut self) -> Result<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return Err(self.syntax("nom de champ attendu"));
        }
        let name = self.str()?;
        self.expect(b':', "« : » attendu")?;
        Ok(name)
    }

    /// Past a member's name and its `:`, the name not decoded (as serde_json skims it).
    fn skim_name(&mut self) -> Result<()> {
        if self.peek() != Some(b'"') {
            return Err(self.syntax("nom de champ attendu"));
        }
        self.string()?;
        self.expect(b':', "« : » attendu")
    }

    /// Past the value here, checked: its text.
    pub fn raw(&mut self) -> Result<&'a str> {
        let start = self.position();
        self.skip()?;
        Ok(self.since(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip_all(text: &str) -> Result<()> {
        let mut r = Reader::new(text);
        r.skip()?;
        r.end()
    }

    #[test]
    fn accepts_what_json_accepts_and_refuses_the_rest() {
        let good = [
            "0",
            "-0.5e+3",
            "12E2",
            "true",
            "null",
            " [ 1 , {\"a\" : [\"b\\u00e9\\ud83d\\ude00\"] } ] ",
            "{}",
            "[]",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
        ];
        for text in good {
            assert!(skip_all(text).is_ok(), "{text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_ok(),
                "{text}"
            );
        }
        let bad = [
            "",
            "01",
            "-",
            "1.",
            "1e",
            ".5",
            "+1",
            "tru",
            "nul",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "\"x",
            "\"\\x\"",
            "\"\\u12g4\"",
            "\"a\u{1}b\"",
            "1 2",
            "[",
            "{\"a\":",
            "'a'",
            "NaN",
        ];
        for text in bad {
            assert!(skip_all(text).is_err(), "{text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                "{text}"
            );
        }
        // Half a character alone is JSON, skimmed as serde_json skims it; as a text, refused
        // (its own place given, not a syntax error), as serde refuses it.
        for text in ["\"\\ud83d\"", "\"a\\ude00\"", "\"\\ud83d\\u0041\""] {
            let named = format!("{{{text}:1}}");
            assert!(skip_all(&named).is_ok(), "{named}");
            assert!(serde_json::from_str::<serde::de::IgnoredAny>(&named).is_ok());
            assert!(skip_all(text).is_ok(), "{text}");
            assert!(serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok());
            assert!(serde_json::from_str::<String>(text).is_err());
            let err = Reader::new(text).str().unwrap_err();
            assert!(
                !err.syntax && err.message.contains("moitié"),
                "{text}: {err}"
            );
        }
        // Where the escape starts.
        let err = Reader::new("\"ab\\ude00\"").str().unwrap_err();
        assert_eq!(err.column, 4, "{err}");
        // Skimmed however deep; read as a type, refused beyond the limit.
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(skip_all(&deep).is_ok());
        fn nested(r: &mut Reader<'_>) -> Result<()> {
            r.array(&mut |r| nested(r))
        }
        let err = nested(&mut Reader::new(&deep)).unwrap_err();
        assert!(err.message.contains("niveaux"), "{err}");
        assert!(skip_all(&("[".repeat(1000) + &"]".repeat(999))).is_err());
        assert!(skip_all(&("{\"a\":".repeat(1000) + "1" + &"}".repeat(1000))).is_ok());
    }

    #[test]
    fn strings_are_decoded_and_borrowed_when_they_can_be() {
        let mut r = Reader::new(r#""plain é" "a\nb\u00e9\ud83d\ude00c""#);
        assert!(matches!(r.str().unwrap(), Cow::Borrowed("plain é")));
        assert_eq!(r.str().unwrap(), "a\nbé😀c");
    }

    #[test]
    fn whole_numbers_are_bounded() {
        let read = |text: &str, max| Reader::new(text).uint(max);
        assert_eq!(read("255", 255).unwrap(), 255);
        assert!(!read("256", 255).unwrap_err().syntax);
        assert!(!read("-1", 255).unwrap_err().syntax);
        assert!(!read("1.0", 255).unwrap_err().syntax);
        assert!(!read("\"1\"", 255).unwrap_err().syntax);
        assert!(read("01", 255).unwrap_err().syntax);
        assert!(
            !read("99999999999999999999999", u64::MAX)
                .unwrap_err()
                .syntax
        );
    }

    #[test]
    fn errors_say_where_in_lines_and_bytes() {
        let err = skip_all("{\n  \"é\": [1,\n   x]}").unwrap_err();
        assert!(err.syntax);
        assert_eq!((err.line, err.column), (3, 4));
        assert_eq!(err.to_string(), "valeur attendue (ligne 3, colonne 4)");
        let mut r = Reader::new("  \"é\" 5");
        r.str().unwrap();
        let err = r.bool().unwrap_err();
        assert!(!err.syntax);
        assert_eq!((err.line, err.column), (1, 8));
        // A reader put at a value, or moved on to the next, counts the lines before it.
        let text = "[\n true,\n\n  5,\n x]";
        let mut r = Reader::at(text, text.find('5').unwrap());
        assert_eq!(
            (r.bool().unwrap_err().line, r.bool().unwrap_err().column),
            (4, 3)
        );
        r.seek(text.find('x').unwrap());
        assert_eq!(
            (r.bool().unwrap_err().line, r.bool().unwrap_err().column),
            (5, 2)
        );
    }
}
