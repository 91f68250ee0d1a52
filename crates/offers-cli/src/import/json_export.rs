//! Place de l'emploi public's TalentSoft JSON (what metiers.numerique.gouv.fr reads from it): an
//! array of offers whose keys are the raw TalentSoft export's column names, so the CSV reader's
//! column mapping reads them (`csv_export::read_records`). Each offer's line is where its object
//! opens in the file.

use super::csv_export::{read_records, Export};

/// The 1-based line where each element of the top-level array opens.
fn element_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1usize, false, false);
    for c in text.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            if c == '\n' {
                line += 1;
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '\n' => line += 1,
            '{' | '[' => {
                if depth == 1 && c == '{' {
                    lines.push(line);
                }
                depth += 1;
            }
            '}' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    lines
}

/// Reads the JSON export; `Err` with the reason when it is not an array of objects.
pub fn read_export(text: &str) -> Result<Export, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("JSON illisible : {e}"))?;
    let Some(items) = value.as_array() else {
        return Err("un tableau d'offres est attendu".into());
    };
    let mut headers: Vec<String> = Vec::new();
    for item in items {
        for key in item.as_object().into_iter().flat_map(|o| o.keys()) {
            if !headers.contains(key) {
                headers.push(key.clone());
            }
        }
    }
    let lines = element_lines(text);
    let mut warnings = Vec::new();
    let mut records = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let Some(object) = item.as_object() else {
            warnings.push((line, format!("élément n° {} : pas un objet, ignoré", i + 1)));
            continue;
        };
        let fields = headers
            .iter()
            .map(|h| match object.get(h) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            })
            .collect();
        records.push((line, fields));
    }
    Ok(read_records(&headers, records, warnings))
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_offer_has_the_line_its_object_opens_on() {
        let text = "[\n  {\"a\": \"x { [\\\" y\"},\n  {\n    \"b\": 1\n  }, {\"c\": {\"d\": 2}}\n]";
        assert_eq!(super::element_lines(text), [2, 3, 5]);
    }
}
