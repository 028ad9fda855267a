//! The structure of a Vietnamese syllable: initial consonant, vowel cluster, final consonant,
//! and one tone. Tone placement needs it to find the vowel that carries the mark, and the
//! legacy-encoding detector needs it to tell a real syllable from mojibake.
//!
//! The inventories below are those of standard Vietnamese orthography (the initials, the
//! vowel nuclei with their on-glides and off-glides, the eight final consonants); "strict"
//! parsing adds the spelling rules that every correctly written syllable follows (k before
//! e/ê/i/y, c elsewhere; gh/ngh before e/ê/i; stop finals c/ch/p/t only with the sắc or nặng
//! tone; ch/nh only after a, ê, i, y).

use super::letters::{letter, Letter, Tone};

/// At most this many letters in a syllable ("nghiêng" has seven).
const MAX_LETTERS: usize = 8;

/// A parsed syllable.
#[derive(Clone, Debug)]
pub(crate) struct Syllable {
    letters: [Letter; MAX_LETTERS],
    len: usize,
    /// Letters of the initial consonant, including the u of "qu" and the i of "gi".
    initial: usize,
    /// Letters of the vowel cluster, starting right after the initial.
    vowels: usize,
    /// The tone, and the index of the letter that carries it (`None` for no mark).
    tone: Tone,
    tone_at: Option<usize>,
    initial_qu: bool,
}

const INITIALS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

const FINALS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel clusters of open syllables (no final consonant); the semivowels i/y/o/u that close
/// a syllable belong to the cluster here.
const OPEN: [&str; 46] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo",
    "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uơ", "uy", "ưa", "ưi", "ưu",
    "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "ya",
];

/// Vowel clusters of closed syllables (followed by one of [`FINALS`]).
const CLOSED: [&str; 23] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "iê", "yê", "oa", "oă", "oe", "oo",
    "uâ", "uê", "uô", "uy", "ươ", "uyê",
];

/// Where a syllable's tone mark goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// The "kiểu cũ" (old) convention: in open oa, oe, uy the mark sits on the first vowel
    /// (hòa, khỏe, thủy).
    Old,
    /// The "kiểu mới" (new) convention of Quy định 240/QĐ (1984) and of the textbooks'
    /// spelling rules of Quyết định 1989/QĐ-BGDĐT (2018): the mark sits on the main vowel,
    /// the second one in open oa, oe, uy (hoà, khoẻ, thuỷ).
    New,
}

impl Syllable {
    fn letters(&self) -> &[Letter] {
        self.letters.get(..self.len).unwrap_or(&[])
    }

    fn cluster(&self) -> &[Letter] {
        self.letters
            .get(self.initial..self.initial + self.vowels)
            .unwrap_or(&[])
    }

    fn closed(&self) -> bool {
        self.initial + self.vowels < self.len
    }

    /// Whether the two conventions place this syllable's mark differently: open syllables
    /// whose cluster is oa, oe or uy (never after qu: in "quý", "quà" the u belongs to the
    /// initial).
    pub(crate) fn style_dependent(&self) -> bool {
        !self.closed() && matches!(cluster_str(self.cluster()).as_str(), "oa" | "oe" | "uy")
    }

    /// The index (into the syllable's letters) of the vowel that carries the tone under
    /// `placement`. The rules: a vowel with a shape mark (ă â ê ô ơ ư) takes it, the last
    /// such one for ươ; otherwise the last vowel of a closed syllable; otherwise in an open
    /// syllable the first of two vowels (the second for oa/oe/uy in the new style) and the
    /// middle of three.
    pub(crate) fn tone_position(&self, placement: Placement) -> usize {
        let cluster = self.cluster();
        let n = cluster.len();
        let within = if let Some(i) = cluster
            .iter()
            .rposition(|l| super::letters::has_shape(l.base))
        {
            i
        } else if self.closed() {
            n.saturating_sub(1)
        } else {
            match n {
                0 | 1 => 0,
                2 if placement == Placement::New && self.style_dependent() => 1,
                2 => 0,
                _ => 1,
            }
        };
        self.initial + within
    }

    /// Where the mark is now, if there is one.
    pub(crate) fn tone_at(&self) -> Option<usize> {
        self.tone_at
    }

    /// The index of the cluster's first letter.
    pub(crate) fn cluster_start(&self) -> usize {
        self.initial
    }

    /// Whether the initial is "qu".
    pub(crate) fn initial_qu(&self) -> bool {
        self.initial_qu
    }

    /// The cluster's bases as a string ("ươ", "oa"...).
    pub(crate) fn cluster_bases(&self) -> String {
        cluster_str(self.cluster())
    }

    /// The syllable written with its tone on letter `at`, in the original case of each letter.
    pub(crate) fn render_with_tone_at(&self, at: usize) -> String {
        self.letters()
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let tone = if i == at { self.tone } else { Tone::Level };
                Letter { tone, ..*l }.to_char()
            })
            .collect()
    }

    /// The syllable with letter `at` replaced by `base` (same case and tone).
    pub(crate) fn render_with_base(&self, at: usize, base: char) -> String {
        self.letters()
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == at {
                    Letter { base, ..*l }.to_char()
                } else {
                    l.to_char()
                }
            })
            .collect()
    }
}

fn cluster_str(letters: &[Letter]) -> String {
    letters.iter().map(|l| l.base).collect()
}

fn bases_start_with(letters: &[Letter], prefix: &str) -> bool {
    let mut it = letters.iter();
    prefix
        .chars()
        .all(|p| it.next().is_some_and(|l| l.base == p))
}

/// Parses `word` as one Vietnamese syllable. `strict` adds the spelling rules (see the
/// module docs); without it, a syllable that merely has a valid shape is accepted, which is
/// what tone repair wants (it must not refuse "quôc" just because it lacks its tone).
pub(crate) fn parse(word: &str, strict: bool) -> Option<Syllable> {
    let mut letters = [letter('a'); MAX_LETTERS];
    let mut len = 0;
    for c in word.chars() {
        let l = letter(c);
        if !(l.is_vowel() || super::letters::is_consonant_base(l.base)) {
            return None;
        }
        *letters.get_mut(len)? = l;
        len += 1;
    }
    let letters_slice = letters.get(..len)?;
    let mut tone = Tone::Level;
    let mut tone_at = None;
    for (i, l) in letters_slice.iter().enumerate() {
        if l.tone != Tone::Level {
            if tone_at.is_some() {
                return None;
            }
            tone = l.tone;
            tone_at = Some(i);
        }
    }
    let vowel_at = |i: usize| letters_slice.get(i).is_some_and(|l| l.is_vowel());
    let mut initial = 0;
    let mut initial_qu = false;
    for init in INITIALS {
        if !bases_start_with(letters_slice, init) {
            continue;
        }
        let n = init.chars().count();
        match init {
            // "gi" is an initial only before another vowel ("gia", "giữ"); in "gì", "gìn"
            // the i is the vowel.
            "gi" if !vowel_at(2) => continue,
            "qu" if !vowel_at(2) => return None,
            "qu" => initial_qu = true,
            _ => {}
        }
        initial = n;
        break;
    }
    if initial == 0 && letters_slice.first().is_some_and(|l| !l.is_vowel()) {
        return None;
    }
    let vowels = letters_slice
        .get(initial..)?
        .iter()
        .take_while(|l| l.is_vowel())
        .count();
    if vowels == 0 {
        return None;
    }
    let final_letters = letters_slice.get(initial + vowels..)?;
    let final_str: String = final_letters.iter().map(|l| l.base).collect();
    let cluster = cluster_str(letters_slice.get(initial..initial + vowels)?);
    let closed = !final_str.is_empty();
    // After "qu" the u is already spoken: no second u, ư or o follows it.
    if initial_qu && cluster.starts_with(['u', 'ư', 'o']) {
        return None;
    }
    if closed {
        if !FINALS.contains(&final_str.as_str()) {
            return None;
        }
        let ok = CLOSED.contains(&cluster.as_str()) || (initial_qu && cluster == "y");
        if !ok {
            return None;
        }
    } else {
        let ok = OPEN.contains(&cluster.as_str()) || (initial_qu && cluster == "yu");
        if !ok {
            return None;
        }
    }
    let syl = Syllable {
        letters,
        len,
        initial,
        vowels,
        tone,
        tone_at,
        initial_qu,
    };
    if strict && !spelled_correctly(&syl, letters_slice, &final_str) {
        return None;
    }
    Some(syl)
}

fn spelled_correctly(syl: &Syllable, letters: &[Letter], final_str: &str) -> bool {
    if matches!(final_str, "c" | "ch" | "p" | "t") && !matches!(syl.tone, Tone::Acute | Tone::Dot) {
        return false;
    }
    let cluster = syl.cluster();
    if matches!(final_str, "ch" | "nh")
        && !cluster
            .last()
            .is_some_and(|l| matches!(l.base, 'a' | 'ê' | 'i' | 'y'))
    {
        return false;
    }
    let first = cluster.first().map_or(' ', |l| l.base);
    let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
    let initial: String = letters.iter().take(syl.initial).map(|l| l.base).collect();
    match initial.as_str() {
        "c" => !front,
        "k" => front,
        "gh" | "ngh" => matches!(first, 'e' | 'ê' | 'i'),
        "g" | "ng" => !matches!(first, 'e' | 'ê') && (initial == "g" || first != 'i'),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_syllables_strictly() {
        for w in [
            "nghiêng", "Việt", "người", "quốc", "quý", "gì", "gìn", "giữa", "khuya", "khuỷu",
            "hoà", "hòa", "thuở", "oanh", "xoong", "ĐẢNG", "uyển", "tổ", "chức", "hội", "nghị",
            "Sơ", "kết", "kĩ", "kỹ", "quỵu", "ếch", "anh",
        ] {
            assert!(parse(w, true).is_some(), "{w}");
        }
    }

    #[test]
    fn refuses_non_syllables() {
        for w in [
            "héi", "tæ", "chøc", "café", "UBND", "ĐUB", "at", "ce", "ghá", "ngi", "oach", "str",
            "hòà", "quu", "Guðrún", "năm1", "HĐND",
        ] {
            assert!(parse(w, true).is_none(), "{w}");
        }
        // "ce" breaks only the c/k rule; "at" only the stop-tone rule.
        assert!(parse("at", false).is_some());
    }
}
