//! Which files of an app build are the app's own. Read by `site::app` and by build.rs (which
//! embeds them in the binary with the `app` feature), so this file uses nothing but `std`.

/// Whether `name` (a file at the top of an app build, or of a site built before) is one of the
/// app's files, which `offers site` puts in every site: the page shell (index.html), the
/// accessibility statement, the module (its glue and its wasm) and the stylesheet, the last three
/// with their compressed copies (they are the same in every site, so compressing them once is
/// enough; the pages are rendered again, and compressed again, by every site build).
pub fn is_app_file(name: &str) -> bool {
    let module = |n: &str| {
        n.starts_with("offres-")
            && (n.ends_with(".js") || n.ends_with("_bg.wasm") || n.ends_with(".css"))
    };
    match name
        .strip_suffix(".br")
        .or_else(|| name.strip_suffix(".gz"))
    {
        Some(plain) => module(plain),
        None => matches!(name, "index.html" | "accessibilite.html") || module(name),
    }
}
