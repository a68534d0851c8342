//! Finding an activity's position from its id, fast enough for plans of 100,000 activities.
//!
//! Ids of up to 31 bytes (nearly all of them) are copied into fixed-size keys inside the
//! table, so a lookup compares bytes already at hand instead of following a pointer to each
//! id's heap string; longer ids go through an ordinary map of string slices.

use crate::model::Plan;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hasher (the Fx hash of rustc). Ids are short and looked up once per
/// dependency, so speed matters more than resistance to crafted collisions, which could only
/// slow a lookup down, never change its answer.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let word = chunk
                .iter()
                .enumerate()
                .fold(0u64, |w, (k, b)| w | u64::from(*b) << (8 * k));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Fx = BuildHasherDefault<IdHasher>;

/// An id of at most 31 bytes, zero-padded, with its length in the last byte (so that ids
/// holding zero bytes stay distinct).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortId([u8; 32]);

impl ShortId {
    fn new(id: &str) -> Option<ShortId> {
        let b = id.as_bytes();
        (b.len() < 32).then(|| {
            let mut key = [0u8; 32];
            key[..b.len()].copy_from_slice(b);
            key[31] = b.len() as u8;
            ShortId(key)
        })
    }
}

/// Activity positions (in the plan's id order) by id.
pub(super) struct IdIndex<'p> {
    short: HashMap<ShortId, u32, Fx>,
    long: HashMap<&'p str, u32, Fx>,
}

impl<'p> IdIndex<'p> {
    /// The index of every activity of `plan`.
    pub(super) fn new(plan: &'p Plan) -> IdIndex<'p> {
        let mut index = IdIndex {
            short: HashMap::with_capacity_and_hasher(plan.activities.len(), Fx::default()),
            long: HashMap::default(),
        };
        for (i, id) in plan.activities.keys().enumerate() {
            let i = i as u32;
            match ShortId::new(id.as_str()) {
                Some(k) => index.short.insert(k, i),
                None => index.long.insert(id.as_str(), i),
            };
        }
        index
    }

    /// The position of activity `id`, if the plan has it.
    pub(super) fn get(&self, id: &str) -> Option<u32> {
        match ShortId::new(id) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(id).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Currency, FORMAT_VERSION, Id, PlanMeta, Text, Window};

    #[test]
    fn short_long_and_missing_ids() {
        let day = "2026-01-01".parse().unwrap_or_default();
        let mut plan = Plan::new(PlanMeta {
            format: FORMAT_VERSION,
            id: Id::new_unchecked("p"),
            title: Text::en("P"),
            summary: Text::default(),
            window: Window {
                start: day,
                end: day,
            },
            currency: Currency::new_unchecked("USD"),
            exchange_rates: vec![],
            calendars: vec![],
            default_calendar: None,
            sdg_goals: vec![],
            sdg_targets: vec![],
            countries: vec![],
            cities: vec![],
        });
        let long = "a".repeat(40);
        for id in ["b", "a", long.as_str(), "a\0"] {
            let id = Id::new_unchecked(id);
            plan.activities
                .insert(id.clone(), Activity::new(id, Text::en("x"), 1));
        }
        let index = IdIndex::new(&plan);
        let ids: Vec<&str> = plan.activities.keys().map(|k| k.as_str()).collect();
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id), Some(i as u32));
        }
        assert_eq!(index.get("c"), None);
        assert_eq!(index.get(&"a".repeat(41)), None);
    }
}
