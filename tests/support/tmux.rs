//! Driving khutta in a real terminal: tmux on a private socket, keys in, screen text out.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of this test alone, killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `khutta ARGS` in a `w`×`h` window, with the pinned test environment.
    pub fn start(args: &[&str], cwd: &Path, w: u16, h: u16) -> Tmux {
        Tmux::start_env(args, cwd, w, h, &[])
    }

    /// As [`Tmux::start`], with `env` set after the pinned environment (so `HOME` may be
    /// the test's own).
    pub fn start_env(args: &[&str], cwd: &Path, w: u16, h: u16, env: &[(&str, &str)]) -> Tmux {
        assert!(
            Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success()),
            "tmux is needed: apt-get install tmux"
        );
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = format!("khutta-test-{}-{n}", std::process::id());
        let home = super::cmd::test_home();
        let exe = env!("CARGO_BIN_EXE_khutta");
        let quoted: Vec<String> = args
            .iter()
            .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
            .collect();
        let pinned = format!(
            "env -i PATH=\"$PATH\" HOME='{h}' XDG_CONFIG_HOME='{h}/.config' XDG_CACHE_HOME='{h}/.cache' XDG_STATE_HOME='{h}/.state' TERM=xterm-256color LANG=C.UTF-8 KHUTTA_TODAY={today} GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME='Test Author' GIT_AUTHOR_EMAIL=author@khutta.invalid GIT_COMMITTER_NAME='Test Author' GIT_COMMITTER_EMAIL=author@khutta.invalid GIT_AUTHOR_DATE=2026-11-28T12:00:00Z GIT_COMMITTER_DATE=2026-11-28T12:00:00Z",
            h = home.display(),
            today = super::cmd::TODAY
        );
        // `exec`: the pane's process is khutta itself, so that signals reach it and its exit
        // status is the pane's.
        let extra: Vec<String> = env
            .iter()
            .map(|(k, v)| format!("{k}='{}'", v.replace('\'', "'\\''")))
            .collect();
        let command = format!(
            "exec {pinned} {} '{exe}' {}",
            extra.join(" "),
            quoted.join(" ")
        );
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .arg("-c")
            .arg(cwd)
            .arg(&command)
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux new-session failed");
        let t = Tmux { socket };
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p"])
    }

    /// Sends keys as tmux names them (`Enter`, `Escape`, `C-s`, or literal text with `-l`).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", k]);
        }
    }

    /// Types literal text.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
    }

    /// Waits until the screen shows `needle` (the program is slow to start under load; this is
    /// a readiness wait with a generous limit, not a measurement).
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "never saw {needle:?}; the screen was:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen no longer shows `needle`.
    pub fn wait_gone(&self, needle: &str) {
        let start = Instant::now();
        while self.screen().contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{needle:?} never went away; the screen was:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the program has exited and returns its exit status (128 + N when a signal
    /// ended it), or `None` when tmux never learned it: tmux marks a pane dead when the
    /// terminal closes and records the status when it reaps the process, which a busy machine
    /// can delay or (when the process was reaped elsewhere) never do.
    pub fn wait_exit(&self) -> Option<i32> {
        let start = Instant::now();
        let mut dead_since: Option<Instant> = None;
        loop {
            let dead = self.run(&[
                "display-message",
                "-p",
                "#{pane_dead} #{pane_dead_status} #{pane_dead_signal}",
            ]);
            let mut parts = dead.split_whitespace();
            if parts.next() == Some("1") {
                let status: Option<i32> = parts.next().and_then(|s| s.parse().ok());
                let signal: Option<i32> = parts.next().and_then(|s| s.parse().ok());
                match (status, signal) {
                    (Some(s), _) => return Some(s),
                    (None, Some(sig)) if sig > 0 => return Some(128 + sig),
                    _ if dead_since.get_or_insert_with(Instant::now).elapsed()
                        > Duration::from_secs(5) =>
                    {
                        return None;
                    }
                    _ => {}
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "khutta did not exit ({dead:?}); the screen was:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the tmux server: the terminal khutta runs in is gone, as when a window is
    /// closed or an ssh session drops.
    pub fn kill_server(&self) {
        self.run(&["kill-server"]);
    }

    /// The pane's process id.
    pub fn pid(&self) -> u32 {
        self.run(&["display-message", "-p", "#{pane_pid}"])
            .trim()
            .parse()
            .unwrap_or(0)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}
