//! The build-time renderer (`offres-render`, `--features ssr`) on the default bundle: the board in
//! index.html, a JobPosting page per open offer with a full text, the sitemap.

#![cfg(feature = "ssr")]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn render(dist: &Path, site: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_offres-render"))
        .arg(dist)
        .args(["--site-url", site, "--style", "offres.css"])
        .output()
        .unwrap()
}

fn site_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("offres-render-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join("public/offers.json"), dir.join("offers.json")).unwrap();
    std::fs::copy(root().join("index.html"), dir.join("index.html")).unwrap();
    dir
}

#[test]
fn the_board_the_offer_pages_and_the_sitemap_are_written() {
    let dist = site_dir("ok");
    let out = render(&dist, "https://example.gouv.fr/emplois");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dist.join("offers.json")).unwrap()).unwrap();
    let offers = bundle["offers"].as_array().unwrap();
    let open: Vec<&serde_json::Value> = offers.iter().filter(|o| o["status"] == "open").collect();
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert_eq!(
        index.matches("<li class=\"offres-panel").count(),
        open.len()
    );
    assert_eq!(index.matches("<main").count(), 1);

    let with_text: Vec<&&serde_json::Value> = open
        .iter()
        .filter(|o| o.get("description").is_some())
        .collect();
    assert!(!with_text.is_empty());
    let sitemap = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    assert_eq!(locs.len(), 2 + with_text.len(), "{sitemap}");
    assert_eq!(locs[0], "https://example.gouv.fr/emplois/");
    for offer in with_text {
        let id = offer["id"].as_str().unwrap();
        // The board links the static page, which works without JavaScript.
        assert!(
            index.contains(&format!("href=\"offres/{id}.html\"")),
            "{id}"
        );
        let page = std::fs::read_to_string(dist.join(format!("offres/{id}.html"))).unwrap();
        assert!(page.contains("<link rel=\"stylesheet\" href=\"../offres.css\">"));
        assert!(
            page.contains("class=\"offres-offer\""),
            "the OfferPage component"
        );
        let start = page.find("<script type=\"application/ld+json\">").unwrap();
        let json = &page[start..];
        let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
        let posting: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(posting["@type"], "JobPosting");
        assert_eq!(posting["title"], offer["title"]);
        assert_eq!(
            posting["url"],
            format!("https://example.gouv.fr/emplois/offres/{id}.html")
        );
        for key in [
            "description",
            "datePosted",
            "hiringOrganization",
            "identifier",
        ] {
            assert!(posting.get(key).is_some(), "{id}: {key} missing");
        }
    }
}

#[test]
fn a_site_address_that_is_not_on_the_web_is_refused() {
    let dist = site_dir("bad");
    let before = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let out = render(&dist, "javascript:alert(1)");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--site-url"));
    assert_eq!(
        std::fs::read_to_string(dist.join("index.html")).unwrap(),
        before
    );
}
