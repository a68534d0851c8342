//! What every network operation of a sync shares: bounded waits on a silent server, a cancel
//! that the transfer callbacks honour, and the server's own messages cut into lines.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long khutta waits for a server that says nothing, unless `KHUTTA_NET_TIMEOUT` says
/// otherwise (in seconds).
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Opening a connection waits at most this long (or the timeout, when shorter).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// The wait for a silent server: `KHUTTA_NET_TIMEOUT` (whole seconds, at least 1) or
/// [`DEFAULT_TIMEOUT`].
pub(crate) fn timeout_from_env() -> Duration {
    std::env::var("KHUTTA_NET_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .map_or(DEFAULT_TIMEOUT, Duration::from_secs)
}

/// Makes libgit2 give up on a server that accepts a connection and then says nothing for
/// `wait`, on every transport (git://, http(s), and ssh through libssh2's session timeout).
/// The setting is the process's: the first call wins, later ones change nothing.
pub(crate) fn bound_waits(wait: Duration) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| set_libgit2_timeouts(wait));
}

#[expect(
    unsafe_code,
    reason = "libgit2's timeouts are C globals that git2 sets only through unsafe functions"
)]
fn set_libgit2_timeouts(wait: Duration) {
    let ms = |d: Duration| i32::try_from(d.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: the functions write two C ints that libgit2 reads when it opens a connection.
    // They are written once, behind `bound_waits`'s `Once`, which every fetch and push of
    // khutta goes through before it connects, and which makes any other caller wait: no
    // khutta thread can be opening a connection while they are written.
    unsafe {
        let _ =
            git2::opts::set_server_connect_timeout_in_milliseconds(ms(wait.min(CONNECT_TIMEOUT)));
        let _ = git2::opts::set_server_timeout_in_milliseconds(ms(wait));
    }
}

/// A request to stop a running sync, shared between whoever asks (a key, Ctrl-C) and the
/// sync, which stops at the next callback of the transfer or between its steps.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// The flag itself, for a signal handler to raise.
    pub fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.0)
    }

    /// Asks the sync to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether stopping was asked for.
    pub(crate) fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl PartialEq for Cancel {
    fn eq(&self, other: &Cancel) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A line the server sent on its message channel (git's "remote: ..." lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerLine {
    /// The text, without its line end (not escaped: it is the server's).
    pub text: String,
    /// Whether it is the server's progress (counting, compressing, resolving) rather than a
    /// message for a person, such as a hook's.
    pub progress: bool,
}

/// Cuts what the server sends into lines. A line may arrive in pieces, and git's progress
/// rewrites one line with `\r`.
#[derive(Debug, Default)]
pub(crate) struct ServerLines {
    partial: Vec<u8>,
}

impl ServerLines {
    /// The complete lines in `data`, keeping an unfinished one for later.
    pub(crate) fn feed(&mut self, data: &[u8]) -> Vec<ServerLine> {
        let mut out = Vec::new();
        for &b in data {
            if b == b'\n' || b == b'\r' {
                let bytes = std::mem::take(&mut self.partial);
                if let Some(line) = line(&bytes, b == b'\r') {
                    out.push(line);
                }
            } else {
                self.partial.push(b);
            }
        }
        out
    }

    /// The unfinished line, once the server has finished.
    pub fn finish(&mut self) -> Option<ServerLine> {
        let bytes = std::mem::take(&mut self.partial);
        line(&bytes, false)
    }
}

fn line(bytes: &[u8], rewritten: bool) -> Option<ServerLine> {
    let text = String::from_utf8_lossy(bytes).trim_end().to_owned();
    if text.is_empty() {
        return None;
    }
    let progress = rewritten || looks_like_progress(&text);
    Some(ServerLine { text, progress })
}

/// git's own progress lines: `Resolving deltas: 100% (3/3), done.`, `Enumerating objects:
/// 5, done.`, `Total 3 (delta 0), reused 0 (delta 0)`.
fn looks_like_progress(text: &str) -> bool {
    if text.starts_with("Total ") && text.contains("(delta ") {
        return true;
    }
    let Some((title, rest)) = text.split_once(": ") else {
        return false;
    };
    let rest = rest.trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    !title.is_empty()
        && title.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
        && digits > 0
        && (rest[digits..].starts_with('%') || rest[digits..].starts_with(", done"))
}

/// `text` with the user information (`user:password@`) taken out of every URL in it, so that
/// a URL or an error that quotes one can be logged without the password or token a remote's
/// URL may carry. An scp-like SSH address (`git@host:path`) names a user only and is kept.
pub fn without_userinfo(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| matches!(c, '/' | '?' | '#') || c.is_whitespace())
            .unwrap_or(tail.len());
        rest = match tail[..end].rfind('@') {
            Some(at) => {
                changed = true;
                &tail[at + 1..]
            }
            None => tail,
        };
    }
    if !changed {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_in_pieces_and_progress_rewritten_in_place() {
        let mut s = ServerLines::default();
        assert!(s.feed(b"main is prot").is_empty());
        let got =
            s.feed(b"ected\nResolving deltas:  50% (1/2)\rResolving deltas: 100% (2/2), done.\n");
        let texts: Vec<(&str, bool)> = got.iter().map(|l| (l.text.as_str(), l.progress)).collect();
        assert_eq!(
            texts,
            [
                ("main is protected", false),
                ("Resolving deltas:  50% (1/2)", true),
                ("Resolving deltas: 100% (2/2), done.", true),
            ]
        );
        assert!(s.feed(b"no newline at the end").is_empty());
        assert_eq!(
            s.finish().map(|l| l.text),
            Some("no newline at the end".to_owned())
        );
        assert_eq!(s.finish(), None);
    }

    #[test]
    fn a_hook_s_words_are_a_message_even_with_a_colon_and_numbers() {
        for text in [
            "Note: 2 reviewers must approve",
            "policy: see https://example.org/rules",
            "Total budget is 5% over",
        ] {
            assert!(!looks_like_progress(text), "{text}");
        }
        for text in [
            "Enumerating objects: 5, done.",
            "Counting objects: 100% (3/3), done.",
            "Total 3 (delta 0), reused 0 (delta 0), pack-reused 0",
        ] {
            assert!(looks_like_progress(text), "{text}");
        }
    }

    #[test]
    fn urls_lose_their_user_information_and_nothing_else() {
        let cases = [
            ("http://user:secret@127.0.0.1:1/x", "http://127.0.0.1:1/x"),
            (
                "https://TOKEN@example.org/plan.git",
                "https://example.org/plan.git",
            ),
            (
                "failed on https://a:b@h/p, then ssh://me:pw@h2:22/q?x=y@z",
                "failed on https://h/p, then ssh://h2:22/q?x=y@z",
            ),
            ("git@example.org:plan.git", "git@example.org:plan.git"),
            ("git://127.0.0.1:1/x", "git://127.0.0.1:1/x"),
            ("/srv/git/plan.git", "/srv/git/plan.git"),
            ("http://p:w@h", "http://h"),
        ];
        for (text, logged) in cases {
            assert_eq!(without_userinfo(text), logged, "{text}");
        }
    }
}
