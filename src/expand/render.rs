//! Writing expansions into the output: the styles, capitals in headings, a capital at the
//! start of a sentence, and first use per document.

use std::borrow::Cow;

use super::{Expander, Match, MatchKind};

/// How an expansion is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Style {
    /// "UBND phường" → "Ủy ban nhân dân phường", everywhere.
    #[default]
    Replace,
    /// Official style (Nghị định 30/2020/NĐ-CP): the first use of an abbreviation in a
    /// document is spelled out with the abbreviation in parentheses, "Ủy ban nhân dân
    /// (UBND)"; later uses stay abbreviated. The surface forms of one entry (UBMTTQ,
    /// UB MTTQ) share their first use, and a definition already in the text counts as one.
    /// A document is what one call sees: one `expand`, `expand_into` or `expand_to`, or one
    /// whole stream.
    FirstUse,
}

impl Style {
    /// The name used on the command line: `"replace"`, `"first-use"`.
    pub fn name(self) -> &'static str {
        match self {
            Style::Replace => "replace",
            Style::FirstUse => "first-use",
        }
    }
}

/// What one document remembers while it is written out, possibly over many chunks.
/// A line that holds matches: its byte range and what decides whether it is a heading.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    /// No lower-case letter in the line.
    all_caps: bool,
    /// The first byte of the first, and the end of the last, capital with a diacritic other
    /// than Đ ("Ộ", "Ư"): a Vietnamese word in capitals. Counted once per line, so a long
    /// line of abbreviations costs no more per match than a short one.
    vietnamese_capitals: Option<(usize, usize)>,
}

pub(crate) struct Document {
    /// Per entry: whether its first use has been written (or defined in the text).
    used: Vec<bool>,
    /// The line of the last match. Matches come in order, so each line is found and
    /// scanned once.
    line: Option<Line>,
    style: Style,
    /// Entries the document has given a meaning of its own (see [`MatchKind::Redefined`]).
    redefined: Vec<u32>,
}

impl Document {
    pub(crate) fn new(expander: &Expander) -> Document {
        Document {
            used: vec![false; expander.dictionary().len()],
            line: None,
            style: expander.style(),
            redefined: Vec::new(),
        }
    }

    /// Forgets the line cache: the next text is a new buffer with other offsets.
    pub(crate) fn new_buffer(&mut self) {
        self.line = None;
    }

    /// Whether the match stands in a line written all in capitals (a heading). A line of
    /// abbreviations alone ("UBND-UBMTTQ") is not one: a heading has a Vietnamese word in
    /// capitals, which shows as a capital letter with a diacritic other than Đ ("HỘI",
    /// "PHƯỜNG") outside the abbreviation.
    fn in_heading(&mut self, text: &str, m: &Match<'_>) -> bool {
        let bytes = text.as_bytes();
        let line = match self.line {
            Some(l) if l.start <= m.start() && m.start() < l.end => l,
            previous => {
                // The new line starts after the previous one ends: search back only that far.
                let floor = previous.map_or(0, |l| l.end).min(m.start());
                let start = memchr::memrchr(b'\n', &bytes[floor..m.start()])
                    .map_or(floor, |i| floor + i + 1);
                let end =
                    memchr::memchr(b'\n', &bytes[m.end()..]).map_or(text.len(), |i| m.end() + i);
                let line_text = &text[start..end];
                let all_caps = !line_text.chars().any(char::is_lowercase);
                let vietnamese_capital = |c: char| c.is_uppercase() && !c.is_ascii() && c != 'Đ';
                let vietnamese_capitals = if all_caps {
                    let first = line_text
                        .char_indices()
                        .find(|&(_, c)| vietnamese_capital(c));
                    let last = line_text
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| vietnamese_capital(c));
                    first
                        .zip(last)
                        .map(|((a, _), (b, c))| (start + a, start + b + c.len_utf8()))
                } else {
                    None
                };
                let l = Line {
                    start,
                    end,
                    all_caps,
                    vietnamese_capitals,
                };
                self.line = Some(l);
                l
            }
        };
        line.all_caps
            && line
                .vietnamese_capitals
                .is_some_and(|(first, last_end)| first < m.start() || last_end > m.end())
    }
}

/// Whether the match begins a sentence: at the start of a line or of the text, or after
/// ". ", "! ", "? ", "… ", looking past opening quotes, brackets and list bullets.
fn starts_sentence(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        match c {
            '\n' => return true,
            '.' | '!' | '?' | '…' => return true,
            c if c.is_whitespace() => {}
            '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—' | '•' | '+' | '*' => {}
            _ => return false,
        }
    }
    true
}

fn capitalize_first(s: &str) -> Cow<'_, str> {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => {
            let mut out: String = c.to_uppercase().collect();
            out.push_str(chars.as_str());
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(s),
    }
}

/// Writes `text[from..]` with its abbreviations expanded, through `sink`, up to the end of
/// the last changed abbreviation. Returns that position (`from` when nothing changed): the
/// caller writes the rest, `text[returned..]`, itself.
pub(crate) fn render<E>(
    expander: &Expander,
    text: &str,
    from: usize,
    doc: &mut Document,
    sink: &mut impl FnMut(&str) -> Result<(), E>,
) -> Result<usize, E> {
    let mut last = from;
    if doc.style == Style::FirstUse {
        // A definition the author wrote ("Mặt trận Tổ quốc (MTTQ)") is the first use, even
        // when the abbreviation appears before it: spelling out the earlier one too would
        // define it twice. (A stream sees its definitions one block at a time.)
        for m in expander.find_iter_from(text, from) {
            if m.kind() == MatchKind::Definition {
                doc.used[m.index as usize] = true;
            }
        }
    }
    let mut matches = expander.find_iter_from(text, from);
    // A stream is one document: an author's own definition in an earlier block still holds.
    matches.redefined = std::mem::take(&mut doc.redefined);
    for m in matches.by_ref() {
        let entry_index = m.index as usize;
        match m.kind() {
            MatchKind::Expansion => {}
            MatchKind::Definition => {
                doc.used[entry_index] = true;
                continue;
            }
            MatchKind::Ambiguous
            | MatchKind::DocumentNumber
            | MatchKind::Address
            | MatchKind::Redefined => continue,
        }
        let Some(expansion) = m.expansion() else {
            continue;
        };
        if doc.style == Style::FirstUse && doc.used[entry_index] {
            continue;
        }
        let written = if doc.in_heading(text, &m) {
            Cow::Owned(expansion.to_uppercase())
        } else if starts_sentence(text, m.start()) {
            capitalize_first(expansion)
        } else {
            Cow::Borrowed(expansion)
        };
        sink(&text[last..m.start()])?;
        sink(&written)?;
        if let Some(number) = m.number_span() {
            sink(" ")?;
            sink(&text[number.range()])?;
        }
        if doc.style == Style::FirstUse {
            doc.used[entry_index] = true;
            sink(" (")?;
            sink(&text[m.span().range()])?;
            sink(")")?;
        }
        // "TP.Thuận An": the dot of the abbreviation was the only separator; the expansion
        // needs a space there instead ("Thành phố Thuận An").
        if m.number_span().is_none()
            && text[..m.end()].ends_with('.')
            && text[m.end()..].starts_with(|c: char| c.is_alphanumeric())
        {
            sink(" ")?;
        }
        last = m.end();
    }
    doc.redefined = matches.redefined;
    Ok(last)
}
