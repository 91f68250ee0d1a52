//! Legacy "Rejoignez-nous" pages (Jekyll: markdown with HTML). Two formats are known: panels in a
//! `wrapper` grid under family headings (2023), and markdown lists of links under `#### **FAMILY**`
//! headings (2019). Both are read the same way: the page is rendered to HTML (comments vanish,
//! entities are decoded) and walked in document order.

use std::path::Path;

use scraper::{ElementRef, Html};

use crate::io::CliError;
use crate::markdown::nesting_over;

use offers_core::{Family, Link, Section};

use crate::content::{grade_level, location, reference_in_url, slugify, split_front_matter};

/// One offer found on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub id: String,
    pub title: String,
    pub family: String,
    pub section_elsewhere: bool,
    pub employer: Option<String>,
    pub grade: Option<String>,
    pub location: Option<String>,
    pub remote: Option<String>,
    pub url: Option<String>,
    pub reference: Option<String>,
    /// "(10 postes)" taken out of the title.
    pub positions: Option<u32>,
    /// Every distinct link of the panel (title and button).
    pub links: Vec<String>,
    /// 1-based line of the offer's title in the source.
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CalloutText {
    pub title: String,
    pub body: Vec<String>,
    pub link: Option<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SectionTexts {
    pub heading: Option<String>,
    pub intro: Vec<String>,
    pub callouts: Vec<CalloutText>,
}

#[derive(Debug, Default)]
pub struct LegacyPage {
    pub title: String,
    pub intro: Vec<String>,
    pub own: SectionTexts,
    pub elsewhere: SectionTexts,
    /// Family labels in order of appearance.
    pub families: Vec<String>,
    pub offers: Vec<Panel>,
    /// (line, message) warnings.
    pub warnings: Vec<(usize, String)>,
    /// The publishing employer, read from the own section's heading ("… à la DINUM").
    pub employer: Option<String>,
    /// The line where the page's elements nest deeper than can be read: nothing is read then.
    pub too_deep: Option<usize>,
}

/// How deep a page's elements may nest (the 2023 page: 6). Deeper, the page is refused before
/// it is parsed, see [`crate::markdown::nesting_over`].
pub const MAX_PAGE_DEPTH: usize = 256;

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Intro,
    Own,
    Elsewhere,
}

struct Walker<'s> {
    source: &'s str,
    /// Where to search the source next, so that repeated titles get their own lines.
    cursor: usize,
    /// The 1-based line of `cursor`, counted as it moves forward (not from the start each time).
    cursor_line: usize,
    /// Ids given so far, and for each id asked for, the next suffix to try: a page of 20 000
    /// identical titles gets its ids in one pass.
    ids: std::collections::HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
    part: Part,
    family: Option<String>,
    employer_here: Option<String>,
    page: LegacyPage,
}

/// Text with white space folded and trimmed.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn element_text(e: ElementRef) -> String {
    clean(&e.text().collect::<String>())
}

/// The byte offset in `text` of the character whose lowercase starts at `lower_offset` in
/// `text.to_lowercase()`.
fn original_offset(text: &str, lower_offset: usize) -> usize {
    let mut lower = 0;
    for (at, c) in text.char_indices() {
        if lower >= lower_offset {
            return at;
        }
        lower += c.to_lowercase().map(char::len_utf8).sum::<usize>();
    }
    text.len()
}

/// The name after the last of `markers` in `text` ("… à la DINUM :" → "DINUM"), when it starts
/// with a capital letter (a name, not "au sein des ministères").
fn employer_in(text: &str, markers: &[&str]) -> Option<String> {
    let lower = text.to_lowercase();
    let (idx, marker) = markers
        .iter()
        .filter_map(|m| lower.rfind(m).map(|i| (i, *m)))
        .max_by_key(|(i, _)| *i)?;
    // Lowercasing can change byte lengths ("İ" is 2 bytes, "i̇" 3): back to `text`'s offsets
    // through its characters.
    let at = original_offset(text, idx);
    let after = text[at..]
        .split_whitespace()
        .nth(marker.split_whitespace().count())?;
    let name = after.trim_matches(|c: char| !c.is_alphanumeric());
    name.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| name.to_string())
}

/// The page's markdown as kramdown (Jekyll's reader) sees its blocks, rewritten for CommonMark:
/// - an ATX heading ends whatever precedes it, raw HTML included (CommonMark lets a `<br>` line
///   after a blank line swallow the lines below it up to the next blank line): a blank line is
///   put before each heading outside code fences and HTML comments;
/// - attribute lines (`{: .class}`, `{:#id}`) and `{::comment}` blocks produce nothing.
fn as_kramdown_reads(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 256);
    let mut fence: Option<&str> = None;
    let mut in_comment = false;
    let mut in_extension_comment = false;
    let mut previous_blank = true;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
        } else if in_comment {
            in_comment = !trimmed.contains("-->");
        } else if in_extension_comment {
            in_extension_comment = !trimmed.starts_with("{:/");
            previous_blank = true;
            continue;
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if trimmed.starts_with("{::comment}") {
            in_extension_comment = !trimmed.contains("{:/");
            continue;
        } else if trimmed.starts_with("{:") && trimmed.ends_with('}') {
            continue;
        } else {
            if is_atx_heading(line) && !previous_blank {
                out.push('\n');
            }
            // A comment still open at the end of this line (as many openings as closings).
            in_comment = line.matches("<!--").count() > line.matches("-->").count();
        }
        previous_blank = trimmed.is_empty();
        out.push_str(line);
    }
    out
}

/// `## Title`: one to six `#` after at most three spaces, then a space, a tab or the line's end.
fn is_atx_heading(line: &str) -> bool {
    let rest = line.trim_start_matches(' ');
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    line.len() - rest.len() <= 3
        && (1..=6).contains(&hashes)
        && rest[hashes..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}

/// Line breaks in `text`.
fn bytecount_newlines(text: &str) -> usize {
    text.bytes().filter(|b| *b == b'\n').count()
}

fn has_class(e: ElementRef, class: &str) -> bool {
    e.value().classes().any(|c| c == class)
}

fn is_kramdown_attr(text: &str) -> bool {
    text.starts_with("{:") && text.ends_with('}')
}

impl Walker<'_> {
    /// The line of `needle`'s next occurrence after the previous one found; lines are counted
    /// only over the text the cursor moves across. (A title written differently in the source,
    /// with entities say, is not found: line 1, and the cursor stays.)
    fn line_of(&mut self, needle: &str) -> usize {
        let probe: String = needle.chars().take(40).collect();
        match self.source[self.cursor..].find(&probe) {
            Some(i) => {
                let pos = self.cursor + i;
                self.cursor_line += bytecount_newlines(&self.source[self.cursor..pos]);
                let line = self.cursor_line;
                self.cursor_line += bytecount_newlines(&probe);
                self.cursor = pos + probe.len();
                line
            }
            // Before the cursor (the page repeats itself out of order): counted once, apart.
            None => self
                .source
                .find(&probe)
                .map_or(1, |pos| bytecount_newlines(&self.source[..pos]) + 1),
        }
    }

    fn section(&mut self) -> &mut SectionTexts {
        match self.part {
            Part::Elsewhere => &mut self.page.elsewhere,
            _ => &mut self.page.own,
        }
    }

    fn walk(&mut self, el: ElementRef) {
        for child in el.children().filter_map(ElementRef::wrap) {
            let name = child.value().name();
            match name {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading(child),
                "div" if has_class(child, "panel") => self.panel(child),
                "div" if has_class(child, "encadre") => self.callout(child),
                "li" if child.select(&LINK).next().is_some() => self.list_item(child),
                "li" if element_text(child).contains("](http") => self.broken_link_item(child),
                "p" => self.paragraph(child),
                "script" | "style" => {}
                _ => self.walk(child),
            }
        }
    }

    fn heading(&mut self, h: ElementRef) {
        let text = element_text(h);
        let text = text.split("{:").next().unwrap_or("").trim().to_string();
        let lower = text.to_lowercase();
        if lower.contains("autres administrations") || lower.contains("dans les ministères") {
            self.part = Part::Elsewhere;
            self.family = None;
            self.page.elsewhere.heading = Some(text);
        } else if lower.contains("nos offres") {
            self.part = Part::Own;
            self.family = None;
            if let Some(employer) = employer_in(&text, &[" à la ", " au "]) {
                self.page.employer = Some(employer);
            }
            self.page.own.heading = Some(text.trim_end_matches([':', ' ', '\u{a0}']).to_string());
        } else if !text.is_empty() {
            self.family = Some(text);
        }
    }

    fn paragraph(&mut self, p: ElementRef) {
        let text = element_text(p);
        if text.is_empty() || is_kramdown_attr(&text) {
            return;
        }
        // A paragraph that is only bold text, among other administrations' offers: an employer.
        let bold: String = p
            .select(&BOLD)
            .map(element_text)
            .collect::<Vec<_>>()
            .join(" ");
        if self.part == Part::Elsewhere && clean(&bold) == text {
            self.employer_here = Some(text.clone());
            self.family = Some(text);
            return;
        }
        let text = text
            .trim_end_matches(|c: char| c == '{' || c.is_whitespace())
            .to_string();
        match self.part {
            Part::Intro => self.page.intro.push(text),
            _ => self.section().intro.push(text),
        }
    }

    fn callout(&mut self, div: ElementRef) {
        let mut callout = CalloutText::default();
        for e in div.select(&CALLOUT_TEXT) {
            let text = element_text(e);
            if e.value().name().starts_with('h') && callout.title.is_empty() {
                callout.title = text;
            } else if !text.is_empty() && !is_kramdown_attr(&text) {
                callout.body.push(text);
            }
        }
        if let Some(a) = div.select(&CALLOUT_LINK).last() {
            callout.link = Some((
                element_text(a),
                a.value().attr("href").unwrap_or("").to_string(),
            ));
        }
        if !callout.title.is_empty() || !callout.body.is_empty() {
            self.section().callouts.push(callout);
        }
    }

    fn family_label(&self) -> String {
        self.family.clone().unwrap_or_else(|| match self.part {
            Part::Elsewhere => "Autres administrations".into(),
            _ => "Offres".into(),
        })
    }

    fn push(&mut self, mut panel: Panel) {
        if panel.title.is_empty() {
            self.page
                .warnings
                .push((panel.line, "offre sans titre, ignorée".into()));
            return;
        }
        if panel.id.is_empty() {
            panel.id = format!("offre-{}", self.page.offers.len() + 1);
        }
        if !self.page.families.contains(&panel.family) {
            self.page.families.push(panel.family.clone());
        }
        let base = panel.id.clone();
        if self.ids.contains(&base) {
            let n = self.next_suffix.entry(base.clone()).or_insert(2);
            while self.ids.contains(&format!("{base}-{n}")) {
                *n += 1;
            }
            panel.id = format!("{base}-{n}");
            *n += 1;
        }
        self.ids.insert(panel.id.clone());
        self.page.offers.push(panel);
    }

    fn panel(&mut self, div: ElementRef) {
        let links: Vec<ElementRef> = div.select(&LINK).collect();
        let Some(title_link) = links.first().copied() else {
            return;
        };
        let title = element_text(title_link);
        let line = self.line_of(&title);
        let title_href = title_link
            .value()
            .attr("href")
            .unwrap_or("")
            .trim()
            .to_string();
        let button_href = links
            .iter()
            .find(|a| has_class(**a, "button"))
            .or(links.last())
            .and_then(|a| a.value().attr("href"))
            .unwrap_or("")
            .trim()
            .to_string();
        if title_href != button_href {
            self.page.warnings.push((
                line,
                format!("panneau « {title} » : le lien du titre ({title_href}) diffère de celui du bouton ({button_href}) ; celui du bouton est retenu"),
            ));
        }
        let mut grade = None;
        let mut place = None;
        for p in div.select(&PARAGRAPH) {
            let text = element_text(p);
            if p.select(&IMAGE).next().is_some() {
                place = Some(text);
            } else if grade.is_none() && grade_level(&text).is_some() {
                grade = Some(text);
            }
        }
        let mut panel = self.offer(title, button_href.clone(), grade, place, line);
        panel.links = vec![title_href.clone()];
        if button_href != title_href {
            panel.links.push(button_href);
        }
        self.push(panel);
    }

    fn list_item(&mut self, li: ElementRef) {
        let Some(a) = li.select(&LINK).next() else {
            return;
        };
        let title = element_text(a);
        let line = self.line_of(&title);
        let href = a.value().attr("href").unwrap_or("").trim().to_string();
        // Lines of the item after the link: grade, place ("Poste localisé en …").
        let full: String = li.text().collect();
        let after = full
            .split_once(a.text().collect::<String>().as_str())
            .map_or("", |(_, r)| r);
        let mut grade = None;
        let mut place = None;
        for line_text in li.inner_html().split("<br>").skip(1).map(|s| {
            clean(
                &Html::parse_fragment(s)
                    .root_element()
                    .text()
                    .collect::<String>(),
            )
        }) {
            if line_text.is_empty() || is_kramdown_attr(&line_text) {
                continue;
            }
            if grade.is_none() && grade_level(&line_text).is_some() {
                grade = Some(line_text);
            } else if place.is_none() && line_text.to_lowercase().contains("localisé") {
                place = Some(
                    line_text
                        .replace("Poste localisé en ", "")
                        .replace("Poste localisé à ", ""),
                );
            }
        }
        if grade.is_none() {
            let rest = clean(after);
            if grade_level(&rest).is_some() {
                grade = Some(rest);
            }
        }
        let mut panel = self.offer(title, href.clone(), grade, place, line);
        panel.links = vec![href];
        self.push(panel);
    }

    /// A list item whose markdown link the parser could not read (quotes inside its title):
    /// `[**Title**](https://… "Title "x" - pdf")` left as text. Read it anyway, and say so.
    fn broken_link_item(&mut self, li: ElementRef) {
        let text = element_text(li);
        let Some((head, tail)) = text.split_once("](") else {
            return;
        };
        let title = clean(
            head.rsplit_once('[')
                .map_or(head, |(_, t)| t)
                .replace('*', "")
                .as_str(),
        );
        let url: String = tail
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ')')
            .collect();
        let line = self.line_of(&title);
        self.page.warnings.push((line, format!("lien markdown mal formé pour « {title} » (guillemets dans son titre) : lu quand même")));
        let rest = tail.rsplit_once(')').map_or("", |(_, r)| r);
        let grade = rest
            .split("Cadre")
            .nth(1)
            .map(|g| {
                format!("Cadre{}", g.split('{').next().unwrap_or(g))
                    .trim()
                    .to_string()
            })
            .filter(|g| grade_level(g).is_some());
        let mut panel = self.offer(title, url.clone(), grade, None, line);
        panel.links = vec![url];
        self.push(panel);
    }

    fn offer(
        &self,
        mut title: String,
        url: String,
        grade: Option<String>,
        place: Option<String>,
        line: usize,
    ) -> Panel {
        let (place, remote) = match place {
            Some(p) => match p.find("(télétravail") {
                Some(i) => (
                    Some(p[..i].trim().to_string()),
                    Some(p[i + 1..].trim_end_matches(')').to_string()),
                ),
                None => (Some(p), None),
            },
            None => (None, None),
        };
        let mut positions = None;
        if let Some(open) = title.rfind('(') {
            let inner = title[open + 1..].trim_end_matches(')');
            if let Some(n) = inner
                .strip_suffix(" postes")
                .and_then(|n| n.trim().parse().ok())
            {
                positions = Some(n);
                title = clean(&title[..open]);
            }
        }
        let reference = reference_in_url(&url);
        let id = reference.clone().unwrap_or_else(|| slugify(&title));
        let grade = grade.map(|g| g.trim_end_matches([' ', ',']).to_string());
        Panel {
            id,
            title,
            family: self.family_label(),
            section_elsewhere: self.part == Part::Elsewhere,
            employer: if self.part == Part::Elsewhere {
                self.employer_here.clone()
            } else {
                None
            },
            grade,
            location: place.filter(|p| !p.is_empty()),
            remote,
            url: (!url.is_empty()).then_some(url),
            reference,
            positions,
            links: Vec::new(),
            line,
        }
    }
}

fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).expect("a valid selector")
}

// Parsed once: parsing them again for each of 20 000 panels took a third of the reading time.
type Lazy = std::sync::LazyLock<scraper::Selector>;
static LINK: Lazy = Lazy::new(|| sel("a[href]"));
static BOLD: Lazy = Lazy::new(|| sel("strong, b"));
static CALLOUT_TEXT: Lazy = Lazy::new(|| sel("h1, h2, h3, h4, h5, h6, p"));
static CALLOUT_LINK: Lazy = Lazy::new(|| sel("a.button[href], a[href^='http']"));
static PARAGRAPH: Lazy = Lazy::new(|| sel("p"));
static IMAGE: Lazy = Lazy::new(|| sel("img"));

/// Reads a legacy page (its whole text, front matter included).
pub fn read_page(source: &str) -> LegacyPage {
    let (title, body) = match split_front_matter(source) {
        Some((fm, _, body, _)) => {
            let title = serde_norway::from_str::<serde_norway::Mapping>(fm)
                .ok()
                .and_then(|m| m.get("title").and_then(|v| v.as_str().map(str::to_string)));
            (title, body)
        }
        None => (None, source),
    };
    // `body` is a tail of `source`.
    let body_offset = source.len() - body.len();
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new(&as_kramdown_reads(body)),
    );
    // Raw HTML too deep shows in the source, where it has a line; markdown too deep (100 000
    // `>`) only once rendered.
    if let Some(at) = nesting_over(body, MAX_PAGE_DEPTH)
        .map(|at| body_offset + at)
        .or_else(|| nesting_over(&html, MAX_PAGE_DEPTH).map(|_| body_offset))
    {
        return LegacyPage {
            too_deep: Some(source[..at].matches('\n').count() + 1),
            ..LegacyPage::default()
        };
    }
    let doc = Html::parse_fragment(&html);
    let mut walker = Walker {
        source,
        cursor: 0,
        cursor_line: 1,
        ids: std::collections::HashSet::new(),
        next_suffix: std::collections::HashMap::new(),
        part: Part::Intro,
        family: None,
        employer_here: None,
        page: LegacyPage {
            title: title.unwrap_or_else(|| "Rejoignez-nous".into()),
            ..LegacyPage::default()
        },
    };
    walker.walk(doc.root_element());
    let mut page = walker.page;
    if page.employer.is_none() {
        // "Rejoignez-nous au sein de la DINUM !" when no heading names the employer.
        page.employer = page
            .intro
            .iter()
            .chain(&page.own.intro)
            .find_map(|p| employer_in(p, &[" au sein de la ", " au sein du "]));
    }
    // Every URL used by more than one offer (title or button link), at its first offer's line.
    // (offer's position, its line) for each URL.
    let mut users: std::collections::HashMap<&str, Vec<(usize, usize)>> =
        std::collections::HashMap::new();
    let mut order = Vec::new();
    for (at, offer) in page.offers.iter().enumerate() {
        for url in &offer.links {
            let lines = users.entry(url).or_default();
            if lines.is_empty() {
                order.push(url.as_str());
            }
            if lines.last().is_none_or(|(last, _)| *last != at) {
                lines.push((at, offer.line));
            }
        }
    }
    let mut shared = Vec::new();
    for url in order {
        let lines = &users[url];
        if lines.len() > 1 {
            let list: Vec<String> = lines.iter().map(|(_, line)| line.to_string()).collect();
            shared.push((
                lines[0].1,
                format!(
                    "adresse {url} utilisée par {} offres (lignes {})",
                    lines.len(),
                    list.join(", ")
                ),
            ));
        }
    }
    page.warnings.extend(shared);
    page.warnings.sort();
    page
}

impl Panel {
    pub fn location_parts(&self) -> Option<offers_core::Location> {
        self.location.as_deref().map(|p| {
            // "Auvergne-Rhône-Alpes (Rhône, 69)" → department 69.
            if let Some((head, tail)) = p.rsplit_once(", ") {
                let dept = tail.trim_end_matches(')');
                if (2..=3).contains(&dept.len()) && dept.chars().all(|c| c.is_ascii_digit()) {
                    return offers_core::Location {
                        city: format!("{head})").replace(" ()", ""),
                        department: Some(dept.to_string()),
                    };
                }
            }
            location(p)
        })
    }
}

/// Writes a legacy page as a content directory; returns the number of offers written.
pub fn write_content(
    page: &LegacyPage,
    dir: &Path,
    employer: Option<&str>,
    base_url: Option<&str>,
) -> Result<usize, CliError> {
    use super::write::{bundle_file, markdown_text, offer_file, offers_folder};
    use crate::content::{
        BundleFile, CalloutFile, DefaultsFile, OfferFront, PageFile, SectionFile,
    };
    let paragraphs = |list: &[String]| {
        list.iter()
            .map(|p| markdown_text(p))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let section = |section: Section, texts: &SectionTexts| -> Option<SectionFile> {
        Some(SectionFile {
            section,
            heading: texts.heading.clone()?,
            intro: paragraphs(&texts.intro),
            callouts: texts
                .callouts
                .iter()
                .map(|c| CalloutFile {
                    title: c.title.clone(),
                    body: paragraphs(&c.body),
                    link: c.link.clone().map(|(label, url)| Link { label, url }),
                })
                .collect(),
        })
    };
    let bundle = BundleFile {
        base_url: base_url.map(str::to_string),
        page: PageFile {
            title: page.title.clone(),
            intro: paragraphs(&page.intro),
            sections: [
                section(Section::Own, &page.own),
                section(Section::Elsewhere, &page.elsewhere),
            ]
            .into_iter()
            .flatten()
            .collect(),
        },
        families: page
            .families
            .iter()
            .map(|label| Family {
                id: slugify(label),
                label: label.clone(),
            })
            .collect(),
        defaults: DefaultsFile {
            employer: employer
                .map(str::to_string)
                .or_else(|| page.employer.clone()),
            family: None,
        },
        ..BundleFile::default()
    };
    bundle_file(dir, &bundle)?;
    let offers = offers_folder(dir)?;
    for (i, o) in page.offers.iter().enumerate() {
        let front = OfferFront {
            id: o.id.clone(),
            title: o.title.clone(),
            family: Some(slugify(&o.family)),
            employer: o.employer.clone(),
            section: o.section_elsewhere.then_some(Section::Elsewhere),
            grade: o.grade.clone(),
            locations: o
                .location_parts()
                .map(|l| match l.department {
                    Some(d) => format!("{} ({d})", l.city),
                    None => l.city,
                })
                .into_iter()
                .collect(),
            remote: o.remote.clone(),
            url: o.url.clone(),
            reference: o.reference.clone(),
            positions: o.positions,
            ..OfferFront::default()
        };
        offer_file(&offers, i, &front, "")?;
    }
    Ok(page.offers.len())
}

#[cfg(test)]
mod tests {
    use super::{original_offset, read_page, LegacyPage};

    const PAGE_2023: &str =
        include_str!("../../../../tests/fixtures/sources/rejoignez-nous-2023.md");
    const PAGE_2019: &str =
        include_str!("../../../../tests/fixtures/sources/rejoignez-nous-2019.md");

    /// What an import keeps of a page, source lines aside.
    fn reading(page: &LegacyPage) -> String {
        let offers: Vec<_> = page
            .offers
            .iter()
            .map(|o| {
                let mut o = o.clone();
                o.line = 0;
                o
            })
            .collect();
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            page.title, page.intro, page.own, page.elsewhere, page.families, page.employer, offers
        )
    }

    fn is_heading(line: &str) -> bool {
        line.starts_with('#') || line.starts_with("<h1") || line.starts_with("<h2")
    }

    /// The page without the blank lines before and after its headings.
    fn tight_headings(page: &str) -> String {
        let lines: Vec<&str> = page.lines().collect();
        let near_heading = |i: usize| {
            i.checked_sub(1).is_some_and(|j| is_heading(lines[j]))
                || lines.get(i + 1).is_some_and(|l| is_heading(l))
        };
        lines
            .iter()
            .enumerate()
            .filter(|(i, l)| !(l.trim().is_empty() && near_heading(*i)))
            .map(|(_, l)| format!("{l}\n"))
            .collect()
    }

    /// Before every markdown heading: a blank line, then `<br>` lines, then the heading.
    fn br_runs(page: &str) -> String {
        tight_headings(page).replace("\n#", "\n\n<br>\n<br>\n#")
    }

    /// HTML comments right before the headings, one of them hiding an old heading.
    fn commented(page: &str) -> String {
        tight_headings(page).replace(
            "\n#",
            "\n<!-- mis à jour\n## Ancienne section à la DGFIP\n-->\n<!-- court -->\n#",
        )
    }

    /// Kramdown attribute lines after every heading, text right below them.
    fn attributes(page: &str) -> String {
        let mut out = String::new();
        for line in tight_headings(page).lines() {
            out.push_str(line);
            out.push('\n');
            if is_heading(line) {
                out.push_str("{: .margin-top-4 #ancre}\n");
            }
        }
        out
    }

    #[test]
    fn headings_read_as_kramdown_reads_them_whatever_surrounds_them() {
        for (name, page) in [("2023", PAGE_2023), ("2019", PAGE_2019)] {
            let expected = reading(&read_page(page));
            for (variant, text) in [
                ("sans lignes vides", tight_headings(page)),
                ("<br> en série", br_runs(page)),
                ("commentaires HTML", commented(page)),
                ("attributs {: …}", attributes(page)),
            ] {
                assert_ne!(
                    text, page,
                    "{name}, {variant}: the variant changes the page"
                );
                let got = read_page(&text);
                assert_eq!(reading(&got), expected, "{name}, {variant}");
            }
        }
        let page = read_page(PAGE_2023);
        assert_eq!(page.employer.as_deref(), Some("DINUM"));
        assert_eq!(page.offers.len(), 19);
        assert_eq!(page.families.len(), 8);
    }

    #[test]
    fn repeated_titles_get_their_own_ids_and_lines() {
        let panel = |url: &str| {
            format!("<div class=\"panel\">\n<b><a href=\"{url}\">Chef de projet</a></b>\n<a class=\"button\" href=\"{url}\">Consulter</a>\n</div>\n")
        };
        let mut page = String::from("## Nos offres à la DINUM\n\n<div class=\"wrapper\">\n");
        for i in 0..4 {
            page.push_str(&panel(&format!("https://a.fr/{i}")));
        }
        // A title whose id is taken by the suffix of another ("chef-de-projet-2"), and an
        // address used twice.
        page.push_str(&panel("https://a.fr/0").replace("Chef de projet", "Chef de projet 2"));
        page.push_str("</div>\n");
        let read = read_page(&page);
        let ids: Vec<&str> = read.offers.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "chef-de-projet",
                "chef-de-projet-2",
                "chef-de-projet-3",
                "chef-de-projet-4",
                "chef-de-projet-2-2"
            ]
        );
        let lines: Vec<usize> = read.offers.iter().map(|o| o.line).collect();
        assert_eq!(lines, [5, 9, 13, 17, 21]);
        assert_eq!(
            read.warnings,
            [(
                5,
                "adresse https://a.fr/0 utilisée par 2 offres (lignes 5, 21)".to_string()
            )]
        );
    }

    #[test]
    fn the_employer_comes_from_the_intro_when_no_heading_names_it() {
        let text = PAGE_2023.replace("disponibles à la DINUM :", "disponibles :");
        let page = read_page(&text);
        assert_eq!(
            page.own.heading.as_deref(),
            Some("Nos offres d'emploi actuellement disponibles")
        );
        assert_eq!(page.employer.as_deref(), Some("DINUM"));
        let none = read_page("Rejoignez-nous au sein des ministères.\n\n## Nos offres\n");
        assert_eq!(none.employer, None);
    }

    #[test]
    fn offsets_survive_lowercasing_that_changes_lengths() {
        let text = "İİ nos offres à la DINUM";
        let lower = text.to_lowercase();
        let idx = lower.rfind(" à la ").unwrap();
        assert_eq!(&text[original_offset(text, idx)..], " à la DINUM");
    }

    #[test]
    fn a_heading_whose_lowercase_is_longer_names_its_employer() {
        let page = read_page("## İİ nos offres à la DINUM\n\nTexte.\n");
        assert_eq!(page.employer.as_deref(), Some("DINUM"));
    }
}
