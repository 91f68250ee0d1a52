//! Job-board CSV exports: Place de l'emploi public exports for Pôle emploi (pipe-separated, no
//! quoting, `\n` written as two characters) and raw TalentSoft exports (semicolon-separated,
//! quoted). The separator is read from the header line; columns are found by name, so exports with
//! columns in another order or missing ones are read too.

use std::path::Path;

use offers_core::Family;

use super::write::{bundle_file, markdown_text, offer_file};
use crate::content::{
    grade_level, reference_in_url, salary_in_text, slugify, BundleFile, DefaultsFile, OfferFront,
    PageFile,
};
use crate::io::CliError;

/// One offer read from a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub reference: String,
    pub front: OfferFront,
    pub description: String,
}

#[derive(Debug, Default)]
pub struct Export {
    pub rows: Vec<Row>,
    /// (line, message)
    pub warnings: Vec<(usize, String)>,
}

/// `|` or `;`, whichever the header uses more.
pub fn separator(header: &str) -> u8 {
    if header.matches(';').count() > header.matches('|').count() {
        b';'
    } else {
        b'|'
    }
}

fn title_from_url(url: &str) -> Option<String> {
    let slug = url.trim_end_matches('/').rsplit('/').next()?;
    let slug = slug.split("-reference-").next()?;
    if slug.is_empty() || reference_in_url(url).as_deref() == Some(slug) {
        return None;
    }
    let words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let mut title = words
        .iter()
        .map(|w| {
            if *w == "hf" || *w == "fh" {
                "H/F".to_string()
            } else {
                (*w).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    Some(title)
}

/// Reads an export. Rows with fewer fields than the header are truncated: reported and skipped.
/// A second row with a reference already seen is reported and skipped (identical rows say so).
pub fn read_export(text: &str) -> Export {
    let header_line = text.lines().next().unwrap_or("");
    let sep = separator(header_line);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .quoting(sep == b';')
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => records.push((
                r.position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
                r.iter().map(str::to_string).collect(),
            )),
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                warnings.push((line, format!("ligne illisible, ignorée : {e}")));
            }
        }
    }
    read_records(&headers, records, warnings)
}

/// Reads the export's records, `(line, fields)` under `headers`: the CSV's rows, or the objects of
/// a TalentSoft JSON export (same column names). Columns are found by name; where several name
/// the same thing, the first one that is not empty in a record wins.
pub fn read_records(
    headers: &[String],
    records: Vec<(usize, Vec<String>)>,
    warnings: Vec<(usize, String)>,
) -> Export {
    let col = |names: &[&str]| -> Vec<usize> {
        names
            .iter()
            .filter_map(|n| headers.iter().position(|h| h.eq_ignore_ascii_case(n)))
            .collect()
    };
    let c_ref = col(&["Par_ref_offre", "Offer_Reference_", "OfferID"]);
    let c_url = col(&["Par_URL_offre"]);
    let c_title = col(&[
        "JobDescriptionTranslation_JobTitle_",
        "Offer_CustomFieldsTranslation_LongText1_",
        "Libelle_metier_OGR",
    ]);
    let c_desc = col(&["Description", "JobDescriptionTranslation_Description1_"]);
    let c_profile = col(&["JobDescriptionTranslation_Description2_"]);
    let c_employer = col(&["Offer_CustomFieldsTranslation_LongText2_", "Origin_Entity_"]);
    let c_city = col(&["Location_CustomFieldsTranslation_ShortText1_"]);
    let c_dept_name = col(&["Location_Department_Department_", "DEP_libelle"]);
    let c_dept = col(&["DEP_cle"]);
    let c_contract = col(&["TCO_cle", "JobDescription_Contract_"]);
    let c_months = col(&["Off_contrat_duree_MO"]);
    let c_grade = col(&["JobDescription_CustomFields_CustomCodeTableValue1_"]);
    let c_published = col(&[
        "Off_date_creation",
        "FirstPublicationDate",
        "SchedulingData_DefaultPublicationBeginDate_",
    ]);
    let c_closes = col(&["SchedulingData_DefaultPublicationEndDate_"]);

    let c_apply = col(&["Origin_CustomFieldsTranslation_ShortText2_"]);
    let c_address = col(&["Location_JobLocation_"]);

    let mut export = Export {
        warnings,
        ..Export::default()
    };
    let mut seen: std::collections::HashMap<String, (usize, Vec<String>)> =
        std::collections::HashMap::new();
    for (line, fields) in records {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if fields.len() < headers.len() {
            export.warnings.push((
                line,
                format!(
                    "ligne tronquée ({} champs sur {}), ignorée",
                    fields.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        let get = |c: &[usize]| {
            c.iter()
                .filter_map(|i| fields.get(*i))
                .map(|v| v.trim().to_string())
                .find(|v| !v.is_empty())
        };
        let mut url = get(&c_url);
        if let Some(u) = url.as_mut() {
            if u.chars().any(char::is_whitespace) {
                let fixed: String = u.split_whitespace().collect::<Vec<_>>().join("%20");
                export.warnings.push((
                    line,
                    format!("adresse avec des blancs « {u} » : corrigée en {fixed}"),
                ));
                *u = fixed;
            }
        }
        let Some(reference) = get(&c_ref).or_else(|| url.as_deref().and_then(reference_in_url))
        else {
            export
                .warnings
                .push((line, "ligne sans référence, ignorée".into()));
            continue;
        };
        // The same offer can come twice: same reference, or another internal id for the same URL.
        let keys: Vec<String> = std::iter::once(format!("ref:{reference}"))
            .chain(url.iter().map(|u| format!("url:{u}")))
            .collect();
        if let Some((key, (first, first_fields))) =
            keys.iter().find_map(|k| seen.get(k).map(|v| (k, v)))
        {
            let how = if *first_fields == fields {
                "ligne identique"
            } else {
                "autre ligne"
            };
            let what = if key.starts_with("ref:") {
                format!("référence {reference}")
            } else {
                format!("adresse {}", &key[4..])
            };
            export.warnings.push((
                line,
                format!("{what} en double ({how} : ligne {first}), ignorée"),
            ));
            continue;
        }
        for k in keys {
            seen.insert(k, (line, fields.clone()));
        }
        let Some(title) = get(&c_title).or_else(|| url.as_deref().and_then(title_from_url)) else {
            export
                .warnings
                .push((line, format!("offre {reference} sans intitulé, ignorée")));
            continue;
        };
        let unescape = |t: String| {
            t.replace("\\r\\n", "\n")
                .replace("\\n", "\n")
                .replace('\r', "")
        };
        let mut description = get(&c_desc).map(unescape).unwrap_or_default();
        if let Some(profile) = get(&c_profile).map(unescape) {
            description.push_str("\n\n## Profil recherché\n\n");
            description.push_str(&profile);
        }
        let mut front = OfferFront {
            id: slugify(&reference),
            title,
            reference: Some(reference.clone()),
            url,
            employer: get(&c_employer),
            ..OfferFront::default()
        };
        let dept_code = get(&c_dept).or_else(|| {
            get(&c_dept_name).and_then(|d| {
                d.rsplit_once('(')
                    .map(|(_, c)| c.trim_end_matches(')').to_string())
            })
        });
        let place = get(&c_city)
            .or_else(|| get(&c_dept_name).map(|d| d.split(" (").next().unwrap_or(&d).to_string()));
        front.locations = place
            .map(|p| match dept_code {
                Some(c) => format!("{p} ({c})"),
                None => p,
            })
            .into_iter()
            .collect();
        front.contract = get(&c_contract);
        front.duration = get(&c_months)
            .filter(|m| m != "0")
            .map(|m| format!("{m} mois"));
        front.grade = get(&c_grade).and_then(|g| {
            if matches!(g.as_str(), "A+" | "A" | "B" | "C") {
                Some(format!("Catégorie {g}"))
            } else {
                grade_level(&g).is_some().then_some(g)
            }
        });
        front.apply_email = get(&c_apply).filter(|a| a.contains('@') && !a.contains(' '));
        if front.locations.is_empty() {
            export.warnings.push((
                line,
                format!("offre {reference} sans lieu, importée sans lieu"),
            ));
        } else if !c_address.is_empty() && get(&c_address).is_none() {
            // TalentSoft's job address is empty: the place comes from the city or department.
            export.warnings.push((
                line,
                format!("offre {reference} sans adresse du poste : lieu lu dans la ville ou le département"),
            ));
        }
        front.salary = salary_in_text(&description);
        front.published_on = get(&c_published).map(|d| d.chars().take(10).collect());
        front.closes_on = get(&c_closes).map(|d| d.chars().take(10).collect());
        export.rows.push(Row {
            line,
            reference,
            front,
            description,
        });
    }
    export
}

/// Writes the export's offers as a content directory, all in one family.
pub fn write_content(
    export: &Export,
    dir: &Path,
    employer: &str,
    source_name: &str,
) -> Result<usize, CliError> {
    let bundle = BundleFile {
        page: PageFile {
            title: format!("Offres d'emploi ({source_name})"),
            ..PageFile::default()
        },
        families: vec![Family {
            id: "offres".into(),
            label: "Offres d'emploi".into(),
        }],
        defaults: DefaultsFile {
            employer: Some(employer.into()),
            family: Some("offres".into()),
        },
        ..BundleFile::default()
    };
    bundle_file(dir, &bundle)?;
    for (i, row) in export.rows.iter().enumerate() {
        let body: String = row
            .description
            .lines()
            .map(markdown_text)
            .collect::<Vec<_>>()
            .join("\n");
        offer_file(dir, i, &row.front, &format!("{body}\n"))?;
    }
    Ok(export.rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_separator() {
        assert_eq!(separator("a|b|c"), b'|');
        assert_eq!(separator("a;b;c"), b';');
    }

    #[test]
    fn dedups_by_reference_and_reports_truncated_rows() {
        let text = "Par_URL_offre|Par_ref_offre|Description|Libelle_metier_OGR|TCO_cle\n\
            https://place-emploi-public.gouv.fr/offre-emploi/2020-1|2020-1|Un\\nDeux|Data analyst H/F|CDD\n\
            https://place-emploi-public.gouv.fr/offre-emploi/2020-1|2020-1|Un\\nDeux|Data analyst H/F|CDD\n\
            \n\
            https://place-emploi-public.gouv.fr/offre-emploi/2020-2|2020-2|Trois\n";
        let e = read_export(text);
        assert_eq!(e.rows.len(), 1);
        assert_eq!(e.rows[0].description, "Un\nDeux");
        assert!(
            e.warnings
                .iter()
                .any(|(l, m)| *l == 3 && m.contains("en double (ligne identique : ligne 2)")),
            "{:?}",
            e.warnings
        );
        assert!(
            e.warnings.iter().any(|(_, m)| m.contains("tronquée")),
            "{:?}",
            e.warnings
        );
    }

    #[test]
    fn titles_from_urls() {
        assert_eq!(
            title_from_url("https://place-emploi-public.gouv.fr/offre-emploi/gestionnaire-des-ressources-humaines-hf-reference-2021-533167").as_deref(),
            Some("Gestionnaire des ressources humaines H/F")
        );
        assert_eq!(
            title_from_url("https://place-emploi-public.gouv.fr/offre-emploi/2020-454766"),
            None
        );
    }
}
