//! Each type of the bundle read from its JSON (`crate::json`, which says why not serde): the same
//! rules as the serde definitions of `crate::model` and `crate::document`, which stay what writes
//! a bundle. A member the type does not know is ignored (in a document's blocks, refused); a
//! missing member with a default takes it; `null` is an absent optional member; a member given
//! twice is refused. A test reads every variant that serde writes, and compares both readers on
//! thousands of variations of real offers. One difference: serde also takes a struct written as
//! a list of its members' values, in order; the format (its schema) has objects only.

use std::borrow::Cow;

use crate::document::{Block, Inline};
use crate::json::{Error, Reader, Result};
use crate::model::*;
use crate::{Date, Document};

/// A member `name` read into `slot`, refused if it was there already.
fn member<'a, T>(
    r: &mut Reader<'a>,
    slot: &mut Option<T>,
    name: &str,
    read: fn(&mut Reader<'a>) -> Result<T>,
) -> Result<()> {
    if slot.is_some() {
        return Err(twice(r, name));
    }
    *slot = Some(read(r)?);
    Ok(())
}

// The errors built apart, once: inlined in each instance of the generic helpers, they cost the
// app's module a formatting each. The bundle's envelope and its text files say the same.
#[inline(never)]
pub(crate) fn twice(r: &Reader<'_>, name: &str) -> Error {
    r.shape(format!("champ « {name} » en double"))
}

#[inline(never)]
pub(crate) fn absent(r: &Reader<'_>, name: &str) -> Error {
    r.shape(format!("champ « {name} » absent"))
}

/// An optional member: `null` leaves it absent.
fn optional<'a, T>(
    r: &mut Reader<'a>,
    slot: &mut Option<T>,
    name: &str,
    read: fn(&mut Reader<'a>) -> Result<T>,
) -> Result<()> {
    if r.null()? {
        return Ok(());
    }
    member(r, slot, name, read)
}

/// A member that must be there, once the object is read.
fn required<T>(r: &Reader<'_>, slot: Option<T>, name: &str) -> Result<T> {
    slot.ok_or_else(|| absent(r, name))
}

pub fn string(r: &mut Reader<'_>) -> Result<String> {
    r.str().map(Cow::into_owned)
}

fn u8(r: &mut Reader<'_>) -> Result<u8> {
    r.uint(u8::MAX.into()).map(|n| n as u8)
}

fn u32(r: &mut Reader<'_>) -> Result<u32> {
    r.uint(u32::MAX.into()).map(|n| n as u32)
}

fn bool(r: &mut Reader<'_>) -> Result<bool> {
    r.bool()
}

pub fn strings(r: &mut Reader<'_>) -> Result<Vec<String>> {
    r.list(string)
}

pub fn date(r: &mut Reader<'_>) -> Result<Date> {
    let text = r.str()?;
    Date::parse_iso(&text)
        .ok_or_else(|| r.shape(format!("date invalide « {text} » (attendu AAAA-MM-JJ)")))
}

/// One of `words`, the names serde gives the variants of a closed list.
fn word<T: Copy>(r: &mut Reader<'_>, words: &[(&str, T)]) -> Result<T> {
    let text = r.str()?;
    match words.iter().find(|(w, _)| *w == text) {
        Some(&(_, value)) => Ok(value),
        None => {
            let known: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
            Err(r.shape(format!(
                "valeur « {text} » inconnue (valeurs permises : {})",
                known.join(", ")
            )))
        }
    }
}

pub(crate) const SECTIONS: [(&str, Section); 2] =
    [("own", Section::Own), ("elsewhere", Section::Elsewhere)];
pub(crate) const STATUSES: [(&str, Status); 3] = [
    ("open", Status::Open),
    ("filled", Status::Filled),
    ("closed", Status::Closed),
];
pub(crate) const GRADE_LEVELS: [(&str, GradeLevel); GradeLevel::COUNT] = [
    ("A+", GradeLevel::APlus),
    ("A", GradeLevel::A),
    ("B", GradeLevel::B),
    ("C", GradeLevel::C),
];
pub(crate) const REMOTE_MODES: [(&str, RemoteMode); RemoteMode::COUNT] = [
    ("none", RemoteMode::None),
    ("partial", RemoteMode::Partial),
    ("full", RemoteMode::Full),
];
pub(crate) const CONTRACT_KINDS: [(&str, ContractKind); ContractKind::COUNT] = [
    (
        "titulaire_ou_contractuel",
        ContractKind::TitulaireOuContractuel,
    ),
    ("titulaire", ContractKind::Titulaire),
    ("contractuel", ContractKind::Contractuel),
    ("cdd", ContractKind::Cdd),
    ("cdi", ContractKind::Cdi),
    ("apprentissage", ContractKind::Apprentissage),
    ("stage", ContractKind::Stage),
    ("autre", ContractKind::Autre),
];
pub(crate) const SALARY_PERIODS: [(&str, SalaryPeriod); 2] =
    [("month", SalaryPeriod::Month), ("year", SalaryPeriod::Year)];

fn section(r: &mut Reader<'_>) -> Result<Section> {
    word(r, &SECTIONS)
}

pub fn offer(r: &mut Reader<'_>) -> Result<Offer> {
    let (mut id, mut title, mut family, mut employer) = (None, None, None, None);
    let (mut section_, mut status, mut grade_, mut locations) = (None, None, None, None);
    let (mut remote, mut contract, mut duration, mut start) = (None, None, None, None);
    let (mut published_on, mut closes_on, mut url, mut reference) = (None, None, None, None);
    let (mut apply, mut salary, mut positions, mut tags) = (None, None, None, None);
    let (mut description, mut text_file) = (None, None);
    r.object(&mut |r, name| match name {
        "id" => member(r, &mut id, name, string),
        "title" => member(r, &mut title, name, string),
        "family" => member(r, &mut family, name, string),
        "employer" => member(r, &mut employer, name, string),
        "section" => member(r, &mut section_, name, section),
        "status" => member(r, &mut status, name, |r| word(r, &STATUSES)),
        "grade" => optional(r, &mut grade_, name, grade),
        "locations" => member(r, &mut locations, name, |r| r.list(location)),
        "remote" => optional(r, &mut remote, name, self::remote),
        "contract" => optional(r, &mut contract, name, self::contract),
        "duration" => optional(r, &mut duration, name, string),
        "start" => optional(r, &mut start, name, self::start),
        "published_on" => optional(r, &mut published_on, name, date),
        "closes_on" => optional(r, &mut closes_on, name, date),
        "url" => optional(r, &mut url, name, string),
        "reference" => optional(r, &mut reference, name, string),
        "apply" => optional(r, &mut apply, name, self::apply),
        "salary" => optional(r, &mut salary, name, self::salary),
        "positions" => optional(r, &mut positions, name, u32),
        "tags" => member(r, &mut tags, name, strings),
        "description" => optional(r, &mut description, name, document),
        "text_file" => optional(r, &mut text_file, name, u32),
        _ => r.skip(),
    })?;
    Ok(Offer {
        id: required(r, id, "id")?,
        title: required(r, title, "title")?,
        family: required(r, family, "family")?,
        employer: required(r, employer, "employer")?,
        section: section_.unwrap_or_default(),
        status: status.unwrap_or_default(),
        grade: grade_,
        locations: locations.unwrap_or_default(),
        remote,
        contract,
        duration,
        start,
        published_on,
        closes_on,
        url,
        reference,
        apply,
        salary,
        positions,
        tags: tags.unwrap_or_default(),
        description,
        text_file,
    })
}

fn grade(r: &mut Reader<'_>) -> Result<Grade> {
    let (mut level, mut label) = (None, None);
    r.object(&mut |r, name| match name {
        "level" => member(r, &mut level, name, |r| word(r, &GRADE_LEVELS)),
        "label" => member(r, &mut label, name, string),
        _ => r.skip(),
    })?;
    Ok(Grade {
        level: required(r, level, "level")?,
        label: required(r, label, "label")?,
    })
}

fn location(r: &mut Reader<'_>) -> Result<Location> {
    let (mut city, mut department) = (None, None);
    r.object(&mut |r, name| match name {
        "city" => member(r, &mut city, name, string),
        "department" => optional(r, &mut department, name, string),
        _ => r.skip(),
    })?;
    Ok(Location {
        city: required(r, city, "city")?,
        department,
    })
}

fn remote(r: &mut Reader<'_>) -> Result<Remote> {
    let (mut mode, mut text) = (None, None);
    r.object(&mut |r, name| match name {
        "mode" => member(r, &mut mode, name, |r| word(r, &REMOTE_MODES)),
        "text" => optional(r, &mut text, name, string),
        _ => r.skip(),
    })?;
    Ok(Remote {
        mode: required(r, mode, "mode")?,
        text,
    })
}

fn contract(r: &mut Reader<'_>) -> Result<Contract> {
    let (mut kind, mut text) = (None, None);
    r.object(&mut |r, name| match name {
        "kind" => member(r, &mut kind, name, |r| word(r, &CONTRACT_KINDS)),
        "text" => optional(r, &mut text, name, string),
        _ => r.skip(),
    })?;
    Ok(Contract {
        kind: required(r, kind, "kind")?,
        text,
    })
}

fn start(r: &mut Reader<'_>) -> Result<Start> {
    let (mut date_, mut text) = (None, None);
    r.object(&mut |r, name| match name {
        "date" => optional(r, &mut date_, name, date),
        "text" => optional(r, &mut text, name, string),
        _ => r.skip(),
    })?;
    Ok(Start { date: date_, text })
}

fn apply(r: &mut Reader<'_>) -> Result<Apply> {
    let (mut email, mut subject, mut url, mut text) = (None, None, None, None);
    r.object(&mut |r, name| match name {
        "email" => optional(r, &mut email, name, string),
        "subject" => optional(r, &mut subject, name, string),
        "url" => optional(r, &mut url, name, string),
        "text" => optional(r, &mut text, name, string),
        _ => r.skip(),
    })?;
    Ok(Apply {
        email,
        subject,
        url,
        text,
    })
}

fn salary(r: &mut Reader<'_>) -> Result<Salary> {
    let (mut min, mut max, mut period, mut text) = (None, None, None, None);
    r.object(&mut |r, name| match name {
        "min" => optional(r, &mut min, name, u32),
        "max" => optional(r, &mut max, name, u32),
        "period" => member(r, &mut period, name, |r| word(r, &SALARY_PERIODS)),
        "text" => optional(r, &mut text, name, string),
        _ => r.skip(),
    })?;
    Ok(Salary {
        min,
        max,
        period: required(r, period, "period")?,
        text,
    })
}

pub fn page(r: &mut Reader<'_>) -> Result<Page> {
    let (mut title, mut intro, mut sections) = (None, None, None);
    r.object(&mut |r, name| match name {
        "title" => member(r, &mut title, name, string),
        "intro" => member(r, &mut intro, name, document),
        "sections" => member(r, &mut sections, name, |r| r.list(section_text)),
        _ => r.skip(),
    })?;
    Ok(Page {
        title: required(r, title, "title")?,
        intro: intro.unwrap_or_default(),
        sections: sections.unwrap_or_default(),
    })
}

fn section_text(r: &mut Reader<'_>) -> Result<SectionText> {
    let (mut section_, mut heading, mut intro, mut callouts) = (None, None, None, None);
    r.object(&mut |r, name| match name {
        "section" => member(r, &mut section_, name, section),
        "heading" => member(r, &mut heading, name, string),
        "intro" => member(r, &mut intro, name, document),
        "callouts" => member(r, &mut callouts, name, |r| r.list(callout)),
        _ => r.skip(),
    })?;
    Ok(SectionText {
        section: required(r, section_, "section")?,
        heading: required(r, heading, "heading")?,
        intro: intro.unwrap_or_default(),
        callouts: callouts.unwrap_or_default(),
    })
}

fn callout(r: &mut Reader<'_>) -> Result<Callout> {
    let (mut title, mut body, mut link_) = (None, None, None);
    r.object(&mut |r, name| match name {
        "title" => member(r, &mut title, name, string),
        "body" => member(r, &mut body, name, document),
        "link" => optional(r, &mut link_, name, link),
        _ => r.skip(),
    })?;
    Ok(Callout {
        title: required(r, title, "title")?,
        body: body.unwrap_or_default(),
        link: link_,
    })
}

fn link(r: &mut Reader<'_>) -> Result<Link> {
    let (mut label, mut url) = (None, None);
    r.object(&mut |r, name| match name {
        "label" => member(r, &mut label, name, string),
        "url" => member(r, &mut url, name, string),
        _ => r.skip(),
    })?;
    Ok(Link {
        label: required(r, label, "label")?,
        url: required(r, url, "url")?,
    })
}

pub fn families(r: &mut Reader<'_>) -> Result<Vec<Family>> {
    r.list(|r| {
        let (mut id, mut label) = (None, None);
        r.object(&mut |r, name| match name {
            "id" => member(r, &mut id, name, string),
            "label" => member(r, &mut label, name, string),
            _ => r.skip(),
        })?;
        Ok(Family {
            id: required(r, id, "id")?,
            label: required(r, label, "label")?,
        })
    })
}

/// A member of a document's block or inline that serde's definition does not know: refused, as
/// serde refuses it (`deny_unknown_fields`).
fn unknown(r: &Reader<'_>, name: &str) -> crate::json::Error {
    r.shape(format!("champ « {name} » inconnu"))
}

/// A variant of a document's block or inline: `"word"` for one without content, or an object
/// with one member, the variant's name and its content (serde's external tagging).
fn variant<'a, T>(
    r: &mut Reader<'a>,
    bare: &[(&str, T)],
    with_content: fn(&mut Reader<'a>, &str) -> Option<Result<T>>,
) -> Result<T>
where
    T: Clone,
{
    if r.peek() == Some(b'"') {
        let text = r.str()?;
        return match bare.iter().find(|(w, _)| *w == text) {
            Some((_, value)) => Ok(value.clone()),
            None => Err(r.shape(format!("élément « {text} » inconnu"))),
        };
    }
    let mut found = None;
    r.object(&mut |r, name| {
        if found.is_some() {
            return Err(r.shape("un seul élément par objet"));
        }
        found = Some(match with_content(r, name) {
            Some(value) => value?,
            None => match bare.iter().find(|(w, _)| *w == name) {
                Some((_, value)) if r.null()? => value.clone(),
                _ => return Err(r.shape(format!("élément « {name} » inconnu"))),
            },
        });
        Ok(())
    })?;
    found.ok_or_else(|| r.shape("objet vide : un élément attendu"))
}

pub fn document(r: &mut Reader<'_>) -> Result<Document> {
    r.list(block)
}

fn block(r: &mut Reader<'_>) -> Result<Block> {
    variant(r, &[("rule", Block::Rule)], |r, name| {
        Some(match name {
            "heading" => heading(r),
            "paragraph" => inlines(r).map(Block::Paragraph),
            "list" => list(r),
            "quote" => document(r).map(Block::Quote),
            _ => return None,
        })
    })
}

fn heading(r: &mut Reader<'_>) -> Result<Block> {
    let (mut level, mut content) = (None, None);
    r.object(&mut |r, name| match name {
        "level" => member(r, &mut level, name, u8),
        "content" => member(r, &mut content, name, inlines),
        _ => Err(unknown(r, name)),
    })?;
    Ok(Block::Heading {
        level: required(r, level, "level")?,
        content: required(r, content, "content")?,
    })
}

fn list(r: &mut Reader<'_>) -> Result<Block> {
    let (mut ordered, mut items) = (None, None);
    r.object(&mut |r, name| match name {
        "ordered" => member(r, &mut ordered, name, bool),
        "items" => member(r, &mut items, name, |r| r.list(document)),
        _ => Err(unknown(r, name)),
    })?;
    Ok(Block::List {
        ordered: required(r, ordered, "ordered")?,
        items: required(r, items, "items")?,
    })
}

fn inlines(r: &mut Reader<'_>) -> Result<Vec<Inline>> {
    r.list(inline)
}

fn inline(r: &mut Reader<'_>) -> Result<Inline> {
    variant(r, &[("line_break", Inline::LineBreak)], |r, name| {
        Some(match name {
            "text" => string(r).map(Inline::Text),
            "emphasis" => inlines(r).map(Inline::Emphasis),
            "strong" => inlines(r).map(Inline::Strong),
            "code" => string(r).map(Inline::Code),
            "link" => inline_link(r),
            _ => return None,
        })
    })
}

fn inline_link(r: &mut Reader<'_>) -> Result<Inline> {
    let (mut href, mut content) = (None, None);
    r.object(&mut |r, name| match name {
        "href" => member(r, &mut href, name, string),
        "content" => member(r, &mut content, name, inlines),
        _ => Err(unknown(r, name)),
    })?;
    Ok(Inline::Link {
        href: required(r, href, "href")?,
        content: required(r, content, "content")?,
    })
}
