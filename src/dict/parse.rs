//! Reading dictionary files: TOML into checked [`Entry`] values, with errors that point at
//! the line and column of the problem.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use unicode_normalization::is_nfc;

use super::{Category, Entry, Origin, Sense};
use crate::error::Error;
use crate::span::LineIndex;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    category: Option<Spanned<String>>,
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    abbr: Spanned<String>,
    expansion: Option<Spanned<String>>,
    category: Option<Spanned<String>>,
    #[serde(default)]
    forms: Vec<Spanned<String>>,
    #[serde(default)]
    sense: Vec<Spanned<RawSense>>,
    #[serde(default)]
    followed_by: Vec<Spanned<String>>,
    #[serde(default)]
    preceded_by: Vec<Spanned<String>>,
    #[serde(default)]
    number: bool,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSense {
    expansion: Spanned<String>,
    category: Option<Spanned<String>>,
    #[serde(default)]
    followed_by: Vec<Spanned<String>>,
    #[serde(default)]
    preceded_by: Vec<Spanned<String>>,
}

struct Ctx<'a> {
    name: &'a str,
    /// Line starts, so that each entry's line is a binary search, not a count from the top.
    lines: LineIndex<'a>,
}

impl Ctx<'_> {
    fn err<T>(&self, offset: usize, message: String) -> Result<T, Error> {
        Err(Error::dictionary(message)
            .with_position(self.lines.position(offset))
            .with_path(self.name))
    }

    fn line(&self, offset: usize) -> usize {
        self.lines.position(offset).line
    }

    fn category(&self, raw: &Spanned<String>) -> Result<Category, Error> {
        match Category::from_name(raw.get_ref()) {
            Some(c) => Ok(c),
            None => {
                let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
                self.err(
                    raw.span().start,
                    format!(
                        "unknown category {:?} (expected one of: {})",
                        raw.get_ref(),
                        names.join(", ")
                    ),
                )
            }
        }
    }

    /// Checks a piece of text meant to be matched or written out.
    fn text_field(&self, what: &str, raw: &Spanned<String>) -> Result<String, Error> {
        let s = raw.get_ref();
        let at = raw.span().start;
        if s.trim().is_empty() {
            return self.err(at, format!("{what} is empty"));
        }
        if s.trim() != s {
            return self.err(at, format!("{what} {s:?} has spaces at its ends"));
        }
        if !is_nfc(s) {
            return self.err(at, format!("{what} {s:?} is not in Unicode NFC form"));
        }
        if let Some(c) = s
            .chars()
            .find(|c| matches!(c, '\u{D0}' | '\u{F0}' | '\u{189}' | '\u{256}'))
        {
            return self.err(
                at,
                format!(
                    "{what} {s:?} contains the look-alike {c:?} (U+{:04X}); write Đ or đ: \
                     look-alikes in the text are matched automatically",
                    c as u32
                ),
            );
        }
        Ok(s.clone())
    }

    fn phrases(&self, raw: &[Spanned<String>]) -> Result<Vec<String>, Error> {
        raw.iter()
            .map(|p| {
                let phrase = self.text_field("context phrase", p)?;
                // A misspelled special ("{Numbr}") would silently never match.
                if phrase.starts_with('{') && !matches!(phrase.as_str(), "{Name}" | "{Number}") {
                    return self.err(
                        p.span().start,
                        format!(
                            "unknown special phrase {phrase:?} (expected {{Name}} or {{Number}})"
                        ),
                    );
                }
                Ok(phrase)
            })
            .collect()
    }
}

pub(super) fn parse(name: &str, text: &str) -> Result<Vec<Entry>, Error> {
    let cx = Ctx {
        name,
        lines: LineIndex::new(text),
    };
    let file: RawFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            return cx.err(offset, e.message().trim_end().to_string());
        }
    };
    let file_category = file.category.as_ref().map(|c| cx.category(c)).transpose()?;
    let origin_file: Arc<str> = Arc::from(name);
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut entries = Vec::with_capacity(file.entry.len());

    for raw in file.entry {
        let abbr_at = raw.abbr.span().start;
        let abbr = cx.text_field("abbreviation", &raw.abbr)?;
        if !abbr.chars().any(char::is_alphanumeric) {
            // Punctuation alone would match inside ordinary text ("a-b").
            return cx.err(
                abbr_at,
                format!("abbreviation {abbr:?} has no letter or digit"),
            );
        }
        let entry_category = match &raw.category {
            Some(c) => Some(cx.category(c)?),
            None => file_category,
        };
        let mut forms = Vec::with_capacity(raw.forms.len());
        for (form_at, form) in std::iter::once((abbr_at, abbr.clone())).chain(
            raw.forms
                .iter()
                .map(|f| Ok((f.span().start, cx.text_field("form", f)?)))
                .collect::<Result<Vec<_>, Error>>()?,
        ) {
            if let Some(&first) = first_seen.get(&form) {
                return cx.err(
                    form_at,
                    format!("duplicate abbreviation {form:?} (first defined at line {first})"),
                );
            }
            first_seen.insert(form.clone(), cx.line(form_at));
            if form != abbr {
                forms.push(form);
            }
        }

        let senses = match (&raw.expansion, raw.sense.is_empty()) {
            (Some(_), false) => {
                return cx.err(
                    abbr_at,
                    format!(
                        "entry {abbr:?} has both `expansion` and `sense`: give one or the other"
                    ),
                )
            }
            (None, true) => {
                return cx.err(
                    abbr_at,
                    format!("entry {abbr:?} has neither `expansion` nor `sense`"),
                )
            }
            (Some(exp), true) => {
                let category = match entry_category {
                    Some(c) => c,
                    None => {
                        return cx.err(
                            abbr_at,
                            format!("entry {abbr:?} has no `category`, and the file sets none"),
                        )
                    }
                };
                vec![Sense {
                    expansion: cx.text_field("expansion", exp)?,
                    category,
                    followed_by: cx.phrases(&raw.followed_by)?,
                    preceded_by: cx.phrases(&raw.preceded_by)?,
                }]
            }
            (None, false) => {
                if raw.sense.len() == 1 {
                    return cx.err(
                        raw.sense[0].span().start,
                        format!(
                            "entry {abbr:?} has a single `sense`: write its `expansion` on the \
                             entry, or give two or more senses"
                        ),
                    );
                }
                if !raw.followed_by.is_empty() || !raw.preceded_by.is_empty() {
                    return cx.err(
                        abbr_at,
                        format!(
                            "entry {abbr:?} has senses: put `followed_by` and `preceded_by` in \
                             the sense they select"
                        ),
                    );
                }
                let mut senses = Vec::with_capacity(raw.sense.len());
                for s in &raw.sense {
                    let s = s.get_ref();
                    let category = match (&s.category, entry_category) {
                        (Some(c), _) => cx.category(c)?,
                        (None, Some(c)) => c,
                        (None, None) => {
                            return cx.err(
                                s.expansion.span().start,
                                format!(
                                    "sense {:?} of {abbr:?} has no `category`, and neither the \
                                     entry nor the file sets one",
                                    s.expansion.get_ref()
                                ),
                            )
                        }
                    };
                    senses.push(Sense {
                        expansion: cx.text_field("expansion", &s.expansion)?,
                        category,
                        followed_by: cx.phrases(&s.followed_by)?,
                        preceded_by: cx.phrases(&s.preceded_by)?,
                    });
                }
                senses
            }
        };

        entries.push(Entry {
            abbr,
            forms,
            senses,
            numbered: raw.number,
            source: raw.source,
            origin: Origin {
                file: origin_file.clone(),
                line: cx.line(abbr_at),
            },
        });
    }
    Ok(entries)
}
