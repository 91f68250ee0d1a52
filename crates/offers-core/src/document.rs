//! Offer descriptions as a structured document: never markup.
//!
//! The app renders each node with a component, so nothing from a bundle can become HTML.

use serde::{Deserialize, Serialize};

/// A description: a sequence of blocks.
pub type Document = Vec<Block>;

/// A block of a [`Document`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A heading inside the description; level 1 is the description's top level (rendered below the
    /// page's own headings).
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// A list; each item is itself a list of blocks.
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Rule,
}

/// Inline content of a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    /// A link: `href` must be `https:`, `http:` or `mailto:`.
    Link {
        href: String,
        content: Vec<Inline>,
    },
    LineBreak,
}

/// The deepest nesting a document may have (a quote in a list item in a quote…, emphasis in a
/// link…). Whoever walks a document (serde, the app's views) goes one call deeper per level: a
/// cap keeps that well inside any stack, and inside the bundle reader's 128 levels (`crate::json`).
pub const MAX_DEPTH: usize = 16;

/// What is wrong with a document's shape: nesting deeper than [`MAX_DEPTH`], heading levels
/// outside 1 to 6. Stops descending at the cap, so it never goes deeper than the cap itself.
pub fn shape_problems(doc: &[Block]) -> Vec<String> {
    fn inline_depth(list: &[Inline], depth: usize) -> usize {
        if depth > MAX_DEPTH {
            return depth;
        }
        list.iter()
            .map(|inline| match inline {
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                    inline_depth(c, depth + 1)
                }
                Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => depth,
            })
            .max()
            .unwrap_or(depth)
    }
    fn walk(doc: &[Block], depth: usize, levels: &mut Vec<u8>) -> usize {
        if depth > MAX_DEPTH {
            return depth;
        }
        doc.iter()
            .map(|block| match block {
                Block::Heading { level, content } => {
                    if !(1..=6).contains(level) {
                        levels.push(*level);
                    }
                    inline_depth(content, depth + 1)
                }
                Block::Paragraph(content) => inline_depth(content, depth + 1),
                Block::List { items, .. } => items
                    .iter()
                    .map(|item| walk(item, depth + 2, levels))
                    .max()
                    .unwrap_or(depth + 1),
                Block::Quote(inner) => walk(inner, depth + 1, levels),
                Block::Rule => depth,
            })
            .max()
            .unwrap_or(depth)
    }
    let mut levels = Vec::new();
    let depth = walk(doc, 0, &mut levels);
    let mut problems = Vec::new();
    if depth > MAX_DEPTH {
        problems.push(format!(
            "texte imbriqué sur plus de {MAX_DEPTH} niveaux (citations, listes, emphases, liens)"
        ));
    }
    if let Some(level) = levels.first() {
        problems.push(format!("titre de niveau {level} (niveaux 1 à 6 permis)"));
    }
    problems
}

/// Calls `f` on every link target of the document, in order.
pub fn for_each_href(doc: &[Block], f: &mut impl FnMut(&str)) {
    fn inlines(list: &[Inline], f: &mut impl FnMut(&str)) {
        for inline in list {
            match inline {
                Inline::Link { href, content } => {
                    f(href);
                    inlines(content, f);
                }
                Inline::Emphasis(c) | Inline::Strong(c) => inlines(c, f),
                Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
            }
        }
    }
    for block in doc {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => inlines(content, f),
            Block::List { items, .. } => items.iter().for_each(|item| for_each_href(item, f)),
            Block::Quote(blocks) => for_each_href(blocks, f),
            Block::Rule => {}
        }
    }
}

/// The plain text of inline content (for search and accessible names).
pub fn plain_text(list: &[Inline]) -> String {
    let mut out = String::new();
    fn walk(list: &[Inline], out: &mut String) {
        for inline in list {
            match inline {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                    walk(c, out)
                }
                Inline::LineBreak => out.push(' '),
            }
        }
    }
    walk(list, &mut out);
    out
}

/// All the text of a document, blocks separated by spaces (for the search index).
pub fn document_text(doc: &[Block]) -> String {
    let mut out = String::new();
    fn walk(doc: &[Block], out: &mut String) {
        for block in doc {
            match block {
                Block::Heading { content, .. } | Block::Paragraph(content) => {
                    out.push_str(&plain_text(content));
                    out.push(' ');
                }
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                Block::Quote(inner) => walk(inner, out),
                Block::Rule => {}
            }
        }
    }
    walk(doc, &mut out);
    out
}

/// Escapes text for XML or HTML content and attribute values: the feeds, the sitemap and the
/// head of the pages written at build time. What XML 1.0 forbids in any form, escaped or not, is
/// dropped: control characters (tab and line feed aside) and the non-characters U+FFFE, U+FFFF.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json() {
        let doc: Document = vec![
            Block::Heading {
                level: 2,
                content: vec![Inline::Text("Mission".into())],
            },
            Block::List {
                ordered: false,
                items: vec![vec![Block::Paragraph(vec![
                    Inline::Strong(vec![Inline::Text("Accompagner".into())]),
                    Inline::Link {
                        href: "https://beta.gouv.fr".into(),
                        content: vec![Inline::Text("beta".into())],
                    },
                ])]],
            },
            Block::Rule,
        ];
        let json = serde_json::to_string(&doc).unwrap();
        assert!(json.starts_with(r#"[{"heading":{"level":2"#), "{json}");
        assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
    }

    #[test]
    fn rejects_markup_shaped_nodes() {
        assert!(serde_json::from_str::<Document>(r#"[{"html":"<b>x</b>"}]"#).is_err());
    }

    #[test]
    fn walks_every_link_and_text() {
        let doc: Document = serde_json::from_str(
            r#"[{"quote":[{"list":{"ordered":true,"items":[[{"paragraph":[
                {"emphasis":[{"link":{"href":"mailto:a@b.fr","content":[{"text":"écrire"}]}}]},
                {"line_break":null}, {"code":"CMD-01"}]}]]}}]}]"#,
        )
        .unwrap();
        let mut hrefs = vec![];
        for_each_href(&doc, &mut |h| hrefs.push(h.to_string()));
        assert_eq!(hrefs, ["mailto:a@b.fr"]);
        let Block::Quote(q) = &doc[0] else { panic!() };
        let Block::List { items, .. } = &q[0] else {
            panic!()
        };
        let Block::Paragraph(p) = &items[0][0] else {
            panic!()
        };
        assert_eq!(plain_text(p), "écrire CMD-01");
    }
}
