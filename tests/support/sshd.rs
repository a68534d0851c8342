//! A real OpenSSH server on 127.0.0.1 for sync over `ssh://`: a throwaway host key, keys
//! allowed from a file of the test's own, and a HOME whose `~/.ssh/known_hosts` trusts it
//! (libgit2 checks host keys against that file only). Also an ssh-agent of the test's own.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SSHD: &str = "/usr/sbin/sshd";
const INSTALL: &str = "apt-get install openssh-server openssh-client (scripts/test does)";

/// A running sshd, killed when dropped.
pub struct Sshd {
    child: Child,
    dir: tempfile::TempDir,
    /// Its port on 127.0.0.1.
    pub port: u16,
    /// The account the tests log in as: the one running them.
    pub user: String,
}

/// Runs `ssh-keygen` to make an ed25519 key pair at `path` (and `path.pub`).
pub fn keygen(path: &Path, passphrase: &str) {
    let out = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-C",
            "khutta-test",
            "-N",
            passphrase,
            "-f",
        ])
        .arg(path)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("ssh-keygen cannot run ({e}): {INSTALL}"));
    assert!(
        out.status.success(),
        "ssh-keygen failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The fingerprint sshd logs for a key (`SHA256:...`).
pub fn fingerprint(public_key: &Path) -> String {
    let out = Command::new("ssh-keygen")
        .arg("-lf")
        .arg(public_key)
        .output()
        .unwrap_or_else(|e| panic!("ssh-keygen cannot run ({e}): {INSTALL}"));
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

impl Sshd {
    /// Starts sshd allowing the public keys `allowed`, and writes its host key into
    /// `home/.ssh/known_hosts`.
    pub fn start(home: &Path, allowed: &[&Path]) -> Sshd {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut authorized = String::new();
        for key in allowed {
            authorized.push_str(&std::fs::read_to_string(key).expect("a public key"));
        }
        let file = dir.path().join("authorized_keys");
        std::fs::write(&file, authorized).unwrap();
        Sshd::launch(home, dir, &file, "")
    }

    /// Starts sshd for a gitolite whose hosting account's home is `server_home`: the keys are
    /// the ones gitolite writes into `server_home/.ssh/authorized_keys` (each forced to run
    /// gitolite-shell as its user), and sessions get `HOME=server_home`, as they would log in
    /// as gitolite's own account.
    pub fn start_gitolite(home: &Path, server_home: &Path) -> Sshd {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = server_home.join(".ssh/authorized_keys");
        let extra = format!("SetEnv HOME={}\n", server_home.display());
        Sshd::launch(home, dir, &file, &extra)
    }

    fn launch(home: &Path, dir: tempfile::TempDir, authorized: &Path, extra: &str) -> Sshd {
        assert!(Path::new(SSHD).is_file(), "{SSHD} is missing: {INSTALL}");
        let host_key = dir.path().join("host_key");
        keygen(&host_key, "");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let d = dir.path().display();
        // MaxAuthTries is high so that a client offering the same key again and again shows in
        // the log instead of being cut off by the server.
        let a = authorized.display();
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
             AuthorizedKeysFile {a}\nUsePAM no\nStrictModes no\n\
             PubkeyAuthentication yes\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n\
             MaxAuthTries 50\nLogLevel VERBOSE\n{extra}"
        );
        std::fs::write(dir.path().join("sshd_config"), config).unwrap();
        let host_pub = std::fs::read_to_string(dir.path().join("host_key.pub")).unwrap();
        let ssh = home.join(".ssh");
        std::fs::create_dir_all(&ssh).unwrap();
        let known: Vec<&str> = host_pub.split_whitespace().take(2).collect();
        std::fs::write(
            ssh.join("known_hosts"),
            format!("[127.0.0.1]:{port} {}\n", known.join(" ")),
        )
        .unwrap();
        let child = Command::new(SSHD)
            .arg("-D")
            .arg("-f")
            .arg(dir.path().join("sshd_config"))
            .arg("-E")
            .arg(dir.path().join("log"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{SSHD} cannot run ({e}): {INSTALL}"));
        let mut sshd = Sshd {
            child,
            dir,
            port,
            user: current_user(),
        };
        sshd.wait_listening();
        sshd
    }

    fn wait_listening(&mut self) {
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("{}", self.refusal(status));
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "sshd did not listen on {}; its log:\n{}",
                self.port,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Why sshd stopped at once, in its own words and with what to do.
    fn refusal(&mut self, status: std::process::ExitStatus) -> String {
        let mut said = self.log();
        if let Some(mut err) = self.child.stderr.take() {
            use std::io::Read;
            let _ = err.read_to_string(&mut said);
        }
        let why = if said.contains("privilege separation directory") {
            "sshd run as root needs its privilege separation directory: \
             `mkdir -p -m 0755 /run/sshd` as root (scripts/test does)"
        } else if said.contains("privilege separation user") {
            "sshd run as root needs the `sshd` account that openssh-server creates: \
             reinstall openssh-server"
        } else if said.contains("re-exec requires execution with an absolute path") {
            "sshd must be started by its absolute path"
        } else {
            "see sshd's words above"
        };
        format!(
            "sshd refused to run as `{}` ({status}):\n{said}\n{why}",
            current_user()
        )
    }

    /// What sshd logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
    }

    /// The `ssh://` URL of the repository at `path` on this machine.
    pub fn url(&self, path: &Path) -> String {
        format!(
            "ssh://{}@127.0.0.1:{}{}",
            self.user,
            self.port,
            path.display()
        )
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The account running the tests (pinned environments have no `USER`).
pub fn current_user() -> String {
    let out = Command::new("id").arg("-un").output().expect("id runs");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// An ssh-agent of the test's own, listening on a socket in a folder of its own.
pub struct Agent {
    child: Child,
    _dir: tempfile::TempDir,
    /// The socket, for `SSH_AUTH_SOCK`.
    pub socket: PathBuf,
}

impl Agent {
    /// Starts the agent and adds the private keys `keys` to it.
    pub fn start(keys: &[&Path]) -> Agent {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let socket = dir.path().join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("ssh-agent cannot run ({e}): {INSTALL}"));
        let agent = Agent {
            child,
            _dir: dir,
            socket,
        };
        // The socket exists from bind() on but takes connections only after listen(): wait
        // for a connection, not for the file, or a busy machine sees ssh-add refused.
        let start = Instant::now();
        while std::os::unix::net::UnixStream::connect(&agent.socket).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "ssh-agent never listened on its socket"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        for key in keys {
            let out = Command::new("ssh-add")
                .arg(key)
                .env_clear()
                .env("SSH_AUTH_SOCK", &agent.socket)
                .stdin(Stdio::null())
                .output()
                .unwrap_or_else(|e| panic!("ssh-add cannot run ({e}): {INSTALL}"));
            assert!(
                out.status.success(),
                "ssh-add {}: {}",
                key.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        agent
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
