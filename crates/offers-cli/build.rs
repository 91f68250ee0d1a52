//! With the `app` feature, puts the app's files (the output of `trunk build --release`: dist/,
//! or the folder OFFRES_APP_DIR names) inside the binary, so that `offers site` needs nothing
//! else; and tells `offers --version` which app it carries. Written here rather than with a crate
//! such as include_dir: a dozen lines, and the choice of files is `site/app_files.rs`, shared.

#[path = "src/site/app_files.rs"]
mod app_files;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=OFFRES_APP_DIR");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("app_files.rs");
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    let mut version = String::from("sans application intégrée (offers site --app DOSSIER)");
    if std::env::var_os("CARGO_FEATURE_APP").is_some() {
        let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
        let dir = std::env::var_os("OFFRES_APP_DIR")
            .map_or_else(|| manifest.join("../../dist"), PathBuf::from);
        let dir = dir.canonicalize().unwrap_or_else(|e| {
            panic!(
                "feature `app` : {} illisible ({e}) : lancez d'abord `trunk build --release`, ou nommez le dossier dans OFFRES_APP_DIR",
                dir.display()
            )
        });
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| app_files::is_app_file(n))
            .collect();
        names.sort();
        for name in &names {
            let path = dir.join(name);
            println!("cargo:rerun-if-changed={}", path.display());
            let _ = writeln!(
                code,
                "    ({name:?}, include_bytes!({:?})),",
                path.display().to_string()
            );
        }
        let glue = names
            .iter()
            .find(|n| n.starts_with("offres-") && n.ends_with(".js"))
            .unwrap_or_else(|| panic!("feature `app` : pas d'application dans {}", dir.display()));
        version = format!("application {} intégrée", glue.trim_end_matches(".js"));
    }
    code.push_str("];\n");
    std::fs::write(out, code).unwrap();
    println!(
        "cargo:rustc-env=OFFERS_VERSION={}, {version}",
        std::env::var("CARGO_PKG_VERSION").unwrap()
    );
}
