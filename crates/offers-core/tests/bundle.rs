//! Reading real bundles: the committed default bundle (the seed pages) and the broken fixtures the
//! app's browser tests use too.

use offers_core::{parse_bundle, GradeLevel, ParseError, RemoteMode, Section, Status};

fn read(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    std::fs::read_to_string(format!("{root}{path}")).unwrap()
}

#[test]
fn default_bundle_holds_every_seed_offer() {
    let loaded = parse_bundle(&read("public/offers.json")).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let b = &loaded.bundle;
    // Seed 001: 7 families in the page's order, then the other administration's employer.
    let labels: Vec<&str> = b.families.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Données / Datascience / Open data",
            "Design",
            "Filière numérique de l'État",
            "Produits numériques",
            "Réseau / Infrastructure",
            "Conseil, audit et appui",
            "Budget / Achats",
            "Présidence de la République"
        ]
    );
    // 18 panels of 001 + the Présidence offer + 000, 002, 003, 004.
    assert_eq!(b.offers.len(), 23);
    let panels: Vec<_> = b
        .offers
        .iter()
        .filter(|o| {
            o.reference
                .as_deref()
                .is_some_and(|r| r.starts_with("2023-"))
        })
        .collect();
    assert_eq!(panels.len(), 18);
    assert_eq!(panels[0].title, "Chef/fe du Pôle Datalab H/F");
    assert_eq!(panels[0].grade.as_ref().unwrap().level, GradeLevel::APlus);
    assert_eq!(
        panels[0].grade.as_ref().unwrap().label,
        "Cadre supérieur/Catégorie A+"
    );
    assert_eq!(panels[0].remote.as_ref().unwrap().mode, RemoteMode::Partial);
    assert_eq!(
        panels[17].title,
        "Adjoint/e au PMO plans d'investissement numérique (FTAP et plan de relance) H/F"
    );
    let mentor = panels
        .iter()
        .find(|o| o.title.starts_with("Mentor"))
        .unwrap();
    assert_eq!(mentor.positions, Some(10));
    let rennes = panels.iter().find(|o| o.id == "2023-1211951").unwrap();
    assert_eq!(
        rennes.location_line(),
        "Saint-Jacques-de-la-Lande (35) (télétravail possible)"
    );
    // The two panels whose title link was wrong on the seed page keep their button's offer.
    for (title, reference) in [
        ("Analyste de données H/F", "2023-1202957"),
        ("Coordonnateur animation data H/F", "2023-1208948"),
    ] {
        let o = b.offers.iter().find(|o| o.title == title).unwrap();
        assert_eq!(o.reference.as_deref(), Some(reference));
        assert!(o.url.as_deref().unwrap().contains(reference));
    }
    let elsewhere: Vec<_> = b
        .offers
        .iter()
        .filter(|o| o.section == Section::Elsewhere)
        .collect();
    assert_eq!(elsewhere.len(), 1);
    assert_eq!(elsewhere[0].employer, "Présidence de la République");
    // Seed 003 is "[OFFRE POURVUE]".
    let eig = b
        .offers
        .iter()
        .find(|o| o.id == "eig-charge-mission-coordination")
        .unwrap();
    assert_eq!(eig.status, Status::Filled);
    assert!(!eig.title.contains("POURVUE"));
    // Seed 002: apply by e-mail with the subject CMD-01.
    let design = b
        .offers
        .iter()
        .find(|o| o.id == "charge-mission-design")
        .unwrap();
    assert_eq!(
        design.apply.as_ref().unwrap().mailto_href().unwrap(),
        "mailto:candidatures-dinum@pm.gouv.fr?subject=CMD-01"
    );
    // Seed 004: 15 people in five profiles, findable as "coach agile" and "UX".
    let bin = b.offers.iter().find(|o| o.id == "recrutement-bin").unwrap();
    assert_eq!(bin.positions, Some(15));
    assert!(bin.tags.iter().any(|t| t == "coach agile"));
    assert!(bin.tags.iter().any(|t| t.contains("UX")));
    for id in [
        "apprentissage-chef-projet-numerique-responsable",
        "charge-mission-design",
        "eig-charge-mission-coordination",
        "recrutement-bin",
    ] {
        let o = b.offers.iter().find(|o| o.id == id).unwrap();
        assert!(
            o.description.as_ref().is_some_and(|d| d.len() > 3),
            "{id} has no full text"
        );
    }
}

#[test]
fn default_bundle_groups_like_the_seed_page() {
    let b = parse_bundle(&read("public/offers.json")).unwrap().bundle;
    let all: Vec<u32> = (0..b.offers.len() as u32).collect();
    let groups = b.group_indices(&all);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].section, Section::Own);
    assert_eq!(groups[0].families.len(), 7);
    assert_eq!(groups[0].families[0].1.len(), 6, "six data offers");
    assert_eq!(groups[1].section, Section::Elsewhere);
    assert_eq!(groups[1].families.len(), 1);
    // A subset keeps the order given and drops empty families.
    let some = b.group_indices(&[20, 3]);
    assert_eq!(some.len(), 1);
    assert_eq!(some[0].families, [(0, vec![3]), (1, vec![20])]);
    let elsewhere = &b.page.sections[1];
    assert_eq!(
        elsewhere.callouts[0].link.as_ref().unwrap().url,
        "https://metiers.numerique.gouv.fr"
    );
}

#[test]
fn one_invalid_offer_is_skipped_and_the_rest_kept() {
    let loaded = parse_bundle(&read("tests/fixtures/one-invalid-offer.json")).unwrap();
    assert_eq!(loaded.bundle.offers.len(), 2);
    assert_eq!(loaded.skipped.len(), 1);
    let skipped = &loaded.skipped[0];
    assert_eq!(
        (skipped.index, skipped.id.as_deref()),
        (1, Some("offre-piegee"))
    );
    assert!(skipped.reason.contains("javascript:"), "{}", skipped.reason);
}

#[test]
fn shape_errors_skip_only_their_offer() {
    let text = r#"{"format_version":1,"generated_at":"2026-01-01T00:00:00Z","page":{"title":"T"},
      "families":[{"id":"f","label":"F"}],
      "offers":[
        {"id":"ok","title":"Bon","family":"f","employer":"DINUM"},
        {"id":"bad-grade","title":"X","family":"f","employer":"DINUM","grade":{"level":"Z","label":"?"}},
        {"id":"bad-date","title":"X","family":"f","employer":"DINUM","closes_on":"31/12/9999"},
        {"title":"sans id","family":"f","employer":"DINUM"},
        {"id":"unknown-family","title":"X","family":"nope","employer":"DINUM"},
        {"id":"ok","title":"Doublon","family":"f","employer":"DINUM"},
        {"id":"bad-link","title":"X","family":"f","employer":"DINUM","description":[{"paragraph":[{"link":{"href":"data:text/html,x","content":[]}}]}]},
        42
      ]}"#;
    let loaded = parse_bundle(text).unwrap();
    assert_eq!(loaded.bundle.offers.len(), 1);
    let ids: Vec<_> = loaded.skipped.iter().map(|s| s.id.as_deref()).collect();
    assert_eq!(
        ids,
        [
            Some("bad-grade"),
            Some("bad-date"),
            None,
            Some("unknown-family"),
            Some("ok"),
            Some("bad-link"),
            None
        ]
    );
    assert!(loaded.skipped[1].reason.contains("date invalide"));
    assert!(loaded.skipped[4].reason.contains("déjà utilisé"));
}

#[test]
fn half_a_character_alone_skips_only_its_offer() {
    // `\ud800` alone is JSON (RFC 8259, 8.2) but no text: the offer whose title it is is skipped,
    // and one that only holds it in a member nobody reads is kept, as serde reads them.
    let text = r#"{"format_version":1,"generated_at":"2026-01-01T00:00:00Z","page":{"title":"T"},
      "families":[{"id":"f","label":"F"}],
      "offers":[
        {"id":"ok","title":"Bon","family":"f","employer":"DINUM"},
        {"id":"alone","title":"a\ud800","family":"f","employer":"DINUM"},
        {"id":"unread","title":"Bon","family":"f","employer":"DINUM","x":"\udc00"}
      ]}"#;
    let loaded = parse_bundle(text).unwrap();
    let ids: Vec<_> = loaded.bundle.offers.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["ok", "unread"]);
    assert_eq!(loaded.skipped.len(), 1);
    assert_eq!(loaded.skipped[0].id.as_deref(), Some("alone"));
    let reason = &loaded.skipped[0].reason;
    assert!(
        reason.contains("moitié de caractère seule (\\u) (ligne 5, colonne 33)"),
        "{reason}"
    );
}

#[test]
fn whole_bundle_errors_are_typed() {
    assert!(matches!(
        parse_bundle(&read("tests/fixtures/unknown-version.json")),
        Err(ParseError::UnsupportedVersion(3))
    ));
    assert!(matches!(
        parse_bundle(&read("tests/fixtures/not-json.html")),
        Err(ParseError::NotJson(_))
    ));
    assert!(matches!(parse_bundle(""), Err(ParseError::NotJson(_))));
    assert!(matches!(
        parse_bundle("[1,2]"),
        Err(ParseError::NotABundle(_))
    ));
    assert!(matches!(parse_bundle("{}"), Err(ParseError::NotABundle(_))));
    assert!(matches!(
        parse_bundle("[1]"),
        Err(ParseError::NotABundle(_))
    ));
    assert!(matches!(
        parse_bundle("\"texte\""),
        Err(ParseError::NotABundle(_))
    ));
    assert!(matches!(
        parse_bundle(r#"{"format_version":1}"#),
        Err(ParseError::NotABundle(_))
    ));
    let empty = parse_bundle(&read("tests/fixtures/empty.json")).unwrap();
    assert!(empty.bundle.offers.is_empty() && empty.skipped.is_empty());
}

#[test]
fn page_links_family_ids_and_document_shapes_are_checked_like_offers() {
    // A callout's link and a link inside the page's introduction, both javascript:; a family id
    // that is not a slug; a heading of level 255; a description nested 20 levels deep.
    let deep = (0..20).fold(
        r#"[{"paragraph":[{"text":"x"}]}]"#.to_string(),
        |inner, _| format!(r#"[{{"quote":{inner}}}]"#),
    );
    let text = format!(
        r#"{{"format_version":1,"generated_at":"2026-01-01T00:00:00Z",
      "page":{{"title":"T","intro":[{{"paragraph":[{{"link":{{"href":"javascript:alert(1)","content":[{{"text":"ici"}}]}}}}]}}],
        "sections":[{{"section":"own","heading":"H","callouts":[{{"title":"C","link":{{"label":"L","url":"javascript:alert(2)"}}}}]}}]}},
      "families":[{{"id":"f","label":"F"}},{{"id":"Données métier","label":"Données"}}],
      "offers":[
        {{"id":"ok","title":"Bon","family":"f","employer":"DINUM"}},
        {{"id":"accents","title":"X","family":"Données métier","employer":"DINUM"}},
        {{"id":"level","title":"X","family":"f","employer":"DINUM","description":[{{"heading":{{"level":255,"content":[{{"text":"t"}}]}}}}]}},
        {{"id":"deep","title":"X","family":"f","employer":"DINUM","description":{deep}}}
      ]}}"#
    );
    let loaded = parse_bundle(&text).unwrap();
    let kept: Vec<&str> = loaded.bundle.offers.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(kept, ["ok"]);
    let families: Vec<&str> = loaded
        .bundle
        .families
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(
        families,
        ["f"],
        "a family the address cannot name is left out"
    );
    let reasons: Vec<&str> = loaded.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons[0].contains("famille « Données métier » absente"),
        "{reasons:?}"
    );
    assert!(reasons[1].contains("niveau 255"), "{reasons:?}");
    assert!(reasons[2].contains("plus de 16 niveaux"), "{reasons:?}");
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].starts_with("page.intro : lien « javascript:alert(1) »"));
    assert!(problems[1].starts_with("page.sections.callouts.link : lien « javascript:alert(2) »"));
    assert!(problems[2].contains("famille « Données métier » : identifiant invalide"));
    // Publishing it is an error: `validate` and `build` say so.
    let findings = offers_core::check_bundle(&loaded, offers_core::Date::new(2026, 1, 1).unwrap());
    let errors = findings
        .iter()
        .filter(|f| f.severity == offers_core::Severity::Error)
        .count();
    assert_eq!(errors, 6);
}
