//! References between entities must point at something that exists.

use super::{ActivityIndex, Code, Diagnostic, Scope, Unread, noun};
use crate::model::{EntityKind, Id, Plan};
use crate::said;

pub(super) fn check(
    plan: &Plan,
    activities: Option<&ActivityIndex>,
    unread: &Unread,
    scope: Scope,
    out: &mut Vec<Diagnostic>,
) {
    let exists = |kind: EntityKind, id: &Id| {
        let found = match (kind, activities) {
            (EntityKind::Activity, Some(index)) => index.get(id.as_str()).is_some(),
            _ => plan.contains(kind, id.as_str()),
        };
        found || unread.entities.contains(&(kind, id.as_str().to_owned()))
    };
    let mut dangling =
        |from: EntityKind, from_id: &Id, field: &'static str, kind: EntityKind, id: &Id| {
            if id.as_str().is_empty() {
                // Not chosen yet (a new funding source has no funder until someone picks one).
                out.push(
                    Diagnostic::entity(
                        Code::Dangling,
                        from,
                        from_id,
                        said!("check-ref-empty", field = field, noun = noun(kind)),
                        said!("check-ref-empty-hint", field = field, noun = noun(kind)),
                    )
                    .at(field),
                );
            } else if !exists(kind, id) {
                out.push(
                    Diagnostic::entity(
                        Code::Dangling,
                        from,
                        from_id,
                        said!("check-dangling", field = field, noun = noun(kind), id = id),
                        match closest(id, &plan.ids(kind)) {
                            Some(near) => said!(
                                "check-dangling-near-hint",
                                near = near,
                                path = &kind.file_path(id)
                            ),
                            None => said!("check-dangling-hint", path = &kind.file_path(id)),
                        },
                    )
                    .at_value(field, id.as_str()),
                );
            }
        };
    for a in scope.each(EntityKind::Activity, &plan.activities) {
        let me = EntityKind::Activity;
        if let Some(p) = &a.parent {
            dangling(me, &a.id, "parent", EntityKind::Activity, p);
        }
        for d in &a.dependencies {
            dangling(me, &a.id, "activity", EntityKind::Activity, &d.activity);
        }
        if let Some(l) = &a.lead {
            dangling(me, &a.id, "lead", EntityKind::Partner, l);
        }
        for p in &a.partners {
            dangling(me, &a.id, "partner", EntityKind::Partner, &p.partner);
        }
        for b in &a.beneficiaries {
            dangling(me, &a.id, "beneficiaries", EntityKind::Beneficiary, b);
        }
        for f in a.funding_sources() {
            dangling(me, &a.id, "funding", EntityKind::Funding, f);
        }
    }
    for f in scope.each(EntityKind::Funding, &plan.funding) {
        dangling(
            EntityKind::Funding,
            &f.id,
            "funder",
            EntityKind::Partner,
            &f.funder,
        );
        for a in &f.earmarked {
            dangling(
                EntityKind::Funding,
                &f.id,
                "earmarked",
                EntityKind::Activity,
                a,
            );
        }
    }
}

/// The existing id nearest to `id` by edit distance, if one is close enough to be a typo.
pub(super) fn closest<'a>(id: &Id, candidates: &'a [Id]) -> Option<&'a Id> {
    let limit = (id.as_str().len() / 4).clamp(1, 3);
    candidates
        .iter()
        .filter_map(|c| edit_distance(id.as_str(), c.as_str(), limit).map(|d| (d, c)))
        .min()
        .map(|(_, c)| c)
}

/// Levenshtein distance between `a` and `b`, or `None` when it exceeds `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|m| *m > limit) {
            return None;
        }
        prev = cur;
    }
    prev.last().copied().filter(|d| *d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_found() {
        assert_eq!(edit_distance("pilot-tunis", "pilot-tunes", 2), Some(1));
        assert_eq!(edit_distance("abc", "xyz", 2), None);
        let ids = [Id::new_unchecked("escwa"), Id::new_unchecked("oecd")];
        assert_eq!(closest(&Id::new_unchecked("escwa1"), &ids), Some(&ids[0]));
        assert_eq!(closest(&Id::new_unchecked("unhabitat"), &ids), None);
    }
}
