//! The seed article, expanded in both styles, compared with golden files that were reviewed
//! line by line. To regenerate after a reviewed change: `VIETTAT_BLESS=1 cargo test --test
//! golden`, then read the diff.

use viettat::{Expander, Style};

const SEED: &str = include_str!("../examples/ngoc-lam.txt");

fn check(style: Style, golden: &str) {
    let path = format!("{}/tests/golden/{golden}", env!("CARGO_MANIFEST_DIR"));
    let expander = Expander::builder().style(style).build().unwrap();
    let got = expander.expand(SEED);
    if std::env::var_os("VIETTAT_BLESS").is_some() {
        std::fs::write(&path, got.as_bytes()).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "{golden}: line {} differs", i + 1);
    }
    assert_eq!(got, want, "{golden}: differs (line count or final newline)");
}

#[test]
fn seed_article_replace() {
    check(Style::Replace, "ngoc-lam.replace.txt");
}

#[test]
fn seed_article_first_use() {
    check(Style::FirstUse, "ngoc-lam.first-use.txt");
}
