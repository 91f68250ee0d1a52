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

/// Escapes text for XML or HTML content and attribute values (control characters dropped): the
/// feeds, the sitemap and the head of the pages written at build time.
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
