//! `offers synth N --seed S`: realistic synthetic offers for benchmarks and tests, as a bundle or
//! as a content directory. The same N and seed always give the same offers.

use offers_core::{
    Apply, Bundle, Contract, ContractKind, Date, Family, Grade, GradeLevel, Location, Offer, Page,
    Remote, RemoteMode, Salary, SalaryPeriod, Section, SectionText, Status, FORMAT_VERSION,
};

use crate::markdown::markdown_to_document;

/// splitmix64: a few lines with a fixed output for a seed, where `rand`'s generators may change
/// their streams between versions and would make benchmark inputs drift.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FAMILIES: &[(&str, &str)] = &[
    ("donnees", "Données / Datascience / Open data"),
    ("design", "Design"),
    ("developpement", "Développement"),
    ("produits-numeriques", "Produits numériques"),
    ("reseau-infrastructure", "Réseau / Infrastructure"),
    ("securite", "Cybersécurité"),
    ("conseil-audit-appui", "Conseil, audit et appui"),
    ("budget-achats", "Budget / Achats"),
];
const ROLES: &[(&str, &str)] = &[
    ("donnees", "Data scientist"),
    ("donnees", "Ingénieur·e data"),
    ("donnees", "Chef·fe du pôle données"),
    ("design", "Designer de services"),
    ("design", "Responsable de recherche utilisateur"),
    ("design", "Expert·e accessibilité numérique"),
    ("developpement", "Développeur·euse full-stack"),
    ("developpement", "Développeur·euse back-end Rust"),
    ("developpement", "Architecte logiciel"),
    ("produits-numeriques", "Product owner"),
    ("produits-numeriques", "Coach agile"),
    ("produits-numeriques", "Chargé·e de déploiement"),
    ("reseau-infrastructure", "Ingénieur·e système et réseau"),
    ("reseau-infrastructure", "Administrateur·rice cloud"),
    ("securite", "Analyste SOC"),
    (
        "securite",
        "Responsable de la sécurité des systèmes d'information",
    ),
    ("conseil-audit-appui", "Consultant·e interne SI"),
    ("conseil-audit-appui", "Mentor de directeur de projet SI"),
    ("budget-achats", "Gestionnaire financier"),
    ("budget-achats", "Acheteur·euse numérique"),
];
const TOPICS: &[&str] = &[
    "de la plateforme FranceConnect",
    "du Réseau interministériel de l'État",
    "de l'observatoire de la qualité",
    "des démarches simplifiées",
    "du catalogue open data",
    "de l'identité numérique",
    "des services publics en ligne",
    "du campus du numérique",
    "de la messagerie de l'État",
    "du programme Entrepreneurs d'intérêt général",
];
const EMPLOYERS: &[&str] = &[
    "DINUM",
    "Etalab",
    "Ministère de l'Intérieur",
    "Ministère des Armées",
    "Ministère de la Culture",
    "Ministère du Travail",
    "Ministère de l'Éducation nationale",
    "Ministère de la Transition écologique",
    "Direction générale des Finances publiques",
    "Caisse nationale d'assurance maladie",
    "Santé publique France",
    "Présidence de la République",
];
const CITIES: &[(&str, &str)] = &[
    ("Paris", "75"),
    ("Lyon", "69"),
    ("Marseille", "13"),
    ("Toulouse", "31"),
    ("Nantes", "44"),
    ("Rennes", "35"),
    ("Saint-Jacques-de-la-Lande", "35"),
    ("Lille", "59"),
    ("Bordeaux", "33"),
    ("Strasbourg", "67"),
    ("Montpellier", "34"),
    ("Nancy", "54"),
    ("Dijon", "21"),
    ("Ajaccio", "2A"),
    ("Fort-de-France", "972"),
    ("Saint-Denis", "974"),
    ("Besançon", "25"),
    ("Clermont-Ferrand", "63"),
];
const GRADES: &[(GradeLevel, &str)] = &[
    (GradeLevel::APlus, "Cadre supérieur/Catégorie A+"),
    (GradeLevel::A, "Cadre/Catégorie A"),
    (GradeLevel::A, "Cadre/Catégorie A"),
    (GradeLevel::B, "Technicien/Catégorie B"),
    (GradeLevel::C, "Catégorie C"),
];
const CONTRACTS: &[ContractKind] = &[
    ContractKind::TitulaireOuContractuel,
    ContractKind::TitulaireOuContractuel,
    ContractKind::Cdd,
    ContractKind::Cdi,
    ContractKind::Contractuel,
    ContractKind::Apprentissage,
    ContractKind::Stage,
];
const SENTENCES: &[&str] = &[
    "Vous rejoignez une équipe pluridisciplinaire au service des usagers.",
    "Vous contribuez à la transformation numérique de l'État.",
    "Vous travaillez en lien étroit avec les ministères et les opérateurs.",
    "Le poste est ouvert aux personnes en situation de handicap.",
    "Vous pilotez des chantiers à fort impact, en cycles courts.",
    "Vous animez une communauté de pratique interministérielle.",
    "Vous veillez à l'accessibilité et à la sobriété des services.",
    "Vous produisez des notes et des analyses pour la direction.",
];
const SKILLS: &[&str] = &[
    "Rust",
    "Python",
    "SQL",
    "accessibilité (RGAA)",
    "recherche utilisateur",
    "gestion de projet",
    "marchés publics",
    "sécurité des systèmes",
    "Kubernetes",
    "animation d'ateliers",
    "open data",
    "UX design",
];

/// One synthetic offer, with its description as markdown (for a content directory) too.
pub struct SynthOffer {
    pub offer: Offer,
    pub markdown: String,
}

/// Generates `n` offers for `seed`, as of `today` (published in the 90 days before it).
pub fn offers(n: usize, seed: u64, today: Date) -> Vec<SynthOffer> {
    let mut rng = Rng(seed);
    let today_days = today.unix_days();
    (0..n)
        .map(|i| {
            let (family, role) = *rng.pick(ROLES);
            let title = format!("{role} {} H/F", rng.pick(TOPICS));
            let employer = rng.pick(EMPLOYERS).to_string();
            let section = if employer == "DINUM" || employer == "Etalab" { Section::Own } else { Section::Elsewhere };
            let (city, dept) = *rng.pick(CITIES);
            let (level, label) = *rng.pick(GRADES);
            let kind = *rng.pick(CONTRACTS);
            // Published in the last 90 days, closing within the next four months.
            let published = today_days - i64::try_from(rng.below(90)).unwrap_or(0);
            let closes = today_days + 7 + i64::try_from(rng.below(120)).unwrap_or(0);
            let reference = format!("2026-{:07}", 1_000_000 + i);
            let status = match rng.below(20) {
                0 => Status::Filled,
                1 => Status::Closed,
                _ => Status::Open,
            };
            let mut markdown = String::from("## Mission\n\n");
            for _ in 0..2 + rng.below(3) {
                markdown.push_str(rng.pick::<&str>(SENTENCES));
                markdown.push(' ');
            }
            markdown.push_str("\n\n## Profil recherché\n\n");
            for _ in 0..3 {
                markdown.push_str(&format!("- Maîtrise de **{}**\n", rng.pick(SKILLS)));
            }
            markdown.push_str(&format!(
                "\nPour candidater : [fiche de poste](https://choisirleservicepublic.gouv.fr/offre-emploi/{reference}/).\n"
            ));
            let min = 2_500 + 100 * u32::try_from(rng.below(20)).unwrap_or(0);
            let offer = Offer {
                id: format!("synth-{i}"),
                title,
                family: family.to_string(),
                employer,
                section,
                status,
                grade: Some(Grade { level, label: label.to_string() }),
                locations: vec![Location { city: city.to_string(), department: Some(dept.to_string()) }],
                remote: (rng.below(3) > 0).then(|| Remote { mode: RemoteMode::Partial, text: Some("télétravail possible".into()) }),
                contract: Some(Contract { kind, text: None }),
                duration: matches!(kind, ContractKind::Cdd | ContractKind::Apprentissage).then(|| "3 ans".to_string()),
                start: None,
                published_on: Date::from_unix_days(published),
                closes_on: Date::from_unix_days(closes),
                url: Some(format!("https://choisirleservicepublic.gouv.fr/offre-emploi/{reference}/")),
                reference: Some(reference),
                apply: (rng.below(4) == 0).then(|| Apply { email: Some("recrutement@numerique.gouv.fr".into()), ..Apply::default() }),
                salary: (rng.below(3) == 0).then(|| Salary {
                    min: Some(min),
                    max: Some(min + 900),
                    period: SalaryPeriod::Month,
                    text: Some(format!("{min} € à {} € brut par mois", min + 900)),
                }),
                positions: (rng.below(10) == 0).then(|| 2 + u32::try_from(rng.below(8)).unwrap_or(0)),
                tags: vec![rng.pick(SKILLS).to_string()],
                description: Some(markdown_to_document(&markdown, None)),
                text_file: None,
            };
            SynthOffer { offer, markdown }
        })
        .collect()
}

/// The page and families around synthetic offers.
pub fn bundle(offers: Vec<Offer>, generated_at: String) -> Bundle {
    Bundle {
        format_version: FORMAT_VERSION,
        generated_at,
        page: Page {
            title: "Offres d'emploi (jeu synthétique)".into(),
            intro: Vec::new(),
            sections: vec![
                SectionText {
                    section: Section::Own,
                    heading: "Nos offres".into(),
                    intro: Vec::new(),
                    callouts: Vec::new(),
                },
                SectionText {
                    section: Section::Elsewhere,
                    heading: "Et aussi, dans d'autres administrations…".into(),
                    intro: Vec::new(),
                    callouts: Vec::new(),
                },
            ],
        },
        families: FAMILIES
            .iter()
            .map(|(id, label)| Family {
                id: id.to_string(),
                label: label.to_string(),
            })
            .collect(),
        text_files: Vec::new(),
        offers,
    }
}

/// Writes the synthetic offers as a bundle (file or standard output) or as a content directory.
pub fn run(
    n: usize,
    seed: u64,
    today: Date,
    output: Option<&std::path::Path>,
    content: Option<&std::path::Path>,
) -> Result<crate::report::Outcome, crate::io::CliError> {
    use crate::content::{BundleFile, OfferFront, PageFile};
    use crate::import::write::{bundle_file, offer_file, offers_folder};
    let generated_at = format!("{today}T00:00:00Z");
    let list = offers(n, seed, today);
    if let Some(dir) = content {
        let b = bundle(Vec::new(), generated_at);
        let file = BundleFile {
            generated_at: Some(b.generated_at),
            page: PageFile {
                title: b.page.title,
                ..PageFile::default()
            },
            families: b.families,
            ..BundleFile::default()
        };
        bundle_file(dir, &file)?;
        let offers = offers_folder(dir)?;
        for (i, so) in list.iter().enumerate() {
            let o = &so.offer;
            let front = OfferFront {
                id: o.id.clone(),
                title: o.title.clone(),
                family: Some(o.family.clone()),
                employer: Some(o.employer.clone()),
                section: (o.section == Section::Elsewhere).then_some(Section::Elsewhere),
                status: Some(format!("{:?}", o.status).to_lowercase()),
                grade: o.grade.as_ref().map(|g| g.label.clone()),
                locations: o
                    .locations
                    .first()
                    .map(|l| format!("{} ({})", l.city, l.department.clone().unwrap_or_default()))
                    .into_iter()
                    .collect(),
                remote: o.remote.as_ref().and_then(|r| r.text.clone()),
                contract: o
                    .contract
                    .as_ref()
                    .map(|c| format!("{:?}", c.kind).to_lowercase()),
                duration: o.duration.clone(),
                published_on: o.published_on.map(|d| d.to_string()),
                closes_on: o.closes_on.map(|d| d.to_string()),
                url: o.url.clone(),
                apply_email: o.apply.as_ref().and_then(|a| a.email.clone()),
                salary: o.salary.as_ref().and_then(|s| s.text.clone()),
                positions: o.positions,
                tags: o.tags.clone(),
                ..OfferFront::default()
            };
            offer_file(&offers, i, &front, &so.markdown)?;
        }
        eprintln!("{} : {n} offres synthétiques écrites", dir.display());
        return Ok(crate::report::Outcome::Ok);
    }
    let b = bundle(list.into_iter().map(|s| s.offer).collect(), generated_at);
    match output {
        // A file: as `offers build` writes it (full texts apart when large).
        Some(path) => crate::build::write_bundle(path, &b, false)?,
        None => println!(
            "{}",
            serde_json::to_string(&b).expect("a bundle serializes")
        ),
    }
    Ok(crate::report::Outcome::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_offers_and_all_valid() {
        let today = Date::new(2026, 11, 23).unwrap();
        let a = offers(200, 7, today);
        let b = offers(200, 7, today);
        assert!(a.iter().zip(&b).all(|(x, y)| x.offer == y.offer));
        assert_ne!(offers(5, 8, today)[0].offer, a[0].offer);
        let bundle = bundle(
            a.into_iter().map(|s| s.offer).collect(),
            "2026-11-23T00:00:00Z".into(),
        );
        let text = serde_json::to_string(&bundle).unwrap();
        let loaded = offers_core::parse_bundle(&text).unwrap();
        assert_eq!(loaded.bundle.offers.len(), 200);
        assert!(loaded.skipped.is_empty());
        let families: std::collections::HashSet<_> = loaded
            .bundle
            .offers
            .iter()
            .map(|o| o.family.as_str())
            .collect();
        assert!(families.len() >= 6);
    }
}
