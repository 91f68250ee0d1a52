//! The `offers` binary on copies of real inputs: the seed pages, the 2019 page, beta.gouv.fr
//! offers, a hostile bundle. Each irregularity must be handled as `docs/content-format.md` says.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

fn offers(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_offers"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the offers binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("offers-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// A content directory `dir`: its `_bundle.yml`, and offer files (paths relative to `dir`).
fn write_content(dir: &Path, bundle: &str, offers: &[(&str, &str)]) {
    std::fs::create_dir_all(dir.join("offers")).unwrap();
    std::fs::write(dir.join("_bundle.yml"), bundle).unwrap();
    for (name, text) in offers {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

/// Imports the fixture `sources/{path}` into a fresh content directory, which must succeed and
/// name file:line in every warning (all of them printed), then builds it; returns the import's
/// warnings and the bundle.
fn import_then_build(path: &str) -> (String, serde_json::Value) {
    let dir = temp(&path.replace('/', "-"));
    let out = offers(&[
        "import",
        s(&fixture(&format!("sources/{path}"))),
        "-o",
        s(&dir),
        "--all-warnings",
    ]);
    let err = stderr(&out);
    assert!(out.status.success(), "{path}: {err}");
    let file = path.rsplit('/').next().unwrap();
    assert!(
        err.lines().all(|l| l.contains(&format!("{file}:"))),
        "every warning names file:line: {err}"
    );
    let bundle_path = dir.join("bundle.json");
    let built = offers(&[
        "build",
        s(&dir),
        "-o",
        s(&bundle_path),
        "--today",
        "2026-11-23",
    ]);
    assert!(built.status.success(), "{path}: {}", stderr(&built));
    (err, read_joined(&bundle_path))
}

/// The bundle at `path` with the full texts it keeps apart (a large one) put back in its offers.
fn read_joined(path: &Path) -> serde_json::Value {
    let mut bundle = read_bundle(path);
    let files: Vec<String> = bundle["text_files"]
        .as_array()
        .map(|a| a.iter().map(|f| f.as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    let mut texts = std::collections::HashMap::new();
    for file in &files {
        let file = read_bundle(&path.with_file_name(file));
        for text in file["texts"].as_array().unwrap() {
            texts.insert(
                text["id"].as_str().unwrap().to_string(),
                text["description"].clone(),
            );
        }
    }
    for offer in bundle["offers"].as_array_mut().unwrap() {
        if let Some(o) = offer.as_object_mut() {
            if o.remove("text_file").is_some() {
                let id = o["id"].as_str().unwrap().to_string();
                o.insert("description".into(), texts.remove(&id).unwrap());
            }
        }
    }
    bundle.as_object_mut().unwrap().remove("text_files");
    bundle
}

#[test]
fn a_large_bundle_keeps_its_texts_apart_and_is_read_back_whole() {
    let dir = temp("texts");
    let content = dir.join("content");
    let made = offers(&[
        "synth",
        "400",
        "--seed",
        "2",
        "--today",
        "2026-11-23",
        "--content",
        s(&content),
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    let bundle = dir.join("out/offers.json");
    let build = |extra: &[&str]| {
        let out = offers(
            &[
                &[
                    "build",
                    s(&content),
                    "-o",
                    s(&bundle),
                    "--today",
                    "2026-11-23",
                ],
                extra,
            ]
            .concat(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        read_bundle(&bundle)
    };
    let list = build(&[]);
    let files: Vec<&str> = list["text_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        files.len() > 3 && files.iter().all(|f| f.starts_with("textes/texte-")),
        "{files:?}"
    );
    let written = |b: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(b.with_file_name("textes"))
            .unwrap()
            .map(|e| format!("textes/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        names.sort();
        names
    };
    let mut listed: Vec<String> = files.iter().map(|f| f.to_string()).collect();
    listed.sort();
    assert_eq!(written(&bundle), listed);
    // One offer's text changed: one file renamed, the old one removed.
    let offer = content.join("offers/0008-synth-7.md");
    let text = std::fs::read_to_string(&offer).unwrap();
    std::fs::write(&offer, text.replace("Mission", "Mission principale")).unwrap();
    let again = build(&["--pretty"]);
    let mut now: Vec<String> = again["text_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    now.sort();
    assert_eq!(now.iter().filter(|f| !listed.contains(f)).count(), 1);
    assert_eq!(written(&bundle), now);
    // validate reads the texts back; a broken text file is named, with its line.
    let out = offers(&["validate", s(&bundle), "--today", "2026-11-23"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let broken = bundle.with_file_name(&now[0]);
    std::fs::write(
        &broken,
        "{\"format_version\": 1,\n\"texts\": [\n{\"id\": }]}",
    )
    .unwrap();
    let out = offers(&["validate", s(&bundle), "--today", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{} : expected value at line 3", broken.display())),
        "{}",
        stderr(&out)
    );
}

/// The 2023 seed page changed by `edit`, imported into a fresh directory: the import's output,
/// the page's path and the content directory.
fn import_edited_page(name: &str, edit: impl Fn(String) -> String) -> (Output, PathBuf, PathBuf) {
    let page = edit(std::fs::read_to_string(fixture("sources/rejoignez-nous-2023.md")).unwrap());
    let dir = temp(name);
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("page.md");
    std::fs::write(&source, page).unwrap();
    let content = dir.join("content");
    let out = offers(&["import", s(&source), "-o", s(&content)]);
    (out, source, content)
}

fn read_bundle(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn committed_default_bundle_is_what_content_builds() {
    let committed = std::fs::read_to_string(root().join("public/offers.json")).unwrap();
    let generated_at = read_bundle(&root().join("public/offers.json"))["generated_at"]
        .as_str()
        .unwrap()
        .to_string();
    let out_dir = temp("default");
    std::fs::create_dir_all(&out_dir).unwrap();
    let out_path = out_dir.join("offers.json");
    let out = offers(&[
        "build",
        "content",
        "-o",
        s(&out_path),
        "--pretty",
        "--generated-at",
        &generated_at,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let built = std::fs::read_to_string(&out_path).unwrap();
    let topics: Vec<String> = std::fs::read_dir(out_dir.join("feeds"))
        .unwrap()
        .map(|e| format!("feeds/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    assert_eq!(
        topics.len(),
        std::fs::read_dir(root().join("public/feeds"))
            .unwrap()
            .count(),
        "public/feeds has the feeds of today's families and places"
    );
    for feed in ["feed.atom", "feed.json"]
        .into_iter()
        .chain(topics.iter().map(String::as_str))
    {
        let fresh = std::fs::read_to_string(out_path.parent().unwrap().join(feed)).unwrap();
        let committed =
            std::fs::read_to_string(root().join("public").join(feed)).unwrap_or_default();
        assert!(
            fresh == committed,
            "public/{feed} is stale: rebuild content (see README)"
        );
    }
    assert!(
        built == committed,
        "public/offers.json is stale: run `cargo run -p offers-cli -- build content -o public/offers.json --pretty --generated-at {generated_at}`"
    );
}

#[test]
fn imports_the_2023_page_every_panel_and_both_link_mismatches() {
    let dir = temp("import-2023");
    let out = offers(&[
        "import",
        s(&fixture("sources/rejoignez-nous-2023.md")),
        "-o",
        s(&dir),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    // The two panels whose title link and button link differ, each named with its line.
    assert!(
        err.contains(
            "rejoignez-nous-2023.md:60 : avertissement : panneau « Analyste de données H/F »"
        ),
        "{err}"
    );
    assert!(err.contains("rejoignez-nous-2023.md:66 : avertissement : panneau « Coordonnateur animation data H/F »"), "{err}");
    assert!(
        err.contains("offre-emploi/2023-1196743/ utilisée par 3 offres (lignes 48, 60, 66)"),
        "{err}"
    );
    // The commented-out copy of the other administrations' block is ignored.
    let bundle_path = dir.join("bundle.json");
    let built = offers(&["build", s(&dir), "-o", s(&bundle_path)]);
    assert!(built.status.success(), "{}", stderr(&built));
    let b = read_bundle(&bundle_path);
    let offers_list = b["offers"].as_array().unwrap();
    assert_eq!(offers_list.len(), 19);
    let families: Vec<&str> = b["families"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["label"].as_str().unwrap())
        .collect();
    assert_eq!(families.len(), 8);
    assert_eq!(families[0], "Données / Datascience / Open data");
    assert_eq!(families[7], "Présidence de la République");
    let titles: Vec<&str> = offers_list
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles[0], "Chef/fe du Pôle Datalab H/F");
    // Entities decoded, white space normalized, "(10 postes)" read.
    assert!(titles.contains(&"Chef/fe de pôle \"Campus du numérique\" H/F"));
    assert!(titles.contains(
        &"Chargé/e d'hypervision réseau et sécurité du Réseau Interministériel de l'Etat H/F"
    ));
    let mentor = offers_list
        .iter()
        .find(|o| o["title"] == "Mentor de directeur de projet SI H/F")
        .unwrap();
    assert_eq!(mentor["positions"], 10);
    let rennes = offers_list
        .iter()
        .find(|o| o["id"] == "2023-1211951")
        .unwrap();
    assert_eq!(rennes["locations"][0]["department"], "35");
    assert_eq!(rennes["remote"]["text"], "télétravail possible");
    let presidence = offers_list
        .iter()
        .find(|o| o["section"] == "elsewhere")
        .unwrap();
    assert_eq!(presidence["employer"], "Présidence de la République");
    assert_eq!(presidence["grade"]["level"], "A+");
    assert_eq!(
        b["page"]["sections"][1]["callouts"][0]["link"]["url"],
        "https://metiers.numerique.gouv.fr"
    );
    assert!(offers_list
        .iter()
        .all(|o| o["employer"] == "DINUM" || o["section"] == "elsewhere"));
}

#[test]
fn imports_the_2019_markdown_list_page() {
    let dir = temp("import-2019");
    let out = offers(&[
        "import",
        s(&fixture("sources/rejoignez-nous-2019.md")),
        "-o",
        s(&dir),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(
        ":40 : avertissement : lien markdown mal formé pour « Chef/cheffe de mission « Label » »"
    ));
    let bundle_path = dir.join("bundle.json");
    assert!(offers(&["build", s(&dir), "-o", s(&bundle_path)])
        .status
        .success());
    let b = read_bundle(&bundle_path);
    let list = b["offers"].as_array().unwrap();
    assert_eq!(list.len(), 21);
    assert_eq!(list.iter().filter(|o| o["section"] == "own").count(), 15);
    assert_eq!(
        list.iter().filter(|o| o["section"] == "elsewhere").count(),
        6
    );
    assert!(
        list.iter().all(|o| o["employer"] != "DINUM"),
        "the 2019 page is the DINSIC's"
    );
    let rhone = list
        .iter()
        .find(|o| o["title"].as_str().unwrap().contains("« production »"))
        .unwrap();
    assert_eq!(rhone["locations"][0]["department"], "69");
    let vacation = list
        .iter()
        .find(|o| {
            o["title"]
                .as_str()
                .unwrap()
                .starts_with("Gestionnaire administratif")
        })
        .unwrap();
    assert_eq!(vacation["grade"]["level"], "B");
    assert!(vacation["grade"]["label"]
        .as_str()
        .unwrap()
        .contains("Vacation 3 mois"));
    // Link titles broken across lines, &nbsp; in text: nothing of it leaks into titles.
    assert!(list
        .iter()
        .all(|o| !o["title"].as_str().unwrap().contains("pdf")
            && !o["title"].as_str().unwrap().contains("&")));
}

#[test]
fn builds_beta_gouv_offers_with_their_irregular_keys() {
    let out_path = temp("beta.json");
    let out = offers(&[
        "build",
        s(&fixture("sources/beta")),
        "-o",
        s(&out_path),
        "--today",
        "2026-11-23",
    ]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let b = read_bundle(&out_path);
    let list = b["offers"].as_array().unwrap();
    assert_eq!(list.len(), 10, "every offer kept");
    let by_id = |id: &str| {
        list.iter()
            .find(|o| o["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // status: open + open: false disagree: reported, closed kept.
    assert!(err.contains("offer-beta-2020-12-21-anct-charge-e-deploiement.md:12 : avertissement : statuts contradictoires"), "{err}");
    assert_eq!(
        by_id("offer-beta-2020-12-21-anct-charge-e-deploiement")["status"],
        "closed"
    );
    // A heading before the front matter.
    assert!(err.contains("offer-beta-2021-06-15-transverse-dev.md:1 : avertissement : texte avant l'en-tête YAML"), "{err}");
    assert_eq!(
        by_id("offer-beta-2021-06-15-transverse-dev")["status"],
        "open"
    );
    // externalURL and externalUrl; ISO timestamps; contact and contacts.
    assert!(by_id("offer-beta-2017-09-15-cto-fun")["url"]
        .as_str()
        .unwrap()
        .starts_with("https://www.fun-mooc.fr/"));
    assert_eq!(
        by_id("offer-beta-2017-09-15-cto-fun")["section"],
        "elsewhere"
    );
    assert_eq!(
        by_id("offer-beta-2022-04-19-anct-sit-full-stack")["url"],
        "https://incubateur.anct.gouv.fr/recrutement/dev-sit"
    );
    assert_eq!(
        by_id("offer-beta-2022-01-10-itou-data-analyst")["published_on"],
        "2022-05-25"
    );
    assert_eq!(
        by_id("offer-beta-2022-01-10-itou-data-analyst")["closes_on"],
        "2022-06-13"
    );
    assert_eq!(
        by_id("offer-beta-2022-01-10-itou-data-analyst")["family"],
        "developpement"
    );
    assert_eq!(
        by_id("offer-beta-2021-01-07-charge-portefeuille")["closes_on"],
        "2022-02-22"
    );
    assert!(
        err.contains("contact « johan.girod » sans adresse électronique"),
        "{err}"
    );
    // An open offer whose closing date is past is a warning, not an error.
    assert!(
        err.contains("offre ouverte dont la date de clôture (2022-02-22) est passée"),
        "{err}"
    );
    // Bodies are documents: no raw HTML anywhere in the bundle.
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(
        !text.contains("<br") && !text.contains("<div") && !text.contains("<a "),
        "raw HTML leaked"
    );
}

#[test]
fn pay_is_read_where_offers_write_it_and_validate_lists_open_offers_without_it() {
    // Seed 004's sentence in the text, pay in the front matter, and no pay at all.
    let seed = std::fs::read_to_string(root().join("content/offers/0023-recrutement-bin.md"))
        .unwrap()
        .replace("salary: 3 500 € à 4 800 € par mois\n", "");
    assert!(seed.contains("Un salaire de 3 500 € à 4 800 €"));
    let dir = temp("pay");
    write_content(
        &dir,
        "page:\n  title: T\nfamilies:\n  - {id: produits-numeriques, label: Produits}\ndefaults:\n  employer: DINUM\n",
        &[
            ("offers/bin.md", &seed),
            (
                "offers/front.md",
                "---\ntitle: Développeuse\nfamily: produits-numeriques\nsalaire: entre 45k€ et 63k€ annuels brut\n---\n",
            ),
            (
                "offers/none.md",
                "---\ntitle: Designer sans salaire\nfamily: produits-numeriques\n---\nUn texte sans montant.\n",
            ),
        ],
    );
    let out_path = dir.join("b.json");
    let built = offers(&[
        "build",
        s(&dir),
        "-o",
        s(&out_path),
        "--today",
        "2026-11-23",
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let b = read_bundle(&out_path);
    let salary = |id: &str| {
        b["offers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .map(|o| o["salary"].clone())
            .unwrap()
    };
    assert_eq!(salary("recrutement-bin")["min"], 3500);
    assert_eq!(salary("recrutement-bin")["max"], 4800);
    assert_eq!(salary("recrutement-bin")["period"], "month");
    assert_eq!(salary("front")["min"], 45000);
    assert_eq!(salary("front")["period"], "year");
    assert!(salary("none").is_null());
    let v = offers(&["validate", s(&dir), "--today", "2026-11-23"]);
    assert!(v.status.success(), "a warning only: {}", stderr(&v));
    let err = stderr(&v);
    assert!(
        err.contains(
            "none.md:2 : avertissement : offre « none » : offre ouverte sans rémunération indiquée"
        ) && err
            .lines()
            .filter(|l| l.contains("sans rémunération"))
            .count()
            == 1
            && err.contains("0 erreur(s), 1 avertissement(s)"),
        "{err}"
    );
}

#[test]
fn build_with_errors_names_file_and_line_and_writes_nothing() {
    let dir = temp("broken-content");
    write_content(
        &dir,
        "page:\n  title: T\nfamilies:\n  - {id: design, label: Design}\ndefaults:\n  employer: DINUM\n",
        &[
            ("offers/a.md", "---\ntitle: Bonne offre\nfamily: design\n---\nTexte.\n"),
            (
                "offers/b.md",
                "---\ntitle: Mauvaise famille\nlayout: post\nfamily: astronautique\nfoo: bar\n---\n",
            ),
            (
                "offers/c.md",
                "---\ntitle: Lien piégé\nfamily: design\nurl: javascript:alert(1)\n---\n",
            ),
        ],
    );
    let out_path = dir.join("out.json");
    // validate on the directory says the same as build, and writes nothing either.
    let validated = offers(&["validate", s(&dir)]);
    assert_eq!(validated.status.code(), Some(1));
    assert!(
        stderr(&validated).contains("b.md:4 : erreur : famille « astronautique » absente"),
        "{}",
        stderr(&validated)
    );
    let out = offers(&["build", s(&dir), "-o", s(&out_path)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("b.md:4 : erreur : famille « astronautique » absente"),
        "{err}"
    );
    assert!(
        err.contains("b.md:5 : avertissement : clé « foo » inconnue"),
        "{err}"
    );
    assert!(
        !err.contains("« layout »"),
        "generator keys are not warned about: {err}"
    );
    assert!(
        err.contains("c.md:4 : erreur : adresse « javascript:alert(1) » refusée"),
        "{err}"
    );
    assert!(!out_path.exists(), "nothing half-published");
}

#[test]
fn validate_finds_every_planted_fault() {
    let out = offers(&[
        "validate",
        s(&fixture("hostile.json")),
        "--today",
        "2026-11-23",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "« lien-javascript » : url : adresse « javascript:alert(1) » refusée",
        "« description-data » : description : lien « data:text/html",
        "identifiant « 2023-1201312 » déjà utilisé",
        "« reference-en-double » : référence « 2023-1201312 » déjà utilisée",
        "« adresse-en-double » : adresse « https://choisirleservicepublic.gouv.fr/offre-emploi/2023-1201312/ » déjà utilisée",
        "« sans-titre » : champ « title » absent (ligne 288, colonne 4)",
        "« famille-inconnue » : family : famille « astronautique » absente",
        "« cloture-passee » : offre ouverte dont la date de clôture (2020-01-31) est passée",
        "date invalide « 2023-02-30 »",
        "identifiant « Identifiant Invalide » invalide",
    ] {
        assert!(err.contains(expected), "missing « {expected} » in:\n{err}");
    }
    let errors = err.lines().filter(|l| l.contains(" : erreur : ")).count();
    let warnings = err
        .lines()
        .filter(|l| l.contains(" : avertissement : "))
        .count();
    // 1 past closing date, and 3 open offers that do not state their pay.
    assert_eq!((errors, warnings), (9, 4), "{err}");
    assert!(err.contains("9 erreur(s), 4 avertissement(s)"));
    assert!(err.contains("offre n° 1 « 2023-1201312 » : offre ouverte sans rémunération indiquée"));
}

#[test]
fn validate_accepts_the_default_bundle_and_refuses_unknown_versions() {
    let ok = offers(&["validate", "public/offers.json", "--today", "2026-11-23"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let v3 = offers(&["validate", s(&fixture("unknown-version.json"))]);
    assert_eq!(v3.status.code(), Some(1));
    assert!(stderr(&v3).contains("version de format 3 inconnue"));
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(offers(&["validate", "absent.json"]).status.code(), Some(2));
    assert_eq!(offers(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        offers(&["validate", "public/offers.json", "--today", "demain"])
            .status
            .code(),
        Some(2)
    );
    let help = offers(&["build", "--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("content directory"));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = offers(&["schema"]);
    assert!(out.status.success());
    let committed = std::fs::read_to_string(root().join("public/offers.schema.json")).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), committed);
}

#[test]
fn synth_content_builds_into_the_same_offers_as_synth_bundle() {
    let dir = temp("synth-content");
    let args = ["--seed", "42", "--today", "2026-11-23"];
    let out = offers(&[&["synth", "300", "--content", s(&dir)][..], &args].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let built_path = dir.join("built.json");
    let built = offers(&[
        "build",
        s(&dir),
        "-o",
        s(&built_path),
        "--today",
        "2026-11-23",
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        stderr(&built).contains("0 erreur(s), 0 avertissement(s)"),
        "{}",
        stderr(&built)
    );
    let direct = offers(&[&["synth", "300"][..], &args].concat());
    let direct: serde_json::Value = serde_json::from_slice(&direct.stdout).unwrap();
    let built = read_bundle(&built_path);
    assert_eq!(built["offers"].as_array().unwrap().len(), 300);
    for key in [
        "id",
        "title",
        "family",
        "employer",
        "section",
        "status",
        "grade",
        "locations",
        "published_on",
        "closes_on",
        "url",
        "reference",
        "description",
    ] {
        for i in [0, 17, 299] {
            assert_eq!(
                built["offers"][i][key], direct["offers"][i][key],
                "offer {i}, {key}"
            );
        }
    }
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children()
        .find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", name)))
}

#[test]
fn build_writes_valid_atom_and_json_feeds_of_open_offers() {
    let dir = temp("feeds");
    std::fs::create_dir_all(&dir).unwrap();
    let out = offers(&["build", "content", "-o", s(&dir.join("offers.json"))]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bundle = read_bundle(&dir.join("offers.json"));
    let open: Vec<&serde_json::Value> = bundle["offers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["status"] == "open")
        .collect();
    assert_eq!(open.len(), 22, "seed 003 is filled");

    let atom_text = std::fs::read_to_string(dir.join("feed.atom")).unwrap();
    let atom = roxmltree::Document::parse(&atom_text).expect("well-formed XML");
    let feed = atom.root_element();
    let ns = "http://www.w3.org/2005/Atom";
    assert_eq!(feed.tag_name().namespace(), Some(ns));
    assert_eq!(feed.tag_name().name(), "feed");
    for required in ["id", "title", "updated", "author"] {
        assert!(child(feed, required).is_some(), "feed/{required}");
    }
    let entries: Vec<roxmltree::Node> = feed
        .children()
        .filter(|c| c.has_tag_name((ns, "entry")))
        .collect();
    assert_eq!(entries.len(), open.len());
    let mut ids = std::collections::HashSet::new();
    for (entry, offer) in entries.iter().zip(&open) {
        for required in ["id", "title", "updated", "link", "summary"] {
            assert!(child(*entry, required).is_some(), "entry/{required}");
        }
        assert!(
            ids.insert(child(*entry, "id").unwrap().text().unwrap().to_string()),
            "entry ids are unique"
        );
        assert_eq!(
            child(*entry, "title").unwrap().text(),
            offer["title"].as_str()
        );
        let updated = child(*entry, "updated").unwrap().text().unwrap();
        assert!(
            updated.len() == 20 && updated.ends_with('Z'),
            "RFC 3339: {updated}"
        );
    }

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("feed.json")).unwrap()).unwrap();
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert!(json["title"].is_string());
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), open.len());
    for item in items {
        assert!(
            item["id"].is_string()
                && item["content_text"].is_string()
                && item["url"].as_str().unwrap().starts_with("https://")
        );
    }
    assert!(
        !atom_text.contains("OFFRE POURVUE")
            && !items
                .iter()
                .any(|i| i["title"].as_str().unwrap().contains("Entrepreneurs"))
    );

    // One feed per family and one per place, each well-formed, with that topic's open offers.
    let entry_titles = |path: &str| -> Vec<String> {
        let text = std::fs::read_to_string(dir.join(path)).unwrap();
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let feed = doc.root_element();
        for required in ["id", "title", "updated", "author"] {
            assert!(child(feed, required).is_some(), "{path}: feed/{required}");
        }
        feed.children()
            .filter(|c| c.has_tag_name((ns, "entry")))
            .map(|e| child(e, "title").unwrap().text().unwrap().to_string())
            .collect()
    };
    let titles_where = |pred: &dyn Fn(&serde_json::Value) -> bool| -> Vec<String> {
        open.iter()
            .filter(|o| pred(o))
            .map(|o| o["title"].as_str().unwrap().to_string())
            .collect()
    };
    for family in bundle["families"].as_array().unwrap() {
        let id = family["id"].as_str().unwrap();
        assert_eq!(
            entry_titles(&format!("feeds/famille-{id}.atom")),
            titles_where(&|o| o["family"] == id),
            "{id}"
        );
    }
    let paris = entry_titles("feeds/lieu-paris.atom");
    assert!(!paris.is_empty());
    assert_eq!(
        paris,
        titles_where(&|o| o["locations"]
            .as_array()
            .is_some_and(|l| l.iter().any(|p| p["city"] == "Paris")))
    );
    // A family gone from the content takes its feed with it at the next build.
    std::fs::write(dir.join("feeds/famille-disparue.atom"), "<feed/>").unwrap();
    let again = offers(&["build", "content", "-o", s(&dir.join("offers.json"))]);
    assert!(again.status.success());
    assert!(!dir.join("feeds/famille-disparue.atom").exists());
    assert!(dir.join("feeds/famille-design.atom").exists());
}

#[test]
fn imports_job_board_csv_exports_deduplicated_with_every_irregularity_reported() {
    // (file, offers kept, duplicates, identical duplicates, truncated rows, URLs with blanks, rows without a title)
    let cases = [
        ("1614957673544-export-pep2pe.csv", 264, 0, 0, 3, 2, 3),
        ("2021-03-03-PEP-PE-curl.csv", 263, 143, 0, 0, 0, 0),
        ("last-export-to-pe.csv", 566, 40, 40, 0, 0, 0),
        ("test-pep2pe.REDACTED.csv", 50, 0, 0, 0, 0, 0),
    ];
    let mut semicolon = serde_json::Value::Null;
    for (file, kept, dups, identical, truncated, blanks, untitled) in cases {
        let (err, b) = import_then_build(&format!("csv/{file}"));
        let count = |needle: &str| err.lines().filter(|l| l.contains(needle)).count();
        assert_eq!(
            (
                count("en double"),
                count("ligne identique"),
                count("ligne tronquée"),
                count("avec des blancs"),
                count("sans intitulé")
            ),
            (dups, identical, truncated, blanks, untitled),
            "{file}"
        );
        let list = b["offers"].as_array().unwrap();
        assert_eq!(list.len(), kept, "{file}");
        let refs: std::collections::HashSet<&str> = list
            .iter()
            .map(|o| o["reference"].as_str().unwrap())
            .collect();
        assert_eq!(refs.len(), kept, "{file}: references are unique");
        assert!(list
            .iter()
            .all(|o| o["description"].is_array() || o.get("description").is_none()));
        if file.starts_with("test-") {
            semicolon = b.clone();
        }
        // This export states pay in some descriptions: the import writes it as `salary:`.
        if file == "last-export-to-pe.csv" {
            let paid: Vec<&serde_json::Value> =
                list.iter().filter(|o| o["salary"].is_object()).collect();
            assert!(paid.iter().any(|o| o["salary"]["min"] == 23600
                && o["salary"]["max"] == 40000
                && o["salary"]["period"] == "year"));
        }
    }
    // The semicolon export names employer, place and grade.
    let first = &semicolon["offers"][0];
    assert_eq!(first["title"], "Responsable d'applications (h/f)");
    assert_eq!(first["employer"], "Mairie de NEUILLY-SUR-SEINE");
    assert_eq!(first["locations"][0]["department"], "92");
    assert_eq!(first["grade"]["level"], "A");
    assert_eq!(first["closes_on"], "2021-02-28");
}

#[test]
fn imports_the_dgafp_open_data_file_with_families_employers_and_places_from_its_columns() {
    // The first ten offers of the real file (fixtures/real/csp/carte_emploi_public), as its columns.
    let (err, b) = import_then_build("csv/dgafp-first10.csv");
    assert!(err.is_empty(), "{err}");
    let list = b["offers"].as_array().unwrap();
    assert_eq!(list.len(), 10);
    let by_ref = |r: &str| list.iter().find(|o| o["reference"] == r).unwrap();
    // Families from the job ("Métier") and the title, grouped by the content folder's
    // _familles.yml: several, not one.
    let families: std::collections::HashSet<&str> =
        list.iter().map(|o| o["family"].as_str().unwrap()).collect();
    assert!(families.len() >= 4, "{families:?}");
    assert_eq!(
        by_ref("MENJ-17-2026-33796")["family"],
        "enseignement-recherche"
    );
    assert_eq!(by_ref("2025-2147621")["family"], "numerique");
    assert_eq!(by_ref("2025-2147666")["family"], "securite-justice-defense");
    // The employer is the first line of the multi-line employer column; without one, the
    // publisher of the file.
    assert_eq!(
        by_ref("2025-2147632")["employer"],
        "Préfecture de police de Paris"
    );
    assert_eq!(
        by_ref("MENJ-17-2026-33796")["employer"],
        "Choisir le service public"
    );
    // Places read from postal addresses.
    let place = |r: &str| by_ref(r)["locations"][0].clone();
    assert_eq!(place("MENJ-17-2026-33796")["city"], "CHEMILLE EN ANJOU");
    assert_eq!(place("MENJ-17-2026-33796")["department"], "49");
    assert_eq!(place("MEF_2025-27740")["city"], "MARSEILLE");
    assert_eq!(place("MEF_2025-27740")["department"], "13");
    assert_eq!(place("2025-2147621")["city"], "Paris");
    assert_eq!(
        place("MAE_c2030473-952a-4ed2-a2b8-a1ae3fd5f224")["department"],
        "75"
    );
    // dd/mm/yyyy dates; 31/12/9999 is no closing date.
    assert_eq!(by_ref("2025-2147632")["published_on"], "2025-12-29");
    assert_eq!(by_ref("2025-2147632")["closes_on"], "2026-12-31");
    assert!(by_ref("2025-2147666").get("closes_on").is_none());
    // No address column: the offer's page at choisirleservicepublic.gouv.fr, by reference.
    assert_eq!(
        by_ref("2025-2147621")["url"],
        "https://choisirleservicepublic.gouv.fr/offre-emploi/cab-b-developpeur-web-reference-2025-2147621/"
    );
    // The grouping is data in the content folder, where an edit is read back at the next import.
    // (the folder import_then_build made; `temp` would empty it)
    let dir = std::env::temp_dir().join(format!(
        "offers-cli-test-{}-csv-dgafp-first10.csv",
        std::process::id()
    ));
    let grouping = std::fs::read_to_string(dir.join("_familles.yml")).unwrap();
    std::fs::write(
        dir.join("_familles.yml"),
        "families:\n  - {id: tout, label: Toutes les offres, words: []}\n",
    )
    .unwrap();
    let again = offers(&[
        "import",
        s(&fixture("sources/csv/dgafp-first10.csv")),
        "-o",
        s(&dir),
    ]);
    assert!(again.status.success(), "{}", stderr(&again));
    let yml = std::fs::read_to_string(dir.join("_bundle.yml")).unwrap();
    assert!(
        yml.contains("id: tout") && !yml.contains("numerique"),
        "{yml}"
    );
    assert!(grouping.contains("id: numerique"));
}

#[test]
fn import_checks_what_it_wrote_and_never_reports_success_on_content_that_will_not_build() {
    // The 2023 page with its employer named nowhere (no "à la DINUM", no "au sein de la DINUM").
    let (out, source, content) = import_edited_page("import-no-employer", |page| {
        page.replace("disponibles à la DINUM :", "disponibles :")
            .replace("au sein de la DINUM", "avec nous")
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("0001-2023-1201312.md:3 : erreur : employeur absent")
            && err.contains("`defaults.employer` dans _bundle.yml"),
        "{err}"
    );
    assert!(err.contains("ne passera pas `offers build`"), "{err}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("écrites"),
        "no success line"
    );
    // The fix it names works.
    let fixed = offers(&[
        "import",
        s(&source),
        "-o",
        s(&content),
        "--employer",
        "DINUM",
    ]);
    assert!(fixed.status.success(), "{}", stderr(&fixed));
}

#[test]
fn feeds_list_only_active_offers_and_stay_well_formed_xml_for_any_text() {
    let dir = temp("feeds-hostile");
    let content = dir.join("content");
    // Non-characters and controls in every text the feeds carry; an offer closed yesterday.
    write_content(
        &content,
        "page:\n  title: \"Offres \\uFFFE\\u0001\"\nfamilies:\n  - {id: produit, label: Produit}\ndefaults:\n  employer: DINUM\n  family: produit\n",
        &[
            (
                "offers/a.md",
                "---\ntitle: \"Développeur \\uFFFF\\u0008 \\x1b[31m\"\nemployer: \"DINUM \\uFFFE\"\nclosing_date: 2026-12-31\n---\nMission \u{b}: \\u{7}\n",
            ),
            (
                "offers/b.md",
                "---\ntitle: Offre close hier\nclosing_date: 2026-11-22\n---\nTexte.\n",
            ),
        ],
    );
    let out = offers(&[
        "build",
        s(&content),
        "-o",
        s(&dir.join("offers.json")),
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let atom_text = std::fs::read_to_string(dir.join("feed.atom")).unwrap();
    let atom = roxmltree::Document::parse(&atom_text).expect("well-formed XML");
    let titles: Vec<&str> = atom
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(titles, ["Offres ", "Développeur  [31m"], "{atom_text}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("feed.json")).unwrap()).unwrap();
    let items: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        items.len(),
        1,
        "the offer closed yesterday is not listed: {items:?}"
    );
}

#[test]
fn page_links_are_checked_like_offer_links_from_import_to_validate() {
    // A callout's button and a link in the page's introduction, both javascript:.
    let (out, source, _) = import_edited_page("page-links", |page| {
        page.replace(
            "<a href=\"https://metiers.numerique.gouv.fr\" class=\"button\"",
            "<a href=\"javascript:alert(1)\" class=\"button\"",
        )
        .replace("(#offresministeres)", "(javascript:alert(2))")
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("_bundle.yml:1 : erreur : page.sections.callouts.link : lien « javascript:alert(1) » refusé"),
        "{err}"
    );
    // The same bundle, written by hand, is refused by validate.
    let bundle = source.with_file_name("offers.json");
    let mut json = read_bundle(&root().join("public/offers.json"));
    json["page"]["intro"] = serde_json::json!([{"paragraph": [{"link": {"href": "javascript:alert(2)", "content": [{"text": "ici"}]}}]}]);
    std::fs::write(&bundle, json.to_string()).unwrap();
    let out = offers(&["validate", s(&bundle), "--today", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("page.intro : lien « javascript:alert(2) » refusé"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn imports_the_talentsoft_json_export_with_its_duplicate_and_missing_addresses_reported() {
    let file = "metiers-numeriques-controllers-pep.json";
    let (err, b) = import_then_build(&format!("json/{file}"));
    let count = |needle: &str| err.lines().filter(|l| l.contains(needle)).count();
    // 154 offers, one reference twice (an identical object), 49 without a job address (one of
    // them the duplicate): read from the city or the department instead.
    assert_eq!(count("en double"), 1, "{err}");
    assert!(err.contains(&format!(
        "{file}:1667 : avertissement : référence 2021-690730 en double (ligne identique : ligne 1618)"
    )));
    assert_eq!(count("sans adresse du poste"), 48, "{err}");
    // Without --all-warnings: 20 of a kind, then how many more.
    let out = offers(&[
        "import",
        s(&fixture(&format!("sources/json/{file}"))),
        "-o",
        s(&temp("talentsoft-capped")),
    ]);
    let capped = stderr(&out);
    let lines = |needle: &str| capped.lines().filter(|l| l.contains(needle)).count();
    assert_eq!(lines("sans adresse du poste : lieu lu"), 21, "{capped}");
    assert!(
        capped.contains("… et 28 autre(s) avertissement(s) comme « offre "),
        "{capped}"
    );
    assert_eq!(lines("en double"), 1, "{capped}");
    let list = b["offers"].as_array().unwrap();
    assert_eq!(list.len(), 153);
    assert!(list
        .iter()
        .all(|o| o["locations"].as_array().is_some_and(|l| !l.is_empty())));
    let first = &list[0];
    assert_eq!(
        first["title"],
        "DGCCRF-Réglementation RH, déontologie, contentieux, discipline H/F"
    );
    assert_eq!(first["reference"], "MEF_2021-4760");
    assert!(first["employer"]
        .as_str()
        .unwrap()
        .starts_with("Direction générale de la concurrence"));
    assert_eq!(first["locations"][0]["department"], "75");
    assert_eq!(first["grade"]["level"], "A");
    assert_eq!(
        first["apply"]["email"],
        "Bureau-2A-recrutement@dgccrf.finances.gouv.fr"
    );
    assert_eq!(first["contract"]["kind"], "titulaire_ou_contractuel");
    assert!(first["description"].is_array());
}
