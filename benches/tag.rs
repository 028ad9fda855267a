//! `tag` over ~32 MiB of real text (the seed article and the corpus, repeated), against
//! `Expander::expand` over the same input in the same group: the tagger's target is at
//! least a third of the expander's throughput.

use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use viettat::{Expander, Tagger};

const TARGET: usize = 32 * 1024 * 1024;

/// The corpus articles (without their "# " header lines), joined by blank lines and
/// repeated up to ~32 MiB.
fn input() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus is missing ({}: {e})", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut one = String::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("article");
        for line in text.lines().filter(|l| !l.starts_with("# ")) {
            one.push_str(line);
            one.push('\n');
        }
        one.push('\n');
    }
    let mut all = String::with_capacity(TARGET + one.len());
    while all.len() < TARGET {
        all.push_str(&one);
    }
    all
}

fn bench(c: &mut Criterion) {
    let text = input();
    let tagger = Tagger::default();
    let expander = Expander::default();
    // Build both engines before timing (building is measured apart from searching).
    assert!(tagger.tag("đồng chí Nguyễn Văn Tuấn – QUV").count() == 1);
    let per_copy = {
        let seed = "đồng chí Nguyễn Thị Tuyết – PBTTT Đảng ủy phường";
        tagger.tag(seed).count()
    };
    assert_eq!(per_copy, 1);

    let mut group = c.benchmark_group("tag/corpus-32MiB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("tag", |b| {
        b.iter(|| {
            let n = tagger.tag(black_box(&text)).count();
            assert!(n > 0);
            n
        })
    });
    // The same text with one paragraph per line and no blank lines, as many files are
    // written: one long "paragraph", read in parts (it should cost about what the text
    // parted by blank lines costs, not many times more).
    let per_line: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    // (Measured against its own length, and checked to find the same officials.)
    let officials = tagger.tag(&text).count();
    assert_eq!(tagger.tag(&per_line).count(), officials);
    group.throughput(Throughput::Bytes(per_line.len() as u64));
    group.bench_function("tag-one-paragraph-per-line", |b| {
        b.iter(|| tagger.tag(black_box(&per_line)).count())
    });
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("expand-baseline", |b| {
        b.iter(|| {
            let out = expander.expand(black_box(&text));
            assert!(out.len() > text.len());
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
