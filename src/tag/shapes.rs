//! The shapes in which news text ties roles to people, within one paragraph:
//!
//! - "[cue] NAME – ROLE, ROLE" (with -, –, —, ",", ":" or "(" after the name);
//! - "ROLE NAME" and "ROLE, đồng chí NAME";
//! - "03 vị đại biểu HĐND Quận 5 (gồm Bà A – ...; Ông B – ...)": the enclosing role is each
//!   listed person's;
//! - "bầu tổ trưởng tổ dân phố 1B1 ...; đồng chí A tái cử": an election names the role;
//! - "A được tái cử giữ chức ROLE".

use std::sync::OnceLock;

use super::roles::{ParsedRole, Parser};
use super::token::Item;

/// A name's place among the paragraph's items.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameAt {
    /// Index of the candidate in the document's list.
    pub(crate) candidate: usize,
    /// Items of the cue, if any, then of the name: `mention..first` and `first..end`.
    pub(crate) mention: usize,
    pub(crate) first: usize,
    pub(crate) end: usize,
}

/// How far back a role may start before the name it belongs to, in items.
const LOOK_BACK: usize = 40;

/// The roles of each name of a paragraph, as (candidate, role).
pub(crate) fn attach(parser: &Parser<'_>, names: &[NameAt]) -> Vec<(usize, ParsedRole)> {
    let items = parser.items;
    let mut out: Vec<(usize, ParsedRole)> = Vec::new();
    // Items already read as a role of someone, so that a role is not given twice.
    let mut consumed = vec![false; items.len()];
    let mark = |consumed: &mut Vec<bool>, from: usize, to: usize| {
        for c in consumed.iter_mut().take(to).skip(from) {
            *c = true;
        }
    };
    let mut elected: Vec<&NameAt> = Vec::new();

    // NAME – ROLE, ROLE; NAME giữ chức ROLE.
    for n in names {
        let mut j = n.end;
        if items
            .get(j)
            .is_some_and(|it| it.is_sep('-') || it.is_sep(',') || it.is_sep(':') || it.is_sep('('))
        {
            j += 1;
        }
        let mut run = parser.run_at(j);
        let after = following_words(items, n.end, 6);
        if run.is_empty() {
            if let Some(p) = find_seq(&after, hold_post()) {
                let mut k = n.end + p + 2;
                if items.get(k).is_some_and(|it| it.is("vụ") || it.is("danh")) {
                    k += 1;
                }
                run = parser.run_at(k);
            }
        }
        if let Some(last) = run.last() {
            mark(&mut consumed, n.end, last.last);
        } else if elected_phrases()
            .iter()
            .any(|p| find_seq(&after, p).is_some())
        {
            elected.push(n);
        }
        out.extend(run.into_iter().map(|r| (n.candidate, r)));
    }

    // An election before the name: "bầu tổ trưởng tổ dân phố 1B1 ...; đồng chí A tái cử".
    for n in elected {
        let found = (0..n.mention).rev().find_map(|k| {
            let it = items.get(k)?;
            if !it.is("bầu") {
                return None;
            }
            let mut s = k + 1;
            if items.get(s).is_some_and(|it| it.is("cử")) {
                s += 1;
            }
            parser.role_at(s)
        });
        if let Some(role) = found {
            out.push((n.candidate, role));
        }
    }

    // ROLE (gồm NAME ..., NAME ...).
    for (p, it) in items.iter().enumerate() {
        if !(it.is_sep('(') && items.get(p + 1).is_some_and(|g| g.is("gồm"))) {
            continue;
        }
        let close = items
            .iter()
            .skip(p)
            .position(|it| it.is_sep(')'))
            .map_or(items.len(), |q| p + q);
        let run = run_ending_at(parser, p, &consumed, names);
        for n in names.iter().filter(|n| n.mention > p && n.first < close) {
            out.extend(run.iter().cloned().map(|r| (n.candidate, r)));
        }
    }

    // ROLE NAME, ROLE, đồng chí NAME.
    for n in names {
        let mut a = n.mention;
        if a > 0 && items.get(a - 1).is_some_and(|it| it.is_sep(',')) {
            a -= 1;
        }
        let run = run_ending_at(parser, a, &consumed, names);
        if let Some(first) = run.first() {
            mark(&mut consumed, first.first, a);
        }
        out.extend(run.into_iter().map(|r| (n.candidate, r)));
    }
    out
}

/// The longest run of roles that ends exactly at item `a`, starts after the previous name
/// and overlaps no role already given.
fn run_ending_at(
    parser: &Parser<'_>,
    a: usize,
    consumed: &[bool],
    names: &[NameAt],
) -> Vec<ParsedRole> {
    let floor = names
        .iter()
        .filter(|n| n.end <= a)
        .map(|n| n.end)
        .max()
        .unwrap_or(0)
        .max(a.saturating_sub(LOOK_BACK));
    // A run may not overlap a role already given: it starts after the last consumed item.
    let floor = consumed
        .get(floor..a)
        .and_then(|c| c.iter().rposition(|&x| x))
        .map_or(floor, |p| floor + p + 1);
    for s in floor..a {
        let run = parser.run_at(s);
        if run.last().is_some_and(|r| r.last == a) {
            return run;
        }
    }
    Vec::new()
}

/// The keys of up to `n` words right after item `from`, up to the first separator.
fn following_words<'i>(items: &'i [Item<'_>], from: usize, n: usize) -> Vec<&'i str> {
    items
        .iter()
        .skip(from)
        .take(n)
        .take_while(|it| it.is_word())
        .map(|it| it.key().as_str())
        .collect()
}

/// Where the keys `seq` occur in `words` (keys too).
fn find_seq(words: &[&str], seq: &[String]) -> Option<usize> {
    words
        .windows(seq.len().max(1))
        .position(|w| w.iter().zip(seq).all(|(a, b)| *a == b.as_str()))
}

/// The keys of the words of each phrase, computed once.
fn phrase_keys(phrases: &[&str]) -> Vec<Vec<String>> {
    phrases
        .iter()
        .map(|p| p.split(' ').map(super::key::key).collect())
        .collect()
}

/// "giữ chức": the role comes next ("được tái cử giữ chức Tổ trưởng").
fn hold_post() -> &'static [String] {
    static KEYS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    KEYS.get_or_init(|| phrase_keys(&["giữ chức"]))
        .first()
        .map_or(&[], Vec::as_slice)
}

/// Words that say a person was elected, as keys.
fn elected_phrases() -> &'static [Vec<String>] {
    static KEYS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    KEYS.get_or_init(|| phrase_keys(&["tái cử", "trúng cử", "đắc cử", "được bầu", "tái đắc cử"]))
}

/// Whether a mention (a cue or a name) starts at each of `len` items, for the parser.
pub(crate) fn person_starts(names: &[NameAt], len: usize) -> Vec<bool> {
    let mut starts = vec![false; len];
    for n in names {
        for k in [n.mention, n.first] {
            if let Some(s) = starts.get_mut(k) {
                *s = true;
            }
        }
    }
    starts
}
