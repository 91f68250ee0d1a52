//! Markdown (with the raw HTML real pages contain) to a structured [`Document`].
//!
//! Raw HTML is never passed through: its elements are mapped to document nodes (headings,
//! paragraphs, lists, emphasis, links, line breaks) and everything else is reduced to its text.
//! Relative links are resolved against a base URL; links that are not https, http or mailto after
//! that (in-page anchors, `javascript:`) keep their text and lose their link.

use offers_core::document::MAX_DEPTH;
use offers_core::{is_safe_url, Block, Document, Inline};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use scraper::{Html, Node};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Root,
    Quote,
    Item,
    List { ordered: bool },
    Para { implicit: bool },
    Heading(u8),
    Emphasis,
    Strong,
    Link,
}

struct Frame {
    kind: Kind,
    blocks: Vec<Block>,
    items: Vec<Vec<Block>>,
    inlines: Vec<Inline>,
    href: Option<String>,
}

impl Frame {
    fn new(kind: Kind) -> Frame {
        Frame {
            kind,
            blocks: Vec::new(),
            items: Vec::new(),
            inlines: Vec::new(),
            href: None,
        }
    }
}

fn is_inline_container(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Para { .. } | Kind::Heading(_) | Kind::Emphasis | Kind::Strong | Kind::Link
    )
}

/// How deep raw HTML is walked (`<div>`s add no depth to the document but one call each): below
/// this, an element's content is taken as its text, so that 50 000 nested `<div>`s cannot exhaust
/// the stack.
const MAX_HTML_DEPTH: usize = 256;

/// Where `html`'s elements first nest deeper than `max` (byte offset of the tag), read from its
/// tags alone. HTML parsers check scopes along the stack of open elements at each tag, which
/// makes 50 000 nested `<div>`s take minutes: this scan decides before any parsing.
/// Elements that close themselves when their like opens (`p`, `li`, table cells…) and void
/// elements do not count.
pub fn nesting_over(html: &str, max: usize) -> Option<usize> {
    const FLAT: &[&str] = &[
        "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link",
        "meta", "option", "p", "param", "source", "td", "th", "tr", "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let rest = &html[start + 1..];
        if rest.starts_with("!--") {
            at = rest
                .find("-->")
                .map_or(html.len(), |end| start + 1 + end + 3);
            continue;
        }
        let end = rest.find('>').map_or(html.len(), |end| start + 1 + end);
        if let Some(closing) = rest.strip_prefix('/') {
            if closing.starts_with(|c: char| c.is_ascii_alphabetic()) {
                depth = depth.saturating_sub(1);
            }
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let name: String = rest
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            let self_closing = end > start && bytes.get(end - 1) == Some(&b'/');
            if !self_closing && !FLAT.contains(&name.as_str()) {
                depth += 1;
                if depth > max {
                    return Some(start);
                }
            }
        }
        at = (end + 1).min(html.len()).max(start + 1);
    }
    None
}

/// Builds a document from start/end/text calls, whatever their source (markdown or HTML).
///
/// The stack of open frames is the document's nesting: a start that would make it deeper than
/// [`MAX_DEPTH`] is not opened (its text goes to the frame below), its end is ignored, and
/// `too_deep` says so.
pub struct Builder<'a> {
    stack: Vec<Frame>,
    base_url: Option<&'a url::Url>,
    /// Starts left unopened for depth, innermost last: their ends are ignored.
    unopened: Vec<Kind>,
    pub too_deep: bool,
}

/// `List { ordered: true }` ends `List { ordered: false }`, and any paragraph ends any other.
fn same_kind(a: Kind, b: Kind) -> bool {
    match (a, b) {
        (Kind::List { .. }, Kind::List { .. }) | (Kind::Para { .. }, Kind::Para { .. }) => true,
        (a, b) => a == b,
    }
}

impl<'a> Builder<'a> {
    pub fn new(base_url: Option<&'a url::Url>) -> Builder<'a> {
        Builder {
            stack: vec![Frame::new(Kind::Root)],
            base_url,
            unopened: Vec::new(),
            too_deep: false,
        }
    }

    fn top(&self) -> Kind {
        self.stack.last().map_or(Kind::Root, |f| f.kind)
    }

    /// Closes implicit paragraphs and inline frames until a block container is on top.
    fn close_to_block_level(&mut self) {
        while is_inline_container(self.top()) || matches!(self.top(), Kind::List { .. }) {
            if matches!(self.top(), Kind::List { .. }) {
                // Content straight inside a list (HTML `<ul>text</ul>`): give it an item.
                if self.stack.len() > MAX_DEPTH {
                    // No room for an item: the content goes to the level above the list.
                    self.too_deep = true;
                    self.pop();
                    continue;
                }
                self.stack.push(Frame::new(Kind::Item));
                return;
            }
            self.pop();
        }
    }

    /// Opens a frame of `kind`, unless it would nest deeper than [`MAX_DEPTH`] or it is inside a
    /// start left unopened: then it is left unopened too, and what it holds goes to the deepest
    /// open frame. Says whether it opened.
    fn open(&mut self, kind: Kind) -> bool {
        if !self.unopened.is_empty() {
            self.unopened.push(kind);
            return false;
        }
        match kind {
            Kind::Emphasis | Kind::Strong | Kind::Link => self.ensure_inline(),
            Kind::Item => {
                while !matches!(self.top(), Kind::List { .. } | Kind::Root) {
                    self.pop();
                }
                if self.top() == Kind::Root {
                    self.stack.push(Frame::new(Kind::List { ordered: false }));
                }
            }
            _ => self.close_to_block_level(),
        }
        // The root frame is not a level of the document.
        if self.stack.len() > MAX_DEPTH {
            self.too_deep = true;
            self.unopened.push(kind);
            return false;
        }
        self.stack.push(Frame::new(kind));
        true
    }

    fn start(&mut self, kind: Kind) {
        self.open(kind);
    }

    fn start_link(&mut self, href: &str) {
        let href = self.resolve(href);
        if self.open(Kind::Link) {
            if let Some(frame) = self.stack.last_mut() {
                frame.href = href;
            }
        }
    }

    /// Ends the innermost open `kind`; frames opened inside it and left open are closed too.
    /// An end with no matching start is ignored, and so is the end of a start left unopened.
    fn end(&mut self, kind: Kind) {
        if let Some(pos) = self.unopened.iter().rposition(|k| same_kind(*k, kind)) {
            // Starts left unopened inside it and never ended (`<b>` alone) end with it.
            self.unopened.truncate(pos);
            return;
        }
        if let Some(pos) = self.stack.iter().rposition(|f| same_kind(f.kind, kind)) {
            if pos == 0 {
                return;
            }
            while self.stack.len() > pos {
                self.pop();
            }
        }
    }

    fn ensure_inline(&mut self) {
        if !is_inline_container(self.top()) {
            self.close_to_block_level();
            if self.stack.len() > MAX_DEPTH {
                // No room for a paragraph: close levels to make one, and not in a list's frame
                // (a list holds items, not paragraphs).
                self.too_deep = true;
                while self.stack.len() > MAX_DEPTH || matches!(self.top(), Kind::List { .. }) {
                    self.pop();
                }
            }
            self.stack.push(Frame::new(Kind::Para { implicit: true }));
        }
    }

    pub fn text(&mut self, text: &str) {
        let folded = fold_space(text);
        if folded.is_empty() {
            return;
        }
        if folded == " " && !is_inline_container(self.top()) {
            return;
        }
        self.ensure_inline();
        push_text(&mut self.stack.last_mut().expect("frame").inlines, &folded);
    }

    fn code(&mut self, text: &str) {
        self.ensure_inline();
        self.stack
            .last_mut()
            .expect("frame")
            .inlines
            .push(Inline::Code(text.to_string()));
    }

    fn line_break(&mut self) {
        if is_inline_container(self.top()) {
            self.stack
                .last_mut()
                .expect("frame")
                .inlines
                .push(Inline::LineBreak);
        } else {
            // A <br> between blocks separates paragraphs: nothing to keep.
        }
    }

    fn rule(&mut self) {
        self.close_to_block_level();
        self.push_block(Block::Rule);
    }

    fn push_block(&mut self, block: Block) {
        if let Some(frame) = self.stack.last_mut() {
            frame.blocks.push(block);
        }
    }

    fn pop(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if self.stack.is_empty() {
            self.stack.push(frame);
            return;
        }
        match frame.kind {
            Kind::Root => {}
            Kind::Para { .. } => {
                let inlines = trim_inlines(frame.inlines);
                if !inlines.is_empty() {
                    self.push_block(Block::Paragraph(inlines));
                }
            }
            Kind::Heading(level) => {
                let content = trim_inlines(frame.inlines);
                if !content.is_empty() {
                    self.push_block(Block::Heading { level, content });
                }
            }
            Kind::Emphasis | Kind::Strong | Kind::Link => {
                let parent = &mut self.stack.last_mut().expect("frame").inlines;
                let content = frame.inlines;
                if content.is_empty() {
                    return;
                }
                match (frame.kind, frame.href) {
                    (Kind::Emphasis, _) => parent.push(Inline::Emphasis(content)),
                    (Kind::Strong, _) => parent.push(Inline::Strong(content)),
                    (_, Some(href)) => parent.push(Inline::Link { href, content }),
                    (_, None) => {
                        for inline in content {
                            match inline {
                                Inline::Text(t) => push_text(parent, &t),
                                other => parent.push(other),
                            }
                        }
                    }
                }
            }
            Kind::Item => {
                if let Some(list) = self.stack.last_mut() {
                    if !frame.blocks.is_empty() {
                        list.items.push(frame.blocks);
                    }
                }
            }
            Kind::List { ordered } => {
                if !frame.items.is_empty() {
                    self.push_block(Block::List {
                        ordered,
                        items: frame.items,
                    });
                }
            }
            Kind::Quote => {
                if !frame.blocks.is_empty() {
                    self.push_block(Block::Quote(frame.blocks));
                }
            }
        }
    }

    /// The document so far.
    pub fn finish(mut self) -> Document {
        while self.stack.len() > 1 {
            self.pop();
        }
        self.stack.pop().map(|f| f.blocks).unwrap_or_default()
    }

    /// An absolute, safe link target, or `None` (the text stays, the link goes).
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        if is_safe_url(href) {
            return Some(href.to_string());
        }
        if href.contains(':') && !href.starts_with('/') {
            // Another scheme (javascript:, data:, ftp:…).
            return None;
        }
        let joined = self.base_url?.join(href).ok()?.to_string();
        is_safe_url(&joined).then_some(joined)
    }

    /// Feeds an HTML fragment: elements become nodes, everything else text.
    pub fn html(&mut self, html: &str) {
        if nesting_over(html, MAX_HTML_DEPTH).is_some() {
            self.too_deep = true;
            return;
        }
        let fragment = Html::parse_fragment(html);
        self.html_node(fragment.root_element(), 0);
    }

    fn html_node(&mut self, element: scraper::ElementRef<'_>, depth: usize) {
        if depth > MAX_HTML_DEPTH {
            self.too_deep = true;
            // `text()` walks the tree without recursion.
            self.text(&element.text().collect::<String>());
            return;
        }
        let depth = depth + 1;
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(el) => {
                    let Some(child_ref) = scraper::ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = el.name();
                    let kind = match name {
                        "script" | "style" | "template" | "noscript" | "img" | "svg" => continue,
                        "br" => {
                            self.line_break();
                            continue;
                        }
                        "hr" => {
                            self.rule();
                            continue;
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            Some(Kind::Heading(name.as_bytes()[1] - b'0'))
                        }
                        "p" => Some(Kind::Para { implicit: false }),
                        "ul" => Some(Kind::List { ordered: false }),
                        "ol" => Some(Kind::List { ordered: true }),
                        "li" => Some(Kind::Item),
                        "blockquote" => Some(Kind::Quote),
                        "strong" | "b" => Some(Kind::Strong),
                        "em" | "i" => Some(Kind::Emphasis),
                        "a" => None,
                        "div" | "section" | "article" | "aside" | "header" | "footer"
                        | "figure" | "table" | "tr" => {
                            self.close_to_block_level();
                            self.html_node(child_ref, depth);
                            self.close_to_block_level();
                            continue;
                        }
                        _ => {
                            self.html_node(child_ref, depth);
                            continue;
                        }
                    };
                    match kind {
                        Some(kind) => {
                            self.start(kind);
                            self.html_node(child_ref, depth);
                            self.end(kind);
                        }
                        None => {
                            self.start_link(el.attr("href").unwrap_or(""));
                            self.html_node(child_ref, depth);
                            self.end(Kind::Link);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Feeds one inline HTML tag met in markdown (`<br>`, `<a href="…">`, `</a>`, `<b>`…).
    fn inline_tag(&mut self, tag: &str) {
        let inner = tag.trim().trim_start_matches('<').trim_end_matches('>');
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let name: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let kind = match name.as_str() {
            "br" => return self.line_break(),
            "a" => Kind::Link,
            "b" | "strong" => Kind::Strong,
            "i" | "em" => Kind::Emphasis,
            _ => return,
        };
        if closing {
            self.end(kind);
        } else if kind == Kind::Link {
            let fragment = Html::parse_fragment(tag);
            let href = fragment
                .root_element()
                .descendent_elements()
                .find_map(|e| e.value().attr("href").map(str::to_string))
                .unwrap_or_default();
            self.start_link(&href);
        } else {
            self.start(kind);
        }
    }
}

fn fold_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn push_text(list: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(last)) = list.last_mut() {
        if last.ends_with(' ') && text.starts_with(' ') {
            last.push_str(&text[1..]);
        } else {
            last.push_str(text);
        }
    } else {
        let text = if list.is_empty() || matches!(list.last(), Some(Inline::LineBreak)) {
            text.trim_start()
        } else {
            text
        };
        if !text.is_empty() {
            list.push(Inline::Text(text.to_string()));
        }
    }
}

fn trim_inlines(mut list: Vec<Inline>) -> Vec<Inline> {
    while matches!(list.last(), Some(Inline::LineBreak)) {
        list.pop();
    }
    while matches!(list.first(), Some(Inline::LineBreak)) {
        list.remove(0);
    }
    if let Some(Inline::Text(t)) = list.last_mut() {
        let trimmed = t.trim_end().to_string();
        *t = trimmed;
    }
    if let Some(Inline::Text(t)) = list.first_mut() {
        let trimmed = t.trim_start().to_string();
        *t = trimmed;
    }
    list.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    list
}

/// Markdown (CommonMark + tables and strikethrough, with raw HTML) to a document.
/// Heading levels are shifted so that the highest heading of the text is level 1.
pub fn markdown_to_document(markdown: &str, base_url: Option<&url::Url>) -> Document {
    read_markdown(markdown, base_url).0
}

/// The problem of a text nested deeper than a document may be.
pub fn too_deep_message() -> String {
    format!("texte imbriqué sur plus de {MAX_DEPTH} niveaux (citations, listes, balises) : ramenez-le à {MAX_DEPTH} niveaux au plus")
}

/// [`markdown_to_document`], and whether the text was nested deeper than [`MAX_DEPTH`] (what lies
/// deeper is kept as text of the level above).
pub fn read_markdown(markdown: &str, base_url: Option<&url::Url>) -> (Document, bool) {
    let mut b = Builder::new(base_url);
    let mut html_block = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        if !matches!(event, Event::Html(_)) && !html_block.is_empty() {
            b.html(&std::mem::take(&mut html_block));
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => b.start(Kind::Para { implicit: false }),
                Tag::Heading { level, .. } => b.start(Kind::Heading(heading_level(level))),
                Tag::BlockQuote(_) => b.start(Kind::Quote),
                Tag::List(first) => b.start(Kind::List {
                    ordered: first.is_some(),
                }),
                Tag::Item => b.start(Kind::Item),
                Tag::Emphasis => b.start(Kind::Emphasis),
                Tag::Strong => b.start(Kind::Strong),
                Tag::Link { dest_url, .. } => b.start_link(&dest_url),
                Tag::TableRow | Tag::TableHead => b.start(Kind::Para { implicit: false }),
                Tag::TableCell => b.text(" "),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::TableRow | TagEnd::TableHead => {
                    b.end(Kind::Para { implicit: false })
                }
                TagEnd::Heading(level) => b.end(Kind::Heading(heading_level(level))),
                TagEnd::BlockQuote(_) => b.end(Kind::Quote),
                TagEnd::List(ordered) => b.end(Kind::List { ordered }),
                TagEnd::Item => b.end(Kind::Item),
                TagEnd::Emphasis => b.end(Kind::Emphasis),
                TagEnd::Strong => b.end(Kind::Strong),
                TagEnd::Link => b.end(Kind::Link),
                _ => {}
            },
            Event::Text(text) => b.text(&text),
            Event::Code(code) => b.code(&code),
            Event::SoftBreak => b.text(" "),
            Event::HardBreak => b.line_break(),
            Event::Rule => b.rule(),
            Event::Html(html) => html_block.push_str(&html),
            Event::InlineHtml(tag) => b.inline_tag(&tag),
            _ => {}
        }
    }
    if !html_block.is_empty() {
        b.html(&html_block);
    }
    let too_deep = b.too_deep;
    (normalize_headings(b.finish()), too_deep)
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

/// Shifts headings so the highest becomes level 1.
fn normalize_headings(mut doc: Document) -> Document {
    fn min_level(doc: &[Block]) -> Option<u8> {
        doc.iter()
            .filter_map(|b| match b {
                Block::Heading { level, .. } => Some(*level),
                Block::Quote(inner) => min_level(inner),
                Block::List { items, .. } => items.iter().filter_map(|i| min_level(i)).min(),
                _ => None,
            })
            .min()
    }
    fn shift(doc: &mut [Block], by: u8) {
        for b in doc {
            match b {
                Block::Heading { level, .. } => *level -= by,
                Block::Quote(inner) => shift(inner, by),
                Block::List { items, .. } => items.iter_mut().for_each(|i| shift(i, by)),
                _ => {}
            }
        }
    }
    if let Some(min) = min_level(&doc) {
        shift(&mut doc, min - 1);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    use offers_core::document::document_text;

    /// The nesting of a document as offers-core measures it.
    fn shape_ok(doc: &Document) -> bool {
        offers_core::document::shape_problems(doc).is_empty()
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        // 100 000 `>`: a quote in a quote… The document keeps MAX_DEPTH levels and says so.
        let (doc, too_deep) = read_markdown(&format!("{} x", ">".repeat(100_000)), None);
        assert!(too_deep);
        assert!(
            shape_ok(&doc),
            "{:?}",
            offers_core::document::shape_problems(&doc)
        );
        // 50 000 nested <div>: refused before an HTML parser spends minutes on it.
        let html = format!("{}x{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        assert!(read_markdown(&html, None).1);
        // Nested lists and emphasis, one level too many.
        let list: String = (0..MAX_DEPTH)
            .map(|i| format!("{}- niveau {i}\n", "  ".repeat(i)))
            .collect();
        let (doc, too_deep) = read_markdown(&list, None);
        assert!(too_deep && shape_ok(&doc));
        assert!(document_text(&doc).contains("niveau 15"), "text kept");
    }

    #[test]
    fn ordinary_nesting_is_kept_as_it_is() {
        let quotes = format!("{} citation", ">".repeat(MAX_DEPTH - 1));
        let (doc, too_deep) = read_markdown(&quotes, None);
        assert!(!too_deep);
        assert!(shape_ok(&doc));
        let html = format!("{}<p>x</p>{}", "<div>".repeat(200), "</div>".repeat(200));
        assert!(!read_markdown(&html, None).1);
        assert_eq!(
            nesting_over("<ul><li>a<li>b</ul><br><img src=x><p>c", 1),
            None
        );
        assert_eq!(
            nesting_over("<div><!-- <div><div> --><section>", 1),
            Some(24)
        );
    }

    fn md(text: &str) -> String {
        serde_json::to_string(&markdown_to_document(
            text,
            Some(&url::Url::parse("https://www.numerique.gouv.fr/rejoignez-nous/").unwrap()),
        ))
        .unwrap()
    }

    #[test]
    fn headings_lists_emphasis_links() {
        assert_eq!(
            md("### Mission\nAssurer **le pilotage** de *l'observatoire*.\n\n- un\n- [deux](https://beta.gouv.fr)\n"),
            r#"[{"heading":{"level":1,"content":[{"text":"Mission"}]}},{"paragraph":[{"text":"Assurer "},{"strong":[{"text":"le pilotage"}]},{"text":" de "},{"emphasis":[{"text":"l'observatoire"}]},{"text":"."}]},{"list":{"ordered":false,"items":[[{"paragraph":[{"text":"un"}]}],[{"paragraph":[{"link":{"href":"https://beta.gouv.fr","content":[{"text":"deux"}]}}]}]]}}]"#
        );
    }

    #[test]
    fn raw_html_becomes_nodes_or_text_never_markup() {
        let doc = md("Adressez votre CV à <a href=\"mailto:candidatures-dinum@pm.gouv.fr\">candidatures-dinum@pm.gouv.fr</a>.<br>Merci\n\n<div class=\"fr-callout\">\n    <h3 class=\"fr-callout__title\">Contact</h3>\n    <p>\n    Mélanie RAPHAËL\n    <br>\n    Experte &amp; référente\n    </p>\n</div>\n\n<script>alert(1)</script>\n<!-- chapô -->\n");
        assert!(!doc.contains('<'), "{doc}");
        assert!(
            doc.contains(r#"{"link":{"href":"mailto:candidatures-dinum@pm.gouv.fr""#),
            "{doc}"
        );
        assert!(doc.contains(r#""line_break""#), "{doc}");
        assert!(
            doc.contains(r#"{"heading":{"level":1,"content":[{"text":"Contact"}]}}"#),
            "{doc}"
        );
        assert!(doc.contains("Mélanie RAPHAËL"), "{doc}");
        assert!(doc.contains("Experte & référente"), "{doc}");
        assert!(!doc.contains("alert") && !doc.contains("chapô"), "{doc}");
    }

    #[test]
    fn links_are_resolved_or_dropped() {
        let doc = md("[fiche](/uploads/fiche.pdf) [ancre](#offres) [piège](javascript:alert(1)) [rel](equipe)");
        assert!(
            doc.contains("https://www.numerique.gouv.fr/uploads/fiche.pdf"),
            "{doc}"
        );
        assert!(
            doc.contains("https://www.numerique.gouv.fr/rejoignez-nous/equipe"),
            "{doc}"
        );
        assert!(
            !doc.contains("javascript") && !doc.contains("#offres"),
            "{doc}"
        );
        assert!(doc.contains("ancre") && doc.contains("piège"), "{doc}");
    }

    #[test]
    fn lazy_list_continuation_and_loose_text() {
        let doc = md("* Un CDD de 2 ans\nUn salaire de 3 500 €\n* L'accès\n\n<br>\n");
        assert!(
            doc.contains("Un CDD de 2 ans Un salaire de 3 500 €"),
            "{doc}"
        );
    }
}
