//! The roles of one official, each once: the same post written once with its locality and
//! once without ("Phó Bí thư Thường trực Đảng ủy phường Thủ Dầu Một", later "... Đảng ủy
//! phường") is one role, with the locality.
//!
//! A role is added by one rule, read in order over the roles kept: the first that has the
//! new role's text, or the same post (title, organization, level) with a locality missing
//! on either side, takes it; otherwise it is kept as a new role. Most officials have a
//! few roles, and the rule is read by a loop over them; an official with many (a text
//! that gives one person thousands of posts) has the roles looked up by text and by post
//! instead, so that adding them is not quadratic.

use std::collections::HashMap;

use super::key::{key, FxBuild};
use super::{Level, Role};
use crate::span::Span;

/// The comparison keys of a role, computed once rather than at every comparison.
#[derive(Clone, Debug)]
pub(crate) struct RoleKeys {
    title: String,
    organization: Option<String>,
    text: String,
}

impl RoleKeys {
    pub(crate) fn of(r: &Role) -> RoleKeys {
        RoleKeys {
            title: key(&r.title),
            organization: r.organization.as_deref().map(key),
            text: key(&r.text),
        }
    }
}

/// The roles of one official.
#[derive(Default)]
pub(crate) struct RoleSet {
    roles: Vec<Role>,
    /// The keys of `roles`, one each.
    keys: Vec<RoleKeys>,
    /// Built once there are [`RoleSet::INDEXED`] roles.
    index: Option<Index>,
}

/// Where the roles of a [`RoleSet`] are, by text and by post. Every list is in increasing
/// order, so its first entry is the first role in order.
#[derive(Default)]
struct Index {
    by_text: HashMap<String, Vec<usize>, FxBuild>,
    by_post: HashMap<PostKey, Post, FxBuild>,
}

type PostKey = (String, Option<String>, Option<Level>);

#[derive(Default)]
struct Post {
    /// Every role of the post (a role's post never changes).
    all: Vec<usize>,
    /// Those without a locality.
    unplaced: Vec<usize>,
}

impl RoleSet {
    /// Roles an official has before they are looked up rather than read in order.
    const INDEXED: usize = 16;

    /// Adds `new`, whose keys are `new_keys`, unless the official has it already (see the
    /// module's rule). `span` is where `new` is written this time, asked for only if the
    /// role is taken.
    pub(crate) fn add(&mut self, new: &Role, new_keys: &RoleKeys, span: impl FnOnce() -> Span) {
        if self.index.is_none() && self.roles.len() >= RoleSet::INDEXED {
            self.build_index();
        }
        match self.taker(new, new_keys) {
            Some(k) => self.take(k, new, new_keys, span),
            None => {
                let k = self.roles.len();
                self.roles.push(Role {
                    span: span(),
                    ..new.clone()
                });
                self.keys.push(new_keys.clone());
                if let Some(index) = &mut self.index {
                    index.insert(k, new, new_keys);
                }
            }
        }
    }

    pub(crate) fn into_roles(self) -> Vec<Role> {
        self.roles
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.roles.is_empty()
    }

    /// The first role that takes `new`, if any.
    fn taker(&self, new: &Role, new_keys: &RoleKeys) -> Option<usize> {
        let Some(index) = &self.index else {
            return self
                .roles
                .iter()
                .zip(&self.keys)
                .position(|(r, k)| k.text == new_keys.text || takes_post(r, k, new, new_keys));
        };
        let same_text = index
            .by_text
            .get(&new_keys.text)
            .and_then(|at| at.first().copied());
        let post = index.by_post.get(&post_key(new, new_keys));
        let same_post = post.and_then(|p| {
            if new.locality.is_none() {
                p.all.first().copied()
            } else {
                p.unplaced.first().copied()
            }
        });
        match (same_text, same_post) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// `roles[k]` takes `new`: it gets the locality if it had none.
    fn take(&mut self, k: usize, new: &Role, new_keys: &RoleKeys, span: impl FnOnce() -> Span) {
        let (Some(r), Some(keys)) = (self.roles.get_mut(k), self.keys.get_mut(k)) else {
            return;
        };
        if keys.text == new_keys.text || r.locality.is_some() {
            return;
        }
        if let Some(index) = &mut self.index {
            index.retext(k, &keys.text, &new_keys.text);
            if new.locality.is_some() {
                if let Some(post) = index.by_post.get_mut(&post_key(r, keys)) {
                    remove(&mut post.unplaced, k);
                }
            }
        }
        r.locality.clone_from(&new.locality);
        r.text.clone_from(&new.text);
        r.span = span();
        keys.text.clone_from(&new_keys.text);
    }

    fn build_index(&mut self) {
        let mut index = Index::default();
        for (k, (r, keys)) in self.roles.iter().zip(&self.keys).enumerate() {
            index.insert(k, r, keys);
        }
        self.index = Some(index);
    }
}

impl Index {
    /// Adds the role `k`, after every role in the index.
    fn insert(&mut self, k: usize, r: &Role, keys: &RoleKeys) {
        self.by_text.entry(keys.text.clone()).or_default().push(k);
        let post = self.by_post.entry(post_key(r, keys)).or_default();
        post.all.push(k);
        if r.locality.is_none() {
            post.unplaced.push(k);
        }
    }

    /// The role `k` is now written `to` rather than `from`.
    fn retext(&mut self, k: usize, from: &str, to: &str) {
        if let Some(at) = self.by_text.get_mut(from) {
            remove(at, k);
        }
        let at = self.by_text.entry(to.to_string()).or_default();
        let p = at.partition_point(|&j| j < k);
        at.insert(p, k);
    }
}

/// Whether the role `r` (keys `k`) is the post of `new` with a locality missing on either
/// side.
fn takes_post(r: &Role, k: &RoleKeys, new: &Role, new_keys: &RoleKeys) -> bool {
    k.title == new_keys.title
        && k.organization == new_keys.organization
        && r.level == new.level
        && (r.locality.is_none() || new.locality.is_none())
}

fn post_key(r: &Role, keys: &RoleKeys) -> PostKey {
    (keys.title.clone(), keys.organization.clone(), r.level)
}

/// Removes `k` from the increasing list `at`.
fn remove(at: &mut Vec<usize>, k: usize) {
    if let Ok(p) = at.binary_search(&k) {
        at.remove(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(title: &str, org: Option<&str>, level: Option<Level>, place: Option<&str>) -> Role {
        let mut text = String::from(title);
        for part in [org, level.map(Level::as_str), place].into_iter().flatten() {
            text.push(' ');
            text.push_str(part);
        }
        Role {
            title: title.to_string(),
            organization: org.map(str::to_string),
            level,
            locality: place.map(str::to_string),
            text,
            span: Span::new(0, 0),
        }
    }

    /// The rule read in order over every role, as the set reads it for few roles: what
    /// the looked-up set must do for many.
    fn added_in_order(roles: &mut Vec<(Role, RoleKeys)>, new: &Role, span: Span) {
        let new_keys = RoleKeys::of(new);
        for (r, k) in roles.iter_mut() {
            if k.text == new_keys.text {
                return;
            }
            if takes_post(r, k, new, &new_keys) {
                if r.locality.is_none() {
                    r.locality.clone_from(&new.locality);
                    r.text.clone_from(&new.text);
                    r.span = span;
                    k.text.clone_from(&new_keys.text);
                }
                return;
            }
        }
        let mut new = new.clone();
        new.span = span;
        roles.push((new, new_keys));
    }

    #[test]
    fn a_post_without_its_locality_is_the_post_with_it() {
        let mut set = RoleSet::default();
        let with = role(
            "Bí thư",
            Some("Đảng ủy"),
            Some(Level::Ward),
            Some("Ngọc Lâm"),
        );
        let without = role("Bí thư", Some("Đảng ủy"), Some(Level::Ward), None);
        for r in [&without, &with, &without] {
            set.add(r, &RoleKeys::of(r), || Span::new(0, 0));
        }
        assert_eq!(set.into_roles(), vec![with]);
    }

    /// Sequences of roles drawn from a few titles, organizations, levels and places,
    /// added to a set and by the rule in order: the same roles, texts and spans, well past
    /// the number where the set starts looking roles up.
    #[test]
    fn many_roles_are_kept_as_by_the_rule_in_order() {
        let titles = ["Chủ tịch", "Phó Chủ tịch", "Bí thư", "chủ tịch"];
        let orgs = [None, Some("Ủy ban nhân dân"), Some("Đảng ủy")];
        let levels = [None, Some(Level::Ward), Some(Level::Commune)];
        let places = [None, None, Some("Ngọc Lâm"), Some("7"), Some("Bồ Đề")];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        for _ in 0..300 {
            let mut set = RoleSet::default();
            let mut expected = Vec::new();
            for n in 0..next(120) {
                let r = role(
                    titles[next(titles.len())],
                    orgs[next(orgs.len())],
                    levels[next(levels.len())],
                    places[next(places.len())],
                );
                let span = Span::new(n, n + 1);
                set.add(&r, &RoleKeys::of(&r), || span);
                added_in_order(&mut expected, &r, span);
            }
            let expected: Vec<Role> = expected.into_iter().map(|(r, _)| r).collect();
            assert_eq!(set.into_roles(), expected);
        }
    }
}
