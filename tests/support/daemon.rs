//! A `git daemon` on 127.0.0.1 serving a folder of bare repositories, for real fetch and push.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running daemon, stopped when dropped.
pub struct Daemon {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl Daemon {
    /// Serves every repository under `base` over git://, with push enabled.
    pub fn start(base: &Path) -> Daemon {
        // Ask the system for a free port, then hand it to the daemon.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let mut cmd = Command::new("git");
        super::cmd::pin_env(&mut cmd);
        let child = cmd
            .args([
                "daemon",
                "--listen=127.0.0.1",
                "--reuseaddr",
                "--export-all",
                "--enable=receive-pack",
                "--informative-errors",
            ])
            .arg(format!("--port={port}"))
            .arg(format!("--base-path={}", base.display()))
            .arg(base)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("git daemon starts (apt-get install git)");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "git daemon did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Daemon { child, port }
    }

    /// The URL of the repository `name` (a folder under the base).
    pub fn url(&self, name: &str) -> String {
        format!("git://127.0.0.1:{}/{name}", self.port)
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
