//! Normalizing Vietnamese text: the [`Normalizer`], its builder, and the offset map back to
//! the caller's bytes.
//!
//! See [`Normalizer`] for the steps and an example.

mod legacy;
mod letters;
mod look_alikes;
mod nfc;
mod offsets;
mod scan;
mod spacing;
mod syllable;
mod tcvn3;
mod tone;
mod viqr;
mod vni;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use crate::error::Error;

pub use offsets::{Change, OffsetMap, Rule};

use offsets::{Recorder, Sink, StepMap, Writer};
use tone::WordOptions;

/// Where tone marks go in the open syllables with oa, oe, uy, the only ones where the two
/// conventions differ.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ToneStyle {
    /// Leave every mark where it is (the default).
    #[default]
    Keep,
    /// "Kiểu cũ": hòa, khỏe, thủy. Misplaced marks elsewhere are repaired.
    Old,
    /// "Kiểu mới" (Quy định 240/QĐ, 1984; Quyết định 1989/QĐ-BGDĐT, 2018): hoà, khoẻ, thuỷ.
    /// Misplaced marks elsewhere are repaired.
    New,
}

impl FromStr for ToneStyle {
    type Err = Error;

    fn from_str(s: &str) -> Result<ToneStyle, Error> {
        match s {
            "keep" => Ok(ToneStyle::Keep),
            "old" => Ok(ToneStyle::Old),
            "new" => Ok(ToneStyle::New),
            _ => Err(Error::usage(format!(
                "unknown tone style {s:?} (expected keep, old or new)"
            ))),
        }
    }
}

/// The encoding the input was written in, before it became the `&str` passed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// Unicode: no legacy decoding (the default).
    #[default]
    Unicode,
    /// TCVN3 (ABC, the .VnTime fonts), everywhere.
    Tcvn3,
    /// VNI-Windows, everywhere.
    Vni,
    /// VIQR, everywhere. Never detected: its marks are ordinary punctuation.
    Viqr,
    /// TCVN3 or VNI detected word by word; correct Unicode is left alone.
    Auto,
}

impl FromStr for Encoding {
    type Err = Error;

    fn from_str(s: &str) -> Result<Encoding, Error> {
        match s {
            "unicode" | "utf-8" | "utf8" => Ok(Encoding::Unicode),
            "tcvn3" | "abc" => Ok(Encoding::Tcvn3),
            "vni" => Ok(Encoding::Vni),
            "viqr" => Ok(Encoding::Viqr),
            "auto" => Ok(Encoding::Auto),
            _ => Err(Error::usage(format!(
                "unknown encoding {s:?} (expected tcvn3, vni, viqr, auto or unicode)"
            ))),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Options {
    nfc: bool,
    look_alikes: bool,
    spacing: bool,
    /// With `spacing`: no-break spaces, runs of spaces and trailing spaces rewritten too,
    /// not only invisible characters removed (off only for readers that skip all white
    /// space anyway, such as the officials tagger).
    rewrite_spaces: bool,
    tone: ToneStyle,
    repair_tones: bool,
    from: Encoding,
    spelling: bool,
}

impl Options {
    fn words(&self) -> WordOptions {
        WordOptions {
            tone: self.tone,
            repair: self.repair_tones,
            spelling: self.spelling,
        }
    }

    fn chars_active(&self) -> bool {
        self.nfc || self.look_alikes || self.spacing
    }
}

/// Configures and builds a [`Normalizer`].
///
/// ```
/// use viettat::{Encoding, Normalizer, ToneStyle};
///
/// let n = Normalizer::builder()
///     .from(Encoding::Auto)
///     .tone(ToneStyle::Old)
///     .spelling(true)
///     .build();
/// assert_eq!(n.normalize("Qui chÕ hoµ gi¶i"), "Quy chế hòa giải");
/// ```
#[derive(Clone, Debug)]
pub struct NormalizerBuilder {
    options: Options,
}

impl Default for NormalizerBuilder {
    fn default() -> NormalizerBuilder {
        NormalizerBuilder::new()
    }
}

impl NormalizerBuilder {
    /// The default pipeline: NFC, look-alikes and spacing on; tones kept; no legacy
    /// decoding; no spelling variants.
    pub fn new() -> NormalizerBuilder {
        NormalizerBuilder {
            options: Options {
                nfc: true,
                look_alikes: true,
                spacing: true,
                rewrite_spaces: true,
                tone: ToneStyle::Keep,
                repair_tones: false,
                from: Encoding::Unicode,
                spelling: false,
            },
        }
    }

    /// Unicode NFC (default: on).
    pub fn nfc(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.options.nfc = yes;
        self
    }

    /// Ð/ð/Ɖ/ɖ to Đ/đ in Vietnamese words (default: on).
    pub fn look_alikes(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.options.look_alikes = yes;
        self
    }

    /// No-break spaces, invisible characters, runs of spaces and trailing spaces (default: on).
    pub fn spacing(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.options.spacing = yes;
        self
    }

    /// With [`NormalizerBuilder::spacing`], whether white space is rewritten (no-break
    /// spaces, runs of spaces, trailing spaces) as well as invisible characters removed
    /// (default: on). A reader that skips all white space between words gets the same
    /// words with it off, and text whose only fault is its spacing is then borrowed rather
    /// than copied.
    pub(crate) fn rewrite_spaces(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.options.rewrite_spaces = yes;
        self
    }

    /// Tone-mark placement (default: [`ToneStyle::Keep`]).
    pub fn tone(&mut self, style: ToneStyle) -> &mut NormalizerBuilder {
        self.options.tone = style;
        self
    }

    /// With [`ToneStyle::Keep`], still move marks that neither convention allows ("baỏ" →
    /// "bảo"), leaving hòa and hoà each as written (default: off; the other styles always
    /// repair).
    pub fn repair_tones(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.options.repair_tones = yes;
        self
    }

    /// The legacy encoding to decode from (default: [`Encoding::Unicode`], none).
    pub fn from(&mut self, encoding: Encoding) -> &mut NormalizerBuilder {
        self.options.from = encoding;
        self
    }

    /// Official spelling for the i/y variants after "qu": "Qui chế" → "Quy chế", "quí" →
    /// "quý" (default: off).
    pub fn spelling(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.options.spelling = yes;
        self
    }

    /// Builds the normalizer. The builder can be changed and built again.
    pub fn build(&self) -> Normalizer {
        Normalizer {
            options: Arc::new(self.options.clone()),
        }
    }
}

/// The normalizer: options, immutable once built, cheap to clone (an `Arc`), `Send + Sync`.
/// [`Normalizer::default`] is the default pipeline, built once per process.
///
/// The pipeline, in order, each step switchable:
/// 0. legacy encodings to Unicode (TCVN3, VNI, VIQR, or TCVN3/VNI detected), off by default;
/// 1. Unicode NFC;
/// 2. look-alikes of Đ/đ (Ð, ð, Ɖ, ɖ) where they sit in Vietnamese words;
/// 3. spacing (no-break spaces, invisible characters, runs of spaces, trailing spaces);
/// 4. tone-mark placement (old or new convention, or repair only), off by default;
/// 5. spelling variants (qui → quy), off by default.
///
/// Steps 1–3 share one scan that proves clean text clean without copying it.
///
/// ```
/// use std::borrow::Cow;
/// use viettat::{Normalizer, ToneStyle};
///
/// let n = Normalizer::default();
/// // Decomposed letters, an eth for Đ, a no-break space, a double space.
/// assert_eq!(n.normalize("Ðảng  bộ\u{A0}phu\u{31B}o\u{31B}\u{300}ng"), "Đảng bộ phường");
/// // Clean text comes back borrowed.
/// assert!(matches!(n.normalize("Đảng bộ phường"), Cow::Borrowed(_)));
///
/// let new_style = Normalizer::builder().tone(ToneStyle::New).build();
/// assert_eq!(new_style.normalize("Ủy ban hòa giải"), "Uỷ ban hoà giải");
/// ```
#[derive(Clone, Debug)]
pub struct Normalizer {
    options: Arc<Options>,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        static DEFAULT: OnceLock<Normalizer> = OnceLock::new();
        DEFAULT
            .get_or_init(|| NormalizerBuilder::new().build())
            .clone()
    }
}

/// Normalized text, with the map from its offsets back to the input and the list of changes.
#[derive(Clone, Debug)]
pub struct Normalized<'t> {
    text: Cow<'t, str>,
    offsets: OffsetMap,
    changes: Vec<Change>,
}

impl<'t> Normalized<'t> {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalized text, borrowed from the input if nothing changed.
    pub fn into_text(self) -> Cow<'t, str> {
        self.text
    }

    /// The map from offsets of [`text`](Self::text) to byte offsets of the input.
    pub fn offsets(&self) -> &OffsetMap {
        &self.offsets
    }

    /// Every change with the input span it replaced, in the order of the input (changes at
    /// the same place in the order the steps made them). The decoding of raw 8-bit bytes
    /// into characters is not listed: it is how the input is read, not a change to it.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }
}

/// What [`Normalizer::normalize_with_offsets`] collects besides the text.
struct Record {
    offsets: OffsetMap,
    changes: Vec<Change>,
}

/// Runs one step over `cur`, replacing it by the step's output if it changed anything.
fn step(
    cur: &mut Cow<'_, str>,
    record: Option<&mut Record>,
    f: impl FnOnce(&str, &mut Writer<'_>),
) {
    let recording = record.is_some();
    let done = {
        let mut w = Writer::<str>::new(cur, recording);
        f(cur, &mut w);
        w.finish()
    };
    if let Some((out, map)) = done {
        if let Some(r) = record {
            r.offsets.push(map);
            let k = r.offsets.step_count().saturating_sub(1);
            offsets::collect_changes(&r.offsets, k, &out, &mut r.changes);
        }
        *cur = Cow::Owned(out);
    }
}

impl Normalizer {
    /// A builder, starting from the default pipeline.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::new()
    }

    /// Normalizes `text`. Borrows it when nothing changes; on text that needs nothing the
    /// default pipeline only scans it.
    ///
    /// ```
    /// use viettat::Normalizer;
    ///
    /// let n = Normalizer::default();
    /// assert_eq!(n.normalize("HÐND  xã\u{200B} "), "HĐND xã");
    /// assert_eq!(n.normalize("Guðrún"), "Guðrún");
    /// ```
    pub fn normalize<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.run(Cow::Borrowed(text), None)
    }

    /// Normalizes `text` into `out`.
    pub fn normalize_to<W: fmt::Write>(&self, text: &str, out: &mut W) -> fmt::Result {
        out.write_str(&self.normalize(text))
    }

    /// Whether normalizing would leave `text` unchanged.
    pub fn is_normalized(&self, text: &str) -> bool {
        matches!(self.normalize(text), Cow::Borrowed(_))
    }

    /// Normalizes `text` and keeps the map back to its bytes and the list of changes.
    ///
    /// ```
    /// use viettat::{Normalizer, Rule};
    ///
    /// let input = "Ðại hội";
    /// let n = Normalizer::default().normalize_with_offsets(input);
    /// assert_eq!(n.text(), "Đại hội");
    /// assert_eq!(n.changes()[0].rule, Rule::LookAlike);
    /// assert_eq!(&input[n.changes()[0].span.range()], "Ð");
    /// assert_eq!(n.offsets().to_input(n.text().find("hội").unwrap()), input.find("hội").unwrap());
    /// ```
    pub fn normalize_with_offsets<'t>(&self, text: &'t str) -> Normalized<'t> {
        let mut r = Record {
            offsets: OffsetMap::new(text.len()),
            changes: Vec::new(),
        };
        let out = self.run(Cow::Borrowed(text), Some(&mut r));
        r.changes.sort_by_key(|c| c.span.start);
        Normalized {
            text: out,
            offsets: r.offsets,
            changes: r.changes,
        }
    }

    /// Normalizes raw bytes. Valid UTF-8 is read as such. Otherwise, when decoding from TCVN3,
    /// VNI or `Auto`, the whole input is read as 8-bit text (one byte, one character: the
    /// legacy file as it was saved) and decoded; with any other encoding, invalid UTF-8 is
    /// an error that gives the offset of the first bad byte. Offsets map to bytes of `input`.
    ///
    /// ```
    /// use viettat::{Encoding, Normalizer};
    ///
    /// let n = Normalizer::builder().from(Encoding::Auto).build();
    /// // "tổ chức" typed in a TCVN3 font, as the 8-bit file stores it.
    /// let out = n.normalize_bytes(b"t\xE6 ch\xF8c")?;
    /// assert_eq!(out.text(), "tổ chức");
    /// assert_eq!(out.offsets().to_input(5), 3); // "c" of "chức"
    /// # Ok::<(), viettat::Error>(())
    /// ```
    pub fn normalize_bytes<'t>(&self, input: &'t [u8]) -> Result<Normalized<'t>, Error> {
        match std::str::from_utf8(input) {
            Ok(text) => Ok(self.normalize_with_offsets(text)),
            Err(e) => {
                if !matches!(
                    self.options.from,
                    Encoding::Tcvn3 | Encoding::Vni | Encoding::Auto
                ) {
                    return Err(Error::invalid_utf8(e.valid_up_to()));
                }
                let decoded = legacy::decode_8bit(input);
                let mut r = Record {
                    offsets: OffsetMap::new(input.len()),
                    changes: Vec::new(),
                };
                r.offsets.push(offsets::StepMap::from_8bit(input));
                let out = self.run(Cow::Owned(decoded), Some(&mut r));
                r.changes.sort_by_key(|c| c.span.start);
                Ok(Normalized {
                    text: Cow::Owned(out.into_owned()),
                    offsets: r.offsets,
                    changes: r.changes,
                })
            }
        }
    }

    fn run<'t>(&self, mut cur: Cow<'t, str>, mut record: Option<&mut Record>) -> Cow<'t, str> {
        let o = &*self.options;
        if o.from != Encoding::Unicode {
            let from = o.from;
            step(&mut cur, record.as_deref_mut(), |t, w| {
                legacy::run(t, from, w)
            });
        }
        if o.chars_active() {
            chars_and_spaces(&mut cur, o, record.as_deref_mut());
        }
        if o.words().active() {
            let words = o.words();
            step(&mut cur, record, |t, w| tone::run(t, words, w));
        }
        cur
    }
}

/// Steps 1–3: the character pass, then the space pass on its output. The scan of the input
/// finds both the characters to look at and the runs of spaces. They are recorded as two
/// steps, as if each pass had written its output.
fn chars_and_spaces(cur: &mut Cow<'_, str>, o: &Options, record: Option<&mut Record>) {
    chars_then_spaces(cur, o, record, None);
}

/// [`chars_and_spaces`]; `in_place` says whether the space pass reads the output of the
/// character pass in place (see [`CharSink`]), or `None` to choose by the number of edits.
fn chars_then_spaces(
    cur: &mut Cow<'_, str>,
    o: &Options,
    record: Option<&mut Record>,
    in_place: Option<bool>,
) {
    let text: &str = cur;
    let recording = record.is_some();
    let mut scanner = scan::Scanner::new(text);
    let mut sink = match in_place {
        Some(false) => CharSink::Writing(Writer::new(text, recording)),
        _ => CharSink::Recording {
            rec: Recorder::new(text),
            record: recording,
            may_write: in_place.is_none(),
        },
    };
    chars(text, o, &mut sink, |floor| scanner.next_char_problem(floor));
    let runs = scanner.into_space_runs();
    // The space pass reads a few bytes at every run of spaces: with many runs, reading them
    // through the edits costs more than writing the text out.
    if o.spacing && o.rewrite_spaces && runs.len().saturating_mul(128) > text.len() {
        sink.write_out(false);
    }
    let out = match sink {
        CharSink::Recording { rec, .. } => {
            let first = rec.finish();
            let second = if !(o.spacing && o.rewrite_spaces) {
                None
            } else if first.is_unchanged() {
                space_pass(text, &runs, recording)
            } else {
                space_pass(&first, &spacing::run_starts(&first, &runs), recording)
            };
            let Some((out, second)) = (match second {
                Some(second) => Some(second),
                None if !first.is_unchanged() => Some((first.to_text(), StepMap::default())),
                None => None,
            }) else {
                return;
            };
            let (first, texts) = first.into_parts();
            if let Some(r) = record {
                r.push_step(first, |r, k| {
                    offsets::collect_recorded_changes(&r.offsets, k, &texts, &mut r.changes)
                });
                r.push_step(second, |r, k| {
                    offsets::collect_changes(&r.offsets, k, &out, &mut r.changes)
                });
            }
            out
        }
        CharSink::Writing(w) => {
            let (between, first) = w.finish().unzip();
            let between_text = between.as_deref().unwrap_or(text);
            let second = if !(o.spacing && o.rewrite_spaces) {
                None
            } else if between.is_none() {
                space_pass(text, &runs, recording)
            } else {
                space_pass(between_text, &scan::space_runs(between_text), recording)
            };
            let (out, second) = second.unzip();
            if let Some(r) = record {
                r.push_step(first.unwrap_or_default(), |r, k| {
                    offsets::collect_changes(&r.offsets, k, between_text, &mut r.changes)
                });
                if let (Some(out), Some(second)) = (&out, second) {
                    r.push_step(second, |r, k| {
                        offsets::collect_changes(&r.offsets, k, out, &mut r.changes)
                    });
                }
            }
            match out.or(between) {
                Some(out) => out,
                None => return,
            }
        }
    };
    *cur = Cow::Owned(out);
}

/// The space pass over `text`, looking at the runs of spaces at `at` (see [`spacing::runs`]):
/// its output and map, if it changed anything.
fn space_pass<T: offsets::Source + ?Sized>(
    text: &T,
    at: &[usize],
    record: bool,
) -> Option<(String, StepMap)> {
    let mut w = Writer::new(text, record);
    spacing::runs(text, at, &mut w);
    w.finish()
}

impl Record {
    /// Adds the map of a step that changed something, then its changes.
    fn push_step(&mut self, map: StepMap, changes: impl FnOnce(&mut Record, usize)) {
        if map.is_empty() {
            return;
        }
        self.offsets.push(map);
        let k = self.offsets.step_count().saturating_sub(1);
        changes(self, k);
    }
}

/// Where the character pass reports its edits. While they are few, they are recorded only:
/// the space pass reads the output in place (its input and its edits), and the text is
/// written out once, for both passes. A read through the edits costs more than a read of
/// written text, though: when they turn out to be many (a decomposed text, no-break spaces
/// everywhere), the output so far is written out and the pass goes on writing, as other steps
/// do.
enum CharSink<'t> {
    Recording {
        rec: Recorder<'t, str>,
        /// Whether the edits are kept for the offset map.
        record: bool,
        /// Whether it may go on writing.
        may_write: bool,
    },
    Writing(Writer<'t, str>),
}

impl CharSink<'_> {
    /// Goes on writing, if it may and has edits (or even without, if `even_unchanged`).
    fn write_out(&mut self, even_unchanged: bool) {
        if let CharSink::Recording {
            rec,
            record,
            may_write: true,
        } = self
        {
            if even_unchanged || rec.edit_count() > 0 {
                let record = *record;
                let rec = std::mem::replace(rec, Recorder::new(""));
                *self = CharSink::Writing(rec.into_writer(record));
            }
        }
    }
}

impl Sink for CharSink<'_> {
    fn replace(&mut self, start: usize, end: usize, with: &str, rule: Rule) {
        match self {
            CharSink::Writing(w) => w.replace(start, end, with, rule),
            CharSink::Recording { rec, .. } => {
                rec.replace(start, end, with, rule);
                // More than one edit per 128 bytes of the text so far.
                let n = rec.edit_count();
                if n >= 256 && n.saturating_mul(128) > end {
                    self.write_out(true);
                }
            }
        }
    }
}

/// The character pass of steps 1–3. `next_problem` gives the first character at or after a
/// position that is not plain (see [`scan::Scanner`]).
fn chars<S: Sink>(
    text: &str,
    o: &Options,
    sink: &mut S,
    mut next_problem: impl FnMut(usize) -> Option<usize>,
) {
    let mut scratch = String::new();
    let mut floor = 0;
    let mut found = next_problem(0);
    while let Some(p) = found {
        let Some(c) = crate::text::char_at(text, p) else {
            break;
        };
        let after = p + c.len_utf8();
        // A mark that follows (possibly behind invisible characters) is composed with what
        // comes before it, in one region.
        let mark_follows = || {
            text.get(after..)
                .and_then(|r| {
                    r.chars()
                        .find(|&d| !(o.spacing && spacing::is_invisible_char(d)))
                })
                .is_some_and(|d| !nfc::is_stable_starter(d))
        };
        let next = if !nfc::is_stable_starter(c) {
            if o.nfc {
                nfc::repair(text, p, floor, o.spacing, &mut scratch, sink)
            } else {
                after
            }
        } else if look_alikes::is_look_alike(c) {
            if o.look_alikes {
                look_alikes::repair(text, p, sink)
            } else {
                after
            }
        } else if o.spacing && spacing::is_invisible_at(text, p) && o.nfc && mark_follows() {
            // Find the mark and repair from there (the region reaches back over this one).
            let mark = text
                .get(after..)
                .and_then(|r| {
                    r.char_indices()
                        .find(|&(_, d)| !spacing::is_invisible_char(d))
                })
                .map_or(after, |(i, _)| after + i);
            nfc::repair(text, mark, floor, true, &mut scratch, sink)
        } else if o.spacing {
            spacing::repair_char(text, p, o.rewrite_spaces, sink)
        } else {
            after
        };
        floor = next.max(after);
        found = next_problem(floor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scan::tests::{next_char_problem_simple, next_space_problem_simple};

    /// The space pass over a written-out text, one byte at a time: what [`spacing::runs`]
    /// must do on the output of the character pass read in place.
    fn runs_simple<S: Sink>(text: &str, sink: &mut S) {
        let bytes = text.as_bytes();
        let mut pos = 0;
        while let Some(p) = next_space_problem_simple(bytes, pos) {
            let mut start = p;
            while start > pos && bytes.get(start - 1) == Some(&b' ') {
                start -= 1;
            }
            let mut end = p;
            while bytes.get(end) == Some(&b' ') {
                end += 1;
            }
            let next = bytes.get(end).copied();
            let line_start = start == 0 || matches!(bytes.get(start - 1), Some(b'\n' | b'\r'));
            if matches!(next, None | Some(b'\n' | b'\r')) {
                sink.replace(start, end, "", Rule::TrailingSpace);
            } else if line_start {
            } else if text
                .get(end..)
                .and_then(|r| r.chars().next())
                .is_some_and(nfc::combines_backward)
            {
                sink.replace(start, end - 1, "", Rule::Spaces);
            } else {
                sink.replace(start + 1, end, "", Rule::Spaces);
            }
            pos = end.max(p + 1);
        }
    }

    /// Steps 1–3 as two passes that each write their output, found character by character,
    /// starting (as the pipeline once did) at the first problem of either kind.
    fn chars_and_spaces_simple(text: &str, o: &Options) -> (String, String, Vec<Change>) {
        let mut cur = Cow::Borrowed(text);
        let mut r = Record {
            offsets: OffsetMap::new(text.len()),
            changes: Vec::new(),
        };
        let first_char = next_char_problem_simple(text, 0);
        let first_space = next_space_problem_simple(text.as_bytes(), 0);
        let first = match (first_char, first_space) {
            (Some(c), Some(s)) => Some(c.min(s)),
            (c, s) => c.or(s),
        };
        if let Some(first) = first {
            step(&mut cur, Some(&mut r), |t, w| {
                let mut found = Some(first);
                chars(t, o, w, |floor| {
                    found.take().or_else(|| next_char_problem_simple(t, floor))
                });
            });
            if o.spacing && o.rewrite_spaces {
                step(&mut cur, Some(&mut r), |t, w| runs_simple(t, w));
            }
        }
        r.changes.sort_by_key(|c| c.span.start);
        (cur.into_owned(), format!("{:?}", r.offsets), r.changes)
    }

    fn chars_and_spaces_fast(
        text: &str,
        o: &Options,
        in_place: Option<bool>,
    ) -> (String, String, Vec<Change>) {
        let mut cur = Cow::Borrowed(text);
        let mut r = Record {
            offsets: OffsetMap::new(text.len()),
            changes: Vec::new(),
        };
        chars_then_spaces(&mut cur, o, Some(&mut r), in_place);
        r.changes.sort_by_key(|c| c.span.start);
        (cur.into_owned(), format!("{:?}", r.offsets), r.changes)
    }

    /// Text full of what the scan and the space pass treat specially, in blocks of every
    /// length: spaces next to no-break spaces, invisible characters, marks and line breaks.
    fn spacey(seed: &mut u64) -> String {
        const PIECES: [&str; 34] = [
            " ",
            " ",
            "  ",
            "   ",
            "\n",
            "\r\n",
            "\t",
            "a",
            "ô",
            "Đ",
            "ệ",
            "–",
            "“",
            "\u{A0}",
            "\u{202F}",
            "\u{200B}",
            "\u{200D}",
            "\u{2060}",
            "\u{FEFF}",
            "\u{AD}",
            "\u{301}",
            "\u{300}",
            "\u{323}",
            "\u{302}",
            "\u{31B}",
            "\u{308}",
            "Ð",
            "ð",
            "Ɖ",
            "ɖ",
            "😀",
            "\u{212B}",
            "\u{2000}",
            "Phường Ngọc Lâm tổ chức hội nghị tổng kết",
        ];
        let mut next = || {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed
        };
        let n = next() % 60;
        (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect()
    }

    #[test]
    fn writing_from_the_middle_agrees_with_two_passes() {
        // Sparse problems, then dense ones: the character pass starts recording and writes
        // from where its edits turn out to be many.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let clean = "Phường Ngọc Lâm tổ chức hội nghị tổng kết.\n".repeat(300);
        for _ in 0..20 {
            let mut text = clean.clone();
            text.insert_str(500, "a\u{A0} b");
            while text.len() < 60_000 {
                text.push_str(&spacey(&mut seed));
                text.push_str("x\u{A0}y ");
            }
            let o = &NormalizerBuilder::new().options;
            assert_eq!(
                chars_and_spaces_fast(&text, o, None),
                chars_and_spaces_simple(&text, o)
            );
        }
    }

    #[test]
    fn one_written_pass_agrees_with_two() {
        let mut all = Vec::new();
        for nfc in [true, false] {
            for look_alikes in [true, false] {
                for (spacing, spaces) in [(true, true), (true, false), (false, true)] {
                    let mut b = NormalizerBuilder::new();
                    b.nfc(nfc)
                        .look_alikes(look_alikes)
                        .spacing(spacing)
                        .rewrite_spaces(spaces);
                    all.push(b.options);
                }
            }
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let text = spacey(&mut seed);
            for o in &all {
                if !o.chars_active() {
                    continue;
                }
                let simple = chars_and_spaces_simple(&text, o);
                for in_place in [Some(true), Some(false), None] {
                    assert_eq!(
                        chars_and_spaces_fast(&text, o, in_place),
                        simple,
                        "{text:?} {o:?} {in_place:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn white_space_can_be_left_as_written() {
        let n = Normalizer::builder().rewrite_spaces(false).build();
        // Nothing but white space to fix: borrowed, not copied.
        let text = "Ủy ban  nhân\u{a0}dân  \n\u{a0}\n";
        assert!(matches!(n.normalize(text), Cow::Borrowed(_)));
        // Invisible characters still go, and composing still happens.
        assert_eq!(
            n.normalize("Nguy\u{200B}ễn  Văn\u{a0}Đư\u{301}c"),
            "Nguyễn  Văn\u{a0}Đức"
        );
    }
}
