//! An IATI activity file published by a partner, brought into a plan.
//!
//! Every organisation the file's activities name (`reporting-org`, `participating-org`)
//! becomes a partner: its name from the narratives (Arabic and English by `xml:lang`, the
//! activity's or file's language when a narrative has none), its identifier as `iati_ref`, its
//! type, and the roles it plays. An organisation that a partner of the plan already is (the
//! same identifier, or for one without identifier the same name) is left as it is, so
//! importing the same file twice adds nothing. With `--activity`, each
//! activity (or the one named) also becomes a khutta activity that refers to it: tagged
//! `iati:IDENTIFIER`, led by the reporting organisation, with the participating organisations
//! in their roles, its title and description, and fixed dates from its activity dates.

use super::names::{slug, unique};
use super::xml::{bad, child, children, parse, text};
use crate::check::Diagnostic;
use crate::model::{
    Activity, ActivityPartner, Id, OrgRole, OrganisationType, Partner, Plan, Status, Text, Timing,
};
use crate::said;
use chrono::NaiveDate;
use roxmltree::Node;
use std::collections::{BTreeMap, BTreeSet};

/// Which activities of the file become activities of the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Linked {
    /// None: only the organisations are imported.
    #[default]
    None,
    /// Every activity of the file.
    All,
    /// The activity with this `iati-identifier`.
    One(String),
}

/// What an import adds to the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// New partners.
    pub partners: Vec<Partner>,
    /// New activities referring to the file's activities.
    pub activities: Vec<Activity>,
    /// Organisations the plan already has, by the id of the partner that holds them.
    pub known: Vec<Id>,
}

/// The tag that ties a khutta activity to an IATI activity.
pub fn tag(identifier: &str) -> String {
    format!("iati:{identifier}")
}

const XML_LANG: &str = "http://www.w3.org/XML/1998/namespace";

/// The narratives of `n` as bilingual text; `lang` is the language of those without one.
fn narratives(n: Node<'_, '_>, lang: &str) -> Text {
    let mut t = Text::default();
    for c in children(n, "narrative") {
        let Some(s) = c.text().map(str::trim).filter(|s| !s.is_empty()) else {
            continue;
        };
        let l = c.attribute((XML_LANG, "lang")).unwrap_or(lang);
        let slot = match l.get(..2).unwrap_or(l) {
            "ar" => &mut t.ar,
            "en" => &mut t.en,
            _ => continue,
        };
        slot.get_or_insert_with(|| s.to_owned());
    }
    t
}

/// An organisation as the file names it.
struct Org {
    key: String,
    iati_ref: Option<String>,
    name: Text,
    kind: OrganisationType,
    roles: BTreeSet<OrgRole>,
}

fn org(n: Node<'_, '_>, lang: &str, path: &str) -> Result<Org, Diagnostic> {
    let iati_ref = n
        .attribute("ref")
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned);
    let name = narratives(n, lang);
    let key = match (
        &iati_ref,
        name.get(crate::model::Lang::En)
            .or(name.get(crate::model::Lang::Ar)),
    ) {
        (Some(r), _) => r.clone(),
        (None, Some(name)) => name.to_owned(),
        (None, None) => return Err(bad(path, n, said!("import-iati-org-unnamed"))),
    };
    let name = if name.is_empty() {
        Text::en(&key)
    } else {
        name
    };
    Ok(Org {
        key,
        iati_ref,
        name,
        kind: n
            .attribute("type")
            .and_then(OrganisationType::from_iati_code)
            .unwrap_or(OrganisationType::Other),
        roles: n
            .attribute("role")
            .and_then(OrgRole::from_iati_code)
            .into_iter()
            .collect(),
    })
}

fn status(code: Option<&str>) -> Status {
    match code {
        Some("2") => Status::InProgress,
        Some("3" | "4") => Status::Done,
        Some("5") => Status::Cancelled,
        Some("6") => Status::OnHold,
        _ => Status::Planned,
    }
}

/// Reads an IATI activity file (`path` names it in diagnostics) against `plan`.
pub fn import(
    path: &str,
    bytes: &[u8],
    plan: &Plan,
    linked: &Linked,
) -> Result<Imported, Vec<Diagnostic>> {
    let text_in = crate::store::decode(path, bytes).map_err(|d| vec![d])?;
    let doc = parse(path, text_in).map_err(|d| vec![d])?;
    let root = doc.root_element();
    let activities: Vec<Node<'_, '_>> = children(root, "iati-activity").collect();
    if root.tag_name().name() != "iati-activities" || activities.is_empty() {
        return Err(vec![bad(
            path,
            root,
            said!(
                "import-not-format",
                format = "IATI",
                element = root.tag_name().name()
            ),
        )]);
    }
    let file_lang = root.attribute((XML_LANG, "lang")).unwrap_or("en");
    let mut orgs: BTreeMap<String, Org> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut wanted = Vec::new();
    for a in &activities {
        let lang = a.attribute((XML_LANG, "lang")).unwrap_or(file_lang);
        let Some(identifier) = text(*a, "iati-identifier") else {
            problems.push(bad(path, *a, said!("import-iati-no-identifier")));
            continue;
        };
        let mut named = Vec::new();
        for n in child(*a, "reporting-org")
            .into_iter()
            .chain(children(*a, "participating-org"))
        {
            match org(n, lang, path) {
                Ok(o) => {
                    named.push((
                        o.key.clone(),
                        o.roles.clone(),
                        n.tag_name().name() == "reporting-org",
                    ));
                    let e = orgs.entry(o.key.clone()).or_insert(Org {
                        roles: BTreeSet::new(),
                        ..o
                    });
                    e.roles
                        .extend(named.last().map(|n| n.1.clone()).unwrap_or_default());
                }
                Err(d) => problems.push(d),
            }
        }
        let take = match linked {
            Linked::None => false,
            Linked::All => true,
            Linked::One(id) => id.trim() == identifier,
        };
        if take {
            wanted.push((*a, identifier, lang, named));
        }
    }
    if let Linked::One(id) = linked
        && wanted.is_empty()
    {
        problems.push(bad(
            path,
            root,
            said!("import-iati-no-such-activity", identifier = id.as_str()),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Imported::default();
    let mut taken: BTreeSet<Id> = plan.partners.keys().cloned().collect();
    let mut partner_of: BTreeMap<String, Id> = BTreeMap::new();
    for (key, o) in orgs {
        // The same organisation: by identifier, or by name when the file gives none.
        let same = |p: &&Partner| match o.iati_ref.as_deref() {
            Some(r) => p.iati_ref.as_deref().map(str::trim) == Some(r),
            None => [crate::model::Lang::En, crate::model::Lang::Ar]
                .iter()
                .any(|l| o.name.get(*l).is_some() && o.name.get(*l) == p.name.get(*l)),
        };
        if let Some(p) = plan.partners.values().find(same) {
            out.known.push(p.id.clone());
            partner_of.insert(key, p.id.clone());
            continue;
        }
        let wanted_id = o
            .name
            .get(crate::model::Lang::En)
            .and_then(slug)
            .or_else(|| o.iati_ref.as_deref().and_then(slug))
            .unwrap_or_else(|| Id::new_unchecked("organisation"));
        let id = unique(wanted_id, &mut taken);
        partner_of.insert(key, id.clone());
        out.partners.push(Partner {
            id,
            name: o.name,
            acronym: None,
            kind: o.kind,
            roles: o.roles.into_iter().collect(),
            country: None,
            website: None,
            iati_ref: o.iati_ref,
            contact: None,
        });
    }
    let mut taken: BTreeSet<Id> = plan.activities.keys().cloned().collect();
    for (a, identifier, lang, named) in wanted {
        let id = unique(
            slug(identifier).unwrap_or_else(|| Id::new_unchecked("iati-activity")),
            &mut taken,
        );
        let title = child(a, "title")
            .map(|t| narratives(t, lang))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| Text::en(identifier));
        let mut act = Activity::new(id, title, 0);
        act.description = child(a, "description")
            .map(|d| narratives(d, lang))
            .unwrap_or_default();
        act.tags = vec![tag(identifier)];
        act.status = status(child(a, "activity-status").and_then(|s| s.attribute("code")));
        let date = |kinds: [&str; 2]| -> Option<NaiveDate> {
            kinds.iter().find_map(|k| {
                children(a, "activity-date")
                    .find(|d| d.attribute("type") == Some(*k))
                    .and_then(|d| d.attribute("iso-date"))
                    .and_then(|d| {
                        NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
                    })
            })
        };
        // Actual dates where the publisher has them, else planned ones.
        if let (Some(start), Some(end)) = (date(["2", "1"]), date(["4", "3"])) {
            act.timing = Timing::Fixed {
                start,
                end: end.max(start),
            };
        }
        for (key, roles, reporting) in named {
            let Some(pid) = partner_of.get(&key) else {
                continue;
            };
            if reporting {
                act.lead = Some(pid.clone());
            }
            for role in roles {
                act.partners.push(ActivityPartner {
                    partner: pid.clone(),
                    role,
                });
            }
        }
        act.normalize();
        out.activities.push(act);
    }
    Ok(out)
}
