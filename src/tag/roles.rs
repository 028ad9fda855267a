//! Parsing roles: a title, the organizations it belongs to, an administrative level and a
//! locality ("Phó Chủ tịch | Ủy ban nhân dân | phường | Ngọc Lâm"), and runs of roles
//! joined by commas, dashes, "kiêm" or ";" ("QUV, Bí thư Đảng ủy, Chủ tịch HĐND phường"),
//! where a level written once is shared by the roles before it.
//!
//! A role is read as names from the vocabulary and positions in the paragraph's items
//! ([`Reading`]), and spelled out ([`ParsedRole`]) only once it is tied to a person: the
//! runs tried before a name are read to see where they end, and most are dropped.

use std::sync::OnceLock;

use super::key::Key;
use super::token::{Item, ItemKind};
use super::vocab::{lexicon, may_have_key, sep_key, OrgKind, Vocab, WordId, NOT_A_PHRASE_WORD};
use super::Level;

/// A role spelled out, before it is tied to a person.
#[derive(Clone, Debug)]
pub(crate) struct ParsedRole {
    pub(crate) title: String,
    pub(crate) orgs: Vec<String>,
    pub(crate) level: Option<Level>,
    pub(crate) locality: Option<String>,
}

/// Items `from..to` of the paragraph: words written there, joined by single spaces when
/// spelled out.
#[derive(Clone, Copy, Debug)]
struct Words {
    from: usize,
    to: usize,
}

/// The proper name of an organization: a listed one, or words of the paragraph.
#[derive(Clone, Copy, Debug)]
enum Name {
    Listed(&'static str),
    Written(Words),
}

/// One organization of a role.
#[derive(Clone, Copy, Debug)]
enum OrgName {
    /// A listed organization: "Ủy ban nhân dân".
    Listed(&'static str),
    /// A head noun and a proper name: "Ban" and "Dân vận", "Phòng" and "Tư pháp".
    Headed(&'static str, Name),
}

/// At most this many organizations are read for one role.
const MAX_ORGS: usize = 4;

/// A role as read from the items: what [`ParsedRole`] spells out, as vocabulary names and
/// positions, so that reading one allocates nothing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reading {
    title: &'static str,
    orgs: [Option<OrgName>; MAX_ORGS],
    /// The kind of the last organization.
    org_kind: Option<OrgKind>,
    level: Option<Level>,
    locality: Option<Words>,
    /// Items `first..last` hold it.
    pub(crate) first: usize,
    pub(crate) last: usize,
}

/// Parses roles in a paragraph's items.
pub(crate) struct Parser<'a> {
    pub(crate) items: &'a [Item<'a>],
    vocab: &'a Vocab,
    /// Items where a person's mention starts (a cue or a name): roles stop there.
    person_starts: &'a [bool],
}

impl<'a> Parser<'a> {
    pub(crate) fn new(
        items: &'a [Item<'a>],
        vocab: &'a Vocab,
        person_starts: &'a [bool],
    ) -> Parser<'a> {
        Parser {
            items,
            vocab,
            person_starts,
        }
    }
}

impl Parser<'_> {
    fn word(&self, k: usize) -> Option<&Item<'_>> {
        self.items.get(k).filter(|it| it.is_word())
    }

    pub(crate) fn is_person(&self, k: usize) -> bool {
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
    fn name_parts(&self, k: usize) -> Option<(usize, Name)> {
        if let Some((m, name)) = self.vocab.ban_names.longest(self.items, k) {
            return Some((m, Name::Listed(name)));
        }
        let mut parts = 0;
        let mut j = k;
        while parts < 8 {
            let Some(it) = self.word(j) else { break };
            if !it.cap || it.caps || self.is_person(j) || self.starts_vocab(j) {
                break;
            }
            parts += 1;
            j += 1;
            if let Some(next) = self.word(j) {
                if !next.cap
                    && !self.vocab.stop_words.contains(&next.key())
                    && !self.starts_vocab(j)
                    && !self.vocab.titles.starts_with(next)
                    && !holds_digit(next)
                {
                    parts += 1;
                    j += 1;
                }
            }
        }
        (parts > 0).then_some((j - k, Name::Written(Words { from: k, to: j })))
    }

    /// An organization named by a head noun and its proper name: "Ban Dân vận", "Phòng Tư
    /// pháp", "Trung tâm Chính trị".
    fn named_org(&self, k: usize) -> Option<(usize, OrgName)> {
        let head = self.word(k)?;
        if !head.cap {
            return None;
        }
        let (n, head_name) = self.vocab.org_heads.longest(self.items, k)?;
        let (m, name) = self.name_parts(k + n)?;
        Some((n + m, OrgName::Headed(head_name, name)))
    }

    /// A place name or number after a level: "Ngọc Lâm", "7", "1B1", "Hồ Chí Minh".
    fn locality(&self, k: usize) -> Option<(usize, Words)> {
        let it = self.word(k)?;
        if self.is_person(k) {
            return None;
        }
        if holds_digit(it) {
            return Some((1, Words { from: k, to: k + 1 }));
        }
        let mut words = 0;
        let mut j = k;
        while words < 4 {
            let Some(it) = self.word(j) else { break };
            if !it.cap || it.caps || (j > k && self.is_person(j)) || self.starts_vocab(j) {
                break;
            }
            if j > k && it.newline_before {
                break;
            }
            words += 1;
            j += 1;
        }
        // "phường Báo cáo": one capitalized word run into a lower-case one is a sentence
        // starting without a full stop, not a place (place names have two syllables or
        // more, or a number).
        if words == 1 && self.word(j).is_some_and(|w| !w.cap) {
            return None;
        }
        (words > 0).then_some((j - k, Words { from: k, to: j }))
    }

    /// False when no role can end right before item `a`: a role ends with the last word
    /// of a title, an organization, a level or a Ban's name, with a capitalized word or the
    /// lower-case word after one (of a name or a place), or with a number.
    pub(crate) fn may_end_role(&self, a: usize) -> bool {
        let Some(last) = a.checked_sub(1).and_then(|k| self.word(k)) else {
            return false;
        };
        last.cap
            || a.checked_sub(2)
                .and_then(|k| self.word(k))
                .is_some_and(|w| w.cap)
            || holds_digit(last)
            || self.vocab.ends_role_phrase(last)
    }

    /// The role starting at item `i`, if one does.
    pub(crate) fn role_at(&self, i: usize) -> Option<Reading> {
        let first = self.word(i)?;
        if self.is_person(i) || !self.vocab.may_start_title(first) {
            return None;
        }
        let (n, title) = self.vocab.titles.longest(self.items, i)?;
        let mut j = i + n;
        let mut title_name: &'static str = title.name;
        let mut orgs: [Option<OrgName>; MAX_ORGS] = [None; MAX_ORGS];
        let mut n_orgs = 0;
        let mut org_kind = None;
        // "Trưởng ban Dân vận": the Ban is the organization, whatever its case.
        if let Some(stem) = title_name.strip_suffix(" ban") {
            if let Some((m, name)) = self.name_parts(j) {
                title_name = stem;
                if let Some(o) = orgs.first_mut() {
                    *o = Some(OrgName::Headed("Ban", name));
                }
                n_orgs = 1;
                org_kind = Some(OrgKind::Body);
                j += m;
            }
        }
        while n_orgs < MAX_ORGS && !self.is_person(j) {
            let (m, org, kind) = if let Some((m, org)) = self.vocab.orgs.longest(self.items, j) {
                (m, OrgName::Listed(org.name), org.kind)
            } else if let Some((m, org)) = self.named_org(j) {
                (m, org, OrgKind::Body)
            } else {
                break;
            };
            if let Some(o) = orgs.get_mut(n_orgs) {
                *o = Some(org);
            }
            n_orgs += 1;
            org_kind = Some(kind);
            j += m;
        }
        if !title.standalone && n_orgs == 0 {
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
        Some(Reading {
            title: title_name,
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
            ItemKind::Sep if matches!(sep_char(it), Some(',' | '-' | ';')) => j + 1,
            ItemKind::Word if KIEM.is(it) || VA.is(it) => j + 1,
            _ => return None,
        };
        if self.word(k).is_some_and(|w| KIEM.is(w)) {
            k += 1;
        }
        Some(k)
    }

    /// Where the run of roles starting at item `i` ends, if a role starts there: what
    /// [`run_into`](Self::run_into) reads, without keeping it.
    pub(crate) fn run_end(&self, i: usize) -> Option<usize> {
        let mut end = self.role_at(i)?.last;
        while let Some(k) = self.after_separator(end) {
            if self.is_person(k) {
                break;
            }
            match self.role_at(k) {
                Some(role) => end = role.last,
                None => break,
            }
        }
        Some(end)
    }

    /// The roles of a run starting at item `i`, into `roles` (empty if no role starts
    /// there).
    pub(crate) fn run_into(&self, i: usize, roles: &mut Vec<Reading>) {
        roles.clear();
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
        share_levels(roles);
    }

    /// The role spelled out.
    pub(crate) fn spell(&self, role: &Reading) -> ParsedRole {
        ParsedRole {
            title: role.title.to_string(),
            orgs: role
                .orgs
                .iter()
                .flatten()
                .map(|o| self.org_text(o))
                .collect(),
            level: role.level,
            locality: role.locality.map(|w| self.words(w)),
        }
    }

    /// Writes into `key` (cleared first) what tells the role [`spell`](Self::spell) makes
    /// of `role` apart from every other, without building it: its title, organizations,
    /// level and locality as spelled out, each ended by a byte that no UTF-8 text holds,
    /// so that two roles have the same key exactly when they are spelled out the same.
    pub(crate) fn content_key(&self, role: &Reading, key: &mut Vec<u8>) {
        /// Ends a text field.
        const END: u8 = 0xFF;
        /// Ends the list of organizations.
        const LIST_END: u8 = 0xFE;
        key.clear();
        key.extend_from_slice(role.title.as_bytes());
        key.push(END);
        for org in role.orgs.iter().flatten() {
            match org {
                OrgName::Listed(name) => key.extend_from_slice(name.as_bytes()),
                OrgName::Headed(head, name) => {
                    key.extend_from_slice(head.as_bytes());
                    key.push(b' ');
                    match name {
                        Name::Listed(name) => key.extend_from_slice(name.as_bytes()),
                        Name::Written(w) => self.push_word_bytes(*w, key),
                    }
                }
            }
            key.push(END);
        }
        key.push(LIST_END);
        if let Some(level) = role.level {
            key.extend_from_slice(level.as_str().as_bytes());
        }
        key.push(END);
        if let Some(w) = role.locality {
            self.push_word_bytes(w, key);
            key.push(END);
        }
    }

    /// [`push_words`](Self::push_words) as bytes.
    fn push_word_bytes(&self, w: Words, out: &mut Vec<u8>) {
        let items = self.items.get(w.from..w.to).unwrap_or_default();
        for (k, it) in items.iter().enumerate() {
            if k > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(it.text.as_bytes());
        }
    }

    fn org_text(&self, org: &OrgName) -> String {
        match org {
            OrgName::Listed(name) => (*name).to_string(),
            OrgName::Headed(head, name) => {
                let mut text = String::with_capacity(32);
                text.push_str(head);
                text.push(' ');
                match name {
                    Name::Listed(name) => text.push_str(name),
                    Name::Written(w) => self.push_words(*w, &mut text),
                }
                text
            }
        }
    }

    /// The words of items `w`, joined by single spaces.
    fn words(&self, w: Words) -> String {
        let mut text = String::with_capacity(16);
        self.push_words(w, &mut text);
        text
    }

    fn push_words(&self, w: Words, text: &mut String) {
        let items = self.items.get(w.from..w.to).unwrap_or_default();
        for (k, it) in items.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(it.text);
        }
    }
}

/// A word looked for by the parser, compared as [`Item::is`] does: most items are ruled
/// out by their first letter, and the others are compared by number (the word is in the
/// lexicon, and an item's number is looked up once and kept) or else by key.
pub(crate) struct Literal {
    word: &'static str,
    /// The word's key and its number in the lexicon.
    known: OnceLock<(Key, WordId)>,
}

impl Literal {
    pub(crate) const fn new(word: &'static str) -> Literal {
        Literal {
            word,
            known: OnceLock::new(),
        }
    }

    /// [`Item::is`] for this word.
    pub(crate) fn is(&self, it: &Item<'_>) -> bool {
        let (key, id) = self.known.get_or_init(|| {
            let key = Key::new(self.word);
            let id = lexicon().id(&key);
            (key, id)
        });
        // (The lexicon numbers each key once: a word of it has its number exactly when it
        // has its key.)
        it.is_word()
            && may_have_key(it.text, key)
            && if *id == NOT_A_PHRASE_WORD {
                it.key() == *key
            } else {
                it.id() == *id
            }
    }
}

/// Whether the key of the word `it` holds an ASCII digit, told from its text: a key keeps
/// the ASCII digits of its word, and no other character gives one (a test checks every
/// character).
fn holds_digit(it: &Item<'_>) -> bool {
    it.text.bytes().any(|b| b.is_ascii_digit())
}

/// The character a separator item stands for, which [`Item::is_sep`] compares: its first,
/// every dash as "-". Told from its text, without building its key.
pub(crate) fn sep_char(it: &Item<'_>) -> Option<char> {
    if it.kind != ItemKind::Sep {
        return None;
    }
    Some(match it.text.as_bytes().first() {
        // (Only dashes outside ASCII change.)
        Some(&b) if b.is_ascii() => char::from(b),
        _ => sep_key(it.text.chars().next().unwrap_or('-')),
    })
}

static KIEM: Literal = Literal::new("kiêm");
static VA: Literal = Literal::new("và");

/// "Bí thư Đảng ủy, Chủ tịch HĐND phường": a body without a level takes the level (and
/// locality) of the next role of the run that states one. Party committees ("Quận ủy") and
/// titles without an organization ("Quận ủy viên") have their own level.
fn share_levels(roles: &mut [Reading]) {
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
            .map(|r| (r.level, r.locality));
        if let (Some((level, locality)), Some(r)) = (found, roles.get_mut(i)) {
            r.level = level;
            r.locality = locality;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::raw_items;
    use super::*;

    /// The words of an abbreviation spelled out carry the numbers of their keys, and the
    /// same case and kind as words written out, at every mention (the first reads the
    /// expansion, the next ones reuse it).
    #[test]
    fn expansion_words_are_read_as_written_words() {
        use super::super::key::Key;
        use super::super::token::spelled_out;
        use super::super::vocab::lexicon;
        use crate::expand::Expander;
        let vocab = Vocab::new();
        let expander = Expander::default();
        let text = "UBND, UB MTTQ VN, HĐND và PCT UBND; P10 - UBND quận 5 (Q.5), BCH, TP.HCM.";
        for _ in 0..2 {
            let items = spelled_out(
                text,
                0..text.len(),
                &raw_items(text, 0..text.len()),
                &expander,
                &vocab,
            );
            assert!(items.len() > 20, "{}", items.len());
            for it in &items {
                let written = raw_items(it.text, 0..it.text.len());
                let [w] = written.as_slice() else {
                    continue;
                };
                assert_eq!(it.kind, w.kind, "{:?}", it.text);
                assert_eq!(it.cap, w.cap, "{:?}", it.text);
                if it.is_word() {
                    assert_eq!(it.id(), lexicon().id(&Key::new(it.text)), "{:?}", it.text);
                }
            }
        }
    }

    /// A word's key holds an ASCII digit exactly when its text does ([`holds_digit`]): no
    /// character other than an ASCII digit gives one, alone or after a letter.
    #[test]
    fn only_ascii_digits_give_a_key_digits() {
        use super::super::key::Key;
        for c in ('\0'..=char::MAX).filter(|c| !c.is_ascii_digit()) {
            for word in [c.to_string(), format!("a{c}")] {
                assert!(!Key::new(&word).has_digit(), "{c:?}");
            }
        }
        for word in ["7", "P10", "1B1", "ấp 3"] {
            let it = raw_items(word, 0..word.len());
            assert!(it.iter().any(|it| holds_digit(it) && it.key().has_digit()));
        }
    }

    /// A literal is the word [`Item::is`] says, in any case or Unicode form.
    #[test]
    fn literals_are_their_words() {
        let text = "kiêm Kiêm KIÊM kie\u{302}m kiếm kim và Và VÀ va\u{300} vả vá ca kiêm, và. \
                    bầu BẦU cử Cử gồm Gồm giữ chức CHỨC tái trúng đắc Ðắc được ĐƯỢC Được bẩu cu";
        let words = [
            "kiêm", "và", "bầu", "cử", "gồm", "giữ", "chức", "tái", "trúng", "đắc", "được",
        ];
        let literals = words.map(Literal::new);
        for it in raw_items(text, 0..text.len()) {
            assert_eq!(KIEM.is(&it), it.is("kiêm"), "{:?}", it.text);
            assert_eq!(VA.is(&it), it.is("và"), "{:?}", it.text);
            for (literal, word) in literals.iter().zip(words) {
                assert_eq!(literal.is(&it), it.is(word), "{:?} {word}", it.text);
            }
        }
    }
}
