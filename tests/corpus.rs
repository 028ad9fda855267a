//! The real articles of `../shared/corpus/` and the hand-checked annotations of
//! `../shared/gold/`. These folders sit beside the repository (CI has them); when they are
//! absent the tests fail and say so, rather than pass on nothing.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use viettat::{Expander, MatchKind, Style};

fn shared(dir: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(dir);
    assert!(
        path.is_dir(),
        "{} is absent: these tests need the real articles beside the repository",
        path.display()
    );
    path
}

/// The articles, without their `# source:` / `# note:` header lines.
fn articles() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(shared("corpus")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let body: String = text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("# "))
            .collect();
        out.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            body,
        ));
    }
    out.sort();
    assert!(out.len() > 10, "the corpus should hold dozens of articles");
    out
}

/// Case, tone-mark placement, look-alikes and dash style do not count.
fn fold(s: &str) -> String {
    let s: String = s
        .nfd()
        .filter(|c| !matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'))
        .map(|c| match c {
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn gold_abbreviations_are_expanded_as_annotated() {
    let expander = Expander::default();
    let mut checked = 0;
    for entry in fs::read_dir(shared("gold")).unwrap() {
        let path = entry.unwrap().path();
        let gold: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let article = shared("gold")
            .join("..")
            .join(gold["corpus_file"].as_str().unwrap());
        let text = fs::read_to_string(&article).unwrap();
        let text: String = text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("# "))
            .collect();

        // (surface form, folded expansion) -> occurrences expanded or defined in the text.
        let mut found: HashMap<(String, String), usize> = HashMap::new();
        for m in expander.find_iter(&text) {
            if !matches!(m.kind(), MatchKind::Expansion | MatchKind::Definition) {
                continue;
            }
            let mut expansion = m.expansion().unwrap().to_string();
            if let Some(n) = m.number_span() {
                expansion = format!("{expansion} {}", &text[n.range()]);
            }
            let surface = text[m.span().range()].to_string();
            *found.entry((surface, fold(&expansion))).or_default() += 1;
        }
        for a in gold["abbreviations"].as_array().unwrap() {
            if a.get("uncertain").is_some() {
                continue;
            }
            let abbr = a["abbr"].as_str().unwrap();
            let want = a["count"].as_u64().unwrap() as usize;
            let key = (abbr.to_string(), fold(a["expansion"].as_str().unwrap()));
            let got = found.get(&key).copied().unwrap_or(0);
            assert_eq!(
                got,
                want,
                "{}: {abbr} → {:?}",
                path.display(),
                a["expansion"]
            );
            checked += want;
        }
    }
    assert!(
        checked >= 150,
        "only {checked} annotated occurrences checked"
    );
}

#[test]
fn first_use_spells_out_each_entry_at_most_once_per_article() {
    let expander = Expander::builder().style(Style::FirstUse).build().unwrap();
    for (name, text) in articles() {
        let out = expander.expand(&text);
        assert!(!out.contains("(("), "{name}: nested parentheses");
        for m in expander.find_iter(&text) {
            if let Some(exp) = m.expansion() {
                let spelled = format!("{exp} ({})", &text[m.span().range()]);
                // Definitions the author wrote stay; at most one is added, and none when the
                // author defined it.
                let (before, after) = (
                    text.matches(&spelled).count(),
                    out.matches(&spelled).count(),
                );
                let allowed = if before > 0 { before } else { 1 };
                assert!(
                    after <= allowed,
                    "{name}: {spelled:?} written {after} times"
                );
            }
        }
    }
}

#[test]
fn spans_are_ordered_and_on_char_boundaries() {
    let expander = Expander::default();
    for (name, text) in articles() {
        let mut last = 0;
        for m in expander.find_iter(&text) {
            assert!(m.start() >= last, "{name}: overlapping matches");
            assert!(
                text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()),
                "{name}"
            );
            last = m.end();
        }
    }
}

#[test]
fn replace_changes_only_the_abbreviations() {
    // Walk input and output side by side: between expansions the bytes must be identical,
    // and each expansion is written as in the dictionary, capitalized at a sentence start or
    // in capitals in a heading.
    let expander = Expander::default();
    for (name, text) in articles() {
        let out = expander.expand(&text);
        let mut rest: &str = &out;
        let mut last = 0;
        for m in expander
            .find_iter(&text)
            .filter(|m| m.kind() == MatchKind::Expansion)
        {
            let before = &text[last..m.start()];
            assert!(
                rest.starts_with(before),
                "{name}: text before byte {} changed",
                m.start()
            );
            rest = &rest[before.len()..];
            let exp = m.expansion().unwrap();
            let mut capitalized = exp.chars();
            let first = capitalized.next().unwrap();
            let forms = [
                exp.to_string(),
                first.to_uppercase().chain(capitalized).collect(),
                exp.to_uppercase(),
            ];
            let number = m
                .number_span()
                .map(|n| format!(" {}", &text[n.range()]))
                .unwrap_or_default();
            let written = forms
                .iter()
                .map(|f| format!("{f}{number}"))
                .find(|f| rest.starts_with(f.as_str()))
                .unwrap_or_else(|| {
                    panic!(
                        "{name}: expansion of byte {} not found in {:?}",
                        m.start(),
                        &rest[..40.min(rest.len())]
                    )
                });
            rest = &rest[written.len()..];
            // The space that replaces a dot glued to the next word ("TP.Thuận An").
            if text[..m.end()].ends_with('.') && text[m.end()..].starts_with(char::is_alphanumeric)
            {
                rest = rest.strip_prefix(' ').unwrap();
            }
            last = m.end();
        }
        assert_eq!(rest, &text[last..], "{name}: the end changed");
    }
}
