//! Finding personal names: a fast scan for capitalized words that are a surname or follow
//! a cue ("đồng chí", "ông", "Trung tá"...), then a close look at each: how many capitalized
//! syllables follow, whether a level or street word puts them in a place ("phường Nguyễn Thị
//! Minh Khai"), whether they are an organization ("Đoàn Thanh niên") or a heading.

use super::token::{raw_items_around, Item, ItemKind};
use super::vocab::{word_char, Vocab};
use crate::text::{char_at, word_starts_at};

/// A personal name found in the text (offsets into the viewed text).
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The cue before the name, if any.
    pub(crate) cue: Option<(usize, usize)>,
    /// The name's syllables joined by single spaces.
    pub(crate) name: String,
    /// The key of the place word right before the name ("phường"), when there is no cue:
    /// the name may be a place named after a person.
    pub(crate) after_place: Option<String>,
}

/// At most this many syllables after the surname (Vietnamese names have two to five
/// syllables: "Nguyễn Văn Chí Em", "Tôn Nữ Hồng Châu").
const MAX_SYLLABLES: usize = 5;

/// Every name candidate of `text`, in order.
pub(crate) fn candidates(text: &str, vocab: &Vocab) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if b.is_ascii_uppercase() && word_starts_at(text, i) {
                i = look_at(text, i, vocab, &mut out);
            } else {
                i += 1;
            }
        } else if b >= 0xC0 {
            let c = char_at(text, i);
            let len = c.map_or(1, char::len_utf8);
            if c.is_some_and(char::is_uppercase) && word_starts_at(text, i) {
                i = look_at(text, i, vocab, &mut out);
            } else {
                i += len;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The end of the word starting at `i`.
fn word_end(text: &str, i: usize) -> usize {
    let rest = text.get(i..).unwrap_or_default();
    let len: usize = rest
        .chars()
        .take_while(|&c| word_char(c))
        .map(char::len_utf8)
        .sum();
    i + len
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

/// Looks at the capitalized word starting at `i`; returns where the scan goes on.
fn look_at(text: &str, i: usize, vocab: &Vocab, out: &mut Vec<Candidate>) -> usize {
    let end = word_end(text, i).max(i + 1);
    let word = text.get(i..end).unwrap_or_default();
    if !matches!(word, "Đ" | "đ") && !capitalized_word_follows(text, end) {
        return end;
    }
    let is_cue_word = vocab.cue_words.contains(word)
        || (matches!(word, "Đ" | "đ")
            && text
                .get(end..end + 2)
                .is_some_and(|s| s.eq_ignore_ascii_case("/c")));
    let after_cue = || {
        let p = prev_word(text, i);
        let last = p.rsplit(' ').next().unwrap_or(p);
        vocab.cue_last_words.contains(last)
    };
    if !(vocab.surnames.contains(word) || is_cue_word || after_cue()) {
        return end;
    }
    // A close look, on the words around.
    let from = floor_boundary(text, i.saturating_sub(48));
    let to = floor_boundary(text, (end + 160).min(text.len()));
    let items = raw_items_around(text, from..to, i, EXAMINE_REACH);
    let Some(at) = items.iter().position(|it| it.start == i) else {
        return end;
    };
    if let Some(c) = examine(&items, at, vocab) {
        let next = c.end;
        if out.last().map_or(true, |l| l.start < c.start) {
            out.push(c);
        }
        return next.max(end);
    }
    end
}

/// Whether a capitalized word starts at the next word or the one after it, past `end` (the
/// end of a word). A name is two capitalized words in a row: after a cue ("Ông Nguyễn"),
/// the cue's second word ("Đồng chí Nguyễn") or the surname ("Nguyễn Văn"). Every other
/// capitalized word is dropped here, before the words around it are read. ("Đ/c" is
/// left to [`look_at`]: its "/c" is not a word of its own.)
fn capitalized_word_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    let mut chars = rest.chars().skip_while(|c| c.is_whitespace());
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if word_char(c) => chars
            .skip_while(|&c| word_char(c))
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_uppercase),
        _ => false,
    }
}

/// How many items past its first word [`examine`] can read: a cue of two words, a name of
/// at most [`MAX_SYLLABLES`] (a longer run is rejected whatever follows), and a phrase of
/// up to eight words looked up at each of them ("Đoàn Thanh niên Cộng sản Hồ Chí Minh"):
/// 2 + 5 + 7 = 14, with a margin. The words further on are not tokenized.
const EXAMINE_REACH: usize = 16;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
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
pub(crate) fn examine(items: &[Item<'_>], at: usize, vocab: &Vocab) -> Option<Candidate> {
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
    let surname = vocab.surnames.contains(first.text);
    if cue.is_none() && !surname {
        return None;
    }
    if starts_non_name(items, name_at, vocab, 1)
        || vocab.not_people.longest(items, name_at).is_some()
    {
        return None;
    }
    let mut after_place = None;
    if cue.is_none() {
        // In the middle of a run of capitalized words: part of something longer.
        if name_at > 0 && continues_run(items, name_at - 1) && !first.newline_before {
            return None;
        }
        for back in [1usize, 2, 3] {
            if let Some(s) = name_at.checked_sub(back) {
                if let Some((n, ())) = vocab.place_words.longest(items, s) {
                    if s + n == name_at {
                        after_place = Some(
                            items
                                .get(s..name_at)
                                .unwrap_or_default()
                                .iter()
                                .map(|it| it.key().as_str())
                                .collect::<Vec<_>>()
                                .join(" "),
                        );
                        break;
                    }
                }
            }
        }
    }
    let words = items.get(name_at..k)?;
    let last = words.last()?;
    Some(Candidate {
        start: first.start,
        end: last.end,
        cue: cue.and_then(|c| {
            let s = items.get(c)?;
            let e = items.get(name_at.checked_sub(1)?)?;
            Some((s.start, e.end))
        }),
        name: words.iter().map(|w| w.text).collect::<Vec<_>>().join(" "),
        after_place,
    })
}
