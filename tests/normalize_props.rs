//! Properties of normalization over generated text: no panic, idempotence, and the offset
//! contract (monotonic, char boundaries, untouched text maps one to one).

use proptest::prelude::*;
use viettat::{Encoding, Normalizer, Span, ToneStyle};

/// Text drawn from what real documents mix: letters precomposed and decomposed, marks alone,
/// look-alikes, every kind of space and invisible character, TCVN3/VNI codes, line breaks.
fn messy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Đ",
        "ư",
        "ờ",
        "Việt",
        "hòa",
        "hoà",
        "thuỷ",
        "baỏ",
        "Qui",
        "quí",
        "\u{301}",
        "\u{300}",
        "\u{323}",
        "\u{302}",
        "u\u{31B}",
        "e\u{302}\u{301}",
        "Ð",
        "ð",
        "Ɖ",
        "ɖ",
        "Guðrún",
        " ",
        "  ",
        "\u{A0}",
        "\u{202F}",
        "\u{200B}",
        "\u{200D}",
        "\u{2060}",
        "\u{FEFF}",
        "\u{AD}",
        "\n",
        "\r\n",
        "\t",
        "æ",
        "ø",
        "Þ",
        "é",
        "µ",
        "§",
        "ä",
        "ö",
        "ô",
        "tæ",
        "chøc",
        "héi",
        "Vieät",
        "x",
        ".",
        "-",
        "👨",
        "\u{212B}",
        "ﬁ",
        "1",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn normalizers() -> Vec<Normalizer> {
    vec![
        Normalizer::default(),
        Normalizer::builder().from(Encoding::Auto).build(),
        Normalizer::builder()
            .tone(ToneStyle::New)
            .spelling(true)
            .build(),
        Normalizer::builder()
            .tone(ToneStyle::Old)
            .from(Encoding::Tcvn3)
            .build(),
        Normalizer::builder()
            .from(Encoding::Vni)
            .repair_tones(true)
            .build(),
        Normalizer::builder().from(Encoding::Viqr).build(),
        Normalizer::builder().spacing(false).build(),
        Normalizer::builder().nfc(false).build(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Normalizing twice changes nothing more. Legacy detection is left out on purpose: a
    /// step after it can remove a character (a soft hyphen) and so turn a word that was not
    /// mojibake into one that looks like it.
    #[test]
    fn pipeline_is_idempotent(text in messy()) {
        let idempotent = [
            Normalizer::default(),
            Normalizer::builder().tone(ToneStyle::New).spelling(true).build(),
            Normalizer::builder().tone(ToneStyle::Old).build(),
            Normalizer::builder().repair_tones(true).spacing(false).build(),
        ];
        for n in idempotent {
            let once = n.normalize(&text).into_owned();
            prop_assert_eq!(n.normalize(&once).into_owned(), once.clone(), "{:?}", n);
        }
    }

    #[test]
    fn offsets_keep_the_contract(text in messy()) {
        for n in normalizers() {
            let out = n.normalize_with_offsets(&text);
            let t = out.text();
            let map = out.offsets();
            let mut last = 0;
            for (i, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                let o = map.to_input(i);
                prop_assert!(text.is_char_boundary(o), "{} → {} not a boundary", i, o);
                prop_assert!(o >= last, "not monotonic at {}", i);
                last = o;
                let e = map.to_input_end(i);
                prop_assert!(text.is_char_boundary(e));
            }
            prop_assert_eq!(map.to_input(t.len()), text.len());
            // Any span maps to a valid, ordered span of the input.
            for (i, c) in t.char_indices() {
                let s = map.span_to_input(Span::new(i, i + c.len_utf8()));
                prop_assert!(s.start <= s.end && text.get(s.range()).is_some());
            }
            for c in out.changes() {
                prop_assert!(text.get(c.span.range()).is_some());
            }
            if map.is_identity() {
                prop_assert_eq!(t, text.as_str());
            }
        }
    }

    /// Arbitrary Unicode and arbitrary bytes: no panic, and the map stays inside the input.
    #[test]
    fn arbitrary_input_never_panics(text in any::<String>(), bytes in prop::collection::vec(any::<u8>(), 0..48)) {
        for n in normalizers() {
            let out = n.normalize_with_offsets(&text);
            prop_assert!(out.offsets().to_input(out.text().len()) <= text.len());
            if let Ok(out) = n.normalize_bytes(&bytes) {
                for c in out.changes() {
                    prop_assert!(c.span.end <= bytes.len());
                }
                prop_assert_eq!(out.offsets().to_input(out.text().len()), bytes.len());
            }
        }
    }

    #[test]
    fn untouched_text_maps_one_to_one(prefix in messy(), suffix in messy()) {
        // A clean middle part, between messy ones, maps back to itself byte for byte.
        let middle = "\nPhường Ngọc Lâm tổ chức hội nghị\n";
        let text = format!("{prefix}{middle}{suffix}");
        let n = Normalizer::default().normalize_with_offsets(&text);
        let at = n.text().find(middle);
        prop_assume!(at.is_some());
        let at = at.unwrap_or(0);
        let input_at = n.offsets().to_input(at);
        prop_assert_eq!(&text[input_at..input_at + middle.len()], middle);
        for k in 0..middle.len() {
            if middle.is_char_boundary(k) {
                prop_assert_eq!(n.offsets().to_input(at + k), input_at + k);
            }
        }
    }
}
