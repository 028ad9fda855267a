//! Tagging officials: the people named in administrative text, each with the roles the
//! text gives them, spelled out ("QUV" → "Quận ủy viên", "Phó chủ tịch UB MTTQ quận" →
//! "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc quận").
//!
//! The pipeline, per document:
//! 1. [`view`]: the text as matched (composed, look-alikes mapped) with an offset map back
//!    to the caller's bytes;
//! 2. [`token`]: each paragraph (or each part of a very long one, see [`MAX_PART`]) as
//!    words and separators;
//! 3. [`names`]: personal names among those words (a surname, or a cue such as "đồng
//!    chí"); capitalized words after a level or street word are places unless the document
//!    says otherwise; then, around the names, abbreviations spelled out by the role-only
//!    readings and the [`Expander`]'s dictionaries;
//! 4. [`roles`] and [`shapes`]: roles parsed and tied to names;
//! 5. merging: one [`Official`] per person, all roles without duplicates, every mention.
//!
//! ```
//! use viettat::Tagger;
//!
//! let text = "Dự hội nghị có đồng chí Nguyễn Văn Tuấn – QUV, Bí thư Đảng ủy, Chủ tịch HĐND phường.";
//! let officials: Vec<_> = Tagger::default().tag(text).collect();
//! assert_eq!(officials[0].name, "Nguyễn Văn Tuấn");
//! let roles: Vec<_> = officials[0].roles.iter().map(|r| r.text.as_str()).collect();
//! assert_eq!(roles, [
//!     "Quận ủy viên",
//!     "Bí thư Đảng ủy phường",
//!     "Chủ tịch Hội đồng nhân dân phường",
//! ]);
//! ```

mod key;
mod names;
mod role_set;
mod roles;
mod shapes;
mod token;
mod view;
mod vocab;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::expand::Expander;
use crate::span::Span;

use key::{key, FxBuild};
use role_set::{RoleKeys, RoleSet};
use roles::{ParsedRole, Parser, Reading};
use shapes::NameAt;
use view::View;
use vocab::Vocab;

/// An administrative level, from the residential group up to the central level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Level {
    /// Tổ dân phố (residential group).
    ResidentialGroup,
    /// Khu phố (urban quarter).
    Quarter,
    /// Ấp (hamlet, in the south).
    Hamlet,
    /// Thôn (village).
    Village,
    /// Phường (ward).
    Ward,
    /// Xã (commune).
    Commune,
    /// Thị trấn (township).
    Township,
    /// Quận (urban district).
    UrbanDistrict,
    /// Huyện (rural district).
    RuralDistrict,
    /// Thị xã (district-level town).
    Town,
    /// Thành phố (city).
    City,
    /// Tỉnh (province).
    Province,
    /// Trung ương (central).
    Central,
}

impl Level {
    /// The level word as written in a role: "phường", "thành phố", "Trung ương".
    pub fn as_str(self) -> &'static str {
        match self {
            Level::ResidentialGroup => "tổ dân phố",
            Level::Quarter => "khu phố",
            Level::Hamlet => "ấp",
            Level::Village => "thôn",
            Level::Ward => "phường",
            Level::Commune => "xã",
            Level::Township => "thị trấn",
            Level::UrbanDistrict => "quận",
            Level::RuralDistrict => "huyện",
            Level::Town => "thị xã",
            Level::City => "thành phố",
            Level::Province => "tỉnh",
            Level::Central => "Trung ương",
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One role of an official, fully spelled out.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Role {
    /// The title in official capitalization: "Phó Chủ tịch", "Quận ủy viên".
    pub title: String,
    /// The organization(s) the title belongs to, spelled out: "Ủy ban Mặt trận Tổ quốc",
    /// "Ban Dân vận Quận ủy".
    pub organization: Option<String>,
    /// The administrative level, when the text states it (or states it for the next role
    /// of the same list: "Bí thư Đảng ủy, Chủ tịch HĐND phường").
    pub level: Option<Level>,
    /// The place, when the text names it: "Ngọc Lâm", "7", "Hồ Chí Minh".
    pub locality: Option<String>,
    /// The whole role: "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc quận".
    pub text: String,
    /// Where the role is written, as a byte range in the caller's text.
    pub span: Span,
}

/// A person named in the text, with every role the text gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Official {
    /// The name as first written, its syllables joined by single spaces.
    pub name: String,
    /// The roles, in order of first mention, without duplicates.
    pub roles: Vec<Role>,
    /// Every mention of the name, as byte ranges in the caller's text.
    pub mentions: Vec<Span>,
}

/// The officials of a text, in order of first mention. Returned by [`Tagger::tag`].
#[derive(Clone, Debug)]
pub struct Officials {
    inner: std::vec::IntoIter<Official>,
}

impl Iterator for Officials {
    type Item = Official;

    fn next(&mut self) -> Option<Official> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Officials {}
impl std::iter::FusedIterator for Officials {}

/// The officials tagger: vocabularies compiled once, plus the [`Expander`] that spells out
/// abbreviations inside roles.
///
/// Build it once and share it: it is immutable, cheap to clone (an `Arc`), and `Send +
/// Sync`. [`Tagger::default`] is built once per process on first use.
///
/// ```
/// use viettat::Tagger;
///
/// let tagger = Tagger::default();
/// let text = "Bà Nguyễn Thị Túy, Phó Chủ tịch HĐND xã; Ông Lục Linh Tuyền, Phó Chủ tịch UBND xã";
/// let found: Vec<(String, Vec<String>)> = tagger
///     .tag(text)
///     .map(|o| (o.name, o.roles.into_iter().map(|r| r.text).collect()))
///     .collect();
/// assert_eq!(found, [
///     ("Nguyễn Thị Túy".to_string(), vec!["Phó Chủ tịch Hội đồng nhân dân xã".to_string()]),
///     ("Lục Linh Tuyền".to_string(), vec!["Phó Chủ tịch Ủy ban nhân dân xã".to_string()]),
/// ]);
/// ```
#[derive(Clone, Debug)]
pub struct Tagger {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    vocab: Vocab,
    expander: Expander,
}

impl Default for Tagger {
    /// The tagger over the embedded vocabularies and dictionaries, built once per process.
    fn default() -> Tagger {
        static DEFAULT: OnceLock<Tagger> = OnceLock::new();
        DEFAULT
            .get_or_init(|| Tagger::with_expander(Expander::default()))
            .clone()
    }
}

impl Tagger {
    /// A tagger that spells out abbreviations with `expander` (for example one built with
    /// the caller's own dictionaries).
    pub fn with_expander(expander: Expander) -> Tagger {
        Tagger {
            inner: Arc::new(Inner {
                vocab: Vocab::new(),
                expander,
            }),
        }
    }

    /// The officials named in `text` (one document), in order of first mention. Every span
    /// is a byte range into `text`.
    ///
    /// Roles are tied to names within a paragraph (the text between blank lines). A
    /// paragraph longer than 64 KiB, as in a text with no blank lines, is read in parts
    /// cut between sentences (at line breaks when it has them), and no role is tied to a
    /// name across a cut.
    pub fn tag(&self, text: &str) -> Officials {
        Officials {
            inner: self.tag_vec(text).into_iter(),
        }
    }

    fn tag_vec(&self, input: &str) -> Vec<Official> {
        let view = View::new(input);
        let text = view.text();
        let vocab = &self.inner.vocab;
        let mut candidates: Vec<names::Candidate> = Vec::new();
        // The roles found in each part with names (a paragraph, or a part of a very long
        // one), in order. Each as (candidate, role in the reader's distinct roles, where
        // the role is written).
        let mut found: Vec<Vec<(usize, RoleId, Span)>> = Vec::new();
        // Parts with a name right after a place word ("phường Nguyễn Thị Minh Khai"):
        // whether that is a person depends on the whole document, so their roles are read
        // once it has been scanned. (part, its candidates, whether it is a part of a long
        // paragraph, its place in `found`)
        let mut deferred: Vec<(Range<usize>, Range<usize>, bool, usize)> = Vec::new();
        let mut from = 0;
        // The raw items of a part, in a buffer reused by the next.
        let mut raw = Vec::new();
        let mut reader = RoleReader::new(self, text);
        let mut name_keys = names::NameKeys::default();
        while let Some(paragraph) = next_paragraph(text, from) {
            from = paragraph.end + 1;
            let long = paragraph.len() > MAX_PART;
            for part in parts(text, paragraph) {
                // Each part is tokenized once: its names are found on these items, and its
                // roles read from them.
                token::raw_items_into(text, part.clone(), &mut raw);
                let first = candidates.len();
                names::find_all(text, &raw, vocab, &mut name_keys, &mut candidates);
                let members = first..candidates.len();
                let in_part = candidates.get(members.clone()).unwrap_or_default();
                if in_part.is_empty() {
                    continue;
                }
                if in_part.iter().any(|c| c.after_place.is_some()) {
                    deferred.push((part, members, long, found.len()));
                    found.push(Vec::new());
                } else {
                    let mut roles = Vec::new();
                    let members: Vec<usize> = members.collect();
                    for group in groups(&candidates, &members, long) {
                        reader.read(part.clone(), &raw, &candidates, group, &mut roles);
                    }
                    found.push(roles);
                }
            }
        }
        if candidates.is_empty() {
            return Vec::new();
        }
        let people: Vec<bool> = if deferred.is_empty() {
            vec![true; candidates.len()]
        } else {
            // Per name: how often it follows a place word, and how often it does not.
            let mut counts: HashMap<&str, (usize, usize), FxBuild> = HashMap::default();
            for c in &candidates {
                let e = counts.entry(&c.key).or_default();
                if c.after_place.is_some() {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
            let mut places = PlaceNames::new(text);
            candidates
                .iter()
                .map(|c| is_person(c, &counts, vocab, &mut places))
                .collect()
        };
        for (part, members, long, slot) in deferred {
            let members: Vec<usize> = members.filter(|&k| people.get(k) == Some(&true)).collect();
            if members.is_empty() {
                continue;
            }
            let Some(roles) = found.get_mut(slot) else {
                continue;
            };
            // (Tokenized again: keeping the items of every such part would cost more.)
            token::raw_items_into(text, part.clone(), &mut raw);
            for group in groups(&candidates, &members, long) {
                reader.read(part.clone(), &raw, &candidates, group, roles);
            }
        }
        merge(
            &view,
            &candidates,
            &people,
            &reader.distinct,
            found.into_iter().flatten(),
        )
    }
}

/// Reads the roles around the names of a document's paragraphs (or parts of very long
/// ones), one after the other, keeping each role once for the document, with a buffer
/// reused from one paragraph to the next.
struct RoleReader<'t> {
    tagger: &'t Tagger,
    /// The viewed text of the document.
    text: &'t str,
    /// The items of the paragraph read last, abbreviations spelled out.
    items: Vec<token::Item<'t>>,
    /// The roles read so far, each once.
    distinct: DistinctRoles,
    /// The working memory of a paragraph's reading, kept for the next (nearly every
    /// paragraph names someone): where its names are, where mentions start, and the roles
    /// read.
    splices: token::Splices<'t>,
    names_at: Vec<NameAt>,
    person_starts: Vec<bool>,
    attach_buffers: shapes::AttachBuffers,
    roles: Vec<(usize, Reading)>,
}

impl<'t> RoleReader<'t> {
    fn new(tagger: &'t Tagger, text: &'t str) -> RoleReader<'t> {
        RoleReader {
            tagger,
            text,
            items: Vec::new(),
            distinct: DistinctRoles::default(),
            splices: Vec::new(),
            names_at: Vec::new(),
            person_starts: Vec::new(),
            attach_buffers: shapes::AttachBuffers::default(),
            roles: Vec::new(),
        }
    }

    /// Ties roles to the names of the paragraph (or part) `para`, given its raw items;
    /// `members` are its people (indices into `candidates`), in order. `found` gets
    /// (candidate, role, where the role is written), each role kept once in
    /// [`RoleReader::distinct`].
    fn read(
        &mut self,
        para: Range<usize>,
        raw: &[token::Item<'t>],
        candidates: &[names::Candidate],
        members: &[usize],
        found: &mut Vec<(usize, RoleId, Span)>,
    ) {
        let text = self.text;
        let vocab = &self.tagger.inner.vocab;
        let (Some(a), Some(b)) = (
            members.first().and_then(|&k| candidates.get(k)),
            members.last().and_then(|&k| candidates.get(k)),
        ) else {
            return;
        };
        // Roles lie close to their names: read the paragraph around them only.
        let window = near(text, para, a.start, b.end);
        let expander = &self.tagger.inner.expander;
        token::spelled_out_into(
            text,
            window,
            raw,
            expander,
            vocab,
            &mut self.items,
            &mut self.splices,
        );
        let items: &[token::Item<'t>] = &self.items;
        let at = &mut self.names_at;
        at.clear();
        for &k in members {
            let Some(c) = candidates.get(k) else { continue };
            // Items are in order of their starts (an expansion's words share theirs): the
            // first item at or after a byte is found by bisection.
            let at_or_after = |byte: usize| {
                let k = items.partition_point(|it| it.start < byte);
                (k < items.len()).then_some(k)
            };
            let (Some(first), end) = (
                at_or_after(c.start),
                at_or_after(c.end).unwrap_or(items.len()),
            ) else {
                continue;
            };
            let mention = c.cue.and_then(|(s, _)| at_or_after(s)).unwrap_or(first);
            at.push(NameAt {
                candidate: k,
                mention,
                first,
                end,
            });
        }
        shapes::person_starts_into(at, items.len(), &mut self.person_starts);
        let parser = Parser::new(items, vocab, &self.person_starts);
        let roles = &mut self.roles;
        shapes::attach(text, &parser, at, &mut self.attach_buffers, roles);
        found.reserve(roles.len());
        for &(k, role) in roles.iter() {
            let start = items.get(role.first).map_or(0, |it| it.start);
            let end = items
                .get(role.last.saturating_sub(1))
                .map_or(start, |it| it.end)
                .max(start);
            let span = Span::new(start, end);
            found.push((k, self.distinct.add(&parser, &role, span), span));
        }
    }
}

/// A role's place in [`DistinctRoles`].
type RoleId = usize;

/// The roles of a document, each spelled out once with its keys, however often it is
/// written: a document repeats its roles (the same post at every mention of a person), so
/// what is kept per mention is an index, and each role's text and keys are built once.
#[derive(Default)]
struct DistinctRoles {
    /// The roles met so far, by their [`content_key`](Parser::content_key).
    ids: HashMap<Box<[u8]>, RoleId, FxBuild>,
    /// The key of the role looked up last (a buffer reused from one to the next).
    key: Vec<u8>,
    /// Each role spelled out (its span is that of its first mention; [`merge`] sets the
    /// span of each official's own).
    roles: Vec<(Role, RoleKeys)>,
}

impl DistinctRoles {
    /// The role `role` of `parser`'s items, first written at `span`: looked up by its
    /// [`content_key`](Parser::content_key), and spelled out only when first met.
    fn add(&mut self, parser: &Parser<'_>, role: &Reading, span: Span) -> RoleId {
        parser.content_key(role, &mut self.key);
        if let Some(&id) = self.ids.get(self.key.as_slice()) {
            return id;
        }
        let ParsedRole {
            title,
            orgs,
            level,
            locality,
        } = parser.spell(role);
        let role = Role {
            text: role_text(&title, &orgs, level, locality.as_deref()),
            organization: (!orgs.is_empty()).then(|| orgs.join(" ")),
            title,
            level,
            locality,
            span,
        };
        let keys = RoleKeys::of(&role);
        let id = self.roles.len();
        self.roles.push((role, keys));
        self.ids.insert(self.key.as_slice().into(), id);
        id
    }
}

/// The role spelled out: "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc quận".
fn role_text(title: &str, orgs: &[String], level: Option<Level>, locality: Option<&str>) -> String {
    let mut parts: Vec<&str> = vec![title];
    parts.extend(orgs.iter().map(String::as_str));
    if let Some(level) = level {
        parts.push(level.as_str());
    }
    if let Some(locality) = locality {
        parts.push(locality);
    }
    parts.join(" ")
}

/// Whether a candidate is a person: yes, unless a place word comes right before it
/// ("phường Nguyễn Thị Minh Khai"). After a place word it is a person only if the document
/// also names them elsewhere outside a place, or names another place at the same level and
/// this one only once ("Chủ tịch UBND phường Nguyễn Thế Tuấn" in a text about phường Ngọc
/// Lâm).
fn is_person(
    c: &names::Candidate,
    counts: &HashMap<&str, (usize, usize), FxBuild>,
    vocab: &Vocab,
    places: &mut PlaceNames<'_>,
) -> bool {
    let Some(place) = &c.after_place else {
        return true;
    };
    let (after_place, elsewhere) = counts.get(&*c.key).copied().unwrap_or_default();
    if elsewhere > 0 {
        return true;
    }
    let first = c.name.split(' ').next().unwrap_or_default();
    vocab.surnames.contains(first) && after_place == 1 && places.other_than(place, first)
}

/// The capitalized names and numbers that follow each place word in a document, read once
/// per place word (not once per name after it: a document may name many wards after
/// people, each once).
struct PlaceNames<'t> {
    text: &'t str,
    /// Per place word (a key): up to two different names or numbers that follow it.
    by_place: HashMap<String, Vec<&'t str>, FxBuild>,
}

impl<'t> PlaceNames<'t> {
    fn new(text: &'t str) -> PlaceNames<'t> {
        PlaceNames {
            text,
            by_place: HashMap::default(),
        }
    }

    /// Whether the text has the place word `place` (a key) followed by a capitalized word
    /// or a number other than `first_word` (the first word of a name).
    fn other_than(&mut self, place: &str, first_word: &str) -> bool {
        if !self.by_place.contains_key(place) {
            let after = names_after(self.text, place);
            self.by_place.insert(place.to_string(), after);
        }
        // (Two different words are enough: one of them is not `first_word`.)
        self.by_place
            .get(place)
            .is_some_and(|after| after.iter().any(|&n| n != first_word))
    }
}

/// Up to two different words of `text` that follow the place word `place` (a key) and
/// start with a capital or a digit, without the punctuation after them.
fn names_after<'t>(text: &'t str, place: &str) -> Vec<&'t str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let place_words: Vec<&str> = place.split(' ').collect();
    let mut found: Vec<&str> = Vec::with_capacity(2);
    for w in words.windows(place_words.len() + 1) {
        let (p, next) = w.split_at(place_words.len());
        if !p.iter().zip(&place_words).all(|(a, b)| key(a) == *b) {
            continue;
        }
        let Some(n) = next.first() else { continue };
        let n = n.trim_end_matches(|c: char| !c.is_alphanumeric());
        let named = n
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if named && !found.contains(&n) {
            found.push(n);
            if found.len() == 2 {
                break;
            }
        }
    }
    found
}

/// The people of a paragraph (`members`, indices into `candidates`, in order) in the groups
/// whose roles are read together: all of them, or, in a part of a long paragraph (see
/// [`MAX_PART`]), runs of names less than twice [`REACH`] apart. (A part of a text with
/// one paragraph per line names people all along; read together, the roles of all of
/// them would be read around each, the whole part spelled out.)
fn groups<'m>(
    candidates: &'m [names::Candidate],
    members: &'m [usize],
    long: bool,
) -> impl Iterator<Item = &'m [usize]> {
    let apart = move |a: &usize, b: &usize| {
        long && match (candidates.get(*a), candidates.get(*b)) {
            (Some(a), Some(b)) => b.start.saturating_sub(a.end) > 2 * REACH,
            _ => false,
        }
    };
    members.chunk_by(move |a, b| !apart(a, b))
}

/// How far before the first name and after the last one of a paragraph roles are read.
const REACH: usize = 600;

/// The part of `para` from about [`REACH`] bytes before `from` to about [`REACH`] bytes
/// after `to`, cut at spaces so that no word is split.
fn near(
    text: &str,
    para: std::ops::Range<usize>,
    from: usize,
    to: usize,
) -> std::ops::Range<usize> {
    let mut start = from.saturating_sub(REACH).max(para.start);
    if start > para.start {
        while start < from
            && !text
                .get(start..)
                .is_some_and(|r| r.starts_with(char::is_whitespace))
        {
            start += 1;
        }
    }
    let mut end = to.saturating_add(REACH).min(para.end);
    if end < para.end {
        while end > to
            && !text
                .get(end..)
                .is_some_and(|r| r.starts_with(char::is_whitespace))
        {
            end -= 1;
        }
    }
    start..end.max(start)
}

/// The first paragraph with anything but white space at or after byte `from` (no-break
/// spaces are white space: the view leaves them as written).
fn next_paragraph(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let rest = text.get(from..)?;
    let p = from + rest.find(|c: char| !c.is_whitespace())?;
    Some(paragraph(text, p))
}

/// The longest part of a paragraph read at once, in bytes. Text whose paragraphs are not
/// parted by blank lines (one per line, or all on one line) is one long "paragraph": read
/// whole, its items would take fourteen times its size, and the role reading a time that
/// grows faster than its length.
const MAX_PART: usize = 64 * 1024;

/// `para` (of `text`) in parts of at most [`MAX_PART`] bytes: the whole of it when it is
/// shorter, as most paragraphs are (then nothing changes), else cut where a long text is
/// least likely to cut a name from its roles (see [`cut`]).
fn parts(text: &str, para: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = para.start;
    std::iter::from_fn(move || {
        if start >= para.end {
            return None;
        }
        let end = if para.end - start <= MAX_PART {
            para.end
        } else {
            cut(text, start, start + MAX_PART)
        };
        let part = start..end;
        start = end;
        Some(part)
    })
}

/// Where to end a part of `text` that starts at byte `start` and may not go past `limit`.
/// The cut falls in the last quarter of `start..limit`, outside parentheses (a list
/// "(gồm Bà A;\nÔng B)" shares the role before it), at the first of these found from the
/// end: after a line that ends a sentence ('.', '!' or '?'), after any line break, after
/// the ". " that ends a sentence (not an abbreviation of one or two capitals, "TP. Hồ Chí
/// Minh"), after a space. Failing all of them, parentheses do not count, and failing that
/// it falls at the last character boundary before `limit`.
fn cut(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = start + limit.saturating_sub(start) * 3 / 4;
    let zone = bytes.get(floor..limit).unwrap_or_default();
    // How deep in parentheses the zone starts.
    let mut depth = memchr::memchr2_iter(b'(', b')', bytes.get(start..floor).unwrap_or_default())
        .fold(0usize, |depth, i| match bytes.get(start + i) {
            Some(b'(') => depth + 1,
            _ => depth.saturating_sub(1),
        });
    // The last cut of each kind, [outside parentheses, anywhere]: after a line ending a
    // sentence, after a line break, after a sentence's ". ", after a space.
    let mut found = [[None::<usize>; 4]; 2];
    let mut last_visible = 0u8;
    for (i, &b) in zone.iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let kind = match b {
            b'\n' if matches!(last_visible, b'.' | b'!' | b'?') => Some(0),
            b'\n' => Some(1),
            b' ' if zone.get(i.wrapping_sub(1)) == Some(&b'.')
                && !after_short_capitals(bytes, floor + i - 1) =>
            {
                Some(2)
            }
            b' ' => Some(3),
            _ => None,
        };
        if let Some(kind) = kind {
            let at = floor + i + 1;
            found[1][kind] = Some(at);
            if depth == 0 {
                found[0][kind] = Some(at);
            }
        }
        if !b.is_ascii_whitespace() {
            last_visible = b;
        }
    }
    if let Some(at) = found.iter().flatten().flatten().next() {
        return *at;
    }
    (start + 1..=limit)
        .rev()
        .find(|&end| text.is_char_boundary(end))
        .unwrap_or(limit)
}

/// Whether the "." at byte `dot` of `bytes` ends an abbreviation of one or two capitals
/// ("TP.", "Q."), not a sentence.
fn after_short_capitals(bytes: &[u8], dot: usize) -> bool {
    let word = bytes
        .get(..dot)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    (1..=2).contains(&word)
        && bytes
            .get(dot - word..dot)
            .is_some_and(|w| w.iter().all(u8::is_ascii_uppercase))
}

/// The paragraph (between blank lines) around byte `at`.
fn paragraph(text: &str, at: usize) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let is_blank_line_end = |nl: usize| -> bool {
        // A newline at `nl` preceded by a line holding only whitespace.
        let before = bytes.get(..nl).unwrap_or_default();
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
        line_start > 0 && blank_line_from(text, line_start)
    };
    let mut start = 0;
    let mut search_end = at.min(bytes.len());
    while let Some(nl) = memchr::memrchr(b'\n', bytes.get(..search_end).unwrap_or_default()) {
        if is_blank_line_end(nl) {
            start = nl + 1;
            break;
        }
        search_end = nl;
    }
    let mut end = bytes.len();
    let mut from = at.min(bytes.len());
    while let Some(p) = memchr::memchr(b'\n', bytes.get(from..).unwrap_or_default()) {
        let nl = from + p;
        if blank_line_from(text, nl + 1) {
            end = nl;
            break;
        }
        from = nl + 1;
    }
    start..end.max(start)
}

/// Whether the line of `text` that starts at byte `start` holds only white space (the
/// view leaves no-break spaces as written, see [`view`]: a line of them is blank too).
/// Read up to its first other character only.
fn blank_line_from(text: &str, start: usize) -> bool {
    text.get(start..)
        .unwrap_or_default()
        .chars()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace)
}

/// One official per person: names compared by key (case and tone placement do not count),
/// roles without duplicates.
fn merge(
    view: &View<'_>,
    candidates: &[names::Candidate],
    people: &[bool],
    distinct: &DistinctRoles,
    found: impl Iterator<Item = (usize, RoleId, Span)>,
) -> Vec<Official> {
    let mut officials: Vec<Official> = Vec::new();
    let mut has_cue: Vec<bool> = Vec::new();
    let mut role_sets: Vec<RoleSet> = Vec::new();
    let mut by_name: HashMap<&str, usize, FxBuild> = HashMap::default();
    // The official of each candidate that is a person.
    let mut of_candidate: Vec<Option<usize>> = vec![None; candidates.len()];
    for (k, c) in candidates.iter().enumerate() {
        if people.get(k) != Some(&true) {
            continue;
        }
        let index = *by_name.entry(&c.key).or_insert_with(|| {
            officials.push(Official {
                name: c.name.to_string(),
                roles: Vec::new(),
                mentions: Vec::new(),
            });
            has_cue.push(false);
            role_sets.push(RoleSet::default());
            officials.len() - 1
        });
        if let Some(o) = officials.get_mut(index) {
            o.mentions.push(view.to_input(Span::new(c.start, c.end)));
        }
        if c.cue.is_some() {
            if let Some(h) = has_cue.get_mut(index) {
                *h = true;
            }
        }
        if let Some(slot) = of_candidate.get_mut(k) {
            *slot = Some(index);
        }
    }
    for (k, id, span) in found {
        let Some(&Some(index)) = of_candidate.get(k) else {
            continue;
        };
        let (Some(set), Some((new, new_keys))) = (role_sets.get_mut(index), distinct.roles.get(id))
        else {
            continue;
        };
        set.add(new, new_keys, || view.to_input(span));
    }
    // A capitalized pair after a surname, with no cue and no role, is too weak to be
    // reported as a person ("An Điền tổ chức...", a byline).
    officials
        .into_iter()
        .zip(has_cue)
        .zip(role_sets)
        .filter(|((_, cue), roles)| *cue || !roles.is_empty())
        .map(|((mut o, _), roles)| {
            o.roles = roles.into_roles();
            o
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`PlaceNames::other_than`] answers as a scan of the whole text for each name does.
    #[test]
    fn other_places_are_found_as_by_a_scan_per_name() {
        fn by_scan(text: &str, place: &str, first_word: &str) -> bool {
            let words: Vec<&str> = text.split_whitespace().collect();
            let place_words: Vec<&str> = place.split(' ').collect();
            words.windows(place_words.len() + 1).any(|w| {
                let (p, next) = w.split_at(place_words.len());
                p.iter().zip(&place_words).all(|(a, b)| key(a) == *b)
                    && next.first().is_some_and(|n| {
                        let n = n.trim_end_matches(|c: char| !c.is_alphanumeric());
                        n != first_word
                            && n.chars()
                                .next()
                                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    })
            })
        }
        let mut texts = vec![
            String::new(),
            "tại phường Ngọc Lâm.".to_string(),
            "phường Ngọc Lâm, Phường Ngọc Thụy và phường 7; thành phố Hồ Chí Minh".to_string(),
            "Chủ tịch UBND phường Nguyễn Thế Tuấn; phường Nguyễn Trãi".to_string(),
            "xã xã Xuân; quận: Quận 5, quận Ba".to_string(),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("the corpus is missing ({}: {e})", dir.display()));
        for e in entries.flatten() {
            texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
        }
        // (Place words are given as keys, as the name scan gives them.)
        let places = ["phường", "xã", "quận", "thành phố", "đường", "tổ dân phố"].map(key);
        let firsts = ["Nguyễn", "Ngọc", "7", "5", "Hồ", "Xuân", "Lê"];
        let mut yes = 0;
        for text in &texts {
            let mut memo = PlaceNames::new(text);
            for place in &places {
                for first in firsts {
                    let expected = by_scan(text, place, first);
                    assert_eq!(memo.other_than(place, first), expected, "{place} {first}");
                    yes += usize::from(expected);
                }
            }
        }
        assert!(yes > 20, "{yes}");
    }

    /// In a part of a long paragraph, names far apart have their roles read apart; in any
    /// other paragraph, together.
    #[test]
    fn names_far_apart_in_long_paragraphs_are_read_apart() {
        let at = |start: usize| names::Candidate {
            start,
            end: start + 15,
            cue: None,
            name: "Nguyễn Văn An".into(),
            key: "nguyễn văn an".into(),
            after_place: None,
        };
        let candidates = [at(0), at(100), at(100 + 3 * REACH), at(200 + 3 * REACH)];
        let members = [0, 1, 2, 3];
        let long: Vec<&[usize]> = groups(&candidates, &members, true).collect();
        assert_eq!(long, [&[0, 1][..], &[2, 3][..]]);
        let short: Vec<&[usize]> = groups(&candidates, &members, false).collect();
        assert_eq!(short, [&members[..]]);
    }

    /// The last few characters of `s`, to show where it was cut.
    fn tail(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        chars[chars.len().saturating_sub(20)..].iter().collect()
    }

    /// The parts of `text` taken as one paragraph, as strings.
    fn parts_of(text: &str) -> Vec<&str> {
        parts(text, 0..text.len())
            .map(|r| text.get(r).unwrap_or_default())
            .collect()
    }

    #[test]
    fn paragraphs_end_at_lines_of_white_space() {
        let text = "Ông A.\nÔng B.\n \t\u{a0}\r\nÔng C.\n\nÔng D.\u{a0}x\nÔng E.\n";
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(p) = next_paragraph(text, from) {
            from = p.end + 1;
            found.push(&text[p]);
        }
        assert_eq!(found, ["Ông A.\nÔng B.", "Ông C.", "Ông D.\u{a0}x\nÔng E."]);
    }

    #[test]
    fn short_paragraphs_are_read_whole() {
        let text = "Ông Nguyễn Văn An, Chủ tịch UBND xã.\nBà Lê Thị Hoa, Phó Chủ tịch UBND xã.";
        assert_eq!(parts_of(text), [text]);
        let line = "Ông Nguyễn Văn An, Chủ tịch UBND xã.\n";
        let mut long = line.repeat(MAX_PART / line.len());
        long.push_str(&"x".repeat(MAX_PART - long.len()));
        assert_eq!(parts_of(&long).len(), 1);
        long.push('x');
        assert_eq!(parts_of(&long).len(), 2);
    }

    /// A list in parentheses is not cut from the role before it, even where its lines end
    /// in ";" and the lines before end in ",".
    #[test]
    fn parts_are_not_cut_inside_parentheses() {
        let mut text = String::new();
        while text.len() < MAX_PART - 2000 {
            text.push_str("Ông Nguyễn Văn An, Chủ tịch UBND xã,\n");
        }
        text.push_str("Đại biểu HĐND quận 5 (gồm:\n");
        while text.len() < MAX_PART + 2000 {
            text.push_str("Bà Lê Thị Hoa;\n");
        }
        text.push_str("Ông Trần Văn Bình).\n");
        while text.len() < 3 * MAX_PART {
            text.push_str("Ông Nguyễn Văn An, Chủ tịch UBND xã,\n");
        }
        let open = text.find('(').unwrap_or_default();
        let close = text.find(')').unwrap_or_default();
        let mut at = 0;
        for part in parts_of(&text) {
            at += part.len();
            assert!(at <= open || at > close || at == text.len(), "cut at {at}");
        }
        // Where the parentheses leave no choice, they do not count.
        let all_inside = format!("({})", "Bà Lê Thị Hoa;\n".repeat(MAX_PART / 8));
        assert!(parts_of(&all_inside).len() >= 2);
        assert!(parts_of(&all_inside).iter().all(|p| p.len() <= MAX_PART));
    }

    /// On one line, ". " after an abbreviation of one or two capitals ("TP. Hồ Chí Minh")
    /// does not end a sentence.
    #[test]
    fn abbreviations_do_not_end_sentences() {
        let sentence = "Ông Nguyễn Văn An, Chủ tịch UBND TP. Hồ Chí Minh. ";
        let text = sentence.repeat(3 * MAX_PART / sentence.len());
        let parts = parts_of(&text);
        for part in parts.iter().take(parts.len() - 1) {
            assert!(part.ends_with("Minh. "), "{:?}", tail(part));
        }
    }

    /// A long text with a paragraph per line is cut after a line that ends a sentence,
    /// not inside a line, and its parts make it up whole.
    #[test]
    fn long_paragraphs_are_cut_after_a_sentence_at_a_line_break() {
        let mut text = String::new();
        let mut k = 0;
        while text.len() < 3 * MAX_PART {
            text.push_str(&format!("Dòng {k}: ông Nguyễn Văn An, Chủ tịch UBND xã"));
            // Every other line ends a sentence.
            text.push_str(if k % 2 == 0 { ".\n" } else { ",\n" });
            k += 1;
        }
        let parts = parts_of(&text);
        assert!(parts.len() >= 3, "{}", parts.len());
        assert_eq!(parts.concat(), text);
        for part in &parts {
            assert!(part.len() <= MAX_PART, "{}", part.len());
        }
        for part in parts.iter().take(parts.len() - 1) {
            assert!(part.ends_with(".\n"), "{:?}", tail(part));
        }
    }

    /// Text on one line is cut after the end of a sentence, or else at a space, never
    /// inside a word or a character.
    #[test]
    fn one_line_texts_are_cut_after_a_sentence_or_at_a_space() {
        let sentence = "Đồng chí Nguyễn Thị Tuyết – PBTTT Đảng ủy phường. ";
        let text = sentence.repeat(3 * MAX_PART / sentence.len());
        let parts = parts_of(&text);
        assert!(parts.len() >= 3);
        assert_eq!(parts.concat(), text);
        for part in parts.iter().take(parts.len() - 1) {
            assert!(part.ends_with(". "), "{:?}", tail(part));
        }
        let words = "Nguyễn Văn Tuấn ".repeat(2 * MAX_PART / 16);
        let parts = parts_of(&words);
        assert_eq!(parts.concat(), words);
        for part in parts.iter().take(parts.len() - 1) {
            assert!(part.ends_with(' '), "{:?}", tail(part));
        }
        let letters = "ễ".repeat(MAX_PART);
        let parts = parts_of(&letters);
        assert!(parts.len() >= 2);
        assert_eq!(parts.concat(), letters);
    }
}
