//! The embedded dictionary files stay valid: they parse, no surface form is defined twice
//! across files, every text is NFC, entries are sorted, and the seed article's abbreviations
//! are all there.

use std::collections::HashMap;

use viettat::{Dictionary, Expander};

fn files() -> Vec<(&'static str, Dictionary)> {
    Dictionary::embedded_sources()
        .iter()
        .map(|(name, text)| match Dictionary::from_toml_str(name, text) {
            Ok(d) => (*name, d),
            Err(e) => panic!("embedded dictionary does not parse: {e}"),
        })
        .collect()
}

#[test]
fn every_file_parses_and_is_not_empty() {
    for (name, d) in files() {
        assert!(!d.is_empty(), "{name} has no entry");
    }
}

#[test]
fn no_surface_form_is_defined_twice() {
    let mut seen: HashMap<String, String> = HashMap::new();
    for (name, d) in files() {
        for e in d.entries() {
            for f in e.surface_forms() {
                let here = format!("{name}:{}", e.origin().line());
                if let Some(first) = seen.insert(f.to_string(), here.clone()) {
                    panic!("{f:?} defined at {first} and again at {here}");
                }
            }
        }
    }
    assert_eq!(
        Dictionary::embedded().len(),
        files().iter().map(|(_, d)| d.len()).sum::<usize>(),
        "the embedded dictionary lost entries while merging"
    );
}

#[test]
fn entries_are_sorted_by_abbreviation() {
    for (name, d) in files() {
        for pair in d.entries().windows(2) {
            assert!(
                pair[0].abbr() < pair[1].abbr(),
                "{name}: {:?} (line {}) should come after {:?}",
                pair[0].abbr(),
                pair[0].origin().line(),
                pair[1].abbr()
            );
        }
    }
}

#[test]
fn seed_article_abbreviations_are_covered() {
    let want = [
        ("TDP", "Tổ dân phố"),
        ("CTMT", "Công tác Mặt trận"),
        ("TBCTMT", "Trưởng ban Công tác Mặt trận"),
        ("QCPH", "Quy chế phối hợp"),
        ("UBND", "Ủy ban nhân dân"),
        ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
        ("UB MTTQ", "Ủy ban Mặt trận Tổ quốc"),
        ("MTTQ", "Mặt trận Tổ quốc"),
        ("HĐND", "Hội đồng nhân dân"),
        ("QCDC", "Quy chế dân chủ"),
        ("QUV", "Quận ủy viên"),
        ("PBTTT", "Phó Bí thư Thường trực"),
        ("VHXH", "văn hóa - xã hội"),
        ("TDPVH", "Tổ dân phố văn hóa"),
        ("KTXH", "kinh tế - xã hội"),
        ("ANTT", "an ninh trật tự"),
        ("NVH", "nhà văn hóa"),
        ("UVBTV", "Ủy viên Ban Thường vụ"),
    ];
    let dict = Dictionary::embedded();
    for (abbr, expansion) in want {
        let e = dict
            .lookup(abbr)
            .unwrap_or_else(|| panic!("{abbr} is missing"));
        assert!(!e.is_ambiguous(), "{abbr} should not need context");
        assert_eq!(
            e.senses()[0].expansion().to_lowercase(),
            expansion.to_lowercase(),
            "{abbr}"
        );
    }
}

#[test]
fn user_dictionary_errors_name_file_line_and_column() {
    let cases = [
        (
            "[[entry]]\nabbr = \"UBND\"\nexpansion = \"Ủy ban nhân dân\"\ncategory = \"organization\"\n\n[[entry]]\nabbr = \"UBND\"\nexpansion = \"x\"\ncategory = \"organization\"\n",
            "my.toml:7:8: duplicate abbreviation \"UBND\" (first defined at line 2)",
        ),
        (
            "category = \"organisation\"\n",
            "my.toml:1:12: unknown category \"organisation\"",
        ),
        (
            "category = \"title\"\n[[entry]]\nabbr = \"PCT\"\n",
            "my.toml:3:8: entry \"PCT\" has neither `expansion` nor `sense`",
        ),
        (
            "category = \"title\"\n[[entry]]\nabbr = \"PCT\"\nexpanson = \"Phó Chủ tịch\"\n",
            "my.toml:4:1: unknown field `expanson`",
        ),
        (
            "category = \"title\"\n[[entry]]\nabbr = \"PCT\"\nexpansion = \"Pho\u{302} Chủ tịch\"\n",
            "is not in Unicode NFC form",
        ),
        (
            "category = \"organization\"\n[[entry]]\nabbr = \"HÐND\"\nexpansion = \"Hội đồng nhân dân\"\n",
            "look-alike",
        ),
        ("[[entry]\n", "my.toml:1:"),
        (
            "category = \"title\"\n[[entry]]\nabbr = \"TP\"\nexpansion = \"Thành phố\"\nfollowed_by = [\"{Numbr}\"]\n",
            "my.toml:5:16: unknown special phrase \"{Numbr}\"",
        ),
        (
            "category = \"general\"\n[[entry]]\nabbr = \"-\"\nexpansion = \"gạch\"\n",
            "my.toml:3:8: abbreviation \"-\" has no letter or digit",
        ),
    ];
    for (toml, want) in cases {
        let err = Dictionary::from_toml_str("my.toml", toml)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(want),
            "for {toml:?}\n got: {err}\nwant: {want}"
        );
    }
}

#[test]
fn user_entries_override_and_remove_defaults() {
    let expander = Expander::builder()
        .add_dictionary_str(
            "mine.toml",
            "category = \"organization\"\n[[entry]]\nabbr = \"TDP\"\nexpansion = \"Tổ dân phố (khu dân cư)\"\n",
        )
        .remove("NVH")
        .build()
        .unwrap();
    assert_eq!(expander.expand("TDP, NVH"), "Tổ dân phố (khu dân cư), NVH");
}
