//! The fields of a consultation round and of its questions as the designer edits them: each
//! shown as text and set from text, refusing bad input with a reason, and every change made
//! into an [`Edit`] of the round.

use crate::edit::Edit;
use crate::i18n::Said;
use crate::model::{
    Aspect, EntityKind, Id, Lang, Plan, Question, QuestionKind, Round, RoundStatus, Text,
};
use crate::said;

/// One field the designer edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The round's title.
    Title(Lang),
    /// The round's status.
    Status,
    /// The round's date.
    Date,
    /// The question's id (renaming moves the answers along).
    Id,
    /// The question's text.
    Text(Lang),
    /// The question's note for participants.
    Help(Lang),
    /// The question's kind.
    Kind,
    /// The plan aspect it informs.
    Aspect,
    /// The kind of plan item picked.
    Item,
    /// The most choices or items.
    Max,
    /// What a rating of 1 means.
    Low(Lang),
    /// What a rating of 5 means.
    High(Lang),
    /// The plan items the question refers to.
    RefersTo,
    /// The label of option `n`.
    Option(usize, Lang),
}

impl Field {
    /// The field's name, for labels and the edit history.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title(_) => "title",
            Field::Status => "status",
            Field::Date => "date",
            Field::Id => "id",
            Field::Text(_) => "text",
            Field::Help(_) => "help",
            Field::Kind => "kind",
            Field::Aspect => "aspect",
            Field::Item => "item",
            Field::Max => "max",
            Field::Low(_) => "low",
            Field::High(_) => "high",
            Field::RefersTo => "refers-to",
            Field::Option(..) => "option",
        }
    }

    /// The language of a field's text, for the fields that have one.
    pub fn lang(self) -> Option<Lang> {
        match self {
            Field::Title(l)
            | Field::Text(l)
            | Field::Help(l)
            | Field::Low(l)
            | Field::High(l)
            | Field::Option(_, l) => Some(l),
            _ => None,
        }
    }
}

/// A field of a round (`question: None`) or of one of its questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The round.
    pub round: Id,
    /// The question; none for the round's own fields.
    pub question: Option<Id>,
    /// The field.
    pub field: Field,
}

/// The kinds of question, as written in files.
pub const KINDS: [&str; 6] = [
    "SingleChoice",
    "MultipleChoice",
    "Rating",
    "Ranking",
    "FreeText",
    "PlanItems",
];

/// The fields of the round (`None`) or of question `q`, in the order shown.
pub fn fields(q: Option<&Question>) -> Vec<Field> {
    let Some(q) = q else {
        return vec![
            Field::Title(Lang::En),
            Field::Title(Lang::Ar),
            Field::Status,
            Field::Date,
        ];
    };
    let mut f = vec![
        Field::Id,
        Field::Text(Lang::En),
        Field::Text(Lang::Ar),
        Field::Help(Lang::En),
        Field::Help(Lang::Ar),
        Field::Kind,
        Field::Aspect,
    ];
    match &q.kind {
        QuestionKind::PlanItems { .. } => f.extend([Field::Item, Field::Max]),
        QuestionKind::MultipleChoice { .. } => f.push(Field::Max),
        QuestionKind::Rating { .. } => f.extend([
            Field::Low(Lang::En),
            Field::Low(Lang::Ar),
            Field::High(Lang::En),
            Field::High(Lang::Ar),
        ]),
        _ => {}
    }
    f.push(Field::RefersTo);
    for i in 0..q.kind.options().len() {
        f.extend([Field::Option(i, Lang::En), Field::Option(i, Lang::Ar)]);
    }
    f
}

fn text_of(t: &Text, lang: Lang) -> String {
    t.get(lang).unwrap_or_default().to_owned()
}

/// A field's value as text.
pub fn value(round: &Round, q: Option<&Question>, field: Field) -> String {
    match (q, field) {
        (_, Field::Title(l)) => text_of(&round.title, l),
        (_, Field::Status) => format!("{:?}", round.status),
        (_, Field::Date) => round.date.map(|d| d.to_string()).unwrap_or_default(),
        (None, _) => String::new(),
        (Some(q), Field::Id) => q.id.to_string(),
        (Some(q), Field::Text(l)) => text_of(&q.text, l),
        (Some(q), Field::Help(l)) => text_of(&q.help, l),
        (Some(q), Field::Kind) => q.kind.name().to_owned(),
        (Some(q), Field::Aspect) => format!("{:?}", q.aspect),
        (Some(q), Field::Item) => match q.kind {
            QuestionKind::PlanItems { item, .. } => item.dir().to_owned(),
            _ => String::new(),
        },
        (Some(q), Field::Max) => match q.kind {
            QuestionKind::PlanItems { max, .. } => max.to_string(),
            QuestionKind::MultipleChoice { max, .. } => {
                max.map(|m| m.to_string()).unwrap_or_default()
            }
            _ => String::new(),
        },
        (Some(q), Field::Low(l)) => match &q.kind {
            QuestionKind::Rating { low, .. } => text_of(low, l),
            _ => String::new(),
        },
        (Some(q), Field::High(l)) => match &q.kind {
            QuestionKind::Rating { high, .. } => text_of(high, l),
            _ => String::new(),
        },
        (Some(q), Field::RefersTo) => q
            .refers_to
            .iter()
            .map(|(k, id)| format!("{}/{id}", k.dir()))
            .collect::<Vec<_>>()
            .join(", "),
        (Some(q), Field::Option(i, l)) => q
            .kind
            .options()
            .get(i)
            .map(|o| text_of(&o.label, l))
            .unwrap_or_default(),
    }
}

fn entity_kind(dir: &str) -> Result<EntityKind, Said> {
    EntityKind::ALL
        .into_iter()
        .find(|k| k.dir() == dir)
        .ok_or_else(|| said!("form-not-an-entity-folder", folder = dir))
}

fn parse_max(v: &str) -> Result<Option<u8>, Said> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse::<u8>()
        .map(Some)
        .map_err(|_| said!("form-not-a-max", text = v))
}

/// Sets a field of the round or of question `qid` from text, or says why it cannot.
fn set(round: &mut Round, qid: Option<&Id>, field: Field, v: &str) -> Result<(), Said> {
    match field {
        Field::Title(l) => {
            round.title.set(l, v.trim());
            return Ok(());
        }
        Field::Status => {
            round.status = RoundStatus::ALL
                .into_iter()
                .find(|s| format!("{s:?}") == v)
                .ok_or_else(|| said!("form-round-not-status", value = v))?;
            return Ok(());
        }
        Field::Date => {
            round.date = match v.trim() {
                "" => None,
                d => Some(
                    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .map_err(|_| said!("value-not-date", text = &format!("{d:?}")))?,
                ),
            };
            return Ok(());
        }
        _ => {}
    }
    let q = qid
        .and_then(|id| round.question_mut(id.as_str()))
        .ok_or_else(|| said!("form-no-question-selected"))?;
    match field {
        Field::Text(l) => q.text.set(l, v.trim()),
        Field::Help(l) => q.help.set(l, v.trim()),
        Field::Kind => {
            let to = match v {
                "SingleChoice" => QuestionKind::SingleChoice {
                    options: Vec::new(),
                },
                "MultipleChoice" => QuestionKind::MultipleChoice {
                    options: Vec::new(),
                    max: None,
                },
                "Rating" => QuestionKind::Rating {
                    low: Text::default(),
                    high: Text::default(),
                },
                "Ranking" => QuestionKind::Ranking {
                    options: Vec::new(),
                },
                "FreeText" => QuestionKind::FreeText,
                "PlanItems" => QuestionKind::PlanItems {
                    item: EntityKind::Activity,
                    max: 1,
                },
                _ => return Err(said!("form-not-a-question-kind", text = v)),
            };
            if to.name() != q.kind.name() {
                q.kind = q.kind.converted(&to);
            }
        }
        Field::Aspect => {
            q.aspect = Aspect::ALL
                .into_iter()
                .find(|a| format!("{a:?}") == v)
                .ok_or_else(|| said!("form-round-not-aspect", value = v))?;
        }
        Field::Item => {
            if let QuestionKind::PlanItems { item, .. } = &mut q.kind {
                *item = entity_kind(v.trim())?;
            }
        }
        Field::Max => match &mut q.kind {
            QuestionKind::PlanItems { max, .. } => {
                *max = parse_max(v)?.ok_or_else(|| said!("form-max-needed"))?;
            }
            QuestionKind::MultipleChoice { max, .. } => *max = parse_max(v)?,
            _ => {}
        },
        Field::Low(l) | Field::High(l) => {
            if let QuestionKind::Rating { low, high } = &mut q.kind {
                let t = if matches!(field, Field::Low(_)) {
                    low
                } else {
                    high
                };
                t.set(l, v.trim());
            }
        }
        Field::RefersTo => {
            let mut refs = crate::model::ItemRefs::default();
            for word in v.split([',', ' ']).filter(|w| !w.is_empty()) {
                let (dir, id) = word
                    .split_once('/')
                    .ok_or_else(|| said!("form-round-kind-id", word = word))?;
                let id = Id::parse(id).map_err(|e| e.said())?;
                refs.ids_mut(entity_kind(dir)?).push(id);
            }
            q.refers_to = refs;
        }
        Field::Option(i, l) => {
            let o = q
                .kind
                .options_mut()
                .and_then(|o| o.get_mut(i))
                .ok_or_else(|| said!("form-round-no-option", number = i + 1))?;
            o.label.set(l, v.trim());
        }
        Field::Title(_) | Field::Status | Field::Date | Field::Id => {}
    }
    Ok(())
}

/// The edit that sets `target` to `value`, or why it cannot be made.
pub fn edit(plan: &Plan, target: &Target, value: &str) -> Result<Edit, Said> {
    if let (Field::Id, Some(q)) = (target.field, &target.question) {
        return Edit::rename_question(plan, &target.round, q, value.trim()).map_err(|e| e.said());
    }
    let name = target.field.name();
    Edit::update_round(plan, &target.round, name, |r| {
        set(r, target.question.as_ref(), target.field, value)
    })
    .map_err(|e| e.said())?
}

/// Whether questions of this kind have options to add and remove.
pub(crate) fn has_options(kind: &QuestionKind) -> bool {
    matches!(
        kind,
        QuestionKind::SingleChoice { .. }
            | QuestionKind::MultipleChoice { .. }
            | QuestionKind::Ranking { .. }
    )
}

/// The first id of the form `o<n>` that no option of `q` has yet, for a new option.
pub(crate) fn fresh_option_id(q: &Question) -> Id {
    let n = (1..)
        .find(|n| q.kind.option(&format!("o{n}")).is_none())
        .unwrap_or(1);
    Id::new_unchecked(format!("o{n}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round() -> Round {
        crate::consult::tests::sample().consultations["r1"]
            .round
            .clone()
    }

    #[test]
    fn fields_read_and_write_as_text() {
        let mut r = round();
        let single = Id::new_unchecked("single");
        let q = r.question("single").cloned();
        assert_eq!(value(&r, q.as_ref(), Field::Kind), "SingleChoice");
        // Switching a choice question to a ranking keeps its options.
        let options = q.map(|q| q.kind.options().to_vec()).unwrap_or_default();
        assert_eq!(set(&mut r, Some(&single), Field::Kind, "Ranking"), Ok(()));
        let q = r.question("single").cloned();
        assert_eq!(q.as_ref().map(|q| q.kind.options().to_vec()), Some(options));
        assert_eq!(
            set(
                &mut r,
                Some(&single),
                Field::RefersTo,
                "activities/a, partners/amman"
            ),
            Ok(())
        );
        let q = r.question("single").cloned();
        assert_eq!(
            value(&r, q.as_ref(), Field::RefersTo),
            "activities/a, partners/amman"
        );
        assert!(set(&mut r, Some(&single), Field::RefersTo, "a").is_err());
        assert!(set(&mut r, Some(&single), Field::RefersTo, "cities/a").is_err());
        assert!(set(&mut r, None, Field::Date, "2021-13-01").is_err());
        assert_eq!(set(&mut r, None, Field::Date, "2021-11-18"), Ok(()));
        assert_eq!(value(&r, None, Field::Date), "2021-11-18");
        assert!(set(&mut r, None, Field::Status, "Finished").is_err());
        assert!(
            set(&mut r, None, Field::Text(Lang::En), "x").is_err(),
            "no question"
        );
    }

    #[test]
    fn an_edit_of_a_field_undoes() {
        let mut plan = crate::consult::tests::sample();
        let original = plan.clone();
        let target = Target {
            round: Id::new_unchecked("r1"),
            question: Some(Id::new_unchecked("rate")),
            field: Field::Text(Lang::Ar),
        };
        let edit = edit(&plan, &target, "ما مدى الاستعداد؟");
        let edit = edit.unwrap_or_else(|e| panic!("{e}"));
        edit.apply(&mut plan).unwrap_or_else(|e| panic!("{e}"));
        let q = plan.consultations["r1"].round.question("rate").cloned();
        assert_eq!(
            q.and_then(|q| q.text.get(Lang::Ar).map(str::to_owned))
                .as_deref(),
            Some("ما مدى الاستعداد؟")
        );
        edit.inverse()
            .apply(&mut plan)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan, original);
    }
}
