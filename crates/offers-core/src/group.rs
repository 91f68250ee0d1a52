//! How the board lays offers out: sections (the employer's own offers first), then families in the
//! bundle's order, then offers in the bundle's order.

use crate::{Bundle, Family, Offer, Section, SectionText};

/// One section of the board and the families shown in it.
#[derive(Debug)]
pub struct SectionGroup<'a> {
    pub section: Section,
    /// The section's heading and texts, when the bundle gives them.
    pub text: Option<&'a SectionText>,
    /// Families with at least one offer in this section, in the bundle's order.
    pub families: Vec<FamilyGroup<'a>>,
}

#[derive(Debug)]
pub struct FamilyGroup<'a> {
    pub family: &'a Family,
    pub offers: Vec<&'a Offer>,
}

impl Bundle {
    /// The board's layout. Sections come in the order of `page.sections`, then any other section that
    /// has offers; a section with neither offers nor callouts is left out.
    pub fn grouped(&self) -> Vec<SectionGroup<'_>> {
        let mut order: Vec<Section> = self.page.sections.iter().map(|s| s.section).collect();
        for s in [Section::Own, Section::Elsewhere] {
            if !order.contains(&s) {
                order.push(s);
            }
        }
        order.dedup();
        order
            .into_iter()
            .filter_map(|section| {
                let text = self.page.sections.iter().find(|t| t.section == section);
                let families: Vec<FamilyGroup> = self
                    .families
                    .iter()
                    .map(|family| FamilyGroup {
                        family,
                        offers: self
                            .offers
                            .iter()
                            .filter(|o| o.section == section && o.family == family.id)
                            .collect(),
                    })
                    .filter(|g| !g.offers.is_empty())
                    .collect();
                let has_callouts = text.is_some_and(|t| !t.callouts.is_empty());
                (!families.is_empty() || has_callouts).then_some(SectionGroup {
                    section,
                    text,
                    families,
                })
            })
            .collect()
    }
}
