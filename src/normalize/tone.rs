//! Step 4: tone-mark placement, and step 6: spelling variants (both work word by word).
//!
//! The two conventions differ only in open syllables whose vowel cluster is oa, oe or uy:
//! "kiểu cũ" (old) writes hòa, khỏe, thủy; "kiểu mới" (new, Quy định 240/QĐ of 1984, and
//! Quyết định 1989/QĐ-BGDĐT of 2018 for the textbooks) writes hoà, khoẻ, thuỷ. Everywhere
//! else both agree (see [`Syllable::tone_position`]), so a mark anywhere else is a typing
//! error ("baỏ", "nứơc", "Vịêt") and is moved where it belongs.
//!
//! Spelling variants: after "qu" in an open syllable the official spelling writes y, not i
//! ("Quy chế", "quý", "quỹ"); the older "qui", "quí" are replaced. Other i/y pairs (lí/lý,
//! kĩ/kỹ...) are left as written: the 1984 and 2018 rules prefer i after a consonant while
//! administrative documents commonly keep y, so neither can be called the error.

use super::offsets::{Rule, Sink};
use super::syllable::{parse, Placement, Syllable};
use super::ToneStyle;

/// What the word pass does.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordOptions {
    pub(crate) tone: ToneStyle,
    pub(crate) repair: bool,
    pub(crate) spelling: bool,
}

impl WordOptions {
    pub(crate) fn active(self) -> bool {
        self.tone != ToneStyle::Keep || self.repair || self.spelling
    }
}

/// Where the mark of `syl` should be, or `None` to leave it.
fn target(syl: &Syllable, opts: WordOptions) -> Option<usize> {
    let now = syl.tone_at()?;
    match opts.tone {
        ToneStyle::Old => Some(syl.tone_position(Placement::Old)),
        ToneStyle::New => Some(syl.tone_position(Placement::New)),
        ToneStyle::Keep if opts.repair => {
            let old = syl.tone_position(Placement::Old);
            let new = syl.tone_position(Placement::New);
            if now == old || now == new {
                Some(now)
            } else {
                Some(new)
            }
        }
        ToneStyle::Keep => None,
    }
}

/// The word rewritten by the enabled rules, if that changes it.
pub(crate) fn rewrite(word: &str, opts: WordOptions) -> Option<(String, Rule)> {
    let syl = parse(word, false)?;
    let mut out: Option<(String, Rule)> = None;
    let mut syl = syl;
    if let Some(at) = target(&syl, opts) {
        if Some(at) != syl.tone_at() {
            let s = syl.render_with_tone_at(at);
            syl = parse(&s, false)?;
            out = Some((s, Rule::Tone));
        }
    }
    if opts.spelling && syl.initial_qu() && syl.cluster_bases() == "i" && is_open(word, &syl) {
        let s = syl.render_with_base(syl.cluster_start(), 'y');
        out = Some((s, Rule::Spelling));
    }
    out
}

fn is_open(word: &str, syl: &Syllable) -> bool {
    word.chars().count() == syl.cluster_start() + syl.cluster_bases().chars().count()
}

/// Runs the word pass over `text`.
pub(crate) fn run<S: Sink>(text: &str, opts: WordOptions, sink: &mut S) {
    let mut start = None;
    let mut ascii = true;
    let flush = |s: usize, e: usize, ascii: bool, sink: &mut S| {
        // A word of plain ASCII letters has no mark to move; only spelling applies to it.
        if ascii && !opts.spelling {
            return;
        }
        if let Some(word) = text.get(s..e) {
            if let Some((new, rule)) = rewrite(word, opts) {
                sink.replace(s, e, &new, rule);
            }
        }
    };
    // Words in the sense of the crate (letters, digits, combining marks): a word with a
    // leftover mark or a digit is not a syllable and stays as written.
    for (i, c) in text.char_indices() {
        if crate::text::is_word_char(c) {
            if start.is_none() {
                start = Some(i);
                ascii = true;
            }
            ascii &= c.is_ascii();
        } else if let Some(s) = start.take() {
            flush(s, i, ascii, sink);
        }
    }
    if let Some(s) = start {
        flush(s, text.len(), ascii, sink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(style: ToneStyle, word: &str) -> String {
        let opts = WordOptions {
            tone: style,
            repair: false,
            spelling: false,
        };
        rewrite(word, opts).map_or(word.to_string(), |(s, _)| s)
    }

    #[test]
    fn repairs_misplaced_marks_in_every_style() {
        for style in [ToneStyle::Old, ToneStyle::New] {
            for (bad, good) in [
                ("baỏ", "bảo"),
                ("nứơc", "nước"),
                ("Vịêt", "Việt"),
                ("qúy", "quý"),
                ("gìa", "già"),
            ] {
                assert_eq!(with(style, bad), good, "{style:?}");
            }
        }
        let keep = WordOptions {
            tone: ToneStyle::Keep,
            repair: true,
            spelling: false,
        };
        assert_eq!(rewrite("baỏ", keep).unwrap().0, "bảo");
        assert!(rewrite("hòa", keep).is_none());
        assert!(rewrite("hoà", keep).is_none());
    }

    #[test]
    fn spelling() {
        let opts = WordOptions {
            tone: ToneStyle::Keep,
            repair: false,
            spelling: true,
        };
        assert_eq!(rewrite("Qui", opts).unwrap().0, "Quy");
        assert_eq!(rewrite("quí", opts).unwrap().0, "quý");
        assert_eq!(rewrite("QUĨ", opts).unwrap().0, "QUỸ");
        assert!(rewrite("quit", opts).is_none());
        assert!(rewrite("lí", opts).is_none());
    }
}
