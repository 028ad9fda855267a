//! Expanding abbreviations: the [`Expander`] engine, its builder, and the matches it reports.

mod context;
mod matcher;
mod render;
mod stream;

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::dict::{Category, Dictionary, Entry, Sense};
use crate::error::Error;
use crate::normalize::{Normalizer, ToneStyle};
use crate::span::Span;

use context::SenseContext;
use matcher::KeySet;
pub use render::Style;

/// The abbreviation engine: dictionaries compiled into an automaton, plus options.
///
/// Build it once and share it: it is immutable, cheap to clone (an `Arc`), and `Send + Sync`.
/// [`Expander::default`] gives the engine over the embedded dictionaries, built once per
/// process on first use.
///
/// ```
/// use viettat::Expander;
///
/// let expander = Expander::default();
/// assert_eq!(
///     expander.expand("Chủ tịch UBND phường"),
///     "Chủ tịch Ủy ban nhân dân phường"
/// );
/// // Nothing to expand: the text comes back borrowed, without a copy.
/// assert!(matches!(expander.expand("không có gì"), std::borrow::Cow::Borrowed(_)));
/// ```
#[derive(Clone, Debug)]
pub struct Expander {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    dict: Dictionary,
    options: Options,
    /// Keys as written in the dictionaries (NFC); `None` only for the empty engine that
    /// stands in if the embedded dictionaries ever failed to compile.
    plain: Option<KeySet>,
    /// Keys in every Unicode form and with look-alike letters, for text that needs them;
    /// built on first need.
    variants: OnceLock<Option<KeySet>>,
    /// Per entry, per sense.
    contexts: Vec<Vec<SenseContext>>,
}

#[derive(Clone, Debug)]
struct Options {
    style: Style,
    case_insensitive: bool,
    expand_document_numbers: bool,
    tone: ToneStyle,
}

/// Configures and builds an [`Expander`].
///
/// ```
/// use viettat::{Expander, Style};
///
/// let expander = Expander::builder()
///     .style(Style::FirstUse)
///     .add_dictionary_str("extra.toml", r#"
///         category = "program"
///         [[entry]]
///         abbr = "CĐS"
///         expansion = "chuyển đổi số"
///     "#)
///     .build()?;
/// assert_eq!(
///     expander.expand("UBND triển khai CĐS; UBND báo cáo"),
///     "Ủy ban nhân dân (UBND) triển khai chuyển đổi số (CĐS); UBND báo cáo"
/// );
/// # Ok::<(), viettat::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExpanderBuilder {
    default_dictionaries: bool,
    extra: Vec<DictSource>,
    removed: Vec<String>,
    options: Options,
}

#[derive(Clone, Debug)]
enum DictSource {
    File(PathBuf),
    Text { name: String, text: String },
    Parsed(Dictionary),
}

impl Default for ExpanderBuilder {
    fn default() -> ExpanderBuilder {
        ExpanderBuilder::new()
    }
}

impl ExpanderBuilder {
    /// A builder with the embedded default dictionaries and default options: `Replace`
    /// style, case-sensitive, document numbers left as written.
    pub fn new() -> ExpanderBuilder {
        ExpanderBuilder {
            default_dictionaries: true,
            extra: Vec::new(),
            removed: Vec::new(),
            options: Options {
                style: Style::Replace,
                case_insensitive: false,
                expand_document_numbers: false,
                tone: ToneStyle::Keep,
            },
        }
    }

    /// Whether to start from the embedded default dictionaries (default: yes).
    pub fn default_dictionaries(&mut self, yes: bool) -> &mut ExpanderBuilder {
        self.default_dictionaries = yes;
        self
    }

    /// Adds a dictionary file, read when [`build`](Self::build) runs. Entries of later
    /// dictionaries override earlier entries with the same abbreviation.
    pub fn add_dictionary_file(&mut self, path: impl Into<PathBuf>) -> &mut ExpanderBuilder {
        self.extra.push(DictSource::File(path.into()));
        self
    }

    /// Adds a dictionary from TOML text; `name` appears in error messages.
    pub fn add_dictionary_str(&mut self, name: &str, toml: &str) -> &mut ExpanderBuilder {
        self.extra.push(DictSource::Text {
            name: name.to_string(),
            text: toml.to_string(),
        });
        self
    }

    /// Adds an already parsed dictionary.
    pub fn add_dictionary(&mut self, dict: Dictionary) -> &mut ExpanderBuilder {
        self.extra.push(DictSource::Parsed(dict));
        self
    }

    /// Removes the entry with this abbreviation (or surface form), after all dictionaries
    /// are loaded.
    pub fn remove(&mut self, abbr: &str) -> &mut ExpanderBuilder {
        self.removed.push(abbr.to_string());
        self
    }

    /// How expansions are written (default: [`Style::Replace`]).
    pub fn style(&mut self, style: Style) -> &mut ExpanderBuilder {
        self.options.style = style;
        self
    }

    /// Match abbreviations in any letter case ("Tdp", "ubnd"). Off by default: the
    /// abbreviations are written in capitals, and lower-case look-alikes are ordinary words.
    pub fn case_insensitive(&mut self, yes: bool) -> &mut ExpanderBuilder {
        self.options.case_insensitive = yes;
        self
    }

    /// Expand abbreviations inside document numbers too ("23/KH-UBND"). Off by default:
    /// a document number is an identifier and stays as written.
    pub fn expand_document_numbers(&mut self, yes: bool) -> &mut ExpanderBuilder {
        self.options.expand_document_numbers = yes;
        self
    }

    /// Where expansions put their tone marks: as written in the dictionaries (`Keep`, the
    /// default, which is the old style "Ủy ban"), or converted to `Old` or `New` ("Uỷ ban"),
    /// to match a document written in that style.
    pub fn tone(&mut self, style: ToneStyle) -> &mut ExpanderBuilder {
        self.options.tone = style;
        self
    }

    /// Loads the dictionaries and compiles the engine. Can be called again.
    pub fn build(&self) -> Result<Expander, Error> {
        let mut dict = if self.default_dictionaries {
            Dictionary::embedded().clone()
        } else {
            Dictionary::new()
        };
        for source in &self.extra {
            let d = match source {
                DictSource::File(path) => Dictionary::from_file(path)?,
                DictSource::Text { name, text } => Dictionary::from_toml_str(name, text)?,
                DictSource::Parsed(d) => d.clone(),
            };
            dict.extend_overriding(d);
        }
        for abbr in &self.removed {
            dict.remove(abbr);
        }
        Expander::compile(dict, self.options.clone())
    }
}

impl Default for Expander {
    /// The engine over the embedded dictionaries with default options, built once per
    /// process and shared (cloning it is cheap).
    fn default() -> Expander {
        static DEFAULT: OnceLock<Expander> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                let options = ExpanderBuilder::new().options;
                Expander::compile(Dictionary::embedded().clone(), options)
                    .unwrap_or_else(|_| Expander::empty())
            })
            .clone()
    }
}

impl Expander {
    /// A builder, starting from the embedded dictionaries.
    pub fn builder() -> ExpanderBuilder {
        ExpanderBuilder::new()
    }

    fn compile(mut dict: Dictionary, options: Options) -> Result<Expander, Error> {
        if options.tone != ToneStyle::Keep {
            let tone = Normalizer::builder()
                .look_alikes(false)
                .spacing(false)
                .tone(options.tone)
                .build();
            dict.rewrite_expansions(|e| tone.normalize(e).into_owned());
        }
        let plain = KeySet::build(forms_of(&dict), false, options.case_insensitive)
            .map_err(|e| Error::dictionary(format!("cannot compile the dictionaries: {e}")))?;
        let contexts = dict
            .entries()
            .iter()
            .map(|e| e.senses().iter().map(SenseContext::new).collect())
            .collect();
        Ok(Expander {
            inner: Arc::new(Inner {
                dict,
                options,
                plain: Some(plain),
                variants: OnceLock::new(),
                contexts,
            }),
        })
    }

    /// An engine with no entries, the fallback if the embedded dictionaries could not be
    /// compiled (the test suite makes sure they can): it finds nothing.
    fn empty() -> Expander {
        Expander {
            inner: Arc::new(Inner {
                dict: Dictionary::new(),
                options: ExpanderBuilder::new().options,
                plain: None,
                variants: OnceLock::new(),
                contexts: Vec::new(),
            }),
        }
    }

    /// The dictionary the engine was built from.
    pub fn dictionary(&self) -> &Dictionary {
        &self.inner.dict
    }

    /// The output style the engine was built with.
    pub fn style(&self) -> Style {
        self.inner.options.style
    }

    /// Every abbreviation in `text`, in order, with what was decided about it: expanded,
    /// ambiguous, inside a document number, or already defined in the text. Spans are byte
    /// ranges into `text`.
    ///
    /// ```
    /// use viettat::{Expander, MatchKind};
    ///
    /// let text = "UBND – UB MTTQ phường (Kế hoạch 23/KH-UBND)";
    /// let found: Vec<_> = Expander::default()
    ///     .find_iter(text)
    ///     .map(|m| (&text[m.span().range()], m.kind()))
    ///     .collect();
    /// assert_eq!(found, [
    ///     ("UBND", MatchKind::Expansion),
    ///     ("UB MTTQ", MatchKind::Expansion),
    ///     ("KH", MatchKind::DocumentNumber),
    ///     ("UBND", MatchKind::DocumentNumber),
    /// ]);
    /// ```
    pub fn find_iter<'e, 't>(&'e self, text: &'t str) -> Matches<'e, 't> {
        self.find_iter_from(text, 0)
    }

    /// Like [`find_iter`](Self::find_iter), but only matches starting at or after byte
    /// `from`; the text before `from` is still looked at as context.
    pub(crate) fn find_iter_from<'e, 't>(&'e self, text: &'t str, from: usize) -> Matches<'e, 't> {
        Matches {
            expander: self,
            keys: self.keys_for(text),
            text,
            pos: from,
            redefined: Vec::new(),
        }
    }

    /// The automaton that fits `text`: the plain one unless the text holds decomposed marks
    /// or look-alike letters.
    fn keys_for(&self, text: &str) -> Option<&KeySet> {
        let plain = self.inner.plain.as_ref()?;
        if !needs_variants(text) {
            return Some(plain);
        }
        let variants = self.inner.variants.get_or_init(|| {
            KeySet::build(
                forms_of(&self.inner.dict),
                true,
                self.inner.options.case_insensitive,
            )
            .ok()
        });
        Some(variants.as_ref().unwrap_or(plain))
    }

    /// Expands the abbreviations of `text` in the engine's style. Returns the text borrowed
    /// when nothing changes. Every byte outside a replaced abbreviation comes out exactly as
    /// it came in.
    pub fn expand<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut state = render::Document::new(self);
        let mut out = String::new();
        let last = render::render(self, text, 0, &mut state, &mut |piece: &str| {
            if out.capacity() == 0 {
                // Expansions are longer than abbreviations: room for a quarter more, so that a
                // large text is not copied again and again as the output grows.
                out.reserve(text.len() + text.len() / 4);
            }
            out.push_str(piece);
            Ok::<(), std::convert::Infallible>(())
        });
        match last {
            Ok(0) => Cow::Borrowed(text),
            Ok(last) => {
                out.push_str(&text[last..]);
                Cow::Owned(out)
            }
            Err(never) => match never {},
        }
    }

    /// Appends the expansion of `text` to `out`. Reusing one `String` across many texts saves
    /// an allocation (and, for large texts, the page faults of fresh memory) per text.
    ///
    /// ```
    /// use viettat::Expander;
    ///
    /// let expander = Expander::default();
    /// let mut out = String::new();
    /// for line in ["UBND phường", "HĐND quận"] {
    ///     out.clear();
    ///     expander.expand_into(line, &mut out);
    ///     println!("{out}");
    /// }
    /// assert_eq!(out, "Hội đồng nhân dân quận");
    /// ```
    pub fn expand_into(&self, text: &str, out: &mut String) {
        out.reserve(text.len() + text.len() / 4);
        let mut state = render::Document::new(self);
        let last = render::render(self, text, 0, &mut state, &mut |piece: &str| {
            out.push_str(piece);
            Ok::<(), std::convert::Infallible>(())
        });
        match last {
            Ok(last) => out.push_str(text.get(last..).unwrap_or_default()),
            Err(never) => match never {},
        }
    }

    /// Expands `text` into `out`, piece by piece, without building the result in memory.
    pub fn expand_to<W: std::io::Write>(&self, text: &str, mut out: W) -> std::io::Result<()> {
        let mut state = render::Document::new(self);
        let last = render::render(self, text, 0, &mut state, &mut |piece: &str| {
            out.write_all(piece.as_bytes())
        })?;
        out.write_all(text.as_bytes().get(last..).unwrap_or_default())
    }

    /// Expands a whole stream (one document: first uses are counted across it) in bounded
    /// memory. Invalid UTF-8 stops the stream with an error giving the byte offset of the
    /// first bad byte; what came before it has been written.
    pub fn expand_stream<R: std::io::Read, W: std::io::Write>(
        &self,
        reader: R,
        writer: W,
    ) -> Result<(), Error> {
        stream::expand_stream(self, reader, writer)
    }

    fn decide<'e>(&'e self, text: &str, hit: matcher::Hit) -> Match<'e> {
        let inner = &*self.inner;
        let entry_index = hit.entry as usize;
        let entry = &inner.dict.entries()[entry_index];
        let contexts = &inner.contexts[entry_index];
        let key_end = hit.end - number_len(text, hit, entry);
        let span = Span::new(hit.start, hit.end);
        let found = |sense: Option<&'e Sense>, kind| Match {
            entry,
            index: hit.entry,
            sense,
            span,
            key_end,
            kind,
        };
        if !inner.options.expand_document_numbers && context::in_document_number(text, hit.start) {
            return found(None, MatchKind::DocumentNumber);
        }
        if context::in_address(text, hit.start, hit.end) {
            return found(None, MatchKind::Address);
        }
        if context::may_be_definition(text, hit.start, hit.end) {
            if let Some(i) = contexts
                .iter()
                .position(|c| c.is_defined_at(text, hit.start, hit.end))
            {
                return found(entry.senses().get(i), MatchKind::Definition);
            }
            if context::defined_otherwise(text, hit.start, hit.end) {
                return found(None, MatchKind::Redefined);
            }
        }
        if !entry.is_ambiguous() {
            return found(entry.senses().first(), MatchKind::Expansion);
        }
        let window = contexts
            .iter()
            .map(SenseContext::phrase_window)
            .max()
            .unwrap_or(0);
        let mut around = context::Surroundings::new(text, hit.start, key_end, window);
        match contexts.iter().position(|c| c.selects(&mut around)) {
            Some(i) => found(entry.senses().get(i), MatchKind::Expansion),
            None => found(None, MatchKind::Ambiguous),
        }
    }
}

/// Length of the number glued to a numbered entry's hit ("10" in "P10").
fn number_len(text: &str, hit: matcher::Hit, entry: &Entry) -> usize {
    if !entry.is_numbered() {
        return 0;
    }
    text[hit.start..hit.end]
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count()
}

fn forms_of(dict: &Dictionary) -> impl Iterator<Item = (&str, u32, bool)> {
    dict.entries().iter().enumerate().flat_map(|(i, e)| {
        e.surface_forms()
            .map(move |f| (f, i as u32, e.is_numbered()))
    })
}

/// Whether `text` may hold an abbreviation written in another Unicode form than the
/// dictionaries: decomposed combining marks (U+0300–U+036F start with byte 0xCC or 0xCD) or
/// a look-alike of Đ/đ. Vectorized searches, far cheaper than normalizing the text. They run
/// over blocks small enough to stay in cache, so that a large text is read from memory once,
/// not once per search.
fn needs_variants(text: &str) -> bool {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    static LOOK_ALIKES: LazyLock<[Finder<'static>; 4]> = LazyLock::new(|| {
        ["\u{D0}", "\u{F0}", "\u{189}", "\u{256}"].map(|l| Finder::new(l.as_bytes()))
    });
    const BLOCK: usize = 64 * 1024;
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        // One byte of overlap: a two-byte look-alike may straddle blocks.
        let block = &bytes[start..(start + BLOCK + 1).min(bytes.len())];
        if memchr::memchr2(0xCC, 0xCD, block).is_some()
            || LOOK_ALIKES.iter().any(|f| f.find(block).is_some())
        {
            return true;
        }
        start += BLOCK;
    }
    false
}

/// What was decided about an abbreviation found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MatchKind {
    /// Expanded: the entry has one meaning, or the context selected one.
    Expansion,
    /// Several meanings and no context to choose: left as written.
    Ambiguous,
    /// Part of a document number ("23/KH-UBND"): an identifier, left as written.
    DocumentNumber,
    /// Part of a web or e-mail address ("https://…/UBND-TDP", "UBND@hanoi.gov.vn"): an
    /// identifier, left as written.
    Address,
    /// The abbreviation of a definition already in the text, "quy chế phối hợp (QCPH)":
    /// left as written, and it counts as the first use.
    Definition,
    /// In parentheses after words that spell out another meaning than the dictionary's,
    /// "Khách hàng (KH)": the author's own definition, left as written, as is every later
    /// use of the abbreviation in the same text.
    Redefined,
}

impl MatchKind {
    /// A short name for output: `"expansion"`, `"ambiguous"`, `"document-number"`,
    /// `"address"`, `"definition"`, `"redefined"`.
    pub fn name(self) -> &'static str {
        match self {
            MatchKind::Expansion => "expansion",
            MatchKind::Ambiguous => "ambiguous",
            MatchKind::DocumentNumber => "document-number",
            MatchKind::Address => "address",
            MatchKind::Definition => "definition",
            MatchKind::Redefined => "redefined",
        }
    }
}

/// An abbreviation found in a text.
#[derive(Clone, Copy, Debug)]
pub struct Match<'e> {
    entry: &'e Entry,
    /// The entry's index in the engine's dictionary.
    index: u32,
    sense: Option<&'e Sense>,
    span: Span,
    key_end: usize,
    kind: MatchKind,
}

impl<'e> Match<'e> {
    /// The byte range of the abbreviation in the text, number included ("P10").
    pub fn span(&self) -> Span {
        self.span
    }

    /// First byte of the abbreviation.
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// One past the last byte of the abbreviation.
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// What was decided about it.
    pub fn kind(&self) -> MatchKind {
        self.kind
    }

    /// The dictionary entry.
    pub fn entry(&self) -> &'e Entry {
        self.entry
    }

    /// The meaning that applies, when one does (not for an ambiguous match, nor inside a
    /// document number).
    pub fn sense(&self) -> Option<&'e Sense> {
        self.sense
    }

    /// The expansion of the meaning that applies, without the glued number.
    pub fn expansion(&self) -> Option<&'e str> {
        self.sense.map(Sense::expansion)
    }

    /// The category of the meaning that applies, or of the entry when all its meanings share
    /// one.
    pub fn category(&self) -> Option<Category> {
        match self.sense {
            Some(s) => Some(s.category()),
            None => {
                let first = self.entry.senses().first()?.category();
                self.entry
                    .senses()
                    .iter()
                    .all(|s| s.category() == first)
                    .then_some(first)
            }
        }
    }

    /// Whether the entry has several meanings or needs context (a property of the entry,
    /// true even when the context did select a sense here; [`Match::kind`] says what was
    /// decided for this occurrence).
    pub fn is_ambiguous(&self) -> bool {
        self.entry.is_ambiguous()
    }

    /// The span of the number glued to the abbreviation ("10" in "P10"), if any.
    pub fn number_span(&self) -> Option<Span> {
        (self.key_end < self.span.end).then(|| Span::new(self.key_end, self.span.end))
    }
}

/// The matches of an [`Expander`] in a text, in order. Built by [`Expander::find_iter`].
#[derive(Clone, Debug)]
pub struct Matches<'e, 't> {
    expander: &'e Expander,
    keys: Option<&'e KeySet>,
    text: &'t str,
    pos: usize,
    /// Entries the text has given a meaning of its own ("Khách hàng (KH)"): from there on,
    /// their abbreviation means what the author said, and is left as written.
    pub(crate) redefined: Vec<u32>,
}

impl<'e> Iterator for Matches<'e, '_> {
    type Item = Match<'e>;

    fn next(&mut self) -> Option<Match<'e>> {
        let entries = self.expander.inner.dict.entries();
        let text = self.text;
        let hit = self.keys?.next_hit(text, self.pos, |entry, _start, end| {
            let e = entries.get(entry as usize)?;
            if !e.is_numbered() {
                return Some(end);
            }
            // A numbered form ("P") stands only with its number ("P10").
            let digits = text[end..].bytes().take_while(u8::is_ascii_digit).count();
            let real_end = end + digits;
            (digits > 0 && crate::text::word_ends_at(text, real_end)).then_some(real_end)
        })?;
        self.pos = hit.end;
        let mut m = self.expander.decide(text, hit);
        if m.kind == MatchKind::Redefined {
            if !self.redefined.contains(&m.index) {
                self.redefined.push(m.index);
            }
        } else if self.redefined.contains(&m.index)
            && matches!(m.kind, MatchKind::Expansion | MatchKind::Ambiguous)
        {
            m.kind = MatchKind::Redefined;
            m.sense = None;
        }
        Some(m)
    }
}

impl std::iter::FusedIterator for Matches<'_, '_> {}
