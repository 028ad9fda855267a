//! The real articles of `../shared/corpus/`: legacy-encoding detection must leave every one
//! of them exactly as it is, except the TCVN3 run of article 042.

use std::path::Path;

use viettat::{Encoding, Normalizer, Rule};

/// The articles, without their `# ` header lines. Fails, rather than passing on nothing, when
/// the corpus is missing: CI has it beside the project.
fn articles() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus is expected at {}: {e}", dir.display()));
    let mut out: Vec<(String, String)> = entries
        .map(|e| e.expect("readable corpus folder").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let raw = std::fs::read_to_string(&p).expect("UTF-8 article");
            let body: String = raw
                .split_inclusive('\n')
                .filter(|l| !l.starts_with("# "))
                .collect();
            (p.file_name().unwrap().to_string_lossy().into_owned(), body)
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 40,
        "expected the whole corpus in {}",
        dir.display()
    );
    out
}

#[test]
fn detection_changes_nothing_but_the_tcvn3_run() {
    // Spacing off: the articles have doubled spaces and no-break spaces as found.
    let auto = Normalizer::builder()
        .from(Encoding::Auto)
        .spacing(false)
        .build();
    let mut saw_042 = false;
    for (name, text) in articles() {
        let n = auto.normalize_with_offsets(&text);
        if name.starts_with("042_") {
            saw_042 = true;
            let want = text.replace("tæ chøc  héi nghÞ", "tổ chức  hội nghị");
            assert_ne!(want, text);
            assert_eq!(n.text(), want, "{name}");
            assert!(n.changes().iter().all(|c| c.rule == Rule::Tcvn3));
            assert_eq!(n.changes().len(), 4, "{name}: {:?}", n.changes());
        } else {
            assert_eq!(n.text(), text, "{name}: {:?}", n.changes());
        }
    }
    assert!(saw_042, "article 042 is in the corpus");
}

#[test]
fn default_pipeline_on_the_corpus_is_idempotent_and_keeps_words() {
    let n = Normalizer::builder().from(Encoding::Auto).build();
    for (name, text) in articles() {
        let once = n.normalize(&text).into_owned();
        assert_eq!(n.normalize(&once), once, "{name}");
        // Only spacing may differ: the words are the same.
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        if !name.starts_with("042_") {
            assert_eq!(
                words(&once),
                words(&text.replace(['\u{A0}', '\u{202F}'], " ")),
                "{name}"
            );
        }
        // Every change maps back into the article.
        let with = n.normalize_with_offsets(&text);
        for c in with.changes() {
            assert!(text.get(c.span.range()).is_some(), "{name}: {c:?}");
        }
    }
}
