//! Trying a send again: after a network error or a server's own failure
//! (5xx, an SMTP 4xx), waiting longer each time; never after the platform
//! refused the message itself, which would only be refused again.

use std::time::Duration;

use crate::i18n::notify::Trouble;

/// The wait before the first try again; doubled for each next one.
const BACKOFF: Duration = Duration::from_millis(500);

/// How one try ended, when not delivered.
pub enum Try {
    /// Worth another try: no answer, or the server's own failure.
    Again(Trouble),
    /// The platform refused the message itself.
    Final(Trouble),
}

/// Runs `attempt` until it delivers, is refused for good, or has been
/// tried `retries` more times.
pub fn with_retries(
    retries: u32,
    mut attempt: impl FnMut() -> Result<(), Try>,
) -> Result<(), Trouble> {
    let mut tries = 0;
    loop {
        tries += 1;
        let trouble = match attempt() {
            Ok(()) => return Ok(()),
            Err(Try::Final(trouble)) => return Err(trouble),
            Err(Try::Again(trouble)) => trouble,
        };
        if tries > retries {
            return Err(match trouble {
                Trouble::Network { detail, .. } => Trouble::Network { detail, tries },
                other => other,
            });
        }
        std::thread::sleep(BACKOFF * 2u32.pow(tries - 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network() -> Trouble {
        Trouble::Network {
            detail: "refused".into(),
            tries: 1,
        }
    }

    #[test]
    fn tries_again_only_what_may_go_through() {
        let mut calls = 0;
        let result = with_retries(1, || {
            calls += 1;
            Err(Try::Again(network()))
        });
        assert_eq!(calls, 2);
        assert!(matches!(result, Err(Trouble::Network { tries: 2, .. })));
        let mut calls = 0;
        let result = with_retries(3, || {
            calls += 1;
            Err(Try::Final(network()))
        });
        assert_eq!(calls, 1);
        assert!(result.is_err());
    }
}
