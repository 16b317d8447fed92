//! The names and date a report carries, from the command line and today's date, decided once
//! per run.

use crate::cli::OutputArgs;
use crate::report::Identity;

/// The identity of the reports written with `out`'s options, dated today.
pub(crate) fn identity(out: &OutputArgs) -> Identity {
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    Identity {
        title: given(&out.identity.title),
        client: given(&out.identity.client),
        assessor: given(&out.identity.assessor),
        date: crate::clock::today(),
    }
}
