//! Normalization throughput on real text, with three baselines in each group:
//! `unicode-normalization`'s `nfc().collect()` (what a program does without a quick check),
//! its `is_nfc_quick` (the check alone, no output), and `icu_normalizer`'s NFC `normalize`.
//!
//! Inputs, ~32 MiB each: "clean" is the seed article once normalized (it has no-break
//! spaces as published), repeated; "messy" is the seed's lines repeated with, in turn, one
//! line decomposed (NFD), one with Ð/ð typed for Đ/đ, one with no-break spaces and doubled
//! spaces, one untouched. The default pipeline's results are asserted inside the bench.
//!
//! Run: `cargo bench --bench normalize`. The README's table reports the ratios.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use icu_normalizer::ComposingNormalizer;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use viettat::Normalizer;

const SIZE: usize = 32 * 1024 * 1024;

fn clean() -> String {
    let seed = Normalizer::default()
        .normalize(include_str!("../examples/ngoc-lam.txt"))
        .into_owned();
    let mut s = String::with_capacity(SIZE + seed.len());
    while s.len() < SIZE {
        s.push_str(&seed);
        s.push('\n');
    }
    s
}

fn messy() -> String {
    let seed = include_str!("../examples/ngoc-lam.txt");
    let lines: Vec<&str> = seed.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut s = String::with_capacity(SIZE + SIZE / 4);
    let mut k = 0usize;
    while s.len() < SIZE {
        let Some(line) = lines.get(k % lines.len().max(1)) else {
            break;
        };
        match k % 4 {
            0 => s.extend(line.nfd()),
            1 => s.push_str(&line.replace('Đ', "Ð").replace('đ', "ð")),
            2 => s.push_str(&line.replacen(' ', "\u{A0}", 3).replacen(' ', "  ", 2)),
            _ => s.push_str(line),
        }
        s.push('\n');
        k += 1;
    }
    s
}

fn group(c: &mut Criterion, name: &str, text: &str, expect_borrowed: bool) {
    let viettat = Normalizer::default();
    let icu = ComposingNormalizer::new_nfc();
    // The results, checked once outside the timing and cheaply inside it.
    let out = viettat.normalize(text);
    assert_eq!(matches!(out, Cow::Borrowed(_)), expect_borrowed);
    let want_len = out.len();
    drop(out);
    let mut g = c.benchmark_group(format!("normalize/{name}-32MiB"));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("viettat", |b| {
        b.iter(|| {
            let out = viettat.normalize(black_box(text));
            assert_eq!(out.len(), want_len);
            out
        })
    });
    g.bench_function("nfc-collect", |b| {
        b.iter(|| black_box(text).nfc().collect::<String>())
    });
    g.bench_function("is_nfc_quick", |b| {
        b.iter(|| {
            let r = is_nfc_quick(black_box(text).chars());
            assert_eq!(r == IsNormalized::Yes, expect_borrowed);
            r
        })
    });
    g.bench_function("icu", |b| b.iter(|| icu.normalize(black_box(text))));
    g.finish();
}

fn bench(c: &mut Criterion) {
    group(c, "clean", &clean(), true);
    group(c, "messy", &messy(), false);
}

criterion_group!(benches, bench);
criterion_main!(benches);
