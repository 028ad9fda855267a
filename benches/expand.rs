//! Expansion throughput on real text, against two baselines in the same group:
//! a `regex` alternation over the same surface forms (replace_all), and a bare Aho-Corasick
//! `find_iter().count()` (no replacement at all). Inputs are the seed article and, when
//! present, the articles of `../shared/corpus/`, repeated to ~1 MiB and ~32 MiB.
//!
//! Run: `cargo bench --bench expand`. The README's table reports the ratios.

use std::collections::HashMap;
use std::hint::black_box;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex::Regex;
use viettat::Expander;

/// Real text: the seed article plus the corpus articles without their `# ` header lines.
fn real_text() -> String {
    let mut text = include_str!("../examples/ngoc-lam.txt").to_string();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths {
                if let Ok(article) = std::fs::read_to_string(&p) {
                    text.push('\n');
                    for line in article.lines().filter(|l| !l.starts_with("# ")) {
                        text.push_str(line);
                        text.push('\n');
                    }
                }
            }
        }
        Err(_) => eprintln!("note: {dir} is absent; benchmarking on the seed article alone"),
    }
    text
}

fn repeated(base: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + base.len());
    while s.len() < size {
        s.push_str(base);
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    let expander = Expander::default();
    let dict = expander.dictionary();
    let mut forms: Vec<(&str, &str)> = dict
        .entries()
        .iter()
        .filter(|e| !e.is_ambiguous() && !e.is_numbered())
        .flat_map(|e| {
            let exp = e.senses()[0].expansion();
            e.surface_forms().map(move |f| (f, exp))
        })
        .collect();
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let table: HashMap<&str, &str> = forms.iter().copied().collect();
    let alternation = forms
        .iter()
        .map(|(f, _)| regex::escape(f))
        .collect::<Vec<_>>()
        .join("|");
    let re = Regex::new(&format!(r"\b(?:{alternation})\b")).expect("valid alternation");
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(forms.iter().map(|(f, _)| f))
        .expect("valid automaton");

    let base = real_text();
    for (label, size) in [("1MiB", 1 << 20), ("32MiB", 32 << 20)] {
        let text = repeated(&base, size);
        let mut group = c.benchmark_group(format!("expand/{label}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        if size > 1 << 20 {
            group.sample_size(10);
        }
        group.bench_function("viettat-replace", |b| {
            b.iter(|| {
                let out = expander.expand(black_box(&text));
                assert!(out.len() > text.len());
                out.len()
            })
        });
        let mut reused = String::with_capacity(text.len() * 2);
        group.bench_function("viettat-replace-into", |b| {
            b.iter(|| {
                reused.clear();
                expander.expand_into(black_box(&text), &mut reused);
                assert!(reused.len() > text.len());
                reused.len()
            })
        });
        group.bench_function("regex-alternation", |b| {
            b.iter(|| {
                let out = re.replace_all(black_box(&text), |caps: &regex::Captures<'_>| {
                    table.get(&caps[0]).copied().unwrap_or("").to_string()
                });
                assert!(out.len() > text.len());
                out.len()
            })
        });
        group.bench_function("aho-corasick-count", |b| {
            b.iter(|| {
                let n = ac.find_iter(black_box(&text)).count();
                assert!(n > 0);
                n
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
