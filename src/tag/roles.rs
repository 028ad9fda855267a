//! Parsing roles: a title, the organizations it belongs to, an administrative level and a
//! locality ("Phó Chủ tịch | Ủy ban nhân dân | phường | Ngọc Lâm"), and runs of roles
//! joined by commas, dashes, "kiêm" or ";" ("QUV, Bí thư Đảng ủy, Chủ tịch HĐND phường"),
//! where a level written once is shared by the roles before it.

use super::token::{Item, ItemKind};
use super::vocab::{OrgKind, Vocab};
use super::Level;

/// A role as parsed, before it is tied to a person.
#[derive(Clone, Debug)]
pub(crate) struct ParsedRole {
    pub(crate) title: String,
    pub(crate) orgs: Vec<String>,
    /// The kind of the last organization.
    pub(crate) org_kind: Option<OrgKind>,
    pub(crate) level: Option<Level>,
    pub(crate) locality: Option<String>,
    /// Items `first..last` hold it.
    pub(crate) first: usize,
    pub(crate) last: usize,
}

/// Parses roles in a paragraph's items.
pub(crate) struct Parser<'a> {
    pub(crate) items: &'a [Item<'a>],
    pub(crate) vocab: &'a Vocab,
    /// Items where a person's mention starts (a cue or a name): roles stop there.
    pub(crate) person_starts: &'a [bool],
}

impl Parser<'_> {
    fn word(&self, k: usize) -> Option<&Item<'_>> {
        self.items.get(k).filter(|it| it.is_word())
    }

    fn is_person(&self, k: usize) -> bool {
        self.person_starts.get(k) == Some(&true)
    }

    /// Whether a title, an organization or a level starts at `k`.
    fn starts_vocab(&self, k: usize) -> bool {
        let v = self.vocab;
        v.titles.longest(self.items, k).is_some_and(|m| m.0 >= 2)
            || v.orgs.longest(self.items, k).is_some()
            || v.levels.longest(self.items, k).is_some()
    }

    /// The proper-name part of an organization from `k`: a known Ban name ("dân vận"), or
    /// capitalized words, each maybe followed by one lower-case word ("Tư pháp", "Chính
    /// trị", "Hành giáo Hội giáo Trường Thi").
    fn name_parts(&self, k: usize) -> Option<(usize, String)> {
        if let Some((m, name)) = self.vocab.ban_names.longest(self.items, k) {
            return Some((m, (*name).to_string()));
        }
        let mut parts: Vec<&str> = Vec::new();
        let mut j = k;
        while parts.len() < 8 {
            let Some(it) = self.word(j) else { break };
            if !it.cap || it.caps || self.is_person(j) || self.starts_vocab(j) {
                break;
            }
            parts.push(it.text);
            j += 1;
            if let Some(next) = self.word(j) {
                if !next.cap
                    && !self.vocab.stop_words.contains(next.key())
                    && !self.starts_vocab(j)
                    && !self.vocab.titles.starts_with(next)
                    && !next.key().has_digit()
                {
                    parts.push(next.text);
                    j += 1;
                }
            }
        }
        (!parts.is_empty()).then(|| (j - k, parts.join(" ")))
    }

    /// An organization named by a head noun and its proper name: "Ban Dân vận", "Phòng Tư
    /// pháp", "Trung tâm Chính trị".
    fn named_org(&self, k: usize) -> Option<(usize, String)> {
        let head = self.word(k)?;
        if !head.cap {
            return None;
        }
        let (n, head_name) = self.vocab.org_heads.longest(self.items, k)?;
        let (m, name) = self.name_parts(k + n)?;
        Some((n + m, format!("{head_name} {name}")))
    }

    /// A place name or number after a level: "Ngọc Lâm", "7", "1B1", "Hồ Chí Minh".
    fn locality(&self, k: usize) -> Option<(usize, String)> {
        let it = self.word(k)?;
        if self.is_person(k) {
            return None;
        }
        if it.key().has_digit() {
            return Some((1, it.text.to_string()));
        }
        let mut words: Vec<&str> = Vec::new();
        let mut j = k;
        while words.len() < 4 {
            let Some(it) = self.word(j) else { break };
            if !it.cap || it.caps || (j > k && self.is_person(j)) || self.starts_vocab(j) {
                break;
            }
            if j > k && it.newline_before {
                break;
            }
            words.push(it.text);
            j += 1;
        }
        // "phường Báo cáo": one capitalized word run into a lower-case one is a sentence
        // starting without a full stop, not a place (place names have two syllables or
        // more, or a number).
        if words.len() == 1 && self.word(j).is_some_and(|w| !w.cap) {
            return None;
        }
        (!words.is_empty()).then(|| (j - k, words.join(" ")))
    }

    /// The role starting at item `i`, if one does.
    pub(crate) fn role_at(&self, i: usize) -> Option<ParsedRole> {
        self.word(i)?;
        if self.is_person(i) {
            return None;
        }
        let (n, title) = self.vocab.titles.longest(self.items, i)?;
        let mut j = i + n;
        // Owned only once the role is sure: most titles met start no role.
        let mut title_name: &'static str = title.name;
        let mut orgs: Vec<String> = Vec::new();
        let mut org_kind = None;
        // "Trưởng ban Dân vận": the Ban is the organization, whatever its case.
        if let Some(stem) = title_name.strip_suffix(" ban") {
            if let Some((m, name)) = self.name_parts(j) {
                title_name = stem;
                orgs.push(format!("Ban {name}"));
                org_kind = Some(OrgKind::Body);
                j += m;
            }
        }
        while orgs.len() < 4 && !self.is_person(j) {
            if let Some((m, org)) = self.vocab.orgs.longest(self.items, j) {
                orgs.push(org.name.to_string());
                org_kind = Some(org.kind);
                j += m;
            } else if let Some((m, org)) = self.named_org(j) {
                orgs.push(org);
                org_kind = Some(OrgKind::Body);
                j += m;
            } else {
                break;
            }
        }
        if !title.standalone && orgs.is_empty() {
            return None;
        }
        let mut level = None;
        let mut locality = None;
        if !self.is_person(j) {
            if let Some((m, lv)) = self.vocab.levels.longest(self.items, j) {
                level = Some(*lv);
                j += m;
                if let Some((m, place)) = self.locality(j) {
                    locality = Some(place);
                    j += m;
                }
            } else if org_kind == Some(OrgKind::Committee) {
                if let Some((m, place)) = self.locality(j) {
                    locality = Some(place);
                    j += m;
                }
            }
        }
        Some(ParsedRole {
            title: title_name.to_string(),
            orgs,
            org_kind,
            level,
            locality,
            first: i,
            last: j,
        })
    }

    /// Where the next role of a run would start after a role ending at `j`, if a
    /// separator joins them.
    fn after_separator(&self, j: usize) -> Option<usize> {
        let it = self.items.get(j)?;
        let mut k = match it.kind {
            ItemKind::Sep if matches!(it.key().as_bytes(), b"," | b"-" | b";") => j + 1,
            ItemKind::Word if it.is("kiêm") || it.is("và") => j + 1,
            _ => return None,
        };
        if self.word(k).is_some_and(|w| w.is("kiêm")) {
            k += 1;
        }
        Some(k)
    }

    /// The roles of a run starting at item `i`; empty if no role starts there.
    pub(crate) fn run_at(&self, i: usize) -> Vec<ParsedRole> {
        let mut roles: Vec<ParsedRole> = Vec::new();
        let mut next = self.role_at(i);
        while let Some(role) = next {
            let end = role.last;
            roles.push(role);
            let Some(k) = self.after_separator(end) else {
                break;
            };
            if self.is_person(k) {
                break;
            }
            // Parsed once: the role after the separator, if any, is the run's next.
            next = self.role_at(k);
        }
        share_levels(&mut roles);
        roles
    }
}

/// "Bí thư Đảng ủy, Chủ tịch HĐND phường": a body without a level takes the level (and
/// locality) of the next role of the run that states one. Party committees ("Quận ủy") and
/// titles without an organization ("Quận ủy viên") have their own level.
fn share_levels(roles: &mut [ParsedRole]) {
    for i in 0..roles.len() {
        let needs = roles
            .get(i)
            .is_some_and(|r| r.level.is_none() && r.org_kind == Some(OrgKind::Body));
        if !needs {
            continue;
        }
        let found = roles
            .get(i + 1..)
            .unwrap_or_default()
            .iter()
            .find(|r| r.level.is_some())
            .map(|r| (r.level, r.locality.clone()));
        if let (Some((level, locality)), Some(r)) = (found, roles.get_mut(i)) {
            r.level = level;
            r.locality = locality;
        }
    }
}
