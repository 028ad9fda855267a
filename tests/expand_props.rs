//! Properties of expansion over generated text: no panic, spans in order on character
//! boundaries, bytes outside expansions unchanged, and the same output whether the text is
//! expanded whole, into a writer, or as a stream read in pieces.

use proptest::prelude::*;
use viettat::{Expander, MatchKind, Style, Tagger};

/// Text made of what trips a matcher: abbreviations and their pieces, words touching them,
/// document numbers, parentheses, decomposed marks, look-alikes, spaces and line breaks.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "UBND",
        "UB",
        "MTTQ",
        "UB MTTQ",
        "UB\u{A0}MTTQ",
        "TDP",
        "TDPVH",
        "HĐND",
        "HÐND",
        "BCH",
        "Quân sự",
        "Đảng bộ",
        "CT",
        "TP.",
        "TP.HCM",
        "P",
        "P10",
        "Q.",
        "1",
        "23",
        "/",
        "-",
        "–",
        "(",
        ")",
        "quy chế phối hợp",
        "QCPH",
        "KH",
        "đ/c",
        "Nguyễn Văn Tuấn",
        "đồng chí",
        "ông",
        "Chủ tịch",
        "Phó chủ tịch",
        "phường",
        "Ngọc Lâm",
        "\u{300}",
        "\u{301}",
        "a\u{323}",
        "Ư",
        "ư",
        " ",
        "  ",
        "\n",
        "\r\n",
        ".",
        ",",
        ";",
        "HỘI NGHỊ",
        "x",
        "é",
        "\u{FEFF}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// A reader that hands out `step` bytes at a time.
struct Pieces<'a> {
    data: &'a [u8],
    step: usize,
}

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_are_ordered_on_char_boundaries(text in tricky()) {
        let expander = Expander::default();
        let mut last = 0;
        for m in expander.find_iter(&text) {
            prop_assert!(m.start() >= last && m.start() < m.end());
            prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            last = m.end();
        }
    }

    #[test]
    fn text_without_expansions_comes_back_borrowed(text in tricky()) {
        let expander = Expander::default();
        let expands = expander.find_iter(&text).any(|m| m.kind() == MatchKind::Expansion);
        let out = expander.expand(&text);
        if !expands {
            prop_assert!(matches!(out, std::borrow::Cow::Borrowed(_)));
        }
        // Whatever precedes the first expansion is unchanged.
        let first = expander
            .find_iter(&text)
            .find(|m| m.kind() == MatchKind::Expansion)
            .map_or(text.len(), |m| m.start());
        prop_assert!(out.starts_with(&text[..first]));
    }

    #[test]
    fn whole_writer_and_stream_agree(text in tricky(), step in 1usize..9) {
        for style in [Style::Replace, Style::FirstUse] {
            let expander = Expander::builder().style(style).build().unwrap();
            let whole = expander.expand(&text).into_owned();
            let mut written = Vec::new();
            expander.expand_to(&text, &mut written).unwrap();
            prop_assert_eq!(&String::from_utf8(written).unwrap(), &whole);
            let mut streamed = Vec::new();
            expander
                .expand_stream(Pieces { data: text.as_bytes(), step }, &mut streamed)
                .unwrap();
            prop_assert_eq!(&String::from_utf8(streamed).unwrap(), &whole);
        }
    }

    #[test]
    fn tagging_never_panics_and_spans_are_valid(text in tricky()) {
        for official in Tagger::default().tag(&text) {
            for span in official.mentions.iter().chain(official.roles.iter().map(|r| &r.span)) {
                prop_assert!(span.start <= span.end && span.end <= text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
}
