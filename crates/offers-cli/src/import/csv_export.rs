//! Job-board CSV exports: Place de l'emploi public exports for Pôle emploi (pipe-separated, no
//! quoting, `\n` written as two characters), raw TalentSoft exports (semicolon-separated,
//! quoted) and the DGAFP open-data file of choisirleservicepublic.gouv.fr (semicolon-separated,
//! quoted, French column names, no offer address). The separator is read from the header line;
//! columns are found by name, so exports with columns in another order or missing ones are read
//! too. Families come from each offer's domain and job, grouped as `_familles.yml` says.

use std::path::Path;

use offers_core::Family;

use super::families::Families;
use super::write::{bundle_file, markdown_text, offer_file, offers_folder};
use crate::content::{
    grade_level, reference_in_url, salary_in_text, slugify, BundleFile, DefaultsFile, OfferFront,
    PageFile,
};
use crate::dates::content_date;
use crate::io::CliError;

/// One offer read from a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub reference: String,
    pub front: OfferFront,
    pub description: String,
    /// Its domain and job, as the export names them: what its family is found from.
    pub topic: String,
}

#[derive(Debug, Default)]
pub struct Export {
    pub rows: Vec<Row>,
    /// (line, message)
    pub warnings: Vec<(usize, String)>,
    /// Who publishes the export, the employer of an offer that names none.
    pub publisher: &'static str,
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
    let c_ref = col(&["Par_ref_offre", "Offer_Reference_", "OfferID", "Référence"]);
    let c_url = col(&["Par_URL_offre"]);
    let c_title = col(&[
        "JobDescriptionTranslation_JobTitle_",
        "Offer_CustomFieldsTranslation_LongText1_",
        "Intitulé du poste",
        "Libelle_metier_OGR",
    ]);
    // The DGAFP file has no address column: offers are at choisirleservicepublic.gouv.fr, by
    // reference.
    let dgafp = !col(&["Intitulé du poste"]).is_empty() && c_url.is_empty();
    let c_topic = col(&[
        "Domaine",
        "Domaine fonctionnel",
        "Métier",
        "Libelle_metier_OGR",
        "JobDescription_PrimaryProfile_",
    ]);
    let c_salary = col(&["Rémunération", "Salaire", "Fourchette de rémunération"]);
    let c_remote = col(&["Télétravail"]);
    let c_duration = col(&["Durée du contrat"]);
    let c_desc = col(&["Description", "JobDescriptionTranslation_Description1_"]);
    let c_profile = col(&["JobDescriptionTranslation_Description2_"]);
    let c_employer = col(&[
        "Offer_CustomFieldsTranslation_LongText2_",
        "Employeur",
        "Organisme de rattachement",
        "Origin_Entity_",
    ]);
    let c_city = col(&[
        "Location_CustomFieldsTranslation_ShortText1_",
        "Localisation du poste",
    ]);
    let c_dept_name = col(&["Location_Department_Department_", "DEP_libelle"]);
    let c_dept = col(&["DEP_cle"]);
    let c_contract = col(&["TCO_cle", "JobDescription_Contract_", "Nature de contrat"]);
    let c_months = col(&["Off_contrat_duree_MO"]);
    let c_grade = col(&[
        "JobDescription_CustomFields_CustomCodeTableValue1_",
        "Catégorie",
    ]);
    let c_published = col(&[
        "Off_date_creation",
        "FirstPublicationDate",
        "SchedulingData_DefaultPublicationBeginDate_",
        "Date de première publication",
    ]);
    let c_closes = col(&[
        "SchedulingData_DefaultPublicationEndDate_",
        "Date de fin de publication par défaut",
    ]);

    let c_apply = col(&["Origin_CustomFieldsTranslation_ShortText2_"]);
    let c_address = col(&["Location_JobLocation_"]);

    let mut export = Export {
        warnings,
        publisher: if dgafp {
            "Choisir le service public"
        } else {
            "Place de l'emploi public"
        },
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
        let Some(title) = get(&c_title)
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .or_else(|| url.as_deref().and_then(title_from_url))
        else {
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
        if dgafp {
            url = Some(format!(
                "https://choisirleservicepublic.gouv.fr/offre-emploi/{}-reference-{}/",
                slugify(&title),
                offers_core::percent::encode(&reference, b"")
            ));
        }
        let mut front = OfferFront {
            id: slugify(&reference),
            title,
            reference: Some(reference.clone()),
            url,
            // The DGAFP file writes the employer with its address, a line each: the first names it.
            employer: get(&c_employer).and_then(|e| e.lines().next().map(|l| l.trim().to_string())),
            ..OfferFront::default()
        };
        let dept_code = get(&c_dept).or_else(|| {
            get(&c_dept_name).and_then(|d| {
                d.rsplit_once('(')
                    .map(|(_, c)| c.trim_end_matches(')').to_string())
            })
        });
        let place = get(&c_city)
            .map(|p| place_of(&p))
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
            .map(|m| format!("{m} mois"))
            .or_else(|| get(&c_duration));
        front.remote = get(&c_remote).and_then(|r| match offers_core::fold::fold(&r).as_str() {
            "oui" => Some("télétravail possible".to_string()),
            "non" => None,
            _ => Some(r),
        });
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
        front.salary = get(&c_salary).or_else(|| salary_in_text(&description));
        front.published_on = get(&c_published).and_then(|d| content_date(&d));
        front.closes_on = get(&c_closes).and_then(|d| content_date(&d));
        // The domain and job first, then the title: the grouping reads them in that order.
        let topic = c_topic
            .iter()
            .filter_map(|i| fields.get(*i))
            .map(|v| v.trim())
            .chain(std::iter::once(front.title.as_str()))
            .collect::<Vec<_>>()
            .join(" ");
        export.rows.push(Row {
            line,
            reference,
            front,
            description,
            topic,
        });
    }
    export
}

/// A place as the DGAFP file writes it, often a postal address: "Collège 49120 CHEMILLE EN ANJOU"
/// → "CHEMILLE EN ANJOU (49)", "… La Fauvière - 13 010 MARSEILLE" → "MARSEILLE (13)", "1 bis rue
/// de Lutèce 75195 Paris cedex 04" → "Paris (75)" (the town after the postcode, the department
/// from it, "cedex" dropped); "Site Convention, 48 rue de Javel, Paris 15e" → "Paris (75)";
/// anything else as written.
fn place_of(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let digits = |w: &str, n: usize| w.len() == n && w.bytes().all(|b| b.is_ascii_digit());
    // "49120", or "13 010" written in two.
    let postcode = (0..words.len()).find_map(|i| {
        if digits(words[i], 5) {
            Some((words[i].to_string(), i + 1))
        } else if digits(words[i], 2) && words.get(i + 1).is_some_and(|w| digits(w, 3)) {
            Some((format!("{}{}", words[i], words[i + 1]), i + 2))
        } else {
            None
        }
    });
    if let Some((code, after)) = postcode {
        let town: Vec<&str> = words[after..]
            .iter()
            .take_while(|w| !w.eq_ignore_ascii_case("cedex"))
            .copied()
            .collect();
        if !town.is_empty() {
            let department = if code.starts_with("97") {
                &code[..3]
            } else {
                &code[..2]
            };
            return format!("{} ({department})", town.join(" "));
        }
    }
    // An arrondissement of Paris, at the end of an address ("Paris 15e", "PARIS 04").
    let last = text.rsplit([',', '-']).next().unwrap_or(text).trim();
    if last
        .get(..6)
        .is_some_and(|p| p.eq_ignore_ascii_case("paris "))
    {
        return "Paris (75)".into();
    }
    text.to_string()
}

/// Writes the export's offers as a content directory, each in the family its domain and job name
/// (`_familles.yml`); the families no offer has are left out of `_bundle.yml`.
pub fn write_content(
    export: &Export,
    dir: &Path,
    employer: &str,
    source_name: &str,
) -> Result<usize, CliError> {
    crate::io::create_dir(dir)?;
    let grouping = Families::load(dir)?;
    let family_of: Vec<usize> = export.rows.iter().map(|r| grouping.of(&r.topic)).collect();
    let mut used: Vec<usize> = family_of.clone();
    used.sort_unstable();
    used.dedup();
    let families: Vec<Family> = used.iter().map(|&i| grouping.family(i).clone()).collect();
    let bundle = BundleFile {
        page: PageFile {
            title: format!("Offres d'emploi ({source_name})"),
            ..PageFile::default()
        },
        defaults: DefaultsFile {
            employer: Some(employer.into()),
            family: families.first().map(|f| f.id.clone()),
        },
        families,
        ..BundleFile::default()
    };
    bundle_file(dir, &bundle)?;
    let offers = offers_folder(dir)?;
    // Written on every core: the national export is 50 000 files, each YAML to write.
    let rows: Vec<(usize, &Row)> = export.rows.iter().enumerate().collect();
    crate::io::on_every_core(&rows, |&(i, row)| {
        let mut front = row.front.clone();
        front.family = Some(grouping.family(family_of[i]).id.clone());
        let body: String = row
            .description
            .lines()
            .map(markdown_text)
            .collect::<Vec<_>>()
            .join("\n");
        offer_file(&offers, i, &front, &format!("{body}\n"))
    })?;
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
