//! Finding an activity's position from its id, fast enough for plans of 100,000 activities.
//!
//! Ids of up to 31 bytes (nearly all of them) are packed into fixed-size keys inside the
//! table, so a lookup compares words already at hand instead of following a pointer to each
//! id's heap string; longer ids go through an ordinary map of string slices.

use crate::model::Plan;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A hasher for keys that hash themselves into one word: it keeps that word.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only `ShortId` and `&str` keys reach here; `&str` hashes its bytes this way.
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(MIX);
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = word;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The multiplier of the Fx hash (rustc's): fast, and good enough for ids, which are looked
/// up once per dependency. A crafted collision could only slow a lookup, never change it.
const MIX: u64 = 0x517c_c1b7_2722_0a95;

type Words = BuildHasherDefault<WordHasher>;

/// An id of at most 31 bytes packed into four words, with its length in the last byte (so
/// that ids holding zero bytes stay distinct).
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortId([u64; 4]);

impl ShortId {
    fn new(id: &str) -> Option<ShortId> {
        let b = id.as_bytes();
        (b.len() < 32).then(|| {
            let mut words = [0u64; 4];
            for (k, byte) in b.iter().enumerate() {
                words[k / 8] |= u64::from(*byte) << (8 * (k % 8));
            }
            words[3] |= (b.len() as u64) << 56;
            ShortId(words)
        })
    }
}

impl Hash for ShortId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let h = self
            .0
            .iter()
            .fold(0u64, |h, w| (h.rotate_left(5) ^ w).wrapping_mul(MIX));
        state.write_u64(h);
    }
}

/// Activity positions (in the plan's id order) by id.
pub(super) struct IdIndex<'p> {
    short: HashMap<ShortId, u32, Words>,
    long: HashMap<&'p str, u32, Words>,
}

impl<'p> IdIndex<'p> {
    /// The index of every activity of `plan`.
    pub(super) fn new(plan: &'p Plan) -> IdIndex<'p> {
        let mut index = IdIndex {
            short: HashMap::with_capacity_and_hasher(plan.activities.len(), Words::default()),
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
