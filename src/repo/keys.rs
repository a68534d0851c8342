//! Private key files under `~/.ssh`: which there are, and which are locked by a passphrase.
//! libssh2 reports a locked key read without its passphrase as a broken file, which would end
//! the sync instead of moving on to the next way in, so khutta looks first.

use std::path::{Path, PathBuf};

/// The usual private key files under `~/.ssh` of `home`, in the order they are tried.
pub(crate) fn key_files(home: Option<&Path>) -> Vec<PathBuf> {
    let Some(home) = home else {
        return Vec::new();
    };
    let ssh = home.join(".ssh");
    ["id_ed25519", "id_ecdsa", "id_rsa"]
        .iter()
        .map(|n| ssh.join(n))
        .filter(|p| p.is_file())
        .collect()
}

/// The public half beside a private key file (`id_ed25519.pub`), when there is one: with it
/// the server says whether it knows the key before the private file is read.
pub(crate) fn public_half(key: &Path) -> Option<PathBuf> {
    let mut name = key.file_name()?.to_os_string();
    name.push(".pub");
    let public = key.with_file_name(name);
    public.is_file().then_some(public)
}

/// Whether the private key file `key` needs a passphrase.
pub(crate) fn is_locked(key: &Path) -> std::io::Result<bool> {
    let text = std::fs::read_to_string(key)?;
    Ok(locked_text(&text))
}

fn locked_text(text: &str) -> bool {
    if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        || text.contains("Proc-Type: 4,ENCRYPTED")
    {
        return true;
    }
    let Some(body) = text
        .split_once("-----BEGIN OPENSSH PRIVATE KEY-----")
        .and_then(|(_, rest)| rest.split_once("-----END"))
        .map(|(body, _)| body)
    else {
        return false;
    };
    // "openssh-key-v1\0", then the cipher's name as a length-prefixed string: "none" when
    // the key is not encrypted.
    let b64: String = body
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(64)
        .collect();
    let bytes = base64_prefix(&b64);
    let magic = b"openssh-key-v1\0";
    let Some(rest) = bytes.strip_prefix(magic.as_slice()) else {
        return false;
    };
    let Some((len, rest)) = rest.split_first_chunk::<4>() else {
        return false;
    };
    let len = u32::from_be_bytes(*len) as usize;
    rest.get(..len).is_some_and(|cipher| cipher != b"none")
}

/// Decodes standard base64 up to the first character that is not part of it.
fn base64_prefix(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let Some(v) = value(c) else { break };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openssh_keys_with_and_without_a_cipher() {
        // The first line of the body of an unencrypted and of an encrypted ed25519 key made
        // by ssh-keygen.
        let open = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n";
        let locked = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABBx\n-----END OPENSSH PRIVATE KEY-----\n";
        assert!(!locked_text(open));
        assert!(locked_text(locked));
        assert!(locked_text(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n"
        ));
        assert!(!locked_text("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n"));
        assert!(!locked_text("not a key"));
    }
}
