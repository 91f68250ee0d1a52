//! `offers site` on the default bundle and content, with an app build made here (trunk's shell
//! as trunk writes it: its start script, its preloads, one stylesheet): the board in index.html,
//! a JobPosting page per open offer with a full text, the sitemap, the service worker, the
//! widget, compressed copies; a site rebuilt from a site; what it refuses.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn offers(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_offers"))
        .args(args)
        .current_dir(root())
        .env_remove("OFFRES_SITE_URL")
        .output()
        .expect("the offers binary runs")
}

/// `offers site INPUT --app APP -o OUT --site-url URL` and `more` arguments.
fn site(input: &str, app: &Path, out: &Path, url: &str, more: &[&str]) -> Output {
    let mut args = vec![
        "site",
        input,
        "--app",
        path(app),
        "-o",
        path(out),
        "--site-url",
        url,
    ];
    args.extend(more);
    offers(&args)
}

fn assert_ok(run: &Output) {
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("offers-site-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// An app build as trunk and scripts/minify.mjs leave it: the repository's index.html with trunk's
/// start script and preloads and one stylesheet, the module's two files, the statement.
fn app(name: &str) -> PathBuf {
    let dir = temp(name);
    std::fs::create_dir_all(&dir).unwrap();
    let source = std::fs::read_to_string(root().join("index.html")).unwrap();
    let head_end = source.find("</head>").unwrap();
    let kept: String = source[..head_end]
        .lines()
        .filter(|l| !l.contains("data-trunk"))
        .map(|l| format!("{l}\n"))
        .collect();
    let shell = format!(
        "{kept}<link rel=\"modulepreload\" href=\"./offres-0123456789abcdef.js\" crossorigin=\"anonymous\" integrity=\"sha384-x\">\n\
         <link rel=\"preload\" href=\"./offres-0123456789abcdef_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-y\" as=\"fetch\" type=\"application/wasm\">\n\
         <link rel=\"stylesheet\" href=\"./offres-fedcba9876543210.css\" integrity=\"sha384-z\">\n\
         <script type=\"module\">\nimport init, * as bindings from './offres-0123456789abcdef.js';\n\
         const wasm = await init({{ module_or_path: './offres-0123456789abcdef_bg.wasm' }});\n\n\
         window.wasmBindings = bindings;\n</script>{}",
        &source[head_end..]
    );
    std::fs::write(dir.join("index.html"), shell).unwrap();
    std::fs::write(
        dir.join("offres-0123456789abcdef.js"),
        "export default function(){}\n".repeat(20),
    )
    .unwrap();
    std::fs::write(
        dir.join("offres-0123456789abcdef_bg.wasm"),
        [&b"\0asm\x01\0\0\0"[..], &[0; 2000]].concat(),
    )
    .unwrap();
    std::fs::write(
        dir.join("offres-fedcba9876543210.css"),
        ".offres-panel{color:red}\n".repeat(20),
    )
    .unwrap();
    std::fs::copy(
        root().join("public/accessibilite.html"),
        dir.join("accessibilite.html"),
    )
    .unwrap();
    dir
}

/// Every file under `dir`, by its path relative to `dir`, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                pending.push(p);
            } else {
                let name = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(name, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn text(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn a_site_from_the_default_bundle_and_an_app_build() {
    let app = app("app");
    let out = temp("out");
    let run = site(
        "public/offers.json",
        &app,
        &out,
        "https://example.gouv.fr/emplois",
        &[],
    );
    assert_ok(&run);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("identiques à leur source"),
        "the site is checked: {stdout}"
    );

    let bundle: serde_json::Value = serde_json::from_str(&text(&out, "offers.json")).unwrap();
    let given: serde_json::Value =
        serde_json::from_str(&text(&root(), "public/offers.json")).unwrap();
    assert_eq!(bundle, given, "the bundle as given");
    // In lines, one offer per line, for the app to read as it arrives.
    assert_eq!(
        text(&out, "offers.json").lines().count(),
        given["offers"].as_array().unwrap().len() + 2
    );
    let listed = bundle["offers"].as_array().unwrap();
    let open: Vec<&serde_json::Value> = listed.iter().filter(|o| o["status"] == "open").collect();
    let index = text(&out, "index.html");
    // The board, rendered by the app's components, and the shell made deployable.
    assert_eq!(
        index.matches("<li class=\"offres-panel").count(),
        open.len()
    );
    assert_eq!(index.matches("<main").count(), 1);
    assert!(index.contains(
        "<meta name=\"offres-module\" content=\"./offres-0123456789abcdef.js ./offres-0123456789abcdef_bg.wasm\">"
    ));
    assert!(
        !index.contains("preload"),
        "the module is fetched after the first paint"
    );
    assert!(!index.contains("<script type=\"module\">"));
    assert!(
        index.contains("<meta property=\"og:url\" content=\"https://example.gouv.fr/emplois/\"")
    );

    let with_text: Vec<&&serde_json::Value> = open
        .iter()
        .filter(|o| o.get("description").is_some())
        .collect();
    assert!(!with_text.is_empty());
    let sitemap = text(&out, "sitemap.xml");
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    assert_eq!(locs.len(), 2 + with_text.len(), "{sitemap}");
    assert_eq!(locs[0], "https://example.gouv.fr/emplois/");
    assert_eq!(
        text(&out, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.gouv.fr/emplois/sitemap.xml\n"
    );
    for offer in with_text {
        let id = offer["id"].as_str().unwrap();
        // The board links the static page, which works without JavaScript.
        assert!(
            index.contains(&format!("href=\"offres/{id}.html\"")),
            "{id}"
        );
        let page = text(&out, &format!("offres/{id}.html"));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"../offres-fedcba9876543210.css\">"));
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

    // The statement gets the stylesheet, with its integrity.
    let statement = text(&out, "accessibilite.html");
    assert!(statement.contains(
        "<link rel=\"stylesheet\" href=\"./offres-fedcba9876543210.css\" integrity=\"sha384-"
    ));
    assert!(!statement.contains("offres:styles"));
    // The service worker keeps the site's files for offline use, under a version of its own.
    let sw = text(&out, "sw.js");
    for name in [
        "./",
        "index.html",
        "offres-0123456789abcdef_bg.wasm",
        "offres-fedcba9876543210.css",
        "embed.html",
        "feed.atom",
    ] {
        assert!(sw.contains(&format!("\"{name}\"")), "{name} in {sw}");
    }
    assert!(!sw.contains("__"), "every placeholder filled");
    assert!(
        !sw.contains("\"offers.json\""),
        "the bundle has its own strategy"
    );
    // The widget loads this build's module; the embed page is the board plus its script.
    let widget = text(&out, "widget.js");
    assert!(
        widget.contains("const CODE = \"./offres-0123456789abcdef.js\";"),
        "{widget}"
    );
    assert!(
        widget.contains("const STYLES = [\"offres-fedcba9876543210.css\"];"),
        "{widget}"
    );
    assert!(text(&out, "embed.html")
        .contains("<script type=\"module\" src=\"./embed.js\"></script></head>"));
    // Feeds for this site's address, and the schema.
    assert!(text(&out, "feed.atom").contains("<id>https://example.gouv.fr/emplois/</id>"));
    assert!(out.join("offers.schema.json").is_file());
    // Compressed copies beside the text files.
    for name in [
        "index.html",
        "offers.json",
        "sw.js",
        "offres-0123456789abcdef_bg.wasm",
    ] {
        assert!(out.join(format!("{name}.br")).is_file(), "{name}.br");
        assert!(out.join(format!("{name}.gz")).is_file(), "{name}.gz");
    }

    // A built site is an app too: the same site again, and for another address.
    let again = temp("again");
    let run = site(
        "public/offers.json",
        &out,
        &again,
        "https://example.gouv.fr/emplois/",
        &[],
    );
    assert_ok(&run);
    assert_eq!(files(&again), files(&out));
    let run = site(
        "public/offers.json",
        &out,
        &again,
        "https://b.example.fr/",
        &[],
    );
    assert_ok(&run);
    assert!(text(&again, "index.html").contains("content=\"https://b.example.fr/\""));
    assert!(!text(&again, "sitemap.xml").contains("example.gouv.fr"));
}

#[test]
fn content_in_a_site_out_and_what_is_gone_goes() {
    let app = app("app-content");
    let content = temp("content");
    let copy = Command::new("cp")
        .args(["-r", path(&root().join("content")), path(&content)])
        .status()
        .unwrap();
    assert!(copy.success());
    let out = temp("out-content");
    let build = |out: &Path| {
        let when = ["--generated-at", "2026-11-23T00:00:00Z"];
        site(path(&content), &app, out, "https://example.gouv.fr/", &when)
    };
    let run = build(&out);
    assert_ok(&run);
    let pages: Vec<String> = files(&out)
        .into_keys()
        .filter(|n| n.starts_with("offres/") && n.ends_with(".html"))
        .collect();
    assert!(!pages.is_empty());
    // An offer removed from the content: its page, and its compressed copies, leave the site.
    let gone = pages[0]
        .trim_start_matches("offres/")
        .trim_end_matches(".html")
        .to_string();
    let file = std::fs::read_dir(content.join("offers"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains(&format!("id: {gone}"))
        })
        .unwrap_or_else(|| panic!("the content file of {gone}"));
    std::fs::remove_file(file).unwrap();
    let run = build(&out);
    assert_ok(&run);
    let left = files(&out);
    assert!(!left.keys().any(|n| n.contains(&gone)), "{:?}", left.keys());
}

#[test]
fn a_bad_address_a_folder_of_other_things_or_no_app_are_refused_and_nothing_is_written() {
    let app = app("app-bad");
    let out = temp("out-bad");
    let run = site("public/offers.json", &app, &out, "javascript:alert(1)", &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--site-url"));
    assert!(!out.exists());

    let other = temp("not-a-site");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mes notes").unwrap();
    let run = site(
        "public/offers.json",
        &app,
        &other,
        "https://example.gouv.fr/",
        &[],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("ni vide ni un site"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(text(&other, "notes.txt"), "mes notes");

    let version = String::from_utf8_lossy(&offers(&["--version"]).stdout).into_owned();
    if version.contains("sans application") {
        let run = offers(&[
            "site",
            "public/offers.json",
            "-o",
            path(&out),
            "--site-url",
            "https://example.gouv.fr/",
        ]);
        assert_eq!(run.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&run.stderr).contains("--app"));
    }
}
