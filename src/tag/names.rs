//! Finding personal names: among the words of a paragraph, capitalized words that are a
//! surname or follow a cue ("đồng chí", "ông", "Trung tá"...) get a close look: how many capitalized syllables follow, whether a level or street word puts
//! them in a place ("phường Nguyễn Thị Minh Khai"), whether they are an organization
//! ("Đoàn Thanh niên") or a heading.

use std::collections::HashMap;

use super::key::{key, FxBuild};
use super::token::{Item, ItemKind};
use super::vocab::{char_class, word_char, Vocab};

/// A personal name found in the text (offsets into the viewed text).
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The cue before the name, if any.
    pub(crate) cue: Option<(usize, usize)>,
    /// The name's syllables joined by single spaces.
    pub(crate) name: String,
    /// The name's key ([`key`] of `name`), by which mentions of one person are merged.
    pub(crate) key: String,
    /// The key of the place word right before the name ("phường"), when there is no cue:
    /// the name may be a place named after a person.
    pub(crate) after_place: Option<String>,
}

/// At most this many syllables after the surname (Vietnamese names have two to five
/// syllables: "Nguyễn Văn Chí Em", "Tôn Nữ Hồng Châu").
const MAX_SYLLABLES: usize = 5;

/// Whether the capitalized word `items[k]` (of a paragraph of `text`) is worth a close
/// look with [`examine`]: another capitalized word follows, and the word is a surname or
/// a cue, or follows a cue. Most capitalized words are dropped here, on checks cheaper than
/// the close look.
pub(crate) fn worth_a_look(text: &str, items: &[Item<'_>], k: usize, vocab: &Vocab) -> bool {
    let Some(it) = items.get(k) else {
        return false;
    };
    // "Đ/c" is read as "Đ" followed by "/c" here.
    // (Searched byte by byte: words are short, and a call to `memchr` costs more.)
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
fn capitalized_word_follows(items: &[Item<'_>], k: usize) -> bool {
    // Whether the item's first character is a capital (a separator may be one: "Ⓐ").
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
        // A lower-case word, then a capital right after it ("đ/c" ends at its "/").
        Some(next) if next.is_word() && !next.text.contains('/') => capital(k + 2),
        _ => false,
    }
}

/// Whether `items[k]` is a capitalized word (not an abbreviation or heading) that goes on a
/// run of capitalized words from `items[k - 1]`.
fn continues_run(items: &[Item<'_>], k: usize) -> bool {
    items
        .get(k)
        .is_some_and(|it| it.is_word() && it.cap && !it.caps && !it.text.contains('/'))
}

/// Whether a phrase of the vocabulary that is not a name starts at `items[k]`.
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

/// The candidate whose first word (a cue or the name itself) is `items[at]`, if it is one.
/// `keys` holds the keys of the names met so far in the document (a document names the
/// same people again and again).
pub(crate) fn examine(
    items: &[Item<'_>],
    at: usize,
    vocab: &Vocab,
    keys: &mut NameKeys,
) -> Option<Candidate> {
    // A cue written before the name, or the word at `at` itself.
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
        // "Hai Bà Trưng": a capitalized cue inside a run of capitalized words is part of
        // a name, not a cue.
        let cue_item = items.get(c)?;
        if cue_item.cap && c > 0 && continues_run(items, c - 1) && !cue_item.newline_before {
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
    // Without a cue the first word must be a surname, and not in the middle of a run of
    // capitalized words (part of something longer). (Checked first: they are the cheap
    // ones, and every check below only rules the candidate out.)
    if cue.is_none()
        && (!vocab.surnames.contains(first.text)
            || (name_at > 0 && continues_run(items, name_at - 1) && !first.newline_before))
    {
        return None;
    }
    // The name's words: adjacent capitalized words, up to a title or organization.
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
    let name = joined(words.iter().map(|w| w.text));
    let key = keys.key(&name);
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

/// The keys of the names of a document, by the names as written.
#[derive(Default)]
pub(crate) struct NameKeys {
    by_name: HashMap<String, String, FxBuild>,
}

impl NameKeys {
    fn key(&mut self, name: &str) -> String {
        if let Some(k) = self.by_name.get(name) {
            return k.clone();
        }
        let k = key(name);
        self.by_name.insert(name.to_string(), k.clone());
        k
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
