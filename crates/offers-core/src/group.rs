//! How the board lays offers out: sections (in the page's order, the employer's own offers first
//! otherwise), then families in the bundle's order, then offers in the order given.

use crate::{Bundle, Section};

/// Offers of one family inside a section, as indices into the bundle's offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexGroup {
    pub section: Section,
    /// (index of the family in `bundle.families`, offers in the given order)
    pub families: Vec<(usize, Vec<u32>)>,
}

impl Bundle {
    /// Sections in the order of `page.sections`, then any the page does not name.
    fn section_order(&self) -> Vec<Section> {
        let mut order: Vec<Section> = Vec::new();
        for s in self
            .page
            .sections
            .iter()
            .map(|s| s.section)
            .chain([Section::Own, Section::Elsewhere])
        {
            if !order.contains(&s) {
                order.push(s);
            }
        }
        order
    }

    /// Lays out `offers` (indices, already filtered and sorted) as the board shows them: sections in
    /// page order, families in bundle order, offers in the given order. Empty groups are left out.
    pub fn group_indices(&self, offers: &[u32]) -> Vec<IndexGroup> {
        self.section_order()
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
