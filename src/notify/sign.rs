//! The robots' signatures (加签): an HMAC-SHA256, base64, that proves a
//! message comes from who holds the secret, at a moment the platform
//! checks is recent (an hour for both).

use crate::web::server::encode;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

fn hmac(key: &[u8], message: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    STANDARD.encode(mac.finalize().into_bytes())
}

/// DingTalk: `timestamp` (milliseconds) and the secret, "timestamp\nsecret"
/// signed with the secret; the URL gains `&timestamp=…&sign=…`, the
/// signature percent-encoded.
pub fn dingtalk(secret: &str, timestamp_ms: i64) -> String {
    let signed = hmac(
        secret.as_bytes(),
        format!("{timestamp_ms}\n{secret}").as_bytes(),
    );
    encode(&signed)
}

/// Feishu: "timestamp\nsecret" (timestamp in seconds) is the key, over
/// an empty message; sent in the body as `timestamp` and `sign`.
pub fn feishu(secret: &str, timestamp_s: i64) -> String {
    hmac(format!("{timestamp_s}\n{secret}").as_bytes(), b"")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// HMAC-SHA256 of RFC 4231's test case 2, so the primitive is right.
    #[test]
    fn hmac_matches_the_rfc() {
        let mac = hmac(b"Jefe", b"what do ya want for nothing?");
        let bytes = STANDARD.decode(mac).unwrap();
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn dingtalk_signature_is_url_safe() {
        let sign = dingtalk("SEC000", 1_700_000_000_000);
        assert!(!sign.contains(['+', '/', '=']), "{sign}");
        assert_eq!(encode("a+b/c="), "a%2Bb%2Fc%3D");
        assert_ne!(feishu("s", 1), feishu("s", 2));
    }
}
