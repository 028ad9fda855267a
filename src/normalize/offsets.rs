//! Edits and offset maps.
//!
//! Every step of the pipeline reads a text and reports its changes, in order, as edits
//! "replace bytes `start..end` of my input with this". A [`Sink`] either applies them
//! straight into the output (plain [`normalize`](super::Normalizer::normalize)) or also
//! records them, so that output positions can be mapped back through every step to the
//! caller's bytes ([`OffsetMap`]).

use std::cell::Cell;
use std::fmt;

use crate::span::Span;

/// Which rule made a change. Its [`name`](Rule::name) is what `viettat normalize --report`
/// prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// Unicode canonical composition (NFC).
    Nfc,
    /// A look-alike letter replaced by the Vietnamese one (Ð → Đ).
    LookAlike,
    /// A no-break space (or narrow no-break space) turned into a space.
    NoBreakSpace,
    /// An invisible character removed (zero-width space or joiner, word joiner, BOM, soft
    /// hyphen).
    Invisible,
    /// A run of spaces between words shortened to one.
    Spaces,
    /// Spaces at the end of a line removed.
    TrailingSpace,
    /// A tone mark moved to the vowel the chosen convention puts it on.
    Tone,
    /// A letter decoded from TCVN3 (ABC).
    Tcvn3,
    /// A letter decoded from VNI-Windows.
    Vni,
    /// A letter decoded from VIQR.
    Viqr,
    /// An i/y spelling variant replaced by the official one.
    Spelling,
}

impl Rule {
    /// A short, stable name: `nfc`, `look-alike`, `nbsp`, `invisible`, `spaces`,
    /// `trailing-space`, `tone`, `tcvn3`, `vni`, `viqr`, `spelling`.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Nfc => "nfc",
            Rule::LookAlike => "look-alike",
            Rule::NoBreakSpace => "nbsp",
            Rule::Invisible => "invisible",
            Rule::Spaces => "spaces",
            Rule::TrailingSpace => "trailing-space",
            Rule::Tone => "tone",
            Rule::Tcvn3 => "tcvn3",
            Rule::Vni => "vni",
            Rule::Viqr => "viqr",
            Rule::Spelling => "spelling",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Receives the edits of one step, in increasing, non-overlapping order.
pub(crate) trait Sink {
    /// Replace `start..end` of the step's input with `with`.
    fn replace(&mut self, start: usize, end: usize, with: &str, rule: Rule);
}

/// One recorded edit: the bytes of the step's input it replaced and the bytes of the step's
/// output it wrote (where its replacement text can be read while that output is alive).
#[derive(Clone, Copy, Debug)]
struct Edit {
    in_start: usize,
    in_end: usize,
    out_start: usize,
    out_end: usize,
    rule: Rule,
}

/// Applies a step's edits to its input, optionally recording them.
pub(crate) struct Writer<'t, T: Source + ?Sized = str> {
    src: &'t T,
    out: String,
    copied: usize,
    changed: bool,
    record: Option<Vec<Edit>>,
}

impl<'t, T: Source + ?Sized> Writer<'t, T> {
    pub(crate) fn new(src: &'t T, record: bool) -> Writer<'t, T> {
        Writer {
            src,
            out: String::new(),
            copied: 0,
            changed: false,
            record: record.then(Vec::new),
        }
    }

    /// The step's output (`None` if it changed nothing) and its map.
    pub(crate) fn finish(mut self) -> Option<(String, StepMap)> {
        if !self.changed {
            return None;
        }
        self.src
            .push_range(self.copied, self.src.len(), &mut self.out);
        let map = StepMap {
            edits: self.record.unwrap_or_default(),
        };
        Some((self.out, map))
    }
}

impl<T: Source + ?Sized> Sink for Writer<'_, T> {
    fn replace(&mut self, start: usize, end: usize, with: &str, rule: Rule) {
        let Some(same) = self.src.reads(start, end, with) else {
            return;
        };
        if start < self.copied || same {
            return;
        }
        if !self.changed {
            self.changed = true;
            let len = self.src.len();
            self.out.reserve(len + len / 8 + 16);
        }
        self.src.push_range(self.copied, start, &mut self.out);
        let out_start = self.out.len();
        self.out.push_str(with);
        if let Some(edits) = &mut self.record {
            edits.push(Edit {
                in_start: start,
                in_end: end,
                out_start,
                out_end: self.out.len(),
                rule,
            });
        }
        self.copied = end;
    }
}

/// Text a step reads: a `str`, or the output of an earlier step that has not been written
/// out ([`Edited`]).
pub(crate) trait Source {
    /// The length in bytes.
    fn len(&self) -> usize;

    /// The byte at `i`.
    fn byte(&self, i: usize) -> Option<u8> {
        self.bytes_at(i).first().copied()
    }

    /// The bytes from `i` to the end of the piece that holds it: to the end of the text for a
    /// `str`, to the next edit or the end of a replacement for [`Edited`]. Empty only at the
    /// end of the text.
    fn bytes_at(&self, i: usize) -> &[u8];

    /// The character that starts at byte `i`.
    fn char_at(&self, i: usize) -> Option<char>;

    /// Whether bytes `start..end` read `with`; `None` if they are not a range of whole
    /// characters.
    fn reads(&self, start: usize, end: usize, with: &str) -> Option<bool>;

    /// Appends bytes `start..end`, a range of whole characters, to `out`.
    fn push_range(&self, start: usize, end: usize, out: &mut String);
}

impl Source for str {
    fn len(&self) -> usize {
        str::len(self)
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.as_bytes().get(i).copied()
    }

    fn bytes_at(&self, i: usize) -> &[u8] {
        self.as_bytes().get(i..).unwrap_or(&[])
    }

    fn char_at(&self, i: usize) -> Option<char> {
        crate::text::char_at(self, i)
    }

    fn reads(&self, start: usize, end: usize, with: &str) -> Option<bool> {
        self.get(start..end).map(|old| old == with)
    }

    fn push_range(&self, start: usize, end: usize, out: &mut String) {
        out.push_str(self.get(start..end).unwrap_or(""));
    }
}

/// Records a step's edits without writing its output, which [`Edited`] then reads in place:
/// a step whose output only feeds the next one is never copied. Takes and drops edits as
/// [`Writer`] does, so that the recorded edits are the same.
pub(crate) struct Recorder<'s, T: Source + ?Sized> {
    src: &'s T,
    copied: usize,
    out_len: usize,
    edits: Vec<Edit>,
    texts: String,
    text_starts: Vec<usize>,
}

impl<'s, T: Source + ?Sized> Recorder<'s, T> {
    pub(crate) fn new(src: &'s T) -> Recorder<'s, T> {
        Recorder {
            src,
            copied: 0,
            out_len: 0,
            edits: Vec::new(),
            texts: String::new(),
            text_starts: Vec::new(),
        }
    }

    pub(crate) fn edit_count(&self) -> usize {
        self.edits.len()
    }

    /// A [`Writer`] that goes on from here, with the output so far written out (and the edits
    /// so far kept if `record`).
    pub(crate) fn into_writer(self, record: bool) -> Writer<'s, T> {
        let (copied, written) = (self.copied, self.out_len);
        let edited = self.finish();
        let len = edited.src.len();
        let mut out = String::with_capacity(len + len / 8 + 16);
        edited.push_range(0, written, &mut out);
        Writer {
            src: edited.src,
            out,
            copied,
            changed: !edited.edits.is_empty(),
            record: record.then_some(edited.edits),
        }
    }

    pub(crate) fn finish(self) -> Edited<'s, T> {
        Edited {
            len: self.out_len + self.src.len().saturating_sub(self.copied),
            src: self.src,
            edits: self.edits,
            texts: self.texts,
            text_starts: self.text_starts,
            last: Cell::new(0),
            stretch: Cell::new((0, 0, 0)),
        }
    }
}

impl<T: Source + ?Sized> Sink for Recorder<'_, T> {
    fn replace(&mut self, start: usize, end: usize, with: &str, rule: Rule) {
        let Some(same) = self.src.reads(start, end, with) else {
            return;
        };
        if start < self.copied || same {
            return;
        }
        self.out_len += start - self.copied;
        let out_start = self.out_len;
        self.out_len += with.len();
        self.text_starts.push(self.texts.len());
        self.texts.push_str(with);
        self.edits.push(Edit {
            in_start: start,
            in_end: end,
            out_start,
            out_end: self.out_len,
            rule,
        });
        self.copied = end;
    }
}

/// A step's output, read through its input and its recorded edits.
pub(crate) struct Edited<'s, T: Source + ?Sized> {
    src: &'s T,
    edits: Vec<Edit>,
    /// The replacement texts, one after the other, and where each starts.
    texts: String,
    text_starts: Vec<usize>,
    len: usize,
    /// The last answer of [`edit_after`](Self::edit_after).
    last: Cell<usize>,
    /// The last stretch of input that [`place`](Self::place) found copied unchanged: output
    /// bytes `.0...1` are input bytes from `.2` on. Most reads fall in it.
    stretch: Cell<(usize, usize, usize)>,
}

/// Where an output byte comes from.
enum Place {
    /// Byte `.1` of the replacement text of edit `.0`.
    Replacement(usize, usize),
    /// That byte of the input, copied unchanged with the `.1 - 1` bytes after it.
    Input(usize, usize),
}

impl<'s, T: Source + ?Sized> Edited<'s, T> {
    pub(crate) fn is_unchanged(&self) -> bool {
        self.edits.is_empty()
    }

    /// The map and the replacement texts (one after the other, in the order of the edits).
    pub(crate) fn into_parts(self) -> (StepMap, String) {
        (StepMap { edits: self.edits }, self.texts)
    }

    /// The first edit whose output ends after `o`. The space pass reads a few bytes here and
    /// there, in order, so the search starts from the last answer.
    fn edit_after(&self, o: usize) -> usize {
        let ends_by = |i: usize| self.edits.get(i).is_some_and(|e| e.out_end <= o);
        let mut i = self.last.get();
        if i > 0 && !ends_by(i - 1) {
            i = self
                .edits
                .get(..i)
                .map_or(0, |e| e.partition_point(|e| e.out_end <= o));
        } else {
            let mut steps = 0;
            while ends_by(i) {
                i += 1;
                steps += 1;
                if steps == 8 {
                    let rest = self.edits.get(i..).unwrap_or(&[]);
                    i += rest.partition_point(|e| e.out_end <= o);
                    break;
                }
            }
        }
        self.last.set(i);
        i
    }

    /// Where byte `o` (less than the length) comes from.
    fn place(&self, o: usize) -> Place {
        let (lo, hi, from) = self.stretch.get();
        if lo <= o && o < hi {
            return Place::Input(from + (o - lo), hi - o);
        }
        let i = self.edit_after(o);
        let next = self.edits.get(i);
        if let Some(e) = next {
            if e.out_start <= o {
                return Place::Replacement(i, o - e.out_start);
            }
        }
        let hi = next.map_or(self.len, |e| e.out_start);
        let (lo, from) = match i.checked_sub(1).and_then(|p| self.edits.get(p)) {
            Some(prev) => (prev.out_end, prev.in_end),
            None => (0, 0),
        };
        self.stretch.set((lo, hi, from));
        Place::Input(from + (o - lo), hi - o)
    }

    fn replacement(&self, i: usize) -> &str {
        let (Some(e), Some(&s)) = (self.edits.get(i), self.text_starts.get(i)) else {
            return "";
        };
        self.texts
            .get(s..s + (e.out_end - e.out_start))
            .unwrap_or("")
    }

    fn is_boundary(&self, o: usize) -> bool {
        o == self.len || self.byte(o).is_some_and(|b| !(0x80..0xC0).contains(&b))
    }

    /// The output offsets of the input positions in `at` (ascending) whose byte and the one
    /// after it (or the end) were both copied unchanged, next to each other.
    pub(crate) fn untouched_pairs(&self, at: &[usize]) -> Vec<usize> {
        let mut out = Vec::with_capacity(at.len());
        let mut k = 0;
        for &q in at {
            while self.edits.get(k).is_some_and(|e| e.in_end <= q) {
                k += 1;
            }
            if self.edits.get(k).is_some_and(|e| e.in_start <= q + 1) {
                continue;
            }
            out.push(match k.checked_sub(1).and_then(|p| self.edits.get(p)) {
                Some(prev) => prev.out_end + (q - prev.in_end),
                None => q,
            });
        }
        out
    }

    /// The output offsets from the byte before each edit's output to the byte after it, in
    /// order, each once: with [`untouched_pairs`](Self::untouched_pairs) of every input
    /// position, every pair of output bytes.
    pub(crate) fn around_edits(&self) -> impl Iterator<Item = usize> + '_ {
        let len = self.len;
        let mut next = 0;
        self.edits.iter().flat_map(move |e| {
            let from = e.out_start.saturating_sub(1).max(next);
            let to = (e.out_end + 1).min(len);
            next = next.max(to);
            from..to
        })
    }

    /// The whole output.
    pub(crate) fn to_text(&self) -> String {
        let mut out = String::with_capacity(self.len);
        self.push_range(0, self.len, &mut out);
        out
    }
}

impl<T: Source + ?Sized> Source for Edited<'_, T> {
    fn len(&self) -> usize {
        self.len
    }

    fn bytes_at(&self, o: usize) -> &[u8] {
        if o >= self.len {
            return &[];
        }
        match self.place(o) {
            Place::Replacement(i, k) => self.replacement(i).as_bytes().get(k..).unwrap_or(&[]),
            Place::Input(p, n) => {
                let b = self.src.bytes_at(p);
                b.get(..n).unwrap_or(b)
            }
        }
    }

    fn char_at(&self, o: usize) -> Option<char> {
        if o >= self.len {
            return None;
        }
        match self.place(o) {
            Place::Replacement(i, k) => self.replacement(i).get(k..)?.chars().next(),
            Place::Input(p, _) => self.src.char_at(p),
        }
    }

    fn reads(&self, start: usize, end: usize, with: &str) -> Option<bool> {
        if start > end || end > self.len || !self.is_boundary(start) || !self.is_boundary(end) {
            return None;
        }
        if end - start != with.len() {
            return Some(false);
        }
        let same = with
            .bytes()
            .enumerate()
            .all(|(k, b)| self.byte(start + k) == Some(b));
        Some(same)
    }

    fn push_range(&self, start: usize, end: usize, out: &mut String) {
        let end = end.min(self.len);
        let mut o = start;
        let mut i = self.edit_after(o);
        while o < end {
            // Past the replacement just copied, and past deletions.
            while self.edits.get(i).is_some_and(|e| e.out_end <= o) {
                i += 1;
            }
            match self.edits.get(i) {
                Some(e) if e.out_start <= o => {
                    let to = end.min(e.out_end);
                    let r = self.replacement(i);
                    out.push_str(r.get(o - e.out_start..to - e.out_start).unwrap_or(""));
                    o = to;
                }
                next => {
                    let to = end.min(next.map_or(self.len, |e| e.out_start));
                    let from = match i.checked_sub(1).and_then(|p| self.edits.get(p)) {
                        Some(prev) => prev.in_end + (o - prev.out_end),
                        None => o,
                    };
                    self.src.push_range(from, from + (to - o), out);
                    o = to;
                }
            }
        }
    }
}

/// The edits of one step, for mapping its output offsets back to its input.
#[derive(Clone, Debug, Default)]
pub(crate) struct StepMap {
    edits: Vec<Edit>,
}

impl StepMap {
    pub(crate) fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The map of reading raw 8-bit bytes one byte to one character (see
    /// [`decode_8bit`](super::legacy::decode_8bit)): every non-ASCII byte became a character
    /// of two or three UTF-8 bytes.
    pub(crate) fn from_8bit(bytes: &[u8]) -> StepMap {
        let mut edits = Vec::new();
        let mut out = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let len = super::legacy::decode_byte(b).len_utf8();
            if b >= 0x80 {
                edits.push(Edit {
                    in_start: i,
                    in_end: i + 1,
                    out_start: out,
                    out_end: out + len,
                    rule: Rule::Nfc,
                });
            }
            out += len;
        }
        StepMap { edits }
    }

    /// The step-input offset of the character that starts at output offset `o`. Inside a
    /// replacement, every output character maps to the start of what it replaced; at a
    /// deletion, to the character after it.
    fn start(&self, o: usize) -> usize {
        self.start_before(o, self.edits.partition_point(|e| e.out_end <= o))
    }

    /// [`start`](Self::start) for offsets that only increase from one call to the next:
    /// `at` moves forward through the edits instead of a search each time.
    fn start_from(&self, o: usize, at: &mut usize) -> usize {
        while self.edits.get(*at).is_some_and(|e| e.out_end <= o) {
            *at += 1;
        }
        self.start_before(o, *at)
    }

    /// [`start`](Self::start), given the first edit whose output ends after `o`.
    fn start_before(&self, o: usize, i: usize) -> usize {
        if let Some(e) = self.edits.get(i) {
            if e.out_start <= o {
                return e.in_start;
            }
        }
        match i.checked_sub(1).and_then(|p| self.edits.get(p)) {
            Some(prev) => prev.in_end.saturating_add(o - prev.out_end),
            None => o,
        }
    }

    /// The step-input offset just after the character that ends at output offset `o`: inside
    /// or at the end of a replacement, the end of what it replaced; deletions right at `o`
    /// are not included.
    fn end(&self, o: usize) -> usize {
        self.end_before(o, self.edits.partition_point(|e| e.out_start < o))
    }

    /// [`end`](Self::end) for offsets that only increase, as [`start_from`](Self::start_from).
    fn end_from(&self, o: usize, at: &mut usize) -> usize {
        while self.edits.get(*at).is_some_and(|e| e.out_start < o) {
            *at += 1;
        }
        self.end_before(o, *at)
    }

    /// [`end`](Self::end), given the first edit whose output starts at or after `o`.
    fn end_before(&self, o: usize, i: usize) -> usize {
        match i.checked_sub(1).and_then(|p| self.edits.get(p)) {
            Some(e) if e.out_end >= o && e.out_end > e.out_start => e.in_end,
            Some(prev) if prev.out_end <= o => prev.in_end.saturating_add(o - prev.out_end),
            Some(e) => e.in_end,
            None => o,
        }
    }
}

/// Maps positions in normalized text back to byte offsets in the text the caller passed in.
///
/// The contract, which the tests check as properties:
/// - [`to_input`](OffsetMap::to_input) is monotonic and maps every character boundary of the
///   output to a character boundary of the input;
/// - text that no step touched maps one to one (the same bytes, shifted);
/// - a character that a step produced maps to the start of what it was made from (for
///   "a\u{301}" composed into "á", the "a"); the end of a span that ends inside or after
///   such a character maps to the end of its source.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// One map per step that changed something, in pipeline order.
    steps: Vec<StepMap>,
    input_len: usize,
}

impl OffsetMap {
    pub(crate) fn new(input_len: usize) -> OffsetMap {
        OffsetMap {
            steps: Vec::new(),
            input_len,
        }
    }

    pub(crate) fn push(&mut self, step: StepMap) {
        self.steps.push(step);
    }

    pub(crate) fn step_count(&self) -> usize {
        self.steps.len()
    }

    /// Whether nothing changed: every offset maps to itself.
    pub fn is_identity(&self) -> bool {
        self.steps.iter().all(|s| s.edits.is_empty())
    }

    /// The input offset of the output character that starts at `offset`; the end of the
    /// output maps to the end of the input.
    pub fn to_input(&self, offset: usize) -> usize {
        self.steps
            .iter()
            .rev()
            .fold(offset, |o, step| step.start(o))
            .min(self.input_len)
    }

    /// The input offset just after the output character that ends at `offset`.
    pub fn to_input_end(&self, offset: usize) -> usize {
        self.steps
            .iter()
            .rev()
            .fold(offset, |o, step| step.end(o))
            .min(self.input_len)
    }

    /// The input span a span of the output was made from: its start through
    /// [`to_input`](Self::to_input), its end through [`to_input_end`](Self::to_input_end).
    ///
    /// ```
    /// use viettat::{Normalizer, Span};
    ///
    /// let input = "Ðại  hội";
    /// let n = Normalizer::default().normalize_with_offsets(input);
    /// assert_eq!(n.text(), "Đại hội");
    /// let hoi = n.text().find("hội").unwrap();
    /// let span = n.offsets().span_to_input(Span::new(hoi, n.text().len()));
    /// assert_eq!(&input[span.range()], "hội");
    /// ```
    pub fn span_to_input(&self, span: Span) -> Span {
        let start = self.to_input(span.start);
        let end = if span.is_empty() {
            start
        } else {
            self.to_input_end(span.end).max(start)
        };
        Span::new(start, end)
    }

    /// Maps an edit of step `k` (a span of that step's input) to the caller's input. The
    /// edits of a step are mapped in order, so their starts and ends only increase, at every
    /// step back: `at` holds where each earlier step's edits were left, for starts and ends.
    fn step_span_to_input(
        &self,
        k: usize,
        start: usize,
        end: usize,
        at: &mut [(usize, usize)],
    ) -> Span {
        let earlier = self.steps.get(..k).unwrap_or(&[]);
        if earlier.is_empty() {
            let end = end.max(start);
            return Span::new(start.min(self.input_len), end.min(self.input_len));
        }
        let s = (earlier.iter().zip(at.iter_mut()).rev())
            .fold(start, |o, (step, at)| step.start_from(o, &mut at.0));
        let e = if end == start {
            s
        } else {
            (earlier.iter().zip(at.iter_mut()).rev())
                .fold(end, |o, (step, at)| step.end_from(o, &mut at.1))
                .max(s)
        };
        Span::new(s.min(self.input_len), e.min(self.input_len))
    }
}

/// One change made by the normalizer: the span of the caller's input it replaced, the rule,
/// and the replacement text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What was replaced, as a span of the caller's input.
    pub span: Span,
    /// The rule that made the change.
    pub rule: Rule,
    /// The text written instead (empty for a removal).
    pub replacement: String,
}

/// The replacement texts of recorded edits need the step outputs they were written into;
/// the pipeline collects them with [`collect_changes`] while those outputs are alive.
pub(crate) fn collect_changes(map: &OffsetMap, k: usize, step_output: &str, out: &mut Vec<Change>) {
    collect(map, k, out, |e, _| step_output.get(e.out_start..e.out_end));
}

/// [`collect_changes`] for a step that was not written out: `texts` holds its replacement
/// texts one after the other (see [`Edited::into_parts`]).
pub(crate) fn collect_recorded_changes(
    map: &OffsetMap,
    k: usize,
    texts: &str,
    out: &mut Vec<Change>,
) {
    collect(map, k, out, |e, at| {
        texts.get(at..at + (e.out_end - e.out_start))
    });
}

/// `replacement` gets each edit and where its text starts among the replacement texts.
fn collect<'a>(
    map: &OffsetMap,
    k: usize,
    out: &mut Vec<Change>,
    replacement: impl Fn(&Edit, usize) -> Option<&'a str>,
) {
    let Some(step) = map.steps.get(k) else {
        return;
    };
    let mut at = 0;
    let mut earlier = vec![(0, 0); k];
    out.reserve(step.edits.len());
    for e in &step.edits {
        out.push(Change {
            span: map.step_span_to_input(k, e.in_start, e.in_end, &mut earlier),
            rule: e.rule,
            replacement: replacement(e, at).unwrap_or("").to_string(),
        });
        at += e.out_end - e.out_start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(src: &str, edits: &[(usize, usize, &str)]) -> (String, StepMap) {
        let mut w = Writer::new(src, true);
        for &(s, e, r) in edits {
            w.replace(s, e, r, Rule::Nfc);
        }
        w.finish().unwrap()
    }

    #[test]
    fn deletion_and_replacement_maps() {
        // "a\u{200B}b\u{A0}c" → "ab c"
        let src = "a\u{200B}b\u{A0}c";
        let (out, map) = step(src, &[(1, 4, ""), (5, 7, " ")]);
        assert_eq!(out, "ab c");
        let mut m = OffsetMap::new(src.len());
        m.push(map);
        assert_eq!(m.to_input(0), 0);
        assert_eq!(m.to_input(1), 4); // "b" is after the deleted ZWSP
        assert_eq!(m.to_input(2), 5); // the space comes from the NBSP
        assert_eq!(m.to_input(3), 7);
        assert_eq!(m.to_input(4), src.len());
        assert_eq!(m.to_input_end(1), 1); // "a" ends before the deletion
        assert_eq!(m.to_input_end(3), 7);
        assert_eq!(m.span_to_input(Span::new(1, 3)), Span::new(4, 7));
    }

    #[test]
    fn mapping_edits_in_order_agrees_with_searching_each() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        let withs = ["", "x", "yz", "uvw"];
        for _ in 0..300 {
            let input: String = (0..next(60)).map(|_| 'a').collect();
            let mut map = OffsetMap::new(input.len());
            let mut text = input.clone();
            for _ in 0..1 + next(4) {
                let mut w = Writer::<str>::new(&text, true);
                let mut at = 0;
                while at <= text.len() && next(3) > 0 {
                    let start = at + next(4);
                    let end = start + next(3);
                    w.replace(start, end, withs[next(withs.len())], Rule::Nfc);
                    at = end + next(2);
                }
                if let Some((out, step)) = w.finish() {
                    map.push(step);
                    text = out;
                }
            }
            for (k, step) in map.steps.iter().enumerate() {
                let mut at = vec![(0, 0); k];
                for e in &step.edits {
                    let earlier = &map.steps[..k];
                    let s = earlier.iter().rev().fold(e.in_start, |o, m| m.start(o));
                    let searched = if e.in_end == e.in_start {
                        s
                    } else {
                        earlier.iter().rev().fold(e.in_end, |o, m| m.end(o)).max(s)
                    };
                    let searched = Span::new(s.min(input.len()), searched.min(input.len()));
                    let span = map.step_span_to_input(k, e.in_start, e.in_end, &mut at);
                    assert_eq!(span, searched, "{map:?}");
                }
            }
        }
    }

    #[test]
    fn chained_steps() {
        let src = "xa\u{301}  y";
        let (mid, m1) = step(src, &[(1, 4, "á")]);
        assert_eq!(mid, "xá  y");
        let (out, m2) = step(&mid, &[(4, 5, "")]);
        assert_eq!(out, "xá y");
        let mut m = OffsetMap::new(src.len());
        m.push(m1);
        m.push(m2);
        assert_eq!(m.to_input(1), 1);
        assert_eq!(m.to_input_end(3), 4);
        assert_eq!(m.to_input(4), 6);
        assert_eq!(&src[m.span_to_input(Span::new(0, 3)).range()], "xa\u{301}");
    }
}
