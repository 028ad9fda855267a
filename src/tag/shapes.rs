//! The shapes in which news text ties roles to people, within one paragraph:
//!
//! - "\[cue\] NAME – ROLE, ROLE" (with -, –, —, ",", ":" or "(" after the name);
//! - "ROLE NAME" and "ROLE, đồng chí NAME";
//! - "03 vị đại biểu HĐND Quận 5 (gồm Bà A – ...; Ông B – ...)": the enclosing role is each
//!   listed person's;
//! - "bầu tổ trưởng tổ dân phố 1B1 ...; đồng chí A tái cử": an election names the role;
//! - "A được tái cử giữ chức ROLE", and "giữ chức ROLE" later in A's clause, after A's
//!   present roles or other words ("A, ROLE giữ chức vụ ROLE", "A – ROLE tham gia ... và
//!   giữ chức ROLE").

use super::roles::{sep_char, Literal, Parser, Reading};
use super::token::{Item, ItemKind};

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

/// The working memory of [`attach`], kept from one paragraph to the next: nearly every
/// paragraph names someone, and allocating these for each costs more than filling them.
#[derive(Default)]
pub(crate) struct AttachBuffers {
    /// Items already read as a role of someone, so that a role is not given twice.
    consumed: Vec<bool>,
    /// Where the names end, in order, for the runs that must start after the last of them.
    name_ends: Vec<usize>,
    /// The roles of a run, one run at a time.
    run: Vec<Reading>,
}

/// The roles of each name of a paragraph, as (candidate, role), into `out` (cleared
/// first). `text` is the viewed text the parser's items lie in.
pub(crate) fn attach(
    text: &str,
    parser: &Parser<'_>,
    names: &[NameAt],
    buffers: &mut AttachBuffers,
    out: &mut Vec<(usize, Reading)>,
) {
    let items = parser.items;
    out.clear();
    let AttachBuffers {
        consumed,
        name_ends,
        run,
    } = buffers;
    consumed.clear();
    consumed.resize(items.len(), false);
    let mark = |consumed: &mut Vec<bool>, from: usize, to: usize| {
        for c in consumed.iter_mut().take(to).skip(from) {
            *c = true;
        }
    };
    let mut elected: Vec<&NameAt> = Vec::new();
    name_ends.clear();
    name_ends.extend(names.iter().map(|n| n.end));
    name_ends.sort_unstable();

    // NAME – ROLE, ROLE; NAME giữ chức ROLE.
    for n in names {
        let mut j = n.end;
        if items
            .get(j)
            .is_some_and(|it| matches!(sep_char(it), Some('-' | ',' | ':' | '(')))
        {
            j += 1;
        }
        parser.run_into(j, run);
        let after_run = run.last().map_or(n.end, |r| r.last);
        if let Some(last) = run.last() {
            mark(consumed, n.end, last.last);
        }
        let mut given = run.len();
        out.extend(run.drain(..).map(|r| (n.candidate, r)));
        // The post the sentence gives the person further on: "bà A - Phó Chánh Văn phòng
        // Huyện ủy tham gia Ủy ban MTTQ huyện khóa XII và giữ chức Phó Chủ tịch ...".
        if let Some(k) = post_held_after(text, parser, after_run, n.end) {
            parser.run_into(k, run);
            if let (Some(first), Some(last)) = (run.first(), run.last()) {
                mark(consumed, first.first, last.last);
            }
            given += run.len();
            out.extend(run.drain(..).map(|r| (n.candidate, r)));
        }
        // An election with no post after the name: the post may be named before it.
        if given == 0 {
            let after = following_words(items, n.end, 6);
            if ELECTED.iter().any(|p| find_words(after, p).is_some()) {
                elected.push(n);
            }
        }
    }

    // An election before the name: "bầu tổ trưởng tổ dân phố 1B1 ...; đồng chí A tái cử".
    // The elected take the post of the nearest "bầu" before them that names one: each
    // "bầu" of the paragraph is read once for all of them (a list of results may name
    // hundreds).
    if !elected.is_empty() {
        let posts: Vec<(usize, Reading)> = (items.iter().enumerate())
            .filter(|(_, it)| BAU.is(it))
            .filter_map(|(k, _)| {
                let mut s = k + 1;
                if items.get(s).is_some_and(|it| CU.is(it)) {
                    s += 1;
                }
                parser.role_at(s).map(|role| (k, role))
            })
            .collect();
        for n in elected {
            let before = posts.partition_point(|&(k, _)| k < n.mention);
            if let Some(&(_, role)) = before.checked_sub(1).and_then(|i| posts.get(i)) {
                out.push((n.candidate, role));
            }
        }
    }

    // ROLE (gồm NAME ..., NAME ...).
    let opens = |it: &Item<'_>| it.kind == ItemKind::Sep && sep_char(it) == Some('(');
    let mut next = 0;
    while let Some(p) = items
        .get(next..)
        .and_then(|rest| rest.iter().position(opens))
        .map(|q| next + q)
    {
        next = p + 1;
        if !items.get(p + 1).is_some_and(|g| GOM.is(g)) {
            continue;
        }
        let close = items
            .iter()
            .skip(p)
            .position(|it| it.is_sep(')'))
            .map_or(items.len(), |q| p + q);
        run_ending_at(parser, p, consumed, name_ends, run);
        for n in names.iter().filter(|n| n.mention > p && n.first < close) {
            out.extend(run.iter().map(|&r| (n.candidate, r)));
        }
    }

    // ROLE NAME, ROLE, đồng chí NAME.
    for n in names {
        let mut a = n.mention;
        if a > 0 && items.get(a - 1).is_some_and(|it| sep_char(it) == Some(',')) {
            a -= 1;
        }
        run_ending_at(parser, a, consumed, name_ends, run);
        if let Some(first) = run.first() {
            mark(consumed, first.first, a);
        }
        out.extend(run.drain(..).map(|r| (n.candidate, r)));
    }
}

/// How many items after a person's name and roles "giữ chức" may come and still give that
/// person's post.
const HOLD_POST_REACH: usize = 40;

/// The item after "giữ chức" ("giữ chức vụ", "giữ chức danh") where it follows item `from`
/// (the end of a person's name, `name_end`, or of the roles after it) and gives the person
/// a post they hold or take:
///
/// - in the same clause: not past the end of a sentence or list item, a line break,
///   another person's mention, or a group ("các", "những": "các cán bộ được bầu giữ
///   chức" is their post);
/// - not a post left or held before ("thôi", "từng", "nguyên" giữ chức);
/// - right after the roles, within a few words after the name, or after a word that
///   gives a post: "và", "được", "bầu", "cử", "tiếp tục", "vẫn", "chỉ định", "bổ nhiệm"
///   ("thiếu người giữ chức" names nobody's post).
fn post_held_after(text: &str, parser: &Parser<'_>, from: usize, name_end: usize) -> Option<usize> {
    let items = parser.items;
    let end = items.len().min(from.saturating_add(HOLD_POST_REACH));
    // Few clauses hold "giữ", always written with "iữ" ("gi" is its initial, "ư" its only
    // vowel, so the tone mark has no other place): the bytes are searched before the
    // words are compared. (Many more hold "giữa", which passes.)
    let written = match (
        items.get(from),
        end.checked_sub(1).and_then(|k| items.get(k)),
    ) {
        (Some(a), Some(b)) => text.get(a.start..b.end.max(a.start)),
        _ => None,
    };
    if !written.is_some_and(may_hold_giu) {
        return None;
    }
    let word_is = |k: usize, literal: &Literal| items.get(k).is_some_and(|it| literal.is(it));
    for k in from..end {
        let it = items.get(k)?;
        let clause_ends = match it.kind {
            ItemKind::Break => true,
            ItemKind::Sep => matches!(sep_char(it), Some('.' | ';' | '!' | '?' | ':')),
            ItemKind::Word => parser.is_person(k) || GROUP.iter().any(|g| g.is(it)),
        };
        if clause_ends || (k > from && it.newline_before) {
            return None;
        }
        if !(GIU.is(it) && word_is(k + 1, &CHUC)) {
            continue;
        }
        let held = match k.checked_sub(1).filter(|_| k > from) {
            None => true,
            Some(before) if LEFT.iter().any(|w| word_is(before, w)) => false,
            Some(before) => {
                // (As first read: up to four words, no punctuation, after the name.)
                let near_name = from == name_end
                    && k - from <= 4
                    && items
                        .get(from..k)
                        .is_some_and(|w| w.iter().all(Item::is_word));
                near_name
                    || GIVEN.iter().any(|w| word_is(before, w))
                    || (word_is(before, &DINH)
                        && before.checked_sub(1).is_some_and(|j| word_is(j, &CHI)))
                    || (word_is(before, &NHIEM)
                        && before.checked_sub(1).is_some_and(|j| word_is(j, &BO)))
            }
        };
        if !held {
            return None;
        }
        let mut k = k + 2;
        if items.get(k).is_some_and(|it| it.is("vụ") || it.is("danh")) {
            k += 1;
        }
        return Some(k);
    }
    None
}

static GIU: Literal = Literal::new("giữ");
static CHUC: Literal = Literal::new("chức");
/// Words of groups, where a post given further on is not one person's.
static GROUP: [Literal; 2] = [Literal::new("các"), Literal::new("những")];
/// Words before "giữ chức" that make it a post left or held before.
static LEFT: [Literal; 3] = [
    Literal::new("thôi"),
    Literal::new("từng"),
    Literal::new("nguyên"),
];
/// Words before "giữ chức" that give the post to the person talked about.
static GIVEN: [Literal; 6] = [
    Literal::new("và"),
    Literal::new("được"),
    Literal::new("bầu"),
    Literal::new("cử"),
    Literal::new("tục"),
    Literal::new("vẫn"),
];
static CHI: Literal = Literal::new("chỉ");
static DINH: Literal = Literal::new("định");
static BO: Literal = Literal::new("bổ");
static NHIEM: Literal = Literal::new("nhiệm");

/// The longest run of roles that ends exactly at item `a`, starts after the previous name
/// and overlaps no role already given, into `run` (empty if there is none). `name_ends`
/// holds where the names of the paragraph end, in increasing order.
fn run_ending_at(
    parser: &Parser<'_>,
    a: usize,
    consumed: &[bool],
    name_ends: &[usize],
    run: &mut Vec<Reading>,
) {
    // A run ends where its last role does: with a word that may end one. Most names follow
    // a word that ends none ("theo", "cùng"), and no start before them is tried.
    if !parser.may_end_role(a) {
        run.clear();
        return;
    }
    let before = name_ends.partition_point(|&end| end <= a);
    let floor = before
        .checked_sub(1)
        .and_then(|i| name_ends.get(i))
        .copied()
        .unwrap_or(0)
        .max(a.saturating_sub(LOOK_BACK));
    // A run may not overlap a role already given: it starts after the last consumed item.
    let floor = consumed
        .get(floor..a)
        .and_then(|c| c.iter().rposition(|&x| x))
        .map_or(floor, |p| floor + p + 1);
    // A run covers every item from its start to its end (its roles' words, and the
    // separators between them): it starts after the last item in between that no run
    // covers.
    let floor = parser
        .items
        .get(floor..a)
        .and_then(|between| between.iter().rposition(outside_runs))
        .map_or(floor, |p| floor + p + 1);
    match (floor..a).find(|&s| parser.run_end(s) == Some(a)) {
        Some(s) => parser.run_into(s, run),
        None => run.clear(),
    }
}

/// Whether no run of roles can hold the item: a paragraph break, or punctuation other than
/// the separators of a run (",", "-", ";"). The words of the vocabulary's phrases hold no
/// other punctuation (the test below checks it), and the words a role reads otherwise
/// (names, places) are words.
fn outside_runs(it: &Item<'_>) -> bool {
    match it.kind {
        ItemKind::Word => false,
        ItemKind::Sep => !matches!(sep_char(it), Some(',' | '-' | ';')),
        ItemKind::Break => true,
    }
}

/// Up to `n` words right after item `from`, up to the first separator.
fn following_words<'i, 'a>(items: &'i [Item<'a>], from: usize, n: usize) -> &'i [Item<'a>] {
    let after = items.get(from..).unwrap_or_default();
    let len = after.iter().take(n).take_while(|it| it.is_word()).count();
    after.get(..len).unwrap_or_default()
}

/// Where the words `phrase` start among `words`.
fn find_words(words: &[Item<'_>], phrase: &[Literal]) -> Option<usize> {
    words
        .windows(phrase.len().max(1))
        .position(|w| w.iter().zip(phrase).all(|(it, word)| word.is(it)))
}

static BAU: Literal = Literal::new("bầu");
static CU: Literal = Literal::new("cử");
static GOM: Literal = Literal::new("gồm");

/// Whether `written` (composed text) may hold the word "giữ": "iữ" in some case. (Looked
/// for by its last byte, as "ữ" alone is common: "những".)
fn may_hold_giu(written: &str) -> bool {
    let bytes = written.as_bytes();
    // "ữ" is E1 BB AF, "Ữ" E1 BB AE.
    memchr::memchr2_iter(0xAE, 0xAF, bytes).any(|i| {
        i.checked_sub(3)
            .and_then(|j| bytes.get(j..i))
            .is_some_and(|before| matches!(before, [b'i' | b'I', 0xE1, 0xBB]))
    })
}

/// Words that say a person was elected.
static ELECTED: [&[Literal]; 5] = [&TAI_CU, &TRUNG_CU, &DAC_CU, &DUOC_BAU, &TAI_DAC_CU];
static TAI_CU: [Literal; 2] = [Literal::new("tái"), Literal::new("cử")];
static TRUNG_CU: [Literal; 2] = [Literal::new("trúng"), Literal::new("cử")];
static DAC_CU: [Literal; 2] = [Literal::new("đắc"), Literal::new("cử")];
static DUOC_BAU: [Literal; 2] = [Literal::new("được"), Literal::new("bầu")];
static TAI_DAC_CU: [Literal; 3] = [Literal::new("tái"), Literal::new("đắc"), Literal::new("cử")];

/// Whether a mention (a cue or a name) starts at each of `len` items, for the parser, into
/// `starts` (cleared first).
pub(crate) fn person_starts_into(names: &[NameAt], len: usize, starts: &mut Vec<bool>) {
    starts.clear();
    starts.resize(len, false);
    for n in names {
        for k in [n.mention, n.first] {
            if let Some(s) = starts.get_mut(k) {
                *s = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::key::Key;
    use super::super::token::{raw_items, spelled_out};
    use super::super::vocab::{lexicon, sep_key, word_char, Vocab, NOT_A_PHRASE_WORD};
    use super::*;
    use crate::expand::Expander;

    /// The articles of the corpus, and phrases with punctuation inside and around roles.
    fn texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let mut texts = vec![
            "Bí thư (Đảng ủy) phường. Phó Chủ tịch UBND: phường 7; Trưởng ban \"Dân vận\" – \
             Chủ tịch HĐND quận 5, Quận ủy viên kiêm Trưởng Công an phường/xã Ngọc Lâm."
                .to_string(),
        ];
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
        texts
    }

    /// Calls `f` with the items of every paragraph of [`texts`], abbreviations spelled out.
    fn for_each_paragraph(vocab: &Vocab, mut f: impl FnMut(&[Item<'_>])) {
        let expander = Expander::default();
        for text in texts() {
            let mut from = 0;
            while let Some(para) = super::super::next_paragraph(&text, from) {
                from = para.end + 1;
                let raw = raw_items(&text, para.clone());
                f(&spelled_out(&text, para, &raw, &expander, vocab));
            }
        }
    }

    /// The phrases of the vocabulary hold no punctuation but dashes, so an item that
    /// [`outside_runs`] names is in no phrase.
    #[test]
    fn phrases_hold_no_punctuation_but_dashes() {
        for c in ('\0'..='\u{2FFF}').filter(|&c| !word_char(c)) {
            let k = sep_key(c);
            if k != '-' {
                assert_eq!(lexicon().id(&Key::of_char(k)), NOT_A_PHRASE_WORD, "{c:?}");
            }
        }
    }

    /// The run ending at an item, looked for after the last item no run holds, is the one
    /// found by trying every start.
    #[test]
    fn runs_ending_at_an_item_start_after_what_no_run_holds() {
        let vocab = Vocab::new();
        let mut runs = 0;
        for_each_paragraph(&vocab, |items| {
            // Some mentions, to stop runs.
            let starts: Vec<bool> = (0..items.len()).map(|k| k % 41 == 7).collect();
            let parser = Parser::new(items, &vocab, &starts);
            let consumed = vec![false; items.len()];
            let ends = |run: &[Reading]| run.iter().map(|r| (r.first, r.last)).collect();
            let mut run = Vec::new();
            let mut found = Vec::new();
            for a in 0..=items.len() {
                let every_start = (a.saturating_sub(LOOK_BACK)..a)
                    .map(|s| {
                        parser.run_into(s, &mut run);
                        run.clone()
                    })
                    .find(|run| run.last().is_some_and(|r| r.last == a))
                    .unwrap_or_default();
                run_ending_at(&parser, a, &consumed, &[], &mut found);
                let expected: Vec<(usize, usize)> = ends(&every_start);
                assert_eq!(
                    ends(&found),
                    expected,
                    "{:?}",
                    items.get(a).map(|it| it.start)
                );
                runs += usize::from(!found.is_empty());
            }
        });
        assert!(runs > 200, "{runs}");
    }

    /// Every role read at any item of the corpus ends where [`Parser::may_end_role`] says
    /// one may.
    #[test]
    fn roles_end_where_one_may() {
        let vocab = Vocab::new();
        let mut roles = 0;
        for_each_paragraph(&vocab, |items| {
            let starts = vec![false; items.len()];
            let parser = Parser::new(items, &vocab, &starts);
            for k in 0..items.len() {
                if let Some(role) = parser.role_at(k) {
                    assert!(parser.may_end_role(role.last), "{:?}", parser.spell(&role));
                    roles += 1;
                }
            }
        });
        assert!(roles > 100, "{roles}");
    }

    /// Two roles read have the same content key exactly when they are spelled out the
    /// same (the tagger keeps one role per key), over every role that starts at any item
    /// of the corpus.
    #[test]
    fn content_keys_tell_roles_apart_as_their_spelling_does() {
        use std::collections::HashMap;
        let vocab = Vocab::new();
        let mut by_key: HashMap<Vec<u8>, String> = HashMap::new();
        let mut by_spelling: HashMap<String, Vec<u8>> = HashMap::new();
        let mut key = Vec::new();
        for_each_paragraph(&vocab, |items| {
            let starts = vec![false; items.len()];
            let parser = Parser::new(items, &vocab, &starts);
            for k in 0..items.len() {
                let Some(role) = parser.role_at(k) else {
                    continue;
                };
                parser.content_key(&role, &mut key);
                let spelled = format!("{:?}", parser.spell(&role));
                let known = by_key.entry(key.clone()).or_insert_with(|| spelled.clone());
                assert_eq!(*known, spelled);
                let known = by_spelling.entry(spelled).or_insert_with(|| key.clone());
                assert_eq!(*known, key);
            }
        });
        assert!(by_key.len() > 100, "{}", by_key.len());
    }
}
