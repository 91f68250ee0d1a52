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

/// Offers of one family inside a section, as indices into the bundle's offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexGroup {
    pub section: Section,
    /// (index of the family in `bundle.families`, offers in the given order)
    pub families: Vec<(usize, Vec<u32>)>,
}

impl Bundle {
    /// Lays out `offers` (indices, already filtered and sorted) as the board shows them: sections in
    /// page order, families in bundle order, offers in the given order. Empty groups are left out.
    pub fn group_indices(&self, offers: &[u32]) -> Vec<IndexGroup> {
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
                let families: Vec<(usize, Vec<u32>)> = self
                    .families
                    .iter()
                    .enumerate()
                    .map(|(fi, family)| {
                        let list = offers
                            .iter()
                            .copied()
                            .filter(|&i| {
                                let o = &self.offers[i as usize];
                                o.section == section && o.family == family.id
                            })
                            .collect();
                        (fi, list)
                    })
                    .filter(|(_, list): &(usize, Vec<u32>)| !list.is_empty())
                    .collect();
                (!families.is_empty()).then_some(IndexGroup { section, families })
            })
            .collect()
    }
}
