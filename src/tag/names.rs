//! Finding personal names: among the words of a paragraph, capitalized words that are a
//! surname or follow a cue ("đồng chí", "ông", "Trung tá"...) get a close look: how many
//! capitalized syllables follow, whether a level or street word puts
//! them in a place ("phường Nguyễn Thị Minh Khai"), whether they are an organization
//! ("Đoàn Thanh niên") or a heading.

use std::collections::HashMap;
use std::rc::Rc;

use super::key::{key, FxBuild};
use super::token::{Item, ItemKind};
use super::vocab::{
    ascii_class, char_class, lexicon_key, word_char, PhraseTable, Vocab, CUE_FIRST, CUE_LAST,
    FIRST_LEVEL, FIRST_LONG_LEVEL, FIRST_LONG_ORG, FIRST_LONG_TITLE, FIRST_ORG, FIRST_ORG_HEAD,
    FIRST_TITLE, SURNAME,
};

/// A personal name found in the text (offsets into the viewed text).
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The cue before the name, if any.
    pub(crate) cue: Option<(usize, usize)>,
    /// The name's syllables joined by single spaces (shared by every mention written the
    /// same: see [`NameKeys`]).
    pub(crate) name: Rc<str>,
    /// The name's key ([`key`] of `name`), by which mentions of one person are merged.
    pub(crate) key: Rc<str>,
    /// The key of the place word right before the name ("phường"), when there is no cue:
    /// the name may be a place named after a person.
    pub(crate) after_place: Option<String>,
}

/// At most this many syllables after the surname (Vietnamese names have two to five
/// syllables: "Nguyễn Văn Chí Em", "Tôn Nữ Hồng Châu").
const MAX_SYLLABLES: usize = 5;

/// Finds the names among the items of a paragraph of `text`, and adds them to
/// `candidates` (those of the paragraphs before, which a name must come after).
#[inline]
pub(crate) fn find_all(
    text: &str,
    items: &[Item<'_>],
    vocab: &Vocab,
    keys: &mut NameKeys,
    candidates: &mut Vec<Candidate>,
) {
    // Words inside a name already found are not looked at again.
    let mut resume = 0;
    // Most items are not capitalized: the items are read 64 at a time, as a mask of
    // those that are, and only those are looked at, in order.
    let mut base = 0;
    while let Some(rest) = items.get(base..).filter(|rest| !rest.is_empty()) {
        let mut capitals = match rest.first_chunk::<64>() {
            Some(block) => capitals(block),
            None => capitals(rest.get(..64).unwrap_or(rest)),
        };
        while capitals != 0 {
            let k = base + capitals.trailing_zeros() as usize;
            capitals &= capitals - 1;
            let Some(it) = items.get(k) else {
                break;
            };
            if !it.is_word() || it.start < resume || !worth_a_look(text, items, k, vocab) {
                continue;
            }
            if let Some(c) = examine(text, items, k, vocab, keys) {
                resume = c.end;
                if candidates.last().is_none_or(|l| l.start < c.start) {
                    candidates.push(c);
                }
            }
        }
        base += 64;
    }
}

/// Bit `i` set for each item `items[i]` (of at most 64) that starts with a capital.
#[inline]
fn capitals(items: &[Item<'_>]) -> u64 {
    // (Eight at a time: eight bits are gathered in fewer instructions than a whole word.)
    items.chunks(8).enumerate().fold(0, |mask, (j, block)| {
        mask | u64::from(capitals_of_eight(block)) << (8 * j % 64)
    })
}

/// Bit `i` set for each item `items[i]` (of at most 8) that starts with a capital.
#[inline]
fn capitals_of_eight(items: &[Item<'_>]) -> u8 {
    items
        .iter()
        .enumerate()
        .fold(0, |mask, (i, it)| mask | u8::from(it.cap) << (i % 8))
}

/// Whether the capitalized word `items[k]` (of a paragraph of `text`) is worth a close
/// look with [`examine`]: another capitalized word follows, and the word is a surname or
/// a cue, or follows a cue. Most capitalized words are dropped here, on checks cheaper than
/// the close look.
#[inline]
fn worth_a_look(text: &str, items: &[Item<'_>], k: usize, vocab: &Vocab) -> bool {
    let Some(it) = items.get(k) else {
        return false;
    };
    // Half of the capitalized words are dropped here, on a look at the next two items.
    // ("Đ/c" is read as "Đ" followed by "/c" here, and goes on: see [`is_d`].)
    if !capitalized_word_follows(items, k) && !is_d(it.text) {
        return false;
    }
    let slash = word_has_slash(it.text);
    let word = if slash {
        it.text
            .as_bytes()
            .iter()
            .position(|&b| b == b'/')
            .and_then(|p| it.text.get(..p))
            .unwrap_or(it.text)
    } else {
        it.text
    };
    // The word before, as written: the item before, unless a "/" joins it to more
    // ("x/ông"), which the text says best.
    let after_cue = || {
        let Some(prev) = k.checked_sub(1).and_then(|j| items.get(j)) else {
            return false;
        };
        let joined = k
            .checked_sub(2)
            .and_then(|j| items.get(j))
            .is_some_and(|p| p.text == "/" && p.end == prev.start);
        if joined {
            vocab.name_words.flags(prev_word(text, it.start)) & CUE_LAST != 0
        } else {
            prev.is_word()
                && vocab.name_words.may_be_cue_last(prev.text)
                && vocab.name_words.flags(prev.text) & CUE_LAST != 0
        }
    };
    vocab.name_words.flags(word) & (SURNAME | CUE_FIRST) != 0
        || (slash && is_d(it.text) && it.text.len() > word.len())
        || after_cue()
}

/// Whether the word `text` is "Đ" or "đ", or starts with it and a "/" ("Đ/c").
#[inline]
fn is_d(text: &str) -> bool {
    match text.as_bytes() {
        [0xC4, 0x90 | 0x91] => true,
        [0xC4, 0x90 | 0x91, next, ..] => *next == b'/',
        _ => false,
    }
}

/// The word ending right before `i`, skipping spaces (and "đ/c" as one word).
fn prev_word(text: &str, i: usize) -> &str {
    let before = text.get(..i).unwrap_or_default();
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word_char(c) || c == '/')
        .last()
        .map_or(trimmed.len(), |(j, _)| j);
    trimmed.get(start..).unwrap_or_default()
}

/// Whether a capitalized word starts at the next word or the one after it, after the word
/// `items[k]`. A name is two capitalized words in a row: after a cue ("Ông Nguyễn"), the
/// cue's second word ("Đồng chí Nguyễn") or the surname ("Nguyễn Văn"). Every other
/// capitalized word is dropped here. ("Đ/c" is left to [`examine`]: its "/c" is not a word
/// of its own.)
#[inline]
fn capitalized_word_follows(items: &[Item<'_>], k: usize) -> bool {
    let capital = |j: usize| items.get(j).is_some_and(capital);
    match items.get(k + 1) {
        _ if capital(k + 1) => true,
        // A lower-case word, then a capital right after it ("đ/c" ends at its "/").
        Some(next) if next.is_word() && capital(k + 2) => !word_has_slash(next.text),
        _ => false,
    }
}

/// Whether the item's first character is a capital (a separator may be one: "Ⓐ").
#[inline]
fn capital(it: &Item<'_>) -> bool {
    it.cap || (it.kind == ItemKind::Sep && first_upper(it.text))
}

/// Whether the first character of `text` is a capital.
#[inline]
fn first_upper(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(&b) if b.is_ascii() => ascii_class(b).upper(),
        _ => text.chars().next().is_some_and(|c| char_class(c).upper()),
    }
}

/// Whether the word `text` (of the raw items) holds a "/". A word ends before a "/", but
/// for "đ/c" (đồng chí), which the tokenizer keeps as one word of four bytes, "/" the
/// third: that is the one place to look. (A test checks this against the tokenizer.)
#[inline]
fn word_has_slash(text: &str) -> bool {
    text.len() == 4 && text.as_bytes().get(2) == Some(&b'/')
}

/// Whether `items[k]` is a capitalized word (not an abbreviation or heading) that goes on a
/// run of capitalized words from `items[k - 1]`.
#[inline(always)]
fn continues_run(items: &[Item<'_>], k: usize) -> bool {
    items
        .get(k)
        .is_some_and(|it| it.is_word() && it.cap && !it.caps && !word_has_slash(it.text))
}

/// Whether a phrase of the vocabulary that is not a name starts at `items[k]`. (Each table
/// is asked only if a phrase of the length wanted starts with the word: one lookup for all
/// of them, and most words of names start none. Inlined: it is asked at every word of a
/// name.)
#[inline(always)]
fn starts_non_name(items: &[Item<'_>], k: usize, vocab: &Vocab, min_len: usize) -> bool {
    let Some(it) = items.get(k) else {
        return false;
    };
    let firsts = vocab.first_words.of(it);
    if min_len >= 2
        && (firsts & (FIRST_LONG_TITLE | FIRST_LONG_ORG | FIRST_LONG_LEVEL) == 0
            || !vocab.first_words.may_start_long_role(it, items.get(k + 1)))
    {
        return false;
    }
    let may = |any: u16, long: u16| firsts & if min_len >= 2 { long } else { any } != 0;
    let long = |m: Option<usize>| m.is_some_and(|n| n >= min_len);
    (may(FIRST_TITLE, FIRST_LONG_TITLE) && long(vocab.titles.longest(items, k).map(|m| m.0)))
        || (may(FIRST_ORG, FIRST_LONG_ORG) && long(vocab.orgs.longest(items, k).map(|m| m.0)))
        || (may(FIRST_LEVEL, FIRST_LONG_LEVEL) && long(vocab.levels.longest(items, k).map(|m| m.0)))
        || (min_len == 1
            && may(FIRST_ORG_HEAD, FIRST_ORG_HEAD)
            && long(vocab.org_heads.longest(items, k).map(|m| m.0)))
}

/// The candidate whose first word (a cue or the name itself) is `items[at]`, if it is one.
/// `keys` holds the keys of the names met so far in the document (a document names the
/// same people again and again).
// (Not inlined: it is called for one capitalized word in ten, and the scan's loop runs
// faster without its code.)
#[inline(never)]
fn examine(
    text: &str,
    items: &[Item<'_>],
    at: usize,
    vocab: &Vocab,
    keys: &mut NameKeys,
) -> Option<Candidate> {
    // A table is asked for its longest phrase only where one of its phrases starts (or a
    // cue ends).
    let starts =
        |table: &PhraseTable<()>, k: usize| items.get(k).is_some_and(|it| table.starts_with(it));
    // Unless a cue starts at `at`, the name starts there and goes on with the next word.
    // (Checked first: it asks no table, and many of the words looked at in vain fail it.)
    let (run_at, run_next) = (continues_run(items, at), continues_run(items, at + 1));
    if !((run_at && run_next) || starts(&vocab.cues, at)) {
        return None;
    }
    // (Both are asked again below when the name starts at `at`.)
    let runs = |k: usize| match k.checked_sub(at) {
        Some(0) => run_at,
        Some(1) => run_next,
        _ => continues_run(items, k),
    };
    // A cue written before the name, or the word at `at` itself.
    let mut cue = None;
    let mut name_at = at;
    let cue_before = at
        .checked_sub(1)
        .and_then(|k| items.get(k))
        .is_some_and(|it| vocab.cue_ends.may_end(it));
    if cue_before {
        for back in [2usize, 1] {
            if let Some(s) = at.checked_sub(back) {
                if let Some((n, ())) = vocab.cues.longest(items, s) {
                    if s + n == at {
                        cue = Some(s);
                        break;
                    }
                }
            }
        }
    }
    if cue.is_none() && starts(&vocab.cues, at) {
        if let Some((n, ())) = vocab.cues.longest(items, at) {
            cue = Some(at);
            name_at = at + n;
        }
    }
    if let Some(c) = cue {
        // "Hai Bà Trưng": a capitalized cue inside a run of capitalized words is part of
        // a name, not a cue.
        let cue_item = items.get(c)?;
        if cue_item.cap && c > 0 && continues_run(items, c - 1) && !cue_item.newline_before {
            return None;
        }
        if starts(&vocab.not_people, c) && vocab.not_people.longest(items, c).is_some() {
            return None;
        }
    }
    let first = items.get(name_at)?;
    if !runs(name_at) {
        return None;
    }
    // Without a cue the first word must be a surname, and not in the middle of a run of
    // capitalized words (part of something longer). (Checked first: they are the cheap
    // ones, and every check below only rules the candidate out.)
    if cue.is_none()
        && (vocab.name_words.flags(first.text) & SURNAME == 0
            || (name_at > 0 && continues_run(items, name_at - 1) && !first.newline_before))
    {
        return None;
    }
    // The name's words: adjacent capitalized words, up to a title or organization.
    let mut k = name_at + 1;
    // (No further than one word too many: a longer run is no name either.)
    while k <= name_at + MAX_SYLLABLES
        && runs(k)
        && !items.get(k).is_some_and(|it| it.kind == ItemKind::Break)
        && !starts_non_name(items, k, vocab, 2)
    {
        k += 1;
    }
    let count = k - name_at;
    if !(2..=MAX_SYLLABLES).contains(&count) {
        return None;
    }
    if starts_non_name(items, name_at, vocab, 1)
        || (starts(&vocab.not_people, name_at)
            && vocab.not_people.longest(items, name_at).is_some())
    {
        return None;
    }
    let mut after_place = None;
    if cue.is_none() {
        for back in [1usize, 2, 3] {
            if let Some(s) = name_at.checked_sub(back) {
                if !starts(&vocab.place_words, s) {
                    continue;
                }
                if let Some((n, ())) = vocab.place_words.longest(items, s) {
                    if s + n == name_at {
                        after_place = Some(place_key(items.get(s..name_at).unwrap_or_default()));
                        break;
                    }
                }
            }
        }
    }
    let words = items.get(name_at..k)?;
    let last = words.last()?;
    let (name, key) = match as_written(text, words) {
        Some(written) => keys.name_and_key(written),
        None => keys.name_and_key(&joined(words.iter().map(|w| w.text))),
    };
    Some(Candidate {
        start: first.start,
        end: last.end,
        cue: cue.and_then(|c| {
            let s = items.get(c)?;
            let e = items.get(name_at.checked_sub(1)?)?;
            Some((s.start, e.end))
        }),
        name,
        key,
        after_place,
    })
}

/// The keys of the words of a place word ("thành phố") joined by single spaces. They are
/// words of the lexicon (a phrase of a table matched them): their keys are those of their
/// numbers, and are not computed again.
fn place_key(words: &[Item<'_>]) -> String {
    let mut place = String::with_capacity(16);
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            place.push(' ');
        }
        match lexicon_key(w.id()) {
            Some(key) => place.push_str(key),
            None => place.push_str(w.key().as_str()),
        }
    }
    place
}

/// The words `words` as written in `text`, if that is them joined by single spaces (as
/// most names are written): the text of each word is `text` at its span, and one space
/// lies between each and the next.
fn as_written<'t>(text: &'t str, words: &[Item<'_>]) -> Option<&'t str> {
    let (first, last) = (words.first()?, words.last()?);
    // (Where each word's text lies, compared as addresses: the same bytes of `text`.)
    let at = text.as_ptr() as usize;
    let mut end = first.start;
    for (k, w) in words.iter().enumerate() {
        let gap = if k == 0 { 0 } else { 1 };
        if w.start != end + gap
            || w.text.as_ptr() as usize != at + w.start
            || w.text.len() != w.end - w.start
            || (gap == 1 && text.as_bytes().get(end) != Some(&b' '))
        {
            return None;
        }
        end = w.end;
    }
    text.get(first.start..last.end)
}

/// The names of a document and their keys, by the names as written: a document names the
/// same people again and again, and each mention shares the strings of the first.
#[derive(Default)]
pub(crate) struct NameKeys {
    by_name: HashMap<Rc<str>, Rc<str>, FxBuild>,
}

impl NameKeys {
    /// `name` and its [`key`], shared with the other mentions written the same.
    fn name_and_key(&mut self, name: &str) -> (Rc<str>, Rc<str>) {
        if let Some((name, key)) = self.by_name.get_key_value(name) {
            return (Rc::clone(name), Rc::clone(key));
        }
        let (name, k): (Rc<str>, Rc<str>) = (name.into(), key(name).into());
        self.by_name.insert(Rc::clone(&name), Rc::clone(&k));
        (name, k)
    }
}

/// `parts` joined by single spaces.
fn joined<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::with_capacity(32);
    for (k, part) in parts.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::token::raw_items;
    use super::*;

    /// The name scan as first written, check by check, without the shortcuts: what the
    /// scan must find, however it finds it.
    mod reference {
        use super::super::super::token::{Item, ItemKind};
        use super::super::super::vocab::{char_class, Vocab};
        use super::super::{joined, prev_word, Candidate, NameKeys, MAX_SYLLABLES};

        pub(super) fn find_all(
            text: &str,
            raw: &[Item<'_>],
            vocab: &Vocab,
            keys: &mut NameKeys,
            candidates: &mut Vec<Candidate>,
        ) {
            let mut resume = 0;
            for (k, it) in raw.iter().enumerate() {
                if it.start < resume
                    || !(it.is_word() && it.cap)
                    || !worth_a_look(text, raw, k, vocab)
                {
                    continue;
                }
                if let Some(c) = examine(raw, k, vocab, keys) {
                    resume = c.end;
                    if candidates.last().is_none_or(|l| l.start < c.start) {
                        candidates.push(c);
                    }
                }
            }
        }

        pub(super) fn worth_a_look(
            text: &str,
            items: &[Item<'_>],
            k: usize,
            vocab: &Vocab,
        ) -> bool {
            let Some(it) = items.get(k) else {
                return false;
            };
            let word = it
                .text
                .as_bytes()
                .iter()
                .position(|&b| b == b'/')
                .and_then(|p| it.text.get(..p))
                .unwrap_or(it.text);
            let is_d = matches!(word, "Đ" | "đ");
            if !is_d && !capitalized_word_follows(items, k) {
                return false;
            }
            let after_cue = || {
                let Some(prev) = k.checked_sub(1).and_then(|j| items.get(j)) else {
                    return false;
                };
                let joined = k
                    .checked_sub(2)
                    .and_then(|j| items.get(j))
                    .is_some_and(|p| p.text == "/" && p.end == prev.start);
                if joined {
                    vocab.cue_last_words.contains(prev_word(text, it.start))
                } else {
                    prev.is_word() && vocab.cue_last_words.contains(prev.text)
                }
            };
            vocab.surnames.contains(word)
                || (is_d && it.text.len() > word.len())
                || vocab.cue_words.contains(word)
                || after_cue()
        }

        fn capitalized_word_follows(items: &[Item<'_>], k: usize) -> bool {
            let capital = |j: usize| {
                items.get(j).is_some_and(|it| {
                    it.cap
                        || (it.kind == ItemKind::Sep
                            && it
                                .text
                                .chars()
                                .next()
                                .is_some_and(|c| char_class(c).upper()))
                })
            };
            match items.get(k + 1) {
                _ if capital(k + 1) => true,
                Some(next) if next.is_word() && !next.text.contains('/') => capital(k + 2),
                _ => false,
            }
        }

        fn continues_run(items: &[Item<'_>], k: usize) -> bool {
            items
                .get(k)
                .is_some_and(|it| it.is_word() && it.cap && !it.caps && !it.text.contains('/'))
        }

        fn starts_non_name(items: &[Item<'_>], k: usize, vocab: &Vocab, min_len: usize) -> bool {
            let long = |m: Option<usize>| m.is_some_and(|n| n >= min_len);
            long(vocab.titles.longest(items, k).map(|m| m.0))
                || long(vocab.orgs.longest(items, k).map(|m| m.0))
                || long(vocab.levels.longest(items, k).map(|m| m.0))
                || long(
                    vocab
                        .org_heads
                        .longest(items, k)
                        .map(|m| m.0)
                        .filter(|_| min_len == 1),
                )
        }

        pub(super) fn examine(
            items: &[Item<'_>],
            at: usize,
            vocab: &Vocab,
            keys: &mut NameKeys,
        ) -> Option<Candidate> {
            let mut cue = None;
            let mut name_at = at;
            for back in [2usize, 1] {
                if let Some(s) = at.checked_sub(back) {
                    if let Some((n, ())) = vocab.cues.longest(items, s) {
                        if s + n == at {
                            cue = Some(s);
                            break;
                        }
                    }
                }
            }
            if cue.is_none() {
                if let Some((n, ())) = vocab.cues.longest(items, at) {
                    cue = Some(at);
                    name_at = at + n;
                }
            }
            if let Some(c) = cue {
                let cue_item = items.get(c)?;
                if cue_item.cap && c > 0 && continues_run(items, c - 1) && !cue_item.newline_before
                {
                    return None;
                }
                if vocab.not_people.longest(items, c).is_some() {
                    return None;
                }
            }
            let first = items.get(name_at)?;
            if !continues_run(items, name_at) {
                return None;
            }
            if cue.is_none()
                && (!vocab.surnames.contains(first.text)
                    || (name_at > 0 && continues_run(items, name_at - 1) && !first.newline_before))
            {
                return None;
            }
            let mut k = name_at + 1;
            while continues_run(items, k)
                && !items.get(k).is_some_and(|it| it.kind == ItemKind::Break)
                && !starts_non_name(items, k, vocab, 2)
            {
                k += 1;
            }
            let count = k - name_at;
            if !(2..=MAX_SYLLABLES).contains(&count) {
                return None;
            }
            if starts_non_name(items, name_at, vocab, 1)
                || vocab.not_people.longest(items, name_at).is_some()
            {
                return None;
            }
            let mut after_place = None;
            if cue.is_none() {
                for back in [1usize, 2, 3] {
                    if let Some(s) = name_at.checked_sub(back) {
                        if let Some((n, ())) = vocab.place_words.longest(items, s) {
                            if s + n == name_at {
                                let keys: Vec<_> = items
                                    .get(s..name_at)
                                    .unwrap_or_default()
                                    .iter()
                                    .map(Item::key)
                                    .collect();
                                after_place = Some(joined(keys.iter().map(|k| k.as_str())));
                                break;
                            }
                        }
                    }
                }
            }
            let words = items.get(name_at..k)?;
            let last = words.last()?;
            let (name, key) = keys.name_and_key(&joined(words.iter().map(|w| w.text)));
            Some(Candidate {
                start: first.start,
                end: last.end,
                cue: cue.and_then(|c| {
                    let s = items.get(c)?;
                    let e = items.get(name_at.checked_sub(1)?)?;
                    Some((s.start, e.end))
                }),
                name,
                key,
                after_place,
            })
        }
    }

    /// Checks the scan against [`reference`] on `text`, paragraph by paragraph: the names
    /// found, and the first test and the close look at every item.
    fn check(vocab: &Vocab, text: &str) {
        let shown = |c: &Option<Candidate>| format!("{c:?}");
        let mut keys = NameKeys::default();
        let mut reference_keys = NameKeys::default();
        let mut found = Vec::new();
        let mut expected = Vec::new();
        let mut from = 0;
        while let Some(para) = super::super::next_paragraph(text, from) {
            from = para.end + 1;
            // (Each side on items of its own: what items remember must not matter.)
            let items = raw_items(text, para.clone());
            let reference_items = raw_items(text, para);
            find_all(text, &items, vocab, &mut keys, &mut found);
            reference::find_all(
                text,
                &reference_items,
                vocab,
                &mut reference_keys,
                &mut expected,
            );
            for k in 0..items.len() + 2 {
                assert_eq!(
                    worth_a_look(text, &items, k, vocab),
                    reference::worth_a_look(text, &reference_items, k, vocab),
                    "worth a look at {k}: {text:?}"
                );
                assert_eq!(
                    shown(&examine(text, &items, k, vocab, &mut keys)),
                    shown(&reference::examine(
                        &reference_items,
                        k,
                        vocab,
                        &mut reference_keys
                    )),
                    "examine at {k}: {text:?}"
                );
            }
        }
        assert_eq!(format!("{found:?}"), format!("{expected:?}"), "{text:?}");
    }

    /// Strings where the shortcuts of the scan meet the checks they stand for: cues inside
    /// names, places named after people, "Đ/c" and "x/ông", names after line breaks, text
    /// in capitals, tone placement and decomposed letters, separators that are capitals.
    const TRICKY: &[&str] = &[
        "Hai Bà Trưng",
        "Tổ dân phố số 4, phường Lê Đại Hành, quận Hai Bà Trưng.",
        "Hai Bà Trưng: 100% khu dân cư tổ chức Ngày hội",
        "phường Nguyễn Thị Minh Khai và đường Lê Lợi, phố Hồng Hà, ngõ Văn Chương",
        "Chủ tịch UBND phường Nguyễn Thế Tuấn",
        "Đ/c Nguyễn Văn An, đ/c Lê Thị Bình, Đ/C TRẦN VĂN CƯỜNG, đ/C Lý Văn Dũng",
        "Đ/c\nNguyễn Văn An; Đ/cNguyễn; Đ/ Nguyễn Văn; Đ /c Nguyễn Văn",
        "x/ông Nguyễn Văn An, ông/bà Trần Thị Bình, bà / ông Lê Văn Cường",
        "Ông\nNguyễn Văn An\nBà\nTrần Thị Bình",
        "đồng chí\nNguyễn Văn An; Đồng chí\n\nNguyễn Văn Bình",
        "NGUYỄN VĂN AN\nĐỒNG CHÍ NGUYỄN VĂN AN - BÍ THƯ ĐẢNG ỦY PHƯỜNG",
        "Đồng chí Nguyễn Văn Tuấn, Bí thư Đảng ủy, Chủ tịch HĐND phường",
        "Trung tá Nguyễn Văn An, Thượng úy Lê Văn Bình, Đại uý Trần Cường, Thiếu tướng Hà",
        "Thành phố Hồ Chí Minh, Đoàn Thanh niên Cộng sản Hồ Chí Minh, Bà Rịa - Vũng Tàu",
        "Nguyễn Thị Thành Ủy viên; Nguyễn Văn Phòng; Lê Thị Văn Hóa - Xã hội; Trần Quận Ủy",
        "Phan Văn Trung tâm; Lê Thị Trung ương; Hồ Văn Công an; Võ Văn Chủ tịch UBND",
        "Nguyễn Văn Chí Em Út Tư; Tôn Nữ Hồng Châu; Nguyễn A",
        "Ông Uỷ viên Nguyễn Văn An; Uỷ viên Thường vụ Lê Văn Bình",
        "Nguye\u{302}\u{303}n Va\u{306}n An; o\u{302}ng Tra\u{302}\u{300}n Văn Bình",
        "Ð/c Nguyễn Văn An; Ⓐ Nguyễn Ⓑ; Nguyễn Ⓐ Văn; “Nguyễn Văn An”; (Nguyễn) Văn",
        "Bà Nguyễn Thị Túy, Phó Chủ tịch HĐND xã; Ông Lục Linh Tuyền, Phó Chủ tịch UBND xã",
        "anh Nguyễn Văn An, chị Trần Thị Bình, Anh Lê Văn Cường, Chị Hồ",
        "Ông Bà Nguyễn; Bà Ông Lê Văn; ông ông Trần Văn; Ông Đ/c Lý Văn",
        "Nguyễn Văn An - Trưởng Công an xã, Nguyễn Văn Bình – Phó Trưởng ban Dân vận",
        "Đại hội Đảng bộ; Đại biểu Nguyễn Văn An; Trung úy; Thiếu",
        "Hà Nội, Hà Nam, Ninh Bình, Lâm Đồng, Sơn La, Cà Mau, Hồ Tây, Hồ Gươm, Văn Quan",
        "Lê\nLợi; Lê\n\nLợi; Lê / Lợi; Lê-Lợi; Lê, Lợi; Lê. Lợi",
        "ông Nguyễn văn An; ông nguyễn Văn An; ông NGUYỄN Văn An; Ông Nguyễn VĂN An",
        "x/ông\nNguyễn Văn; x/\nông Nguyễn Văn; /ông Nguyễn Văn; ông/ Nguyễn Văn",
        "Đ Nguyễn Văn; đ Nguyễn Văn; Đ/c/ Nguyễn Văn; Đ/c/Nguyễn Văn",
        "Nguyễn Văn An Bình Châu Dũng Em; Nguyễn Văn An Bình Châu Dũng",
        "",
        "Nguyễn",
        "Ông",
        "đ/c",
    ];

    fn corpus() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = std::fs::read_dir(root.join("../shared/corpus"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .chain([root.join("examples/ngoc-lam.txt")])
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        texts.sort();
        texts
    }

    /// The scan finds what the checks find, on every article of the corpus, as written
    /// and in capitals and in lower case (headings, and words read differently by case).
    #[test]
    fn scan_agrees_with_the_checks_on_the_corpus() {
        let vocab = Vocab::new();
        let texts = corpus();
        assert!(texts.len() > 10, "the corpus is missing");
        for text in texts {
            check(&vocab, &text);
            check(&vocab, &text.to_uppercase());
            check(&vocab, &text.to_lowercase());
        }
    }

    #[test]
    fn scan_agrees_with_the_checks_on_tricky_strings() {
        let vocab = Vocab::new();
        for text in TRICKY {
            check(&vocab, text);
            check(&vocab, &text.to_uppercase());
            check(&vocab, &text.to_lowercase());
        }
        // Every pair of them, one after the other, on one line and a line apart.
        for a in TRICKY {
            for b in TRICKY {
                check(&vocab, &format!("{a} {b}"));
                check(&vocab, &format!("{a}\n{b}"));
            }
        }
    }

    /// A raw word holds a "/" only as "đ/c" does ([`word_has_slash`]), in any text.
    fn check_slashes(text: &str) {
        for it in raw_items(text, 0..text.len()) {
            if it.is_word() {
                assert_eq!(word_has_slash(it.text), it.text.contains('/'), "{text:?}");
            }
        }
    }

    #[test]
    fn words_hold_a_slash_only_as_dong_chi_does() {
        for text in TRICKY.iter().map(|t| t.to_string()).chain(corpus()) {
            check_slashes(&text);
        }
        check_slashes("Đ/c/ đ/c/c Đ/cc a/b Ư/c đ/ /đ/c 1/2 x/ông Đ/C\u{300} Đ/c\u{301}");
    }

    /// Text made of the words the scan asks about: surnames, cues and their parts, the
    /// first words of titles, organizations and levels, place words, separators, line
    /// breaks.
    fn name_like_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let word = proptest::sample::select(vec![
            "Nguyễn",
            "Lê",
            "Trần",
            "Hà",
            "Hồ",
            "Lâm",
            "Văn",
            "Thị",
            "Đồng",
            "Hoàng",
            "Võ",
            "Minh",
            "Khai",
            "Tuấn",
            "An",
            "Bình",
            "Chí",
            "Trưng",
            "Hai",
            "Nội",
            "Tây",
            "ông",
            "Ông",
            "ÔNG",
            "bà",
            "Bà",
            "anh",
            "Anh",
            "chị",
            "đồng",
            "chí",
            "Đồng",
            "đ/c",
            "Đ/c",
            "Đ/C",
            "Đ",
            "đ",
            "x/ông",
            "Trung",
            "tá",
            "Đại",
            "úy",
            "uý",
            "Thượng",
            "Thiếu",
            "tướng",
            "Chủ",
            "tịch",
            "Phó",
            "Bí",
            "thư",
            "Thành",
            "ủy",
            "Ủy",
            "Uỷ",
            "viên",
            "phòng",
            "hóa",
            "Xã",
            "hội",
            "Hội",
            "Ban",
            "tâm",
            "ương",
            "thị",
            "trấn",
            "xã",
            "Công",
            "an",
            "Quận",
            "phường",
            "đường",
            "phố",
            "quận",
            "tổ",
            "dân",
            "UBND",
            "HĐND",
            "NGUYỄN",
            "VĂN",
            "Rịa",
            "Bảng",
            "Kim",
            "Nam",
        ]);
        let piece = prop_oneof![
            8 => word.prop_map(String::from),
            1 => proptest::sample::select(vec![
                ",", ".", "-", "–", "/", ":", "(", ")", "“", "Ⓐ", "1", "\n", "\n\n",
            ])
            .prop_map(String::from),
        ];
        let glue = proptest::sample::select(vec![" ", " ", " ", "", "\n", "/"]);
        proptest::collection::vec((piece, glue), 0..24)
            .prop_map(|v| v.into_iter().map(|(p, g)| p + g).collect())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn scan_agrees_with_the_checks_on_name_like_text(text in name_like_text()) {
            check(&Vocab::new(), &text);
            check_slashes(&text);
        }

        #[test]
        fn scan_agrees_with_the_checks_on_any_text(text in ".*") {
            check(&Vocab::new(), &text);
            check_slashes(&text);
        }
    }
}
