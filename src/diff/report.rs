//! The conflict report: what the merge driver prints and what the merge test cases expect.

use super::delta;
use super::merge::{Conflict, ConflictKind, Side};
use super::render::{esc, value};
use super::tree::Root;
use crate::i18n::Messages;
use crate::text::{escape_controls, str_width};
use serde_json::Value;
use std::fmt::Write as _;

/// What a whole-entity value of a conflict is, next to the base: `absent`, `unchanged`,
/// `added`, or the fields that changed.
fn summary(root: Root, base: Option<&Value>, side: Option<&Value>, m: &Messages) -> String {
    let key = match (base, side) {
        (Some(_), None) => "review-conflict-deleted",
        (None, None) => "review-conflict-absent",
        (None, Some(_)) => "review-conflict-added",
        (Some(b), Some(v)) if b == v => "review-conflict-unchanged",
        (Some(b), Some(v)) => {
            let paths: Vec<String> = delta::diff_tree(root, Some(b), Some(v))
                .iter()
                .map(|c| c.path.to_string())
                .collect();
            let fields = escape_controls(&paths.join(", ")).into_owned();
            return m.get_args("review-conflict-changed", &[("fields", fields.into())]);
        }
    };
    m.get(key).into_owned()
}

/// What one side of a conflict holds, as a person reads it: the value of a field; for a whole
/// entity, whether the base had it and, on each side, what changed next to the base (the
/// fields, not the whole entity again), so that three versions of one entity never read alike.
pub fn side_shown(c: &Conflict, side: Side, m: &Messages) -> String {
    let v = match side {
        Side::Base => &c.base,
        Side::Ours => &c.ours,
        Side::Theirs => &c.theirs,
        Side::Merged => return String::new(),
    };
    let root = Root::of(&c.target);
    if c.path.is_root() && side == Side::Base {
        let key = if v.is_some() {
            "review-conflict-present"
        } else {
            "review-conflict-absent"
        };
        m.get(key).into_owned()
    } else if c.path.is_root() {
        summary(root, c.base.as_ref(), v.as_ref(), m)
    } else {
        v.as_ref()
            .map_or_else(|| m.get("review-none").into_owned(), value)
    }
}

/// The conflicts as a report: one block per conflict, the file and field first, then the
/// three values, the one the merged plan holds marked `(kept)`. This is also the format of
/// `conflicts.txt` in the merge test cases.
/// The report is in the language of `m`.
pub fn conflicts(list: &[Conflict], m: &Messages) -> String {
    let mut s = m.count("review-conflicts", list.len());
    s.push('\n');
    for c in list {
        s.push_str(&conflict(c, m));
    }
    s
}

/// One conflict's block of the report, without the count above it, in the language of `m`.
pub fn conflict(c: &Conflict, m: &Messages) -> String {
    let mut s = String::new();
    let kind = m.get(c.kind.key());
    let _ = match (&c.problem, c.path.is_root()) {
        (Some(p), _) => writeln!(
            s,
            "{} {}: {} {}",
            kind,
            esc(&c.target),
            p.code,
            escape_controls(&p.message.show(m))
        ),
        (None, true) => writeln!(s, "{} {}", kind, esc(&c.target)),
        (None, false) => writeln!(s, "{} {} {}", kind, esc(&c.target), esc(&c.path)),
    };
    // The names of the sides end with a colon and are padded to one width, so that the
    // values line up in either language.
    let sides = [
        ("tui-side-base", Side::Base),
        ("tui-side-ours", Side::Ours),
        ("tui-side-theirs", Side::Theirs),
    ]
    .map(|(key, side)| (format!("{}:", m.get(key)), side));
    let width = sides.iter().map(|(n, _)| str_width(n)).max().unwrap_or(0);
    let kept_word = m.get("review-conflict-kept");
    for (name, side) in sides {
        let shown = side_shown(c, side, m);
        let kept = if c.kept == side && c.kind != ConflictKind::Semantic {
            format!(" {kept_word}")
        } else {
            String::new()
        };
        let pad = width.saturating_sub(str_width(&name));
        let _ = writeln!(s, "  {name}{:pad$} {shown}{kept}", "");
    }
    if let Some(p) = &c.problem {
        let hint = m.get_args("review-conflict-hint", &[("hint", p.hint.show(m).into())]);
        let _ = writeln!(s, "  {}", escape_controls(&hint));
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::diff::{merge, render};
    use crate::i18n::Messages;
    use crate::model::{Activity, Id, Lang, Plan, Text};

    /// A plan of two activities, `b` and `c`.
    fn two_activities() -> Plan {
        let mut base: Plan = crate::check::tests_support::empty_plan();
        for name in ["b", "c"] {
            let id = Id::new_unchecked(name);
            let a = Activity::new(id.clone(), Text::new("نشاط", name), 2);
            base.activities.insert(id, a);
        }
        base
    }

    /// A field changed differently on each side, and an activity deleted on one side and
    /// changed on the other.
    fn conflicts() -> Vec<crate::diff::Conflict> {
        let base = two_activities();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let progress = |p: &mut Plan, name: &str, n: u8| {
            if let Some(a) = p.activities.get_mut(name) {
                a.progress = n;
            }
        };
        progress(&mut ours, "b", 10);
        progress(&mut theirs, "b", 20);
        progress(&mut ours, "c", 50);
        theirs.activities.remove("c");
        merge(&base, &ours, &theirs).conflicts
    }

    #[test]
    fn the_report_in_arabic_and_english() {
        let list = conflicts();
        assert_eq!(
            render::conflicts(&list, &Messages::new(Lang::Ar)),
            "تعارضان
حقل activities/b.ron progress
  الأصل:  0
  قيمتنا: 10 (المعتمَدة)
  قيمتهم: 20
حذف/تعديل activities/c.ron
  الأصل:  موجود
  قيمتنا: عُدِّل progress (المعتمَدة)
  قيمتهم: محذوف
"
        );
        assert_eq!(
            render::conflicts(&list, &Messages::new(Lang::En)),
            "2 conflicts
field activities/b.ron progress
  base:   0
  ours:   10 (kept)
  theirs: 20
delete/modify activities/c.ron
  base:   present
  ours:   changed progress (kept)
  theirs: deleted
"
        );
        let none = render::conflicts(&[], &Messages::new(Lang::Ar));
        assert_eq!(none, "لا تعارضات\n");
    }

    /// A merge that joins two dependencies into a cycle: the report quotes the diagnostic and
    /// its hint in the reader's language.
    #[test]
    fn a_semantic_conflict_quotes_its_diagnostic_in_arabic() {
        let base = two_activities();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let depend = |p: &mut Plan, from: &str, on: &str| {
            if let Some(a) = p.activities.get_mut(from) {
                a.dependencies.push(crate::model::Dependency {
                    activity: Id::new_unchecked(on),
                    kind: Default::default(),
                    lag: 0,
                });
            }
        };
        depend(&mut ours, "b", "c");
        depend(&mut theirs, "c", "b");
        let list = merge(&base, &ours, &theirs).conflicts;
        let ar = render::conflicts(&list, &Messages::new(Lang::Ar));
        assert!(ar.contains("E021 حلقة اعتماديات: b -> c -> b"), "{ar}");
        assert!(ar.contains("  تلميح: لا يمكن لنشاط أن ينتظر نفسه"), "{ar}");
        let en = render::conflicts(&list, &Messages::new(Lang::En));
        assert!(en.contains("E021 dependency cycle: b -> c -> b"), "{en}");
        assert!(
            en.contains("  hint:    an activity cannot wait for itself"),
            "{en}"
        );
    }
}
