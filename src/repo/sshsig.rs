//! The SSH signature format (OpenSSH's PROTOCOL.sshsig) as far as khutta reads it: which
//! public key made a signature. Whether the signature holds is `ssh-keygen`'s to say; this only
//! names the key, so that it can be compared with the keys of `governance.ron` blob for blob.

/// Whether two public keys written as OpenSSH writes them (`TYPE BASE64 [comment]`) are the
/// same key, whatever their comments.
pub(super) fn same_key(a: &str, b: &str) -> bool {
    let blob = |k: &str| {
        let mut parts = k.split_whitespace();
        let kind = parts.next()?;
        Some((kind.to_owned(), base64_decode(parts.next()?)?))
    };
    matches!((blob(a), blob(b)), (Some(x), Some(y)) if x == y)
}

/// The public key inside an armoured SSH signature (`-----BEGIN SSH SIGNATURE-----`), as
/// OpenSSH writes a public key: `ssh-ed25519 AAAA...`. The blob is `"SSHSIG"`, a version,
/// then the public key as an SSH string (PROTOCOL.sshsig); `None` when it is not one.
pub(super) fn signing_key(armoured: &str) -> Option<String> {
    let mut lines = armoured.lines().map(str::trim).filter(|l| !l.is_empty());
    if lines.next()? != "-----BEGIN SSH SIGNATURE-----" {
        return None;
    }
    let body: String = lines
        .take_while(|l| *l != "-----END SSH SIGNATURE-----")
        .collect();
    let blob = base64_decode(&body)?;
    let rest = blob.strip_prefix(b"SSHSIG")?.get(4..)?;
    let (key, _) = ssh_string(rest)?;
    let (kind, _) = ssh_string(key)?;
    Some(format!(
        "{} {}",
        std::str::from_utf8(kind).ok()?,
        base64_encode(key)
    ))
}

/// An SSH wire string (a 32-bit big-endian length, then that many bytes) and what follows.
fn ssh_string(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?);
    let end = 4usize.checked_add(usize::try_from(len).ok()?)?;
    Some((bytes.get(4..end)?, bytes.get(end..)?))
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding, as OpenSSH writes keys.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(BASE64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard base64, padding optional; `None` on anything else.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.trim_end_matches('=').bytes() {
        let v = BASE64.iter().position(|b| *b == c)?;
        acc = (acc << 6) | u32::try_from(v).ok()?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
        acc &= (1 << bits) - 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_goes_both_ways() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"] {
            assert_eq!(base64_decode(&base64_encode(bytes)).as_deref(), Some(bytes));
        }
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_decode("not base64!"), None);
    }

    #[test]
    fn the_key_inside_a_signature_is_read() {
        // Made by `ssh-keygen -Y sign -n git` with the key below.
        let sig = "-----BEGIN SSH SIGNATURE-----
U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAgLe2X+SXRVt99d16WkeYkvVCNy5
klbCLRU4VXWPB/CZkAAAADZ2l0AAAAAAAAAAZzaGE1MTIAAABTAAAAC3NzaC1lZDI1NTE5
AAAAQAohA0bfgeN0rD4r52Bg0rQYPPgucvHNzBnZ6+O6ZeYao7+zbzCOCaRAV9S7FZxdAY
xutXv8ZiJgWH6moDq2qwM=
-----END SSH SIGNATURE-----
";
        let key = signing_key(sig).unwrap();
        assert_eq!(
            key,
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC3tl/kl0VbffXdelpHmJL1QjcuZJWwi0VOFV1jwfwmZ"
        );
        assert!(same_key(&key, &format!("{key} someone@example.org")));
        assert!(!same_key(&key, "ssh-ed25519 AAAA"));
        assert_eq!(signing_key("-----BEGIN PGP SIGNATURE-----\nxyz\n"), None);
        assert_eq!(signing_key("-----BEGIN SSH SIGNATURE-----\nAAAA\n"), None);
    }
}
