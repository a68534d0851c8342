//! The parse cache: packs read back whole and ignore damage, the store is shared by every
//! copy of a plan and grows only by what changed, cleaning keeps to its cap, and neither a
//! damaged store nor two writers at once change what a plan reads.

use super::*;
use crate::model::{Activity, EntityKind, Id, Plan, Text};
use crate::store::{load_with_cache, write_new_plan};
use std::time::{Duration, SystemTime};

fn activity(n: usize, description: &str) -> Parsed {
    let mut a = Activity::new(Id::new_unchecked(format!("a{n}")), Text::en("x"), 1);
    a.description = Text::en(description);
    Parsed::Entity(Entity::Activity(a))
}

fn bundled() -> Plan {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/open-government-nua");
    crate::store::load(Path::new(root)).unwrap().plan
}

/// The packs of this khutta in the store, with their sizes.
fn pack_files(store: &Path) -> Vec<(PathBuf, u64)> {
    packs(store)
        .into_iter()
        .map(|p| {
            let size = std::fs::metadata(&p).unwrap().len();
            (p, size)
        })
        .collect()
}

fn entries_of(store: &Path) -> usize {
    packs(store)
        .iter()
        .map(|p| read_pack(p, |_| false, |_, _| {}).unwrap().entries)
        .sum()
}

#[test]
fn files_too_large_to_cache_have_no_key() {
    let kind = FileKind::Entity(EntityKind::Activity);
    assert!(key(&kind, &vec![b' '; MAX_ENTRY_BYTES]).is_some());
    assert!(key(&kind, &vec![b' '; MAX_ENTRY_BYTES + 1]).is_none());
}

#[test]
fn packs_are_bounded_and_read_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    // Some 12 MB of entries, so that each of two threads writes several packs.
    let text = "x".repeat(60_000);
    let parsed: Vec<Parsed> = (0..200).map(|n| activity(n, &text)).collect();
    let entries: Vec<(Key, &Parsed)> = parsed
        .iter()
        .enumerate()
        .map(|(n, p)| (Key::of(n as u128), p))
        .collect();
    assert_eq!(add(dir.path(), &entries, 2), 200);
    let found = pack_files(dir.path());
    assert!(found.len() >= 4, "{found:?}");
    for (_, size) in &found {
        assert!(*size < (PACK_BYTES + 2 * MAX_ENTRY_BYTES) as u64, "{size}");
    }
    let mut read = std::collections::BTreeMap::new();
    for (pack, _) in &found {
        read_pack(
            pack,
            |_| true,
            |k, p| {
                read.insert(k, p);
            },
        )
        .unwrap();
    }
    assert_eq!(read.len(), 200);
    let Some(Parsed::Entity(Entity::Activity(a))) = read.get(&Key::of(7)) else {
        panic!("entry 7 missing");
    };
    assert_eq!(a.id.as_str(), "a7");
    // Wanting nothing reads only the index.
    let only_index = read_pack(&found[0].0, |_| false, |_, _| panic!("handed on")).unwrap();
    assert_eq!(only_index.taken, 0);
    assert!(only_index.entries > 0);
}

#[test]
fn a_damaged_pack_gives_only_what_is_whole() {
    let dir = tempfile::tempdir().unwrap();
    let parsed: Vec<Parsed> = (0..50).map(|n| activity(n, "text")).collect();
    let entries: Vec<(Key, &Parsed)> = (0..).zip(&parsed).map(|(n, p)| (Key::of(n), p)).collect();
    add(dir.path(), &entries, 1);
    let [(pack, size)] = pack_files(dir.path()).try_into().unwrap();
    let whole = std::fs::read(&pack).unwrap();
    let all = |path: &Path| {
        let mut n = 0;
        read_pack(path, |_| true, |_, _| n += 1).map(|_| n)
    };
    assert_eq!(all(&pack), Some(50));
    // One byte changed in the last entry: that entry alone is left out.
    let mut bytes = whole.clone();
    bytes[size as usize - 3] ^= 0x20;
    std::fs::write(&pack, &bytes).unwrap();
    assert_eq!(all(&pack), Some(49));
    // Cut short (a torn write), or its index damaged: nothing is taken from it.
    std::fs::write(&pack, &whole[..whole.len() / 2]).unwrap();
    assert!(all(&pack).is_some_and(|n| n > 0 && n < 50));
    for cut in [10, 40, 200] {
        std::fs::write(&pack, &whole[..cut]).unwrap();
        assert_eq!(all(&pack), None, "cut at {cut}");
    }
    let mut bytes = whole.clone();
    bytes[40] ^= 1;
    std::fs::write(&pack, &bytes).unwrap();
    assert_eq!(all(&pack), None);
    std::fs::write(&pack, b"{ not a pack").unwrap();
    assert_eq!(all(&pack), None);
}

#[test]
fn every_copy_of_a_plan_shares_the_store_and_a_change_adds_only_itself() {
    let plan = bundled();
    let store = tempfile::tempdir().unwrap();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_new_plan(a.path(), &plan).unwrap();
    write_new_plan(b.path(), &plan).unwrap();
    let first = load_with_cache(a.path(), Some(store.path())).unwrap();
    assert_eq!(first.plan, plan);
    let after_first = pack_files(store.path());
    let files = first.sources.file_count();
    assert_eq!(entries_of(store.path()), files);
    // Another copy of the plan, never opened: it writes nothing, and reads the same plan.
    let copy = load_with_cache(b.path(), Some(store.path())).unwrap();
    assert_eq!(copy.plan, plan);
    assert_eq!(pack_files(store.path()), after_first);
    // One file changed: one entry more, in a pack of its own; the others are left as they were.
    let rel = "activities/pilot-tunis.ron";
    let text = std::fs::read_to_string(b.path().join(rel)).unwrap();
    std::fs::write(
        b.path().join(rel),
        text.replacen("en: \"", "en: \"Changed ", 1),
    )
    .unwrap();
    let changed = load_with_cache(b.path(), Some(store.path())).unwrap();
    assert_eq!(changed.plan, load_with_cache(b.path(), None).unwrap().plan);
    let now = pack_files(store.path());
    assert_eq!(now.len(), after_first.len() + 1);
    assert!(after_first.iter().all(|p| now.contains(p)));
    assert_eq!(entries_of(store.path()), files + 1);
}

#[test]
fn losing_or_damaging_the_store_only_costs_time() {
    let plan = bundled();
    let dir = tempfile::tempdir().unwrap();
    write_new_plan(dir.path(), &plan).unwrap();
    let store = tempfile::tempdir().unwrap();
    load_with_cache(dir.path(), Some(store.path())).unwrap();
    // Every pack damaged in a different way, and a stray file among them.
    for (n, (pack, size)) in pack_files(store.path()).into_iter().enumerate() {
        let mut bytes = std::fs::read(&pack).unwrap();
        match n % 3 {
            0 => bytes.truncate(size as usize / 2),
            1 => bytes[size as usize - 2] ^= 0x55,
            _ => bytes = b"garbage".to_vec(),
        }
        std::fs::write(&pack, bytes).unwrap();
    }
    std::fs::write(packs_dir(store.path()).join("stray.pack"), b"").unwrap();
    let damaged = load_with_cache(dir.path(), Some(store.path())).unwrap();
    assert_eq!(damaged.plan, plan);
    assert_eq!(damaged.diagnostics, vec![]);
    // The store lost whole: the same again.
    std::fs::remove_dir_all(store.path()).unwrap();
    let lost = load_with_cache(dir.path(), Some(store.path())).unwrap();
    assert_eq!(lost.plan, plan);
    assert_eq!(
        load_with_cache(dir.path(), Some(store.path()))
            .unwrap()
            .plan,
        plan
    );
}

#[test]
fn two_plans_opened_at_once_leave_a_sound_store() {
    let plan = bundled();
    let store = tempfile::tempdir().unwrap();
    let copies: Vec<tempfile::TempDir> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
    for (n, c) in copies.iter().enumerate() {
        let mut p = plan.clone();
        // Each copy differs from the others by a file or two, and shares the rest.
        if let Some(a) = p.activities.values_mut().nth(n) {
            a.title.en = Some(format!("Copy {n}"));
        }
        write_new_plan(c.path(), &p).unwrap();
    }
    for _ in 0..3 {
        std::thread::scope(|s| {
            for c in &copies {
                s.spawn(|| load_with_cache(c.path(), Some(store.path())).unwrap());
            }
        });
    }
    for c in &copies {
        let cached = load_with_cache(c.path(), Some(store.path())).unwrap();
        assert_eq!(cached.plan, load_with_cache(c.path(), None).unwrap().plan);
    }
    for (pack, _) in pack_files(store.path()) {
        let pack = read_pack(&pack, |_| true, |_, _| {}).unwrap();
        assert_eq!(pack.taken, pack.entries);
    }
    let tmp = std::fs::read_dir(packs_dir(store.path()))
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".pack")
        })
        .count();
    assert_eq!(tmp, 0);
}

/// Sets the modification time of `path` to `days` ago.
fn age(path: &Path, days: u64) {
    let when = SystemTime::now() - Duration::from_secs(days * 24 * 3600);
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(when).unwrap();
}

#[test]
fn cleaning_drops_the_unused_then_the_least_recently_used() {
    let store = tempfile::tempdir().unwrap();
    let parsed: Vec<Parsed> = (0..40).map(|n| activity(n, &"y".repeat(20_000))).collect();
    // Ten packs of four entries each, of ten days' ages.
    for (n, group) in parsed.chunks(4).enumerate() {
        let entries: Vec<(Key, &Parsed)> = (0..)
            .zip(group)
            .map(|(i, p)| (Key::of((n * 4 + i) as u128), p))
            .collect();
        let dir = packs_dir(store.path());
        std::fs::create_dir_all(&dir).unwrap();
        pack::write_packs(&dir, &entries, 1);
    }
    let mut by_age = pack_files(store.path());
    assert_eq!(by_age.len(), 10);
    by_age.sort_by_key(|(p, _)| p.clone());
    for (days, (pack, _)) in by_age.iter().enumerate() {
        age(pack, days as u64 * 4);
    }
    // A per-plan cache of an older khutta, an abandoned temporary file and a fresh one.
    let legacy = store.path().join("0123456789abcdef0123456789abcdef");
    std::fs::create_dir_all(&legacy).unwrap();
    std::fs::write(legacy.join("shard-0-0.jsonl"), "old").unwrap();
    let abandoned = packs_dir(store.path()).join(".tmp-abandoned");
    std::fs::write(&abandoned, "half").unwrap();
    age(&abandoned, 1);
    let writing = packs_dir(store.path()).join(".tmp-writing");
    std::fs::write(&writing, "half").unwrap();
    let size = by_age[0].1;
    // Packs 32 and 36 days old go for their age; then the oldest until four are left.
    let cleaned = clean::clean(store.path(), size * 4 + size / 2, SystemTime::now());
    assert_eq!(cleaned.removed, 6);
    let left: Vec<PathBuf> = pack_files(store.path())
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let youngest: Vec<PathBuf> = by_age[..4].iter().map(|(p, _)| p.clone()).collect();
    assert_eq!(left, youngest);
    assert!(!legacy.exists() && !abandoned.exists() && writing.exists());
    // Under the cap and young enough: nothing more goes.
    assert_eq!(
        clean::clean(store.path(), clean::CAP_BYTES, SystemTime::now()).removed,
        0
    );
}

#[test]
fn many_small_changes_are_gathered_into_one_pack() {
    let plan = bundled();
    let dir = tempfile::tempdir().unwrap();
    write_new_plan(dir.path(), &plan).unwrap();
    let store = tempfile::tempdir().unwrap();
    let files = load_with_cache(dir.path(), Some(store.path()))
        .unwrap()
        .sources
        .file_count();
    let activities: Vec<PathBuf> = plan
        .activities
        .keys()
        .map(|id| dir.path().join(format!("activities/{id}.ron")))
        .collect();
    let first = packs(store.path()).len();
    // Each change of another file adds a pack of one entry, which every later open reads,
    // until the plan would read more than 16 small packs: then what it takes from them (here
    // the whole plan) is written once more, together.
    let mut gathered = None;
    for (n, path) in (1..=17).zip(&activities) {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, text.replacen("en: \"", "en: \"Changed ", 1)).unwrap();
        let loaded = load_with_cache(dir.path(), Some(store.path())).unwrap();
        assert_eq!(loaded.diagnostics, vec![]);
        if entries_of(store.path()) > files + n {
            gathered = Some(n);
            break;
        }
        assert_eq!(packs(store.path()).len(), first + n, "change {n}");
    }
    let n = gathered.expect("the small packs gathered");
    assert_eq!(
        first + n,
        17 + 1,
        "{first} packs at first, gathered at change {n}"
    );
    // (A part of the plan written in the same order as before makes the same pack, which
    // replaces itself: the store grows by less than the whole plan.)
    assert!(entries_of(store.path()) <= files + (n - 1) + files);
    // Those packs are the ones read from now on: opening again writes nothing.
    let before = pack_files(store.path());
    load_with_cache(dir.path(), Some(store.path())).unwrap();
    assert_eq!(pack_files(store.path()), before);
}
