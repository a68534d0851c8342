//! `governance.ron`: who may change what in a plan that many organisations edit together.
//!
//! The file is optional: a plan without it has no rules, and everyone may change everything.
//! With it, people (git identities and their SSH signing keys) belong to partners; the
//! partners named as coordinators may change everything, this file included; every other
//! partner may change only what one of its grants names. Which change a grant allows is
//! decided in `crate::rights`; this module only holds the values, as the other files' do.

use super::{EntityKind, Id};
use serde::{Deserialize, Serialize};

/// The governance file at the top of the plan folder.
pub const GOVERNANCE_FILE: &str = "governance.ron";

/// The contents of `governance.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// Whether every commit must be signed by a key listed here.
    #[serde(default, skip_serializing_if = "super::activity::is_default")]
    pub signing: Signing,
    /// The partners whose people may change everything, this file included.
    pub coordinators: Vec<Id>,
    /// The people who change the plan, each with the partner they speak for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// What each partner other than a coordinator may change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<Grant>,
}

/// Whether commits must be signed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Signing {
    /// Signatures are checked when present, not asked for.
    #[default]
    Optional,
    /// Every commit must be signed by a key listed under its author.
    Required,
}

/// One person who changes the plan: a git identity and the keys it signs with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The name, as a person reads it (the git identity is known by its email).
    pub name: String,
    /// The email of their git identity (`user.email`), compared without regard to case.
    pub email: String,
    /// The partner they speak for.
    pub partner: Id,
    /// Their SSH public keys, as `ssh-ed25519 AAAA... comment`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
}

/// What one partner may change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// The partner.
    pub partner: Id,
    /// The changes it may make; any one that fits allows a change.
    pub may: Vec<Change>,
}

/// A kind of change a grant allows: which entities, which of their fields, and whether they may
/// be added or removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The kind of entity.
    pub kind: Kind,
    /// Only entities whose id fits this pattern (`*` any run of characters, `?` one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<String>,
    /// Only entities the partner leads: activities whose `lead` it is, funding sources it
    /// provides, its own partner record.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lead: bool,
    /// Only activities inside this group (at any depth).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Id>,
    /// Only these fields (`progress`, `status`, `budget`, `title.en`); absent: every field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<String>>,
    /// Whether such entities may be added.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub add: bool,
    /// Whether such entities may be removed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remove: bool,
}

/// What a grant speaks of: a kind of entity, or a consultation's rounds or responses,
/// written as the plan's files name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Activities.
    Activity,
    /// Partners.
    Partner,
    /// Beneficiary groups.
    Beneficiary,
    /// Funding sources.
    Funding,
    /// A consultation round's design (`round.ron`): `ids` names rounds.
    Round,
    /// Participants' responses: `ids` names the rounds they answer, and `lead` keeps to the
    /// responses whose organisation is the partner itself.
    Response,
}

impl Kind {
    /// The entity kind this names, when it names one.
    pub fn entity(self) -> Option<EntityKind> {
        match self {
            Kind::Activity => Some(EntityKind::Activity),
            Kind::Partner => Some(EntityKind::Partner),
            Kind::Beneficiary => Some(EntityKind::Beneficiary),
            Kind::Funding => Some(EntityKind::Funding),
            Kind::Round | Kind::Response => None,
        }
    }

    /// The top-level fields of what this names: what a grant's `fields` may list.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Round => &[
                "title",
                "description",
                "date",
                "place",
                "status",
                "questions",
            ],
            Kind::Response => &[
                "name",
                "organisation",
                "country",
                "role",
                "language",
                "answers",
            ],
            k => k.entity().map_or(&[], entity_fields),
        }
    }
}

/// The top-level fields of each kind of entity, as its file names them: what a grant's
/// `fields` may list (before any `.` or `[`).
pub fn entity_fields(kind: EntityKind) -> &'static [&'static str] {
    match kind {
        EntityKind::Activity => &[
            "title",
            "description",
            "kind",
            "parent",
            "timing",
            "dependencies",
            "status",
            "progress",
            "lead",
            "partners",
            "beneficiaries",
            "location",
            "calendar",
            "budget",
            "outputs",
            "sdg_targets",
            "tags",
        ],
        EntityKind::Partner => &[
            "name", "acronym", "kind", "roles", "country", "website", "iati_ref", "contact",
        ],
        EntityKind::Beneficiary => &["name", "kind", "country", "city", "size", "description"],
        EntityKind::Funding => &[
            "funder",
            "title",
            "amount",
            "currency",
            "status",
            "available",
            "earmarked",
            "conditions",
        ],
    }
}

/// The fields of a funding source that are its figures: they change only with the funder's
/// agreement, whatever a grant says.
pub const FUNDING_FIGURES: [&str; 4] = ["funder", "amount", "currency", "status"];

/// The first name of a field path (`budget` of `budget[2].amount`, `title` of `title.en`).
pub fn top_field(path: &str) -> &str {
    let end = path.find(['.', '[']).unwrap_or(path.len());
    &path[..end]
}

/// Whether `id` fits the glob `pattern`: `*` stands for any run of characters, `?` for one.
pub fn glob_matches(pattern: &str, id: &str) -> bool {
    let (p, s): (Vec<char>, Vec<char>) = (pattern.chars().collect(), id.chars().collect());
    // The classic two-pointer match with one backtrack point: linear in practice, and never
    // exponential whatever the pattern.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < s.len() {
        if i < p.len() && (p[i] == '?' || p[i] == s[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

/// Why an id pattern is refused, if it is: empty, or a character that no id and no wildcard
/// can be.
pub fn pattern_problem(pattern: &str) -> Option<char> {
    if pattern.is_empty() {
        return Some(' ');
    }
    pattern
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '*' | '?')))
}

/// Whether `key` reads as an SSH public key: a known type, then base64 whose decoded blob
/// starts with that same type, then an optional comment.
pub fn ssh_key_is_wellformed(key: &str) -> bool {
    const TYPES: [&str; 8] = [
        "ssh-ed25519",
        "ssh-rsa",
        "ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com",
        "sk-ecdsa-sha2-nistp256@openssh.com",
        "ssh-dss",
    ];
    let mut parts = key.split_whitespace();
    let (Some(kind), Some(blob)) = (parts.next(), parts.next()) else {
        return false;
    };
    if !TYPES.contains(&kind) {
        return false;
    }
    let Some(bytes) = base64_decode(blob) else {
        return false;
    };
    // The blob begins with the type as an SSH string: a 4-byte big-endian length, then it.
    let Some(len) = bytes
        .get(..4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    else {
        return false;
    };
    bytes.get(4..4 + len) == Some(kind.as_bytes())
}

/// The type and base64 blob of a public key, without its comment: what tells two keys apart.
pub fn key_fingerprint(key: &str) -> Option<(&str, &str)> {
    let mut parts = key.split_whitespace();
    Some((parts.next()?, parts.next()?))
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        acc = (acc << 6) | value(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

impl Governance {
    /// The person whose git identity has this email, compared without regard to case.
    pub fn person(&self, email: &str) -> Option<&Person> {
        let email = email.trim();
        self.people
            .iter()
            .find(|p| p.email.trim().eq_ignore_ascii_case(email))
    }

    /// Whether `partner` is a coordinator.
    pub fn is_coordinator(&self, partner: &Id) -> bool {
        self.coordinators.contains(partner)
    }

    /// The changes granted to `partner`, in the order written.
    pub fn granted(&self, partner: &Id) -> impl Iterator<Item = &Change> {
        self.grants
            .iter()
            .filter(move |g| &g.partner == partner)
            .flat_map(|g| g.may.iter())
    }

    /// Sorts nothing: the order of people and grants is the author's, and no rule depends on
    /// it. Present so that every file of the plan has a `normalize`.
    pub fn normalize(&mut self) {
        for p in &mut self.people {
            p.email = p.email.trim().to_owned();
        }
    }
}

impl Person {
    /// Whether `key` (type and blob; the comment is ignored) is one of this person's keys.
    pub fn has_key(&self, key: &str) -> bool {
        let Some(want) = key_fingerprint(key) else {
            return false;
        };
        self.keys
            .iter()
            .any(|k| key_fingerprint(k).is_some_and(|have| have == want))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_matches("pilot-*", "pilot-amman"));
        assert!(glob_matches("*amman*", "pilot-amman"));
        assert!(glob_matches("pilot-?mman", "pilot-amman"));
        assert!(glob_matches("*", ""));
        assert!(!glob_matches("pilot-*", "assessment-amman"));
        assert!(!glob_matches("pilot", "pilot-amman"));
        assert!(glob_matches("a*b*c", "axxbyyc"));
        assert!(!glob_matches("a*b*c", "axxbyy"));
    }

    #[test]
    fn patterns_and_fields() {
        assert_eq!(pattern_problem("pilot-*"), None);
        assert_eq!(pattern_problem("Pilot"), Some('P'));
        assert_eq!(pattern_problem(""), Some(' '));
        assert_eq!(top_field("budget[2].amount"), "budget");
        assert_eq!(top_field("title.en"), "title");
        assert_eq!(top_field("progress"), "progress");
    }

    #[test]
    fn ssh_keys() {
        let good =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk4sM5Cxy0sqX8gQ8yqvbq6pF1n0Qm2d5P8Gk1H7a9B amal";
        assert!(ssh_key_is_wellformed(good));
        assert!(!ssh_key_is_wellformed("ssh-ed25519 AAAAB3NzaC1yc2E amal"));
        assert!(!ssh_key_is_wellformed("ssh-ed25519"));
        assert!(!ssh_key_is_wellformed("ssh-foo AAAAC3NzaC1lZDI1NTE5"));
        assert!(!ssh_key_is_wellformed("ssh-ed25519 !!!"));
        let p = Person {
            name: "Amal".into(),
            email: "amal@escwa.example".into(),
            partner: Id::new_unchecked("escwa"),
            keys: vec![good.into()],
        };
        assert!(p.has_key(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk4sM5Cxy0sqX8gQ8yqvbq6pF1n0Qm2d5P8Gk1H7a9B"
        ));
        assert!(!p.has_key("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO"));
    }
}
