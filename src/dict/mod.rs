//! Dictionaries: what an abbreviation stands for.
//!
//! A dictionary is a list of [`Entry`] values read from TOML files (the format is documented
//! in `dictionaries/README.md`). The crate embeds its default dictionaries at compile time
//! ([`Dictionary::embedded`]); users add or override entries from their own files at run time.

mod parse;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::error::{Error, ErrorKind};

/// The default dictionaries, embedded in the library: (file name, contents).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "document.toml",
        include_str!("../../dictionaries/document.toml"),
    ),
    (
        "general.toml",
        include_str!("../../dictionaries/general.toml"),
    ),
    (
        "organization.toml",
        include_str!("../../dictionaries/organization.toml"),
    ),
    ("place.toml", include_str!("../../dictionaries/place.toml")),
    (
        "program.toml",
        include_str!("../../dictionaries/program.toml"),
    ),
    ("title.toml", include_str!("../../dictionaries/title.toml")),
];

/// What kind of thing an abbreviation names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Category {
    /// State bodies, Party committees, the Fatherland Front, mass organizations, police and
    /// armed forces units: "UBND", "HĐND", "UB MTTQ", "ĐU".
    Organization,
    /// Positions and titles: "PBTTT", "QUV", "UVBTV", "PCT".
    Title,
    /// Administrative levels and places: "TDP", "TP.", "TP.HCM".
    Place,
    /// Kinds of official documents (Nghị định 30/2020/NĐ-CP, Phụ lục III): "NQ", "QĐ", "KH".
    Document,
    /// Programs, campaigns and fields of work: "ATGT", "VSMT", "NTM", "KTXH".
    Program,
    /// Everything else: "NVH", "HN".
    General,
}

impl Category {
    /// Every category, in a stable order.
    pub const ALL: [Category; 6] = [
        Category::Organization,
        Category::Title,
        Category::Place,
        Category::Document,
        Category::Program,
        Category::General,
    ];

    /// The name used in dictionary files and in output: `"organization"`, `"title"`, ...
    pub fn name(self) -> &'static str {
        match self {
            Category::Organization => "organization",
            Category::Title => "title",
            Category::Place => "place",
            Category::Document => "document",
            Category::Program => "program",
            Category::General => "general",
        }
    }

    /// The category with this name.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One meaning of an abbreviation, with the context that selects it when there are several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sense {
    pub(crate) expansion: String,
    pub(crate) category: Category,
    pub(crate) followed_by: Vec<String>,
    pub(crate) preceded_by: Vec<String>,
}

impl Sense {
    /// The spelled-out form, in official spelling and capitalization.
    pub fn expansion(&self) -> &str {
        &self.expansion
    }

    /// What kind of thing this sense names.
    pub fn category(&self) -> Category {
        self.category
    }

    /// Phrases that select this sense when they follow the abbreviation.
    pub fn followed_by(&self) -> &[String] {
        &self.followed_by
    }

    /// Phrases that select this sense when they come just before the abbreviation.
    pub fn preceded_by(&self) -> &[String] {
        &self.preceded_by
    }
}

/// Where an entry was defined: a dictionary file and a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub(crate) file: Arc<str>,
    pub(crate) line: usize,
}

impl Origin {
    /// The dictionary file's name (as given when it was loaded).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line of the entry's `abbr`.
    pub fn line(&self) -> usize {
        self.line
    }
}

/// An abbreviation, the other ways it is written, and its meaning or meanings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub(crate) abbr: String,
    pub(crate) forms: Vec<String>,
    pub(crate) senses: Vec<Sense>,
    pub(crate) numbered: bool,
    pub(crate) source: Option<String>,
    pub(crate) origin: Origin,
}

impl Entry {
    /// The abbreviation in its usual spelling: `"UBMTTQ"`.
    pub fn abbr(&self) -> &str {
        &self.abbr
    }

    /// Other ways the same abbreviation is written: `["UB MTTQ", "UB.MTTQ"]`.
    pub fn forms(&self) -> &[String] {
        &self.forms
    }

    /// Every surface form: the abbreviation, then its other forms.
    pub fn surface_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.abbr.as_str()).chain(self.forms.iter().map(String::as_str))
    }

    /// The meanings: one for most entries, several for ambiguous ones.
    pub fn senses(&self) -> &[Sense] {
        &self.senses
    }

    /// Whether the abbreviation is expanded only where its context selects a sense: it has
    /// several meanings, or its one meaning is too risky to assume without context. Elsewhere
    /// it is left as written and reported as ambiguous.
    pub fn is_ambiguous(&self) -> bool {
        self.senses.len() > 1
            || self
                .senses
                .iter()
                .any(|s| !s.followed_by.is_empty() || !s.preceded_by.is_empty())
    }

    /// Whether the abbreviation is written with a number glued to it ("P10" for Phường 10):
    /// such an entry matches only when digits follow, and the digits are kept.
    pub fn is_numbered(&self) -> bool {
        self.numbered
    }

    /// Where the entry's facts come from, as written in the dictionary.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The file and line that defined the entry.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }
}

/// A set of entries, each surface form defined once.
///
/// ```
/// use viettat::{Category, Dictionary};
///
/// let dict = Dictionary::from_toml_str("my-terms.toml", r#"
/// category = "program"
///
/// [[entry]]
/// abbr = "CĐS"
/// expansion = "chuyển đổi số"
/// "#)?;
/// let entry = dict.lookup("CĐS").unwrap();
/// assert_eq!(entry.senses()[0].expansion(), "chuyển đổi số");
/// assert_eq!(entry.senses()[0].category(), Category::Program);
/// # Ok::<(), viettat::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    entries: Vec<Entry>,
}

impl Dictionary {
    /// An empty dictionary.
    pub fn new() -> Dictionary {
        Dictionary::default()
    }

    /// The default dictionaries embedded in the crate, parsed once per process.
    pub fn embedded() -> &'static Dictionary {
        static EMBEDDED_DICT: OnceLock<Dictionary> = OnceLock::new();
        EMBEDDED_DICT.get_or_init(|| {
            let mut dict = Dictionary::new();
            for (name, text) in EMBEDDED {
                // The embedded files are checked by the test suite, so this cannot fail in a
                // released build; if it ever did, an empty dictionary is the safe degradation.
                if let Ok(d) = Dictionary::from_toml_str(name, text) {
                    dict.extend_checked(d).ok();
                }
            }
            dict
        })
    }

    /// The embedded dictionary files themselves, as (file name, TOML text), for tools that
    /// want to show or export them.
    pub fn embedded_sources() -> &'static [(&'static str, &'static str)] {
        EMBEDDED
    }

    /// Parses a dictionary from TOML text. `name` is used in error messages and in each
    /// entry's [`Origin`].
    pub fn from_toml_str(name: &str, text: &str) -> Result<Dictionary, Error> {
        parse::parse(name, text).map(|entries| Dictionary { entries })
    }

    /// Reads and parses a dictionary file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Dictionary, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path)
            .map_err(|e| Error::io(e, "cannot read dictionary").with_path(path))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let offset = e.valid_up_to();
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            Error::invalid_utf8(offset)
                .with_position(crate::error::Position::of_offset(valid, offset))
                .with_path(path)
        })?;
        Dictionary::from_toml_str(&path.display().to_string(), text).map_err(|e| {
            if e.path().is_some() {
                e
            } else {
                e.with_path(path)
            }
        })
    }

    /// The entries, in the order they were defined.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this surface form (its abbreviation or one of its other forms).
    pub fn lookup(&self, form: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.surface_forms().any(|f| f == form))
    }

    /// Adds the entries of `other`, which win over this dictionary's: an entry of `other`
    /// replaces the entry with the same abbreviation, and takes over any surface form that an
    /// entry here also had.
    pub fn extend_overriding(&mut self, other: Dictionary) {
        for new in other.entries {
            self.entries.retain(|e| e.abbr != new.abbr);
            let taken: Vec<&str> = new.surface_forms().collect();
            for e in &mut self.entries {
                e.forms.retain(|f| !taken.contains(&f.as_str()));
            }
            self.entries.retain(|e| !taken.contains(&e.abbr.as_str()));
            self.entries.push(new);
        }
    }

    /// Adds the entries of `other`, which must not define a surface form that is already
    /// defined here (the default dictionary files are checked this way).
    pub fn extend_checked(&mut self, other: Dictionary) -> Result<(), Error> {
        let mut seen: HashMap<&str, &Entry> = HashMap::new();
        for e in &self.entries {
            for f in e.surface_forms() {
                seen.insert(f, e);
            }
        }
        for new in &other.entries {
            for f in new.surface_forms() {
                if let Some(old) = seen.get(f) {
                    return Err(Error::new(
                        ErrorKind::Dictionary,
                        format!(
                            "{}:{}: abbreviation {f:?} is already defined at {}:{}",
                            new.origin.file, new.origin.line, old.origin.file, old.origin.line
                        ),
                    ));
                }
            }
        }
        self.entries.extend(other.entries);
        Ok(())
    }

    /// Rewrites every expansion (for example into another tone-mark style).
    pub(crate) fn rewrite_expansions(&mut self, mut f: impl FnMut(&str) -> String) {
        for sense in self.entries.iter_mut().flat_map(|e| e.senses.iter_mut()) {
            sense.expansion = f(&sense.expansion);
        }
    }

    /// Removes the entry with this abbreviation (or surface form). Returns whether one was
    /// removed.
    pub fn remove(&mut self, form: &str) -> bool {
        let before = self.entries.len();
        self.entries
            .retain(|e| !e.surface_forms().any(|f| f == form));
        before != self.entries.len()
    }
}
