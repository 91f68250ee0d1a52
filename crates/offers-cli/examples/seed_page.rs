//! `cargo run -p offers-cli --example seed_page -- SEED.txt > page.html`: the original
//! "Rejoignez-nous" page as the static HTML its site served (its markdown through a CommonMark
//! renderer, its front matter's title and inline style), for the first-paint benchmark
//! (scripts/bench-lighthouse.mjs), which compares the board with it. Not part of the product.

use std::process::ExitCode;

use offers_cli::content::split_front_matter;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage : seed_page SEED.txt");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path} : {e}");
            return ExitCode::from(2);
        }
    };
    let (front, _, body, _) = split_front_matter(&text).unwrap_or(("", 0, &text, None));
    let meta: serde_json::Value = serde_norway::from_str(front).unwrap_or_default();
    let field = |k: &str| meta.get(k).and_then(|v| v.as_str()).unwrap_or_default();
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::all()),
    );
    let escape = offers_core::document::escape_markup;
    print!(
        "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>body {{ font-family: sans-serif; max-width: 60em; margin: 0 auto; padding: 1em; }}\n{}</style>\n\
         </head>\n<body>\n<main>\n<h1>{}</h1>\n{html}</main>\n</body>\n</html>\n",
        escape(field("title")),
        field("style").replace("</", "<\\/"),
        escape(field("title")),
    );
    ExitCode::SUCCESS
}
