//! One sort for the domain and the app (issue 14, wasm size).
//!
//! Every `slice::sort_by` in the standard library is generic over the element type and the
//! comparator, so each call site got its own copy of the sorting code: 27 copies of a stable
//! sort and 3 of an unstable one, about 120 kB of the 1.56 MB code section of the release wasm.
//! Here the sorting code is compiled once: it orders a list of indices with a comparator behind
//! a `&dyn Fn`, and only the small step that moves the elements into that order is generic. The
//! sort is stable: equal elements keep their order, as with `slice::sort_by`.
//!
//! The lists sorted here are short (a feed's goals, actors, issues, a chart's points) or, at
//! most, one per measure; the indirect call per comparison costs well under a millisecond at
//! 5 000 measures.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Lists up to this long are sorted in place by insertion (a few instructions per copy, no
/// allocation): most lists sorted per measure hold one to five elements.
const SHORT: usize = 12;

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() <= SHORT {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let order = permutation(v.len(), &|a, b| cmp(&v[a], &v[b]));
    // Position i takes the element now at order[i]: each cycle of the permutation is a chain
    // of swaps.
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        let mut i = start;
        while !placed[i] {
            placed[i] = true;
            let j = order[i] as usize;
            if j == start {
                break;
            }
            v.swap(i, j);
            i = j;
        }
    }
}

/// Sorts `v` by the key `key` gives each element, stably (the key is computed per comparison,
/// as with `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` and removes the repeated elements.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// A set of `items`, inserted one at a time. `collect()` into a `BTreeSet` or `BTreeMap`
/// sorts its input first, with a copy of the sorting code for each element type; inserting
/// needs none and gives the same set.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// A map of `pairs`, inserted one at a time (see [`set_of`]); for a repeated key the last value
/// wins, as with `collect()`.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

/// The indices `0..n` in the order `cmp` gives them; equal ones by index, so the order is
/// stable. The only place the sorting code is instantiated.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one copy (clippy.toml points every other call here)
fn permutation(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..n as u32).collect();
    idx.sort_unstable_by(|&a, &b| cmp(a as usize, b as usize).then(a.cmp(&b)));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no crate.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // the standard sort is the reference here
    fn sorts_like_the_standard_stable_sort() {
        for (seed, n, modulo) in [
            (1, 0, 5),
            (2, 1, 5),
            (3, 2, 2),
            (7, SHORT, 3),
            (8, SHORT + 1, 3),
            (4, 50, 3),
            (5, 1000, 40),
            (6, 5000, 1 << 30),
        ] {
            // Pairs of (key, original position): a stable sort keeps the positions ascending
            // within one key, so comparing by key alone tests stability too.
            let mut ours: Vec<(u64, usize)> =
                numbers(seed, n, modulo).into_iter().zip(0..).collect();
            let mut std_sorted = ours.clone();
            std_sorted.sort_by_key(|p| p.0);
            sort_by_key(&mut ours, |p| p.0);
            assert_eq!(ours, std_sorted, "seed {seed}, {n} elements");
        }
    }

    #[test]
    fn sorts_by_a_comparator_that_reverses() {
        let mut v = vec!["b", "a", "c", "a"];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "b", "a", "a"]);
        let mut w = vec![3, 1, 2, 1, 3];
        sort_dedup(&mut w);
        assert_eq!(w, [1, 2, 3]);
        let mut s: Vec<String> = ["x", "b", "a"].map(String::from).to_vec();
        sort(&mut s);
        assert_eq!(s, ["a", "b", "x"]);
    }

    #[test]
    fn sets_and_maps_are_those_collect_gives() {
        let xs = numbers(9, 300, 50);
        assert_eq!(
            set_of(xs.iter().copied()),
            xs.iter().copied().collect::<BTreeSet<_>>()
        );
        let pairs: Vec<(u64, usize)> = xs.iter().copied().zip(0..).collect();
        let ours = map_of(pairs.iter().copied());
        assert_eq!(ours, pairs.iter().copied().collect::<BTreeMap<_, _>>());
        // The last value for a key wins.
        assert_eq!(ours[&xs[0]], xs.iter().rposition(|&x| x == xs[0]).unwrap());
    }
}
