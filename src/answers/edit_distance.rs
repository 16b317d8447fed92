//! How many single-character edits (insertions, deletions, substitutions) apart two texts are,
//! when that is at most a bound: near misses of column headers are a few edits away, so only a
//! band of the full table around its diagonal is computed (`O(n * bound)` instead of `O(n * m)`).

/// The Levenshtein distance of `a` and `b` in characters when it is at most `bound`, else `None`.
pub(crate) fn levenshtein_within(a: &str, b: &str, bound: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    // Cells outside the band, or already past the bound, hold `over`: they can never lead back
    // under it.
    let over = bound + 1;
    let width = b.len() + 1;
    let mut previous: Vec<usize> = (0..width).map(|j| j.min(over)).collect();
    let mut current = vec![over; width];
    for (i, &ca) in a.iter().enumerate() {
        let row = i + 1;
        let from = row.saturating_sub(bound).max(1);
        let to = (row + bound).min(b.len());
        current.fill(over);
        current[0] = row.min(over);
        let mut best = current[0];
        for j in from..=to {
            let substitution = previous[j - 1] + usize::from(ca != b[j - 1]);
            let deletion = previous[j] + 1;
            let insertion = current[j - 1] + 1;
            let cell = substitution.min(deletion).min(insertion).min(over);
            current[j] = cell;
            best = best.min(cell);
        }
        if best > bound {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= bound).then_some(d)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::levenshtein_within;

    #[test]
    fn known_distances() {
        assert_eq!(levenshtein_within("kitten", "sitting", 3), Some(3));
        assert_eq!(levenshtein_within("kitten", "sitting", 2), None);
        assert_eq!(levenshtein_within("", "", 0), Some(0));
        assert_eq!(levenshtein_within("", "abc", 3), Some(3));
        assert_eq!(levenshtein_within("abc", "", 2), None);
        assert_eq!(
            levenshtein_within("focused-knowlege", "focused-knowledge", 2),
            Some(1)
        );
        assert_eq!(levenshtein_within("d’accord", "d'accord", 1), Some(1));
        assert_eq!(levenshtein_within("同意吗", "同意", 1), Some(1));
    }

    proptest! {
        /// The banded computation agrees with the full table wherever the distance is within the
        /// bound, and says `None` exactly where it is not.
        #[test]
        fn agrees_with_the_full_table(
            a in "[abc’é同 ]{0,24}",
            b in "[abc’é同 ]{0,24}",
            bound in 0usize..12,
        ) {
            let full = strsim::levenshtein(&a, &b);
            let banded = levenshtein_within(&a, &b, bound);
            prop_assert_eq!(banded, (full <= bound).then_some(full));
        }
    }
}
