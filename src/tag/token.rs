//! The items of a paragraph: its words and separators, with the abbreviations spelled out
//! ("UB MTTQ" becomes the words "Ủy ban Mặt trận Tổ quốc", each keeping the span of the
//! abbreviation), ready for the phrase tables.

use std::cell::OnceCell;
use std::ops::Range;

use super::key::Key;
use super::vocab::{is_letter, sep_key, word_char, Vocab};
use crate::expand::{Expander, MatchKind};

/// What an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemKind {
    Word,
    /// Punctuation: its key is the character, with every dash as "-".
    Sep,
    /// A blank line: the end of a paragraph.
    Break,
}

/// One word or separator, borrowing its text from the input or the dictionaries.
#[derive(Clone, Debug)]
pub(crate) struct Item<'a> {
    pub(crate) kind: ItemKind,
    /// The comparison key ([`Key`]) of a word, or the separator character. A word's key
    /// is computed when first asked for: most words are never compared with the
    /// vocabulary.
    key: OnceCell<Key>,
    /// The word as written, or the word of an abbreviation's expansion.
    pub(crate) text: &'a str,
    /// Byte range in the viewed text (for an expansion's words: the abbreviation's).
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Starts with a capital letter.
    pub(crate) cap: bool,
    /// Written all in capitals, two letters or more (an abbreviation or a heading).
    pub(crate) caps: bool,
    /// A line break comes right before it.
    pub(crate) newline_before: bool,
}

impl Item<'_> {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == ItemKind::Word
    }

    /// Whether this is the word `w` (compared by key).
    pub(crate) fn is(&self, w: &str) -> bool {
        self.kind == ItemKind::Word && *self.key() == Key::new(w)
    }

    pub(crate) fn is_sep(&self, c: char) -> bool {
        self.kind == ItemKind::Sep && self.key().as_str().starts_with(c)
    }

    /// The comparison key of a word (its text's [`Key`]), or the separator character.
    pub(crate) fn key(&self) -> &Key {
        self.key.get_or_init(|| Key::new(self.text))
    }
}

fn word_item(text: &str, start: usize, end: usize, newline_before: bool) -> Item<'_> {
    let cap = text.chars().next().is_some_and(char::is_uppercase);
    // All capitals: two letters or more and no lower-case one. One pass that stops at the
    // first lower-case letter, which most words have at their second character.
    let mut letters = 0usize;
    let mut lower = false;
    for c in text.chars() {
        if c.is_lowercase() {
            lower = true;
            break;
        }
        if is_letter(c) {
            letters += 1;
        }
    }
    let caps = letters >= 2 && !lower;
    Item {
        kind: ItemKind::Word,
        key: OnceCell::new(),
        text,
        start,
        end,
        cap,
        caps,
        newline_before,
    }
}

/// The raw words and separators of `text[range]`.
pub(crate) fn raw_items(text: &str, range: Range<usize>) -> Vec<Item<'_>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    // About one item per five bytes of Vietnamese text: grown at most once or twice.
    let mut items = Vec::with_capacity(slice.len() / 5 + 4);
    let base = range.start;
    let mut newlines = 0usize;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            continue;
        }
        if newlines >= 2 && !items.is_empty() {
            items.push(Item {
                kind: ItemKind::Break,
                key: OnceCell::from(Key::verbatim("\n")),
                text: "\n",
                start: base + i,
                end: base + i,
                cap: false,
                caps: false,
                newline_before: true,
            });
        }
        let newline_before = newlines > 0;
        newlines = 0;
        if word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            // "đ/c" (đồng chí) is one word.
            let word = slice.get(i..end).unwrap_or_default();
            if (word == "đ" || word == "Đ")
                && matches!(slice.get(end..end + 2), Some("/c") | Some("/C"))
                && !slice
                    .get(end + 2..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(word_char)
            {
                chars.next();
                chars.next();
                end += 2;
            }
            let word = slice.get(i..end).unwrap_or_default();
            items.push(word_item(word, base + i, base + end, newline_before));
        } else {
            items.push(Item {
                kind: ItemKind::Sep,
                key: OnceCell::from(Key::verbatim(sep_key(c).encode_utf8(&mut [0; 4]))),
                text: slice.get(i..i + c.len_utf8()).unwrap_or_default(),
                start: base + i,
                end: base + i + c.len_utf8(),
                cap: false,
                caps: false,
                newline_before,
            });
        }
    }
    items
}

/// An abbreviation spelled out: the dictionary's words, then the document number written
/// after the abbreviation, if any ("P10": "phường", "10").
#[derive(Clone, Copy)]
struct Expansion<'a> {
    words: &'a str,
    number: &'a str,
}

/// Pushes the words of an expansion, each spanning `start..end`.
fn push_expansion<'a>(
    out: &mut Vec<Item<'a>>,
    expansion: Expansion<'a>,
    start: usize,
    end: usize,
    nl: bool,
) {
    let words = expansion
        .words
        .split_whitespace()
        .chain(expansion.number.split_whitespace());
    for (n, word) in words.enumerate() {
        let newline_before = nl && n == 0;
        if word.chars().all(|c| !word_char(c)) {
            let c = word.chars().next().unwrap_or('-');
            out.push(Item {
                kind: ItemKind::Sep,
                key: OnceCell::from(Key::verbatim(sep_key(c).encode_utf8(&mut [0; 4]))),
                text: word,
                start,
                end,
                cap: false,
                caps: false,
                newline_before,
            });
        } else {
            let mut item = word_item(word, start, end, newline_before);
            item.caps = false;
            out.push(item);
        }
    }
}

/// The items of `text[range]`, abbreviations spelled out: first by the role-only readings
/// of the tagger, then by the expander's dictionaries (document numbers stay as written).
/// `raw` holds the [`raw_items`] of the range (the keys they have computed are kept).
pub(crate) fn spelled_out<'a>(
    text: &'a str,
    range: Range<usize>,
    raw: Vec<Item<'a>>,
    expander: &'a Expander,
    vocab: &Vocab,
) -> Vec<Item<'a>> {
    let Some(slice) = text.get(range.clone()) else {
        return raw;
    };
    let base = range.start;
    // (start, end, expansion) of every abbreviation the dictionaries spell out.
    let mut expansions: Vec<(usize, usize, Expansion<'a>)> = Vec::new();
    if raw
        .iter()
        .any(|it| it.caps || it.text.chars().any(|c| c.is_ascii_uppercase()))
    {
        for m in expander.find_iter(slice) {
            if !matches!(m.kind(), MatchKind::Expansion | MatchKind::Definition) {
                continue;
            }
            let Some(words) = m.expansion() else {
                continue;
            };
            let number = m
                .number_span()
                .and_then(|number| slice.get(number.range()))
                .unwrap_or_default();
            expansions.push((
                base + m.start(),
                base + m.end(),
                Expansion { words, number },
            ));
        }
    }
    let mut out = Vec::with_capacity(raw.len() + 8);
    let mut next = expansions.iter().peekable();
    let mut skip_until = 0usize;
    for item in raw {
        if item.start < skip_until {
            continue;
        }
        while next.peek().is_some_and(|e| e.0 < item.start) {
            next.next();
        }
        // A dictionary form over several words ("UB MTTQ") wins over a role-only reading
        // of its first word ("UB").
        let longer = next
            .peek()
            .is_some_and(|e| e.0 == item.start && e.1 > item.end);
        if item.is_word() && item.caps && !longer {
            if let Some(&words) = vocab.role_abbreviations.get(item.text) {
                let reading = Expansion { words, number: "" };
                push_expansion(&mut out, reading, item.start, item.end, item.newline_before);
                continue;
            }
        }
        if let Some((start, end, expansion)) = next.peek() {
            if *start == item.start {
                push_expansion(&mut out, *expansion, *start, *end, item.newline_before);
                skip_until = *end;
                next.next();
                continue;
            }
        }
        out.push(item);
    }
    out
}
